/**
 * How a claim's field values are shown: one `FieldDisplay` per field, for tables, lists and summaries.
 *
 * Every value has one of four states, and they never look alike:
 * - "stated": a value the claim holds ("3,000–4,000 fighters (range)", "18–20 April 2022 (days)");
 * - "unknown": the source says it is unknown (quantity or date marked unknown, tristate "unknown");
 * - "not_stated": the field is empty (absent, null, blank text, empty list): text NOT_STATED;
 * - "unreadable": the stored value does not fit the field's kind (e.g. written against an older
 *   version of the claim type whose field had another kind): its wording is shown, marked.
 * Quantities use formatQuantity (values/quantity-format.ts); dates the window of formatDateValue
 * followed by the precision in parentheses. Enum values show their labels, attribution its stance.
 * `raw` is the wording as written, for a tooltip or a secondary line; `detail` a breakdown or note.
 * Pure; never throws.
 */
import {
  ActorSchema, AttributionSchema, DateValueSchema, PlaceSchema, QuantitySchema, TristateSchema,
  formatDateValue, formatNumber, formatQuantity, quantityBreakdown, type DateValue,
} from "@/lib/core/values";
import type { FieldDefinition } from "./definition";

export type DisplayStatus = "stated" | "unknown" | "not_stated" | "unreadable";
export interface FieldDisplay {
  text: string;
  status: DisplayStatus;
  raw?: string;
  detail?: string;
}

/** What an empty field shows: visibly not a value, and unlike "unknown". */
export const NOT_STATED = "—";
const LIST_SEPARATOR = ", ";

const isEmpty = (v: unknown) =>
  v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);

function rawOf(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "object" && v !== null && typeof (v as { raw?: unknown }).raw === "string") return (v as { raw: string }).raw;
  return undefined;
}

function unreadable(v: unknown): FieldDisplay {
  const raw = rawOf(v);
  let text: string;
  if (raw !== undefined) text = raw;
  else {
    try {
      text = JSON.stringify(v) ?? String(v);
    } catch {
      text = String(v);
    }
  }
  return { text: `${text} (not readable as this field)`, status: "unreadable", raw };
}

export function formatDate(v: DateValue): string {
  if (v.precision === "unknown") return v.manual ? "unknown · manual" : "unknown";
  const line = `${formatDateValue(v)} (${v.precision})`;
  return v.manual ? `${line} · manual` : line;
}

function one(f: FieldDefinition, v: unknown): FieldDisplay {
  switch (f.kind) {
    case "quantity": {
      const q = QuantitySchema.safeParse(v);
      if (!q.success) return unreadable(v);
      const detail = [quantityBreakdown(q.data), q.data.note].filter(Boolean).join("; ");
      return {
        text: formatQuantity(q.data), status: q.data.qualifier === "unknown" ? "unknown" : "stated", raw: q.data.raw,
        ...(detail ? { detail } : {}),
      };
    }
    case "date": {
      const d = DateValueSchema.safeParse(v);
      if (!d.success) return unreadable(v);
      return { text: formatDate(d.data), status: d.data.precision === "unknown" ? "unknown" : "stated", raw: d.data.raw };
    }
    case "boolean": {
      const t = TristateSchema.safeParse(v);
      if (!t.success) return unreadable(v);
      return { text: t.data, status: t.data === "unknown" ? "unknown" : "stated" };
    }
    case "enum": {
      const label = (x: unknown) => f.options?.find((o) => o.value === x)?.label;
      const list = Array.isArray(v) ? v : [v];
      const labels = list.map(label);
      if (labels.some((l) => l === undefined)) return unreadable(list.join(LIST_SEPARATOR));
      return { text: labels.join(LIST_SEPARATOR), status: "stated" };
    }
    case "number":
      return typeof v === "number" && Number.isFinite(v) ? { text: formatNumber(v), status: "stated" } : unreadable(v);
    case "text":
      return typeof v === "string" ? { text: v, status: "stated" } : unreadable(v);
    case "actor": {
      const a = ActorSchema.safeParse(v);
      return a.success ? { text: a.data.raw, status: "stated" } : unreadable(v);
    }
    case "place": {
      const p = PlaceSchema.safeParse(v);
      if (!p.success) return unreadable(v);
      return { text: p.data.country ? `${p.data.raw} (${p.data.country})` : p.data.raw, status: "stated", raw: p.data.raw };
    }
    case "attribution": {
      const a = AttributionSchema.safeParse(v);
      return a.success ? { text: `${a.data.raw} (${a.data.stance})`, status: "stated", raw: a.data.raw } : unreadable(v);
    }
  }
}

/** The display of one field's value; see the module comment for the states. */
export function formatFieldValue(f: FieldDefinition, value: unknown): FieldDisplay {
  if (isEmpty(value)) return { text: NOT_STATED, status: "not_stated" };
  // A `many` field is a list of the kind's values (an enum list is one value: its choices).
  if (f.many) {
    if (!Array.isArray(value)) return unreadable(value);
    const items = value.filter((x) => !isEmpty(x)).map((x) => one(f, x));
    const worst = items.find((d) => d.status === "unreadable");
    return { text: items.map((d) => d.text).join(LIST_SEPARATOR), status: worst ? "unreadable" : "stated" };
  }
  return one(f, value);
}
