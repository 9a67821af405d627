/**
 * Agreement tables as CSV (lib/core/csv.ts): one header row with snake_case names, ratios as
 * plain numbers at full precision, "no data" as an empty cell. Annotators and documents are named
 * by id (stable, for joining) with their display name or title next to it (for reading); a name not
 * given is an empty cell.
 * Pure; never throws.
 */
import { csvTable, type CsvValue } from "@/lib/core/csv";
import type { AlphaResult } from "./alpha";
import type { AnnotatorMatrix, DocumentSummary, TypeSummary } from "./aggregate";
import type { SpanRow } from "./document";
import { scoresOf } from "./scores";
import type { Scores } from "./types";

const SCORE_COLUMNS = (p: string) => [`${p}_matched`, `${p}_only_a`, `${p}_only_b`, `${p}_precision`, `${p}_recall`, `${p}_f1`];
const scoreCells = (s: Scores): CsvValue[] => [s.matched, s.onlyA, s.onlyB, s.precision, s.recall, s.f1];
const alphaCells = (a: AlphaResult): CsvValue[] => [a.alpha, a.reason ?? "", a.units];
const ALPHA_COLUMNS = ["label_alpha", "label_alpha_reason", "label_units"];

/** Display names by id: annotators (user id to name) and documents (id to title). */
export interface CsvNames {
  annotators?: Readonly<Record<string, string>>;
  documents?: Readonly<Record<string, string>>;
}

const own = (m: Readonly<Record<string, string>> | undefined, id: string): string => (m && Object.hasOwn(m, id) ? m[id] : "");

/** One row per document, annotator pair and claim type. */
export function spanRowsCsv(rows: readonly SpanRow[], names: CsvNames = {}): string {
  const a = names.annotators;
  return csvTable(
    ["document_id", "document_title", "annotator_a", "annotator_a_name", "annotator_b", "annotator_b_name", "type_key", ...SCORE_COLUMNS("exact"), ...SCORE_COLUMNS("overlap")],
    rows.map((r) => [
      r.documentId, own(names.documents, r.documentId), r.annotatorA, own(a, r.annotatorA), r.annotatorB, own(a, r.annotatorB), r.typeKey,
      ...scoreCells(scoresOf(r.exact)), ...scoreCells(scoresOf(r.overlap)),
    ]),
  );
}

export function documentsCsv(docs: readonly DocumentSummary[], names: CsvNames = {}): string {
  return csvTable(
    ["document_id", "document_title", "annotators", ...SCORE_COLUMNS("exact"), ...SCORE_COLUMNS("overlap"), ...ALPHA_COLUMNS],
    docs.map((d) => [d.documentId, own(names.documents, d.documentId), d.annotators, ...scoreCells(d.exact), ...scoreCells(d.overlap), ...alphaCells(d.labels)]),
  );
}

export function typesCsv(types: readonly TypeSummary[]): string {
  return csvTable(
    ["type_key", ...SCORE_COLUMNS("exact"), ...SCORE_COLUMNS("overlap"), ...ALPHA_COLUMNS],
    types.map((t) => [t.typeKey, ...scoreCells(t.exact), ...scoreCells(t.overlap), ...alphaCells(t.labels)]),
  );
}

/** One row per claim type and field. */
export function fieldsCsv(types: readonly TypeSummary[]): string {
  return csvTable(
    ["type_key", "field_key", "kind", "compared", "agreed", "ratio", "one_empty", "both_empty"],
    types.flatMap((t) => t.fields.map((f) => [t.typeKey, f.fieldKey, f.kind, f.compared, f.agreed, f.ratio, f.oneEmpty, f.bothEmpty])),
  );
}

/** The matrix: each row an annotator (id, then name); the header names the columns by id, in the rows' order. */
export function matrixCsv(m: AnnotatorMatrix, names: CsvNames = {}): string {
  return csvTable(["annotator", "annotator_name", ...m.annotators], m.annotators.map((a, i) => [a, own(names.annotators, a), ...m.f1[i]]));
}
