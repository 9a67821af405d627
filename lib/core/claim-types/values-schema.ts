/**
 * The schema of a claim's `values` record, built from its claim-type definition.
 *
 * Per field kind: quantity, date, place, actor, attribution -> their value schemas; boolean ->
 * "yes" | "no" | "unknown"; number -> a finite number; text -> a string of at most
 * MAX_TEXT characters; enum -> one option value, or (maxSelected > 1) a list of distinct option
 * values, at most maxSelected long; `many` -> a list of the kind's values.
 * Required fields must be present, not null and not empty (blank text, empty list); optional
 * fields may be absent or null. Keys not in the definition are rejected.
 *
 * Wording (quantity and date fields, see field-wording.ts): a value without `manual: true` must be
 * exactly what its `raw` reads to in the claim's context (publication date, text before the first
 * span, the field's default unit). A non-manual value whose wording cannot be read is refused with
 * a message that says to enter it by hand or mark it unknown; a value that differs from its
 * reading (a stale or lying client) is refused too. A hand-entered value (`manual: true`) is
 * checked by its schema only. A unit-required quantity marked unknown needs no unit.
 * Old claims: a field whose value equals `context.previous[key]` (the stored version being
 * edited) is not re-read, so a value stored under an older parser stays valid until it is edited.
 *
 * Invariants: pure; `validateClaimValues` never throws and reports every problem as
 * { field, message } with the field key ("" for the record itself) and a plain sentence.
 */
import { z } from "zod";
import {
  ActorSchema, AttributionSchema, DateValueSchema, PlaceSchema, QuantitySchema, TristateSchema,
} from "@/lib/core/values";
import { isMultiEnum, type ClaimTypeDefinition, type FieldDefinition, type FieldKind } from "./definition";
import { isWordingField, readFieldWording, sameFieldValue, type WordingContext } from "./field-wording";

/** Longest text value: a few sentences of notes, not a copy of the document. */
export const MAX_TEXT = 2000;
/** Longest list in a `many` field (perpetrators, places): generous, but bounded. */
export const MAX_LIST = 100;

function enumSchema(f: FieldDefinition): z.ZodType {
  const values = (f.options ?? []).map((o) => o.value);
  const one = z.string().refine((v) => values.includes(v), {
    error: `must be one of: ${(f.options ?? []).map((o) => o.label).join(", ")}`,
  });
  if (!isMultiEnum(f)) return one;
  const max = f.maxSelected ?? 1;
  return z
    .array(one)
    .max(max, { error: `choose at most ${max}` })
    .refine((a) => new Set(a).size === a.length, { error: "each choice may appear only once" });
}

function baseSchema(f: FieldDefinition): z.ZodType {
  switch (f.kind) {
    case "text":
      return z.string().max(MAX_TEXT, { error: `at most ${MAX_TEXT} characters` });
    case "number":
      return z.number(); // zod 4 rejects NaN and infinities
    case "quantity":
      return f.unitRequired
        ? QuantitySchema.refine((q) => q.unit !== undefined || q.qualifier === "unknown", {
            error: "give the unit: write it in the wording (e.g. \"3,000 fighters\") or enter it by hand",
            path: ["unit"],
          })
        : QuantitySchema;
    case "date":
      return DateValueSchema;
    case "place":
      return PlaceSchema;
    case "actor":
      return ActorSchema;
    case "attribution":
      return AttributionSchema;
    case "boolean":
      return TristateSchema;
    case "enum":
      return enumSchema(f);
  }
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);

/** The schema for one field's value, including presence rules. */
export function buildFieldSchema(f: FieldDefinition): z.ZodType {
  let s = baseSchema(f);
  if (f.many) s = z.array(s).max(MAX_LIST, { error: `at most ${MAX_LIST} entries` });
  if (!f.required) return s.nullable().optional();
  return s.refine((v) => !isEmpty(v), { error: "a value is required" });
}

export function buildValuesSchema(def: ClaimTypeDefinition): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const f of def.fields) shape[f.key] = buildFieldSchema(f);
  return z.strictObject(shape);
}

export type ValuesIssue = { field: string; message: string };
export type ValuesResult =
  | { ok: true; values: Record<string, unknown> }
  | { ok: false; issues: ValuesIssue[] };

const KIND_NOUN: Record<FieldKind, string> = {
  text: "text", number: "a number", quantity: "a quantity", date: "a date", place: "a place",
  actor: "an actor", enum: "a choice", boolean: "yes, no or unknown", attribution: "an attribution",
};

function sentence(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1) + (/[.?!]$/.test(s) ? "" : ".");
}

