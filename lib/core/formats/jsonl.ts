/**
 * JSON Lines exports and their reader.
 *
 * - Records: one line per record with its fields (value, the rule that chose it, the claims
 *   supporting it, the alternatives with their claims), conflicts, sources and evidence: for each
 *   of its claims, every span with document, quote, code-point offsets (end exclusive), prefix
 *   and suffix.
 * - Claims: one line per claim with every stored field (ExportClaim), so an import of the file
 *   restores them exactly.
 * Writers are generators of lines ("…\n") for streaming. Readers validate each line with zod and
 * report problems by line number (1-based); they never throw. Keys keep the insertion order of
 * the schemas, so writing what was read gives the same bytes.
 */
import { z } from "zod";
import type { ExportClaim, ExportRecord } from "./types";

const Json = z.unknown();
const Span = z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(0), exact: z.string(), prefix: z.string(), suffix: z.string() });

export const ClaimLineSchema = z.strictObject({
  id: z.string().min(1),
  documentId: z.string().min(1),
  typeKey: z.string().min(1),
  typeVersion: z.number().int().min(1),
  seq: z.number().int().min(0),
  status: z.string().min(1),
  author: z.string(),
  values: z.record(z.string(), Json),
  note: z.string(),
  spans: z.array(Span),
  version: z.number().int().min(1),
  createdAt: z.string().min(1),
  updatedAt: z.string().min(1),
});

const Alternative = z.strictObject({ value: Json, claimIds: z.array(z.string()) });
export const RecordLineSchema = z.strictObject({
  id: z.string().min(1),
  type: z.string().min(1),
  seq: z.number().int().min(0),
  status: z.string(),
  dateStart: z.string().nullable(),
  dateEnd: z.string().nullable(),
  country: z.string().nullable(),
  numberOfSources: z.number().int().min(0),
  sources: z.array(z.array(z.string())),
  notes: z.string(),
  fields: z.record(z.string(), z.strictObject({
    value: Json, rule: z.string(), supportingClaims: z.array(z.string()), alternatives: z.array(Alternative), note: z.string().optional(),
  })),
  conflicts: z.array(z.strictObject({
    field: z.string(), kind: z.string(), message: z.string(), status: z.string(),
    sides: z.array(z.strictObject({ claimIds: z.array(z.string()), documentIds: z.array(z.string()), value: Json })),
  })),
  evidence: z.array(z.strictObject({ claimId: z.string(), document: z.string(), ...Span.shape })),
});
export type RecordLine = z.infer<typeof RecordLineSchema>;

/** What a record's evidence needs of a claim: where its spans are. */
export type EvidenceClaim = Pick<ExportClaim, "id" | "documentId" | "spans">;

/** One record's line content; evidence from its claims in the record's order (unknown ids skipped). */
export function recordLine(r: ExportRecord, claims: readonly EvidenceClaim[]): RecordLine {
  const byId = new Map(claims.map((c) => [c.id, c]));
  return {
    id: r.id, type: r.typeKey, seq: r.seq, status: r.status, dateStart: r.dateStart, dateEnd: r.dateEnd, country: r.country,
    numberOfSources: r.numberOfSources, sources: r.sources, notes: r.notes ?? "",
    fields: Object.fromEntries(Object.entries(r.fields).map(([k, f]) => [k, {
      value: f.value ?? null, rule: f.rule, supportingClaims: f.supportingClaims, alternatives: f.alternatives,
      ...(f.note !== undefined ? { note: f.note } : {}),
    }])),
    conflicts: r.conflicts,
    evidence: r.claimIds.flatMap((id) => {
      const c = byId.get(id);
      return (c?.spans ?? []).map((s) => ({ claimId: id, document: c!.documentId, start: s.start, end: s.end, exact: s.exact, prefix: s.prefix, suffix: s.suffix }));
    }),
  };
}

/** The records JSONL, a line per record; `claims` gives each record's claims (for evidence). */
export async function* recordsJsonl(
  records: Iterable<{ record: ExportRecord; claims: readonly EvidenceClaim[] }> | AsyncIterable<{ record: ExportRecord; claims: readonly EvidenceClaim[] }>,
): AsyncGenerator<string> {
  for await (const { record, claims } of records) yield `${JSON.stringify(recordLine(record, claims))}\n`;
}

/** The claims JSONL, a line per claim with every stored field. */
export async function* claimsJsonl(claims: Iterable<ExportClaim> | AsyncIterable<ExportClaim>): AsyncGenerator<string> {
  for await (const c of claims) {
    // Picked field by field: the schema's key order, and nothing the caller added.
    const line: ExportClaim = {
      id: c.id, documentId: c.documentId, typeKey: c.typeKey, typeVersion: c.typeVersion, seq: c.seq, status: c.status,
      author: c.author, values: c.values, note: c.note,
      spans: c.spans.map((s) => ({ start: s.start, end: s.end, exact: s.exact, prefix: s.prefix, suffix: s.suffix })),
      version: c.version, createdAt: c.createdAt, updatedAt: c.updatedAt,
    };
    yield `${JSON.stringify(line)}\n`;
  }
}

export type JsonlIssue = { line: number; message: string };
export type JsonlResult<T> = { ok: true; items: T[] } | { ok: false; issues: JsonlIssue[] };

function readJsonl<T>(text: string, schema: z.ZodType<T>): JsonlResult<T> {
  const items: T[] = [];
  const issues: JsonlIssue[] = [];
  const lines = text.split("\n");
  // A final line break ends the last line; it does not start an empty one.
  if (lines[lines.length - 1] === "") lines.pop();
  lines.forEach((raw, i) => {
    const line = i + 1;
    const s = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (s.trim() === "") return void issues.push({ line, message: "empty line" });
    let data: unknown;
    try {
      data = JSON.parse(s);
    } catch (e) {
      return void issues.push({ line, message: `not JSON: ${(e as Error).message}` });
    }
    const parsed = schema.safeParse(data);
    if (parsed.success) items.push(parsed.data);
    else for (const is of parsed.error.issues) issues.push({ line, message: `${is.path.length ? `${is.path.join(".")}: ` : ""}${is.message}` });
  });
  return issues.length ? { ok: false, issues } : { ok: true, items };
}

/** Reads a claims JSONL written by `claimsJsonl`. */
export function readClaimsJsonl(text: string): JsonlResult<ExportClaim> {
  return readJsonl(text, ClaimLineSchema);
}

/** Reads a records JSONL written by `recordsJsonl`. */
export function readRecordsJsonl(text: string): JsonlResult<RecordLine> {
  return readJsonl(text, RecordLineSchema);
}
