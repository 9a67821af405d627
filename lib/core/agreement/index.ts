/**
 * Inter-annotator agreement: span matching (exact and overlap), Krippendorff's alpha, field
 * agreement on matched claims, aggregates and CSV tables. Pure: callers load the claims.
 */
export type { AgreementClaim, ClaimPair, MatchCounts, Scores, Span } from "./types";
export { normalizeSpans, overlapSize } from "./span-sets";
export { matchClaims, type Matching, type MatchMode } from "./matching";
export { scoresOf, swapCounts } from "./scores";
export { krippendorffAlpha, type AlphaMetric, type AlphaOptions, type AlphaResult, type AlphaValue } from "./alpha";
export { buildLabelUnits, NONE_LABEL, type LabelUnit, type Unlabelled } from "./label-units";
export { normalizeText, quantityInterval, valuesAgree, isEmptyValue } from "./field-values";
export { fieldAgreement, type FieldAgreement, type FieldCounts } from "./fields";
export {
  documentAgreement, typeAlpha,
  type AgreementOptions, type DocumentAgreement, type FieldRow, type PairAgreement, type SpanRow,
} from "./document";
export {
  projectAgreement,
  type AnnotatorMatrix, type DocumentSummary, type ProjectAgreement, type ProjectInput, type Summary, type TypeSummary,
} from "./aggregate";
export { documentsCsv, fieldsCsv, matrixCsv, spanRowsCsv, typesCsv } from "./tables";
