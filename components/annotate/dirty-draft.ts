/**
 * Whether the claim form holds edits that closing it would lose (plain functions, unit tested).
 *
 * A stored claim's form is compared with the claim it was loaded from (or the version it was last
 * rebased on): its note, its evidence (as a set of offsets) and each field the annotator fills in.
 * A new claim's form starts with one span of evidence and the project's field defaults, so it is
 * changed once a field differs from its default, the note holds something, or more evidence was added. An emptied field counts as never filled.
 * Derived fields are the server's to set and are not compared.
 */
import { sameFieldValue, type ClaimTypeDefinition } from "@/lib/core/claim-types";
import type { PanelState } from "./types";
import { spansChanged } from "./save-claim";

/** Undefined, null, an empty string and an empty list all mean "not filled in". */
function filled(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string" && v === "") return undefined;
  if (Array.isArray(v) && v.length === 0) return undefined;
  return v;
}

export function sameFilledValue(a: unknown, b: unknown): boolean {
  const x = filled(a);
  const y = filled(b);
  if (x === undefined || y === undefined) return x === y;
  return sameFieldValue(x, y);
}

/** True when closing the form would drop something the annotator entered. */
export function draftChanged(panel: PanelState, definition: ClaimTypeDefinition): boolean {
  const stored: { spans: { start: number; end: number }[]; values: Record<string, unknown>; note: string } = panel.mode === "edit"
    ? { spans: panel.claim.spans, values: panel.claim.values, note: panel.claim.note }
    : { spans: panel.spans.slice(0, 1), values: panel.startValues ?? {}, note: "" };
  if (panel.note !== stored.note || spansChanged(stored.spans, panel.spans)) return true;
  return definition.fields.some((f) => !f.derived && !sameFilledValue(stored.values[f.key], panel.values[f.key]));
}
