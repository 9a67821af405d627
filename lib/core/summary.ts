/**
 * Short summaries of a claim's parsed values, built from its claim-type definition:
 * - `summarizeValues`: every field that holds something, in the definition's order, as
 *   "Label: value" joined by " · " ("Date: 26 August 2021 (day) · Fatalities: 170 (exact)"),
 *   cut at MAX_SUMMARY characters with "…". Unknown values say "unknown"; empty fields are
 *   left out (a summary lists what a claim holds; the per-field table shows the empty ones);
 * - `keyValues`: the claim's key values for a compact list: its first date field and its first
 *   quantity field that hold something (stated or unknown), e.g. "Date: 18 April 2022 (day) ·
 *   Fatalities: 12 (exact)". Empty when the claim has neither.
 * Values are formatted by formatFieldValue (claim-types/field-display.ts). Pure; never throws.
 */
import type { ClaimTypeDefinition, FieldDefinition } from "@/lib/core/claim-types/definition";
import { formatFieldValue } from "@/lib/core/claim-types/field-display";

/** Longest summary: about two lines of a table cell. */
export const MAX_SUMMARY = 240;
/** Longest key-values line: one line under a quote in the document page's list. */
export const MAX_KEY_VALUES = 120;

const SEPARATOR = " · ";

function cut(line: string, max: number): string {
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function labelled(f: FieldDefinition, values: Record<string, unknown>): string | null {
  const d = formatFieldValue(f, values[f.key]);
  return d.status === "not_stated" ? null : `${f.label}: ${d.text}`;
}

export function summarizeValues(def: ClaimTypeDefinition, values: Record<string, unknown>, max = MAX_SUMMARY): string {
  const parts = def.fields.map((f) => labelled(f, values)).filter((p): p is string => p !== null);
  return cut(parts.join(SEPARATOR), max);
}

export function keyValues(def: ClaimTypeDefinition, values: Record<string, unknown>, max = MAX_KEY_VALUES): string {
  const firstOf = (kind: FieldDefinition["kind"]) =>
    def.fields.filter((f) => f.kind === kind && !f.derived).map((f) => labelled(f, values)).find((p) => p !== null) ?? null;
  const parts = [firstOf("date"), firstOf("quantity")].filter((p): p is string => p !== null);
  return cut(parts.join(SEPARATOR), max);
}
