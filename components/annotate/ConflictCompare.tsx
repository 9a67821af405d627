"use client";
/**
 * Shown when someone else saved the open claim first: their version next to the annotator's, part by
 * part (fields, note, evidence), marking who changed what since the claim was opened. The annotator
 * re-applies their own changes on top of their version (then saves again), or takes their version.
 */
import { formatFieldValue } from "@/lib/core/claim-types/field-display";
import type { ClaimTypeDefinition } from "@/lib/core/claim-types";
import { quotePreview } from "@/lib/core/offsets";
import type { ComparedPart, PartChange } from "./claim-rebase";
import type { FullClaim, SpanDraft } from "./types";

const CHANGE_LABELS: Record<PartChange, string> = {
  theirs: "changed by them",
  mine: "changed by you",
  both: "changed by both: yours will be kept",
  same: "unchanged",
};

function shown(definition: ClaimTypeDefinition, part: ComparedPart, value: unknown): string {
  if (part.key === "note") return String(value ?? "") || "—";
  if (part.key === "spans") return (value as SpanDraft[]).map((s) => `“${quotePreview(s.exact, 80)}”`).join(" · ");
  const field = definition.fields.find((f) => f.key === part.key);
  return field ? formatFieldValue(field, value).text : JSON.stringify(value);
}

export function ConflictCompare(props: {
  definition: ClaimTypeDefinition;
  theirs: FullClaim;
  parts: ComparedPart[];
  onReapply(): void;
  onTakeTheirs(): void;
}) {
  const { theirs, parts, definition } = props;
  return (
    <section className="conflict-compare" aria-labelledby="conflict-h" data-testid="conflict-compare">
      <h3 id="conflict-h" className="small-h">Their version (v{theirs.version}{theirs.authorName ? `, claim by ${theirs.authorName}` : ""}) and yours</h3>
      {parts.length === 0 ? (
        <p className="small">Your form and their version say the same.</p>
      ) : (
        <table className="small">
          <thead><tr><th scope="col">Part</th><th scope="col">Theirs</th><th scope="col">Yours</th></tr></thead>
          <tbody>
            {parts.map((p) => (
              <tr key={p.key} data-testid="conflict-part" data-part={p.key} data-change={p.change}>
                <th scope="row">{p.label}<br /><span className="muted">{CHANGE_LABELS[p.change]}</span></th>
                <td data-testid="conflict-theirs">{shown(definition, p, p.theirs)}</td>
                <td data-testid="conflict-mine">{shown(definition, p, p.mine)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="inline">
        <button type="button" onClick={props.onReapply} data-testid="reapply-mine">Re-apply my changes on their version</button>
        <button type="button" className="secondary" onClick={props.onTakeTheirs} data-testid="take-theirs">Take their version</button>
      </div>
    </section>
  );
}