function describe(issue: z.core.$ZodIssue, f: FieldDefinition, value: unknown): string {
  const sub = issue.path
    .slice(1)
    .map((p) => (typeof p === "number" ? `#${p + 1}` : String(p)))
    .join(" ");
  const where = sub ? `${sub}: ` : "";
  if (f.required && isEmpty(value)) return "A value is required.";
  switch (issue.code) {
    case "invalid_type":
      if (issue.path.length === 1) return sentence(`expected ${f.many ? `a list of ${KIND_NOUN[f.kind]} values` : KIND_NOUN[f.kind]}`);
      return sentence(`${where}expected ${issue.expected === "string" ? "text" : `a ${issue.expected}`}`);
    case "invalid_value":
      return sentence(`${where}must be one of: ${issue.values.map(String).join(", ")}`);
    case "unrecognized_keys":
      return sentence(`${where}unexpected ${issue.keys.length > 1 ? "entries" : "entry"} ${issue.keys.join(", ")}`);
    case "custom": {
      // Our own refinement messages name their subject ("low (5) is above high (2)"); keep
      // only list positions as context.
      const at = issue.path.slice(1).filter((p) => typeof p === "number").map((p) => `#${p + 1} `).join("");
      return sentence(`${at}${issue.message}`);
    }
    default:
      return sentence(`${where}${issue.message}`);
  }
}

/** The claim's surroundings for reading wording, and the stored values when editing. */
export type ValuesContext = WordingContext & { previous?: Record<string, unknown> };

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** Wording problems of quantity and date fields, by field key; see the module comment. */
function wordingIssues(def: ClaimTypeDefinition, record: Record<string, unknown>, ctx: ValuesContext, schemaFailed: Set<string>) {
  const out = new Map<string, string>();
  for (const f of def.fields) {
    if (!isWordingField(f)) continue;
    const value = asRecord(record[f.key]);
    if (!value) continue;
    const kindKey = f.kind === "quantity" ? "qualifier" : "precision";
    if (value.manual === true && value[kindKey] === undefined) {
      out.set(f.key, f.kind === "quantity"
        ? "Choose what kind of figure was entered by hand (exact, about, at least, range…), or mark it unknown."
        : "Choose the precision of the date entered by hand (day, month, year…), or mark it unknown.");
      continue;
    }
    if (value.manual === true || typeof value.raw !== "string") continue;
    if (ctx.previous && sameFieldValue(ctx.previous[f.key], record[f.key])) continue;
    const noun = f.kind === "quantity" ? "a figure" : "a date";
    const raw = value.raw;
    const reading = readFieldWording(f, raw, ctx);
    if (!reading.ok) {
      out.set(f.key, raw.trim() === ""
        ? `No wording and no value: give the wording, enter the value by hand, or mark it unknown.`
        : `The wording "${raw}" cannot be read as ${noun} (${reading.error.replace(/\.$/, "")}). Enter the value by hand or mark it unknown.`);
    } else if (!schemaFailed.has(f.key) && !sameFieldValue(reading.value, value)) {
      out.set(f.key, `The value does not match its wording "${raw}", which reads: ${reading.explanation} Type the wording again, or enter the value by hand.`);
    }
  }
  return out;
}

/** Validates a claim's values against its claim-type version; see the module comment. */
export function validateClaimValues(def: ClaimTypeDefinition, values: unknown, context: ValuesContext = {}): ValuesResult {
  if (typeof values !== "object" || values === null || Array.isArray(values)) {
    return { ok: false, issues: [{ field: "", message: "Values must be a record of field values." }] };
  }
  const record = values as Record<string, unknown>;
  const parsed = buildValuesSchema(def).safeParse(values);
  const schemaFailed = new Set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0] ?? "")));
  const wording = wordingIssues(def, record, context, schemaFailed);
  if (parsed.success && wording.size === 0) return { ok: true, values: parsed.data as Record<string, unknown> };
  const byKey = new Map(def.fields.map((f) => [f.key, f]));
  const issues: ValuesIssue[] = [];
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    if (issue.code === "unrecognized_keys" && issue.path.length === 0) {
      for (const k of issue.keys) issues.push({ field: k, message: `"${k}" is not a field of ${def.name}.` });
      continue;
    }
    const key = String(issue.path[0] ?? "");
    // Unreadable wording explains the field better than the shape errors of its missing value.
    if (wording.has(key)) continue;
    const f = byKey.get(key);
    issues.push({ field: key, message: f ? describe(issue, f, record[key]) : sentence(issue.message) });
  }
  for (const [field, message] of wording) issues.push({ field, message });
  // In the form's order, so the first issue is the first field with a problem (the form focuses it).
  const order = new Map(def.fields.map((f, i) => [f.key, i]));
  issues.sort((a, b) => (order.get(a.field) ?? -1) - (order.get(b.field) ?? -1));
  // One message per field and text: a missing value can raise several issues.
  const seen = new Set<string>();
  return { ok: false, issues: issues.filter((i) => !seen.has(`${i.field}\n${i.message}`) && !!seen.add(`${i.field}\n${i.message}`)) };
}
