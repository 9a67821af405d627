/**
 * Inter-annotator agreement: span matching (exact and overlap), Krippendorff's alpha, field
 * agreement on matched claims, aggregates and CSV tables. Pure: callers load the claims.
 */
export type { AgreementClaim } from "./types";
export { normalizeSpans, overlapSize } from "./span-sets";
export { matchClaims } from "./matching";
export { scoresOf, swapCounts } from "./scores";
export { krippendorffAlpha, type AlphaResult, type AlphaValue } from "./alpha";
export { buildLabelUnits, NONE_LABEL } from "./label-units";
export { normalizeText, quantityInterval, valuesAgree, isEmptyValue } from "./field-values";
export { fieldAgreement } from "./fields";
export {
  documentAgreement,
  type SpanRow,
} from "./document";
export {
  projectAgreement,
  type ProjectAgreement,
} from "./aggregate";
export { documentsCsv, fieldsCsv, matrixCsv, spanRowsCsv, typesCsv, type CsvNames } from "./tables";
