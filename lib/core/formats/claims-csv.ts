/**
 * The claims CSV: one row per claim, with its evidence and then the claim types' own fields
 * (cells as in the records CSV, `fieldCell`).
 *
 * Columns: id, document, type, status, author, quote, start, end, prefix, suffix, spans, then
 * the field keys. start and end are code points of the canonical text (end exclusive) from the
 * first span's start to the last span's end; a claim with several spans (discontinuous evidence)
 * has their quotes joined by " … " and every span in `spans` as "start-end;start-end".
 * A generator of string chunks for streaming; RFC 4180, CRLF, formula cells neutralized. Pure.
 */
import { csvRow } from "@/lib/core/csv";
import { fieldCell, fieldColumns } from "./records-csv";
import type { ExportClaim, ExportClaimType } from "./types";

export const CLAIM_COLUMNS = ["id", "document", "type", "status", "author", "quote", "start", "end", "prefix", "suffix", "spans"] as const;

/** The claims CSV as chunks: the header row, then one row per claim. */
export async function* claimsCsv(types: readonly ExportClaimType[], claims: Iterable<ExportClaim> | AsyncIterable<ExportClaim>): AsyncGenerator<string> {
  const fields = new Map(types.map((t) => [t.definition.key, new Map(t.definition.fields.map((f) => [f.key, f]))]));
  const columns = fieldColumns(types, CLAIM_COLUMNS);
  yield csvRow([...CLAIM_COLUMNS, ...columns.map((c) => c.name)]);
  for await (const c of claims) {
    const own = fields.get(c.typeKey);
    const first = c.spans[0];
    const last = c.spans[c.spans.length - 1];
    yield csvRow([
      c.id, c.documentId, c.typeKey, c.status, c.author, c.spans.map((s) => s.exact).join(" … "),
      first?.start ?? null, last?.end ?? null, first?.prefix ?? "", last?.suffix ?? "",
      c.spans.map((s) => `${s.start}-${s.end}`).join(";"),
      ...columns.map(({ key }) => {
        const f = own?.get(key);
        return f ? fieldCell(f, c.values[key]) : null;
      }),
    ]);
  }
}
