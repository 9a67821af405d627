/**
 * Quantity values: the schema, the phrase parser and the fatality-wording check, in one import.
 * See quantity-schema.ts (shape invariants, total = parts), quantity-parse.ts (rules 1-11 and
 * decisions), quantity-wording.ts (hedges, notes, measures, absence), quantity-figure.ts (one
 * figure, and the split of a phrase into figures), quantity-sum.ts (the algebra of a total),
 * quantity-core.ts (range multiplier carry-back rule) and fatality-wording.ts (rule 8).
 */
export {
  QuantitySchema,
  QUALIFIERS,
  type Quantity,
  type QuantityPart,
  type Qualifier,
} from "./quantity-schema";
export { parseQuantity } from "./quantity-parse";
export { isFatalityWording } from "./fatality-wording";
