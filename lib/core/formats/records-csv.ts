/**
 * The records CSV: one row per record, with the event-data columns researchers already use
 * (UCDP GED / ACLED style), then the claim types' own fields.
 *
 * Columns: id, type, date_start, date_end, date_precision, country, location, where_precision,
 * actors, low, best, high, number_of_sources, source_documents, notes, then one column per field
 * key of the types, in the types' order (a key shared by several types is one column; a key
 * that is also a fixed column is named `field_<key>`).
 * - date_precision: of the first date field; location and where_precision: of the first place
 *   field; actors: every actor of the actor fields, "; " between them; low/best/high: the first
 *   quantity field's combined figure; source_documents: the document ids, "; " between sources
 *   and " " within one; notes: the record's notes, then its open conflicts.
 * - Field cells (`fieldCell`): enum values and lists "; "-joined, figures "low–high (best b)",
 *   date windows "start/end", places and actors as written; empty is an empty cell.
 * Written as a generator of string chunks (header, then a row per record) so the caller streams
 * with constant memory. RFC 4180, CRLF, formula cells neutralized (csv.ts). Pure.
 */
import type { ClaimTypeDefinition, FieldDefinition } from "@/lib/core/claim-types";
import { csvRow, type CsvValue } from "@/lib/core/csv";
import type { ExportClaimType, ExportRecord } from "./types";

export const RECORD_COLUMNS = [
  "id", "type", "date_start", "date_end", "date_precision", "country", "location", "where_precision",
  "actors", "low", "best", "high", "number_of_sources", "source_documents", "notes",
] as const;

const LIST = "; ";
const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

function one(f: FieldDefinition, v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const r = obj(v);
  if (!r) return Array.isArray(v) ? v.map((x) => one(f, x)).filter(Boolean).join(LIST) : "";
  switch (f.kind) {
    case "quantity": {
      if (typeof r.raw === "string" && r.raw !== "") return r.raw;
      const [low, best, high] = [num(r.low), num(r.best), num(r.high)];
      const range = low === high ? (low === null ? "" : String(low)) : `${low ?? ""}–${high ?? ""}`;
      return best === null ? range : range === String(best) ? range : `${range} (best ${best})`;
    }
    case "date":
      if (typeof r.raw === "string" && r.raw !== "") return r.raw;
      return r.start === r.end ? str(r.start) : `${str(r.start)}/${str(r.end)}`;
    case "place":
      return typeof r.country === "string" ? `${str(r.raw)} (${r.country})` : str(r.raw);
    case "attribution":
      return `${str(r.raw)} (${str(r.sourceType)}, ${str(r.stance)})`;
    default:
      return str(r.raw) || JSON.stringify(v);
  }
}

/** A field value as one readable cell; see the module comment. */
export function fieldCell(f: FieldDefinition, value: unknown): CsvValue {
  if (typeof value === "number") return value;
  if (Array.isArray(value)) return value.map((x) => one(f, x)).filter(Boolean).join(LIST);
  return one(f, value);
}

/**
 * The own-field columns of several types: field keys in order, each once, named by the key or,
 * when the key is one of the fixed columns (attack's `location`), `field_<key>`.
 */
export function fieldColumns(types: readonly ExportClaimType[], fixed: readonly string[]): { key: string; name: string }[] {
  const keys: string[] = [];
  for (const t of types) for (const f of t.definition.fields) if (!keys.includes(f.key)) keys.push(f.key);
  return keys.map((key) => ({ key, name: fixed.includes(key) ? `field_${key}` : key }));
}

const firstOf = (def: ClaimTypeDefinition | undefined, kind: FieldDefinition["kind"]) => def?.fields.find((f) => f.kind === kind);

function recordCells(def: ClaimTypeDefinition | undefined, r: ExportRecord, columns: readonly { key: string }[]): CsvValue[] {
  const value = (f: FieldDefinition | undefined) => (f ? r.fields[f.key]?.value : undefined);
  const date = obj(value(firstOf(def, "date")));
  const placeValue = value(firstOf(def, "place"));
  const places = (Array.isArray(placeValue) ? placeValue : [placeValue]).map(obj).filter((p) => p !== null);
  const figure = obj(value(firstOf(def, "quantity")));
  const actors = (def?.fields ?? [])
    .filter((f) => f.kind === "actor")
    .flatMap((f) => {
      const v = value(f);
      return (Array.isArray(v) ? v : [v]).map((a) => str(obj(a)?.raw)).filter(Boolean);
    });
  const open = r.conflicts.filter((c) => c.status === "open").map((c) => `conflict (${c.field}): ${c.message}`);
  const byKey = new Map((def?.fields ?? []).map((f) => [f.key, f]));
  return [
    r.id, r.typeKey, r.dateStart, r.dateEnd, str(date?.precision), r.country,
    places.map((p) => str(p.raw)).join(LIST), places.length === 1 ? num(places[0].precision) : null,
    [...new Set(actors)].join(LIST), num(figure?.low), num(figure?.best), num(figure?.high),
    r.numberOfSources, r.sources.map((s) => s.join(" ")).join(LIST),
    [r.notes ?? "", ...open].filter(Boolean).join(LIST),
    ...columns.map(({ key }) => {
      const f = byKey.get(key);
      return f ? fieldCell(f, r.fields[key]?.value) : null;
    }),
  ];
}

/** The records CSV as chunks: the header row, then one row per record. */
export async function* recordsCsv(types: readonly ExportClaimType[], records: Iterable<ExportRecord> | AsyncIterable<ExportRecord>): AsyncGenerator<string> {
  const defs = new Map(types.map((t) => [t.definition.key, t.definition]));
  const columns = fieldColumns(types, RECORD_COLUMNS);
  yield csvRow([...RECORD_COLUMNS, ...columns.map((c) => c.name)]);
  for await (const r of records) yield csvRow(recordCells(defs.get(r.typeKey), r, columns));
}
