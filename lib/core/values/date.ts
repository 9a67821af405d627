/**
 * Date values: the schema, the parser and the display formatter, in one import.
 * See date-schema.ts (invariants), date-parse.ts (forms), date-resolve.ts (publication-date
 * rules for yearless and relative dates) and date-format.ts (display).
 */
export {
  DateValueSchema, DATE_PRECISIONS, MAX_DATE_RAW,
  type DateValue, type DatePrecision, type DateParse, type DateReference,
} from "./date-schema";
export { parseDate, type ParseDateOptions } from "./date-parse";
export { formatDateValue } from "./date-format";
export { isLeapYear, daysInMonth } from "./date-calendar";
