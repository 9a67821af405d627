/**
 * Quantity values: the schema, the phrase parser and the fatality-wording check, in one import.
 * See quantity-schema.ts (shape invariants, total = parts), quantity-parse.ts (rules 1-11 and
 * decisions), quantity-wording.ts (hedges, notes, measures, absence), quantity-figure.ts (one
 * figure, and the split of a phrase into figures), quantity-sum.ts (the algebra of a total),
 * quantity-core.ts (range multiplier carry-back rule) and fatality-wording.ts (rule 8).
 */
export {
  QuantitySchema, QuantityPartSchema, QUALIFIERS, MAX_QUANTITY_RAW, MAX_QUANTITY_PARTS,
  type Quantity, type QuantityPart, type Qualifier, type QuantityParse,
} from "./quantity-schema";
export { parseQuantity, type ParseQuantityOptions } from "./quantity-parse";
export { sumParts, type SumResult, type Total } from "./quantity-sum";
export { DEFAULT_VAGUE_LEXICON } from "./quantity-phrases";
export { isFatalityWording } from "./fatality-wording";
