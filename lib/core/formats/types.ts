/**
 * What the export and import formats read: plain data loaded by the service layer, so every
 * serializer in this folder stays pure. Offsets are Unicode code points of the document's
 * canonical text, end exclusive (claims.md "Span"); timestamps are ISO 8601 strings.
 */
import type { ClaimTypeDefinition } from "@/lib/core/claim-types";

export type ExportDocument = {
  id: string;
  /** Base name for per-document files (brat's .txt/.ann); unique within one export. */
  name: string;
  title: string;
  /** The canonical text the spans point into. */
  text: string;
  /** Publication date as stored ("YYYY", "YYYY-MM", "YYYY-MM-DD") or null. */
  published?: string | null;
  url?: string | null;
};

export type ExportSpan = { start: number; end: number; exact: string; prefix: string; suffix: string };

export type ExportClaimType = {
  id: string;
  /** The definition of the version the export describes; `definition.key` is the type's key. */
  definition: ClaimTypeDefinition;
  version: number;
};

/** A stored claim with every field it has, so the claims JSONL is lossless. */
export type ExportClaim = {
  id: string;
  documentId: string;
  /** The claim type's key ("attack"). */
  typeKey: string;
  typeVersion: number;
  /** The claim's number within its document. */
  seq: number;
  status: string;
  /** The author as people know them (e-mail or name). */
  author: string;
  values: Record<string, unknown>;
  note: string;
  spans: ExportSpan[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type ExportAlternative = { value: unknown; claimIds: string[] };
export type ExportRecordField = {
  value: unknown;
  /** The combine rule that chose the value (reconcile/combine.ts). */
  rule: string;
  supportingClaims: string[];
  alternatives: ExportAlternative[];
  note?: string;
};
export type ExportConflict = {
  field: string;
  kind: string;
  message: string;
  status: string;
  sides: { claimIds: string[]; documentIds: string[]; value: unknown }[];
};

export type ExportRecord = {
  id: string;
  typeKey: string;
  seq: number;
  status: string;
  /** The combined main date window (YYYY-MM-DD), null when undated or in conflict. */
  dateStart: string | null;
  dateEnd: string | null;
  /** ISO 3166-1 alpha-3 of the combined place. */
  country: string | null;
  numberOfSources: number;
  /** Document ids of the record's claims, one list per independent source. */
  sources: string[][];
  fields: Record<string, ExportRecordField>;
  conflicts: ExportConflict[];
  /** The record's claims; evidence for the JSONL is looked up from them. */
  claimIds: string[];
  notes?: string;
};
