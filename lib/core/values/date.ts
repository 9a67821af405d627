/**
 * Date values: the schema, the parser and the display formatter, in one import.
 * See date-schema.ts (invariants), date-parse.ts (forms), date-resolve.ts (publication-date
 * rules for yearless and relative dates) and date-format.ts (display).
 */
export {
  DateValueSchema,
  DATE_PRECISIONS,
  type DateValue,
  type DatePrecision,
  type DateReference,
} from "./date-schema";
export { parseDate } from "./date-parse";
export { formatDateValue } from "./date-format";
export { daysInMonth } from "./date-calendar";
