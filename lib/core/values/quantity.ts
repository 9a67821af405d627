/**
 * Quantity values: the schema, the phrase parser and the fatality-wording check, in one import.
 * See quantity-schema.ts (shape invariants), quantity-parse.ts (rules 1-7 and decisions),
 * quantity-core.ts (range multiplier carry-back rule) and fatality-wording.ts (rule 8).
 */
export {
  QuantitySchema, QuantityPartSchema, QUALIFIERS, MAX_QUANTITY_RAW, MAX_QUANTITY_PARTS,
  type Quantity, type QuantityPart, type Qualifier, type QuantityParse,
} from "./quantity-schema";
export { parseQuantity, type ParseQuantityOptions } from "./quantity-parse";
export { DEFAULT_VAGUE_LEXICON } from "./quantity-phrases";
export { isFatalityWording } from "./fatality-wording";
