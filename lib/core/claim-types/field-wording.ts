/**
 * Reads a quantity or date field's wording the one way both the claim form and the server do, so
 * the value an annotator saw under the field is exactly the value the server accepts.
 *
 * Rules:
 * - a quantity is `parseQuantity(raw)`; when the reading has no unit and the field has a
 *   `defaultUnit`, the value takes it and the explanation says so ("3-4,000" in a size estimate =
 *   3,000-4,000 fighters). Parts of a breakdown keep their own units;
 * - a date is `parseDate(raw, { reference, before })`: `reference` is the document's publication
 *   date, `before` the canonical text before the claim's first span (for "On January 26");
 * - warnings (the date parser's `warning`, the quantity parser's `warnings`) come back as a list.
 * Invariants: pure and deterministic for a given (field, raw, context); never throws.
 * `sameFieldValue` compares two values as data: key order and keys set to undefined do not matter.
 */
import {
  parseDate, parseQuantity, type DateReference, type DateValue, type Quantity,
} from "@/lib/core/values";
import type { FieldDefinition } from "./definition";

/** What a field's wording is read against: the document around the claim. */
export type WordingContext = {
  /** The document's publication date, as precise as it is known. */
  reference?: DateReference;
  /** The canonical text before the claim's first span. */
  before?: string;
};

export type FieldReading =
  | { ok: true; value: Quantity | DateValue; explanation: string; warnings: string[] }
  | { ok: false; error: string };

export function isWordingField(f: FieldDefinition): f is FieldDefinition & { kind: "quantity" | "date" } {
  return f.kind === "quantity" || f.kind === "date";
}

/** Reads one field's wording; see the module comment. Non-wording fields are an error. */
export function readFieldWording(f: FieldDefinition, raw: string, ctx: WordingContext = {}): FieldReading {
  if (f.kind === "quantity") {
    const r = parseQuantity(raw);
    if (!r.ok) return r;
    const warnings = [...(r.warnings ?? [])];
    if (r.value.unit === undefined && f.defaultUnit) {
      return {
        ok: true,
        value: { ...r.value, unit: f.defaultUnit },
        explanation: `${r.explanation} Unit: ${f.defaultUnit}, the field's default unit (the wording gives none).`,
        warnings,
      };
    }
    return { ok: true, value: r.value, explanation: r.explanation, warnings };
  }
  if (f.kind === "date") {
    const r = parseDate(raw, { reference: ctx.reference, before: ctx.before });
    if (!r.ok) return r;
    return { ok: true, value: r.value, explanation: r.explanation, warnings: r.warning ? [r.warning] : [] };
  }
  return { ok: false, error: `"${f.label}" is not read from wording.` };
}

/** Canonical JSON: object keys sorted, undefined members dropped. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

export function sameFieldValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}
