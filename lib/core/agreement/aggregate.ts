/**
 * Agreement aggregated over documents: per document, per claim type, for the project, and the
 * annotator-by-annotator matrix.
 *
 * Aggregates sum the counts of the finest rows (document x pair x type) and compute the ratios
 * from the sums (micro-averaging): a document with 300 claims weighs more than one with 3, and
 * a pair with no data adds nothing instead of a meaningless ratio. Label alpha pools the units of
 * every document into one reliability matrix (each unit keeps its own coders).
 * Pure; never throws.
 */
import type { FieldDefinition } from "@/lib/core/claim-types/definition";
import { krippendorffAlpha, type AlphaResult } from "./alpha";
import { documentAgreement, typeAlpha, type AgreementOptions, type DocumentAgreement, type SpanRow } from "./document";
import { addFieldCounts, withRatio, type FieldAgreement, type FieldCounts } from "./fields";
import { unitLabel } from "./label-units";
import { addCounts, NO_COUNTS, scoresOf, swapCounts } from "./scores";
import type { AgreementClaim, MatchCounts, Scores } from "./types";

export type Summary = { exact: Scores; overlap: Scores };
export type DocumentSummary = Summary & { documentId: string; annotators: number; labels: AlphaResult };
export type TypeSummary = Summary & { typeKey: string; labels: AlphaResult; fields: FieldAgreement[] };
export type AnnotatorMatrix = {
  annotators: string[];
  /** f1[i][j]: overlap F1 of annotators i and j over the documents both annotated; null on the diagonal and with no data. */
  f1: (number | null)[][];
};

export type ProjectAgreement = {
  overall: Summary & { labels: AlphaResult };
  documents: DocumentSummary[];
  types: TypeSummary[];
  matrix: AnnotatorMatrix;
  /** The per-document results, with their pairs and matches. */
  details: DocumentAgreement[];
};

function summed(rows: readonly SpanRow[]): Summary {
  let exact: MatchCounts = NO_COUNTS;
  let overlap: MatchCounts = NO_COUNTS;
  for (const r of rows) {
    exact = addCounts(exact, r.exact);
    overlap = addCounts(overlap, r.overlap);
  }
  return { exact: scoresOf(exact), overlap: scoresOf(overlap) };
}

const byId = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const list = out.get(key(t));
    if (list) list.push(t);
    else out.set(key(t), [t]);
  }
  return out;
}

export type ProjectInput = {
  claims: readonly AgreementClaim[];
  /** Who annotated each document (by document id), including annotators with no claims there. */
  annotators?: Readonly<Record<string, readonly string[]>>;
};

function matrixOf(rows: readonly SpanRow[], annotators: string[]): AnnotatorMatrix {
  const index = new Map(annotators.map((a, i) => [a, i]));
  const counts = annotators.map(() => annotators.map((): MatchCounts => NO_COUNTS));
  for (const r of rows) {
    const i = index.get(r.annotatorA)!;
    const j = index.get(r.annotatorB)!;
    counts[i][j] = addCounts(counts[i][j], r.overlap);
    counts[j][i] = addCounts(counts[j][i], swapCounts(r.overlap));
  }
  return { annotators, f1: counts.map((row, i) => row.map((c, j) => (i === j ? null : scoresOf(c).f1))) };
}

function fieldsOf(fields: readonly FieldDefinition[], rows: DocumentAgreement["fieldRows"]): FieldAgreement[] {
  return fields.map((f) => {
    let c: FieldCounts = { compared: 0, agreed: 0, oneEmpty: 0, bothEmpty: 0 };
    for (const r of rows) if (r.fieldKey === f.key) c = addFieldCounts(c, r);
    return withRatio(f.key, f.kind, c);
  });
}

export function projectAgreement(input: ProjectInput, options: AgreementOptions = {}): ProjectAgreement {
  const unlabelled = options.unlabelled ?? "none";
  const claimsByDoc = groupBy(input.claims, (c) => c.documentId);
  const docIds = [...new Set([...claimsByDoc.keys(), ...Object.keys(input.annotators ?? {})])].sort(byId);
  const details = docIds.map((d) => documentAgreement(d, claimsByDoc.get(d) ?? [], input.annotators?.[d] ?? [], options));
  const spanRows = details.flatMap((d) => d.spanRows);
  const fieldRows = details.flatMap((d) => d.fieldRows);
  const units = details.flatMap((d) => d.units);
  const documents = details.map((d) => ({ documentId: d.documentId, annotators: d.annotators.length, ...summed(d.spanRows), labels: d.labels }));
  const rowsByType = groupBy(spanRows, (r) => r.typeKey);
  const fieldsByType = groupBy(fieldRows, (r) => r.typeKey);
  const types = [...rowsByType.keys()].sort(byId).map((typeKey) => ({
    typeKey,
    ...summed(rowsByType.get(typeKey)!),
    labels: typeAlpha(units, typeKey, unlabelled),
    fields: fieldsOf(options.fields?.[typeKey] ?? [], fieldsByType.get(typeKey) ?? []),
  }));
  const everyone = [...new Set(details.flatMap((d) => d.annotators))].sort(byId);
  const labels = krippendorffAlpha(units.map((u) => u.types.map((t) => unitLabel(t, unlabelled))));
  return { overall: { ...summed(spanRows), labels }, documents, types, matrix: matrixOf(spanRows, everyone), details };
}
