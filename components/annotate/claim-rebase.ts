/**
 * Re-applying an annotator's edits on a version someone else saved in the meantime (a three-way merge):
 *
 * - base: the claim as the annotator opened it; theirs: the version stored now; mine: the form.
 * - A part (each field, the note, the evidence as a whole) the annotator did not change takes their
 *   value; a part the annotator changed keeps the annotator's value, on top of their version.
 * - A part both changed, to different values, is a clash: the annotator's value is kept (it is what they
 *   meant to save) and the comparison marks it, so they decide before saving again.
 * Derived fields are set by the server on save, so they are neither compared nor carried over.
 */
import { sameFieldValue, type ClaimTypeDefinition } from "@/lib/core/claim-types";
import type { SpanDraft } from "./types";
import { spansChanged } from "./save-claim";

export interface ClaimDraft {
  values: Record<string, unknown>;
  note: string;
  spans: SpanDraft[];
}

export type PartChange = "theirs" | "mine" | "both" | "same";

export interface ComparedPart {
  /** a field key, or "note" / "spans" for the note and the evidence */
  key: string;
  label: string;
  change: PartChange;
  theirs: unknown;
  mine: unknown;
}

/** Who changed a part since base; "both" only when the two changes differ. */
function changeOf(changedByThem: boolean, changedByMe: boolean, sameResult: boolean): PartChange {
  if (changedByThem && changedByMe) return sameResult ? "same" : "both";
  if (changedByThem) return "theirs";
  if (changedByMe) return "mine";
  return "same";
}

/** Every part whose stored value and form value differ, or that either side changed, in form order. */
export function compareDrafts(definition: ClaimTypeDefinition, base: ClaimDraft, theirs: ClaimDraft, mine: ClaimDraft): ComparedPart[] {
  const parts: ComparedPart[] = [];
  for (const f of definition.fields) {
    if (f.derived) continue;
    const [b, t, m] = [base.values[f.key], theirs.values[f.key], mine.values[f.key]];
    const change = changeOf(!sameFieldValue(b, t), !sameFieldValue(b, m), sameFieldValue(t, m));
    if (change !== "same") parts.push({ key: f.key, label: f.label, change, theirs: t, mine: m });
  }
  const note = changeOf(base.note !== theirs.note, base.note !== mine.note, theirs.note === mine.note);
  if (note !== "same") parts.push({ key: "note", label: "Note", change: note, theirs: theirs.note, mine: mine.note });
  const spans = changeOf(spansChanged(base.spans, theirs.spans), spansChanged(base.spans, mine.spans), !spansChanged(theirs.spans, mine.spans));
  if (spans !== "same") parts.push({ key: "spans", label: "Evidence", change: spans, theirs: theirs.spans, mine: mine.spans });
  return parts;
}

/** Their version with the annotator's own changes applied on top (see the module comment). */
export function reapplyDraft(definition: ClaimTypeDefinition, base: ClaimDraft, theirs: ClaimDraft, mine: ClaimDraft): ClaimDraft {
  const values: Record<string, unknown> = { ...theirs.values };
  for (const f of definition.fields) {
    if (f.derived || sameFieldValue(base.values[f.key], mine.values[f.key])) continue;
    if (mine.values[f.key] === undefined) delete values[f.key];
    else values[f.key] = mine.values[f.key];
  }
  return {
    values,
    note: base.note !== mine.note ? mine.note : theirs.note,
    spans: spansChanged(base.spans, mine.spans) ? mine.spans : theirs.spans,
  };
}
