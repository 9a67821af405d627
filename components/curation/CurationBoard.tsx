"use client";
/**
 * The curation board: one section per unit (overlapping claims of the annotators), each annotator's
 * version in a column, the fields on which they differ marked in text (not only by colour), and the
 * decisions: accept one version, merge (evidence and each field chosen from a version, or edited with
 * the claim form's own inputs, read in the same context: the publication date and the text before the
 * evidence), reject with a reason, undo.
 *
 * Made to be worked through with the keyboard alone: j / k (or the arrow keys) move between units,
 * 1-5 accept that annotator's version, m opens the merge form (radio groups by Tab and the arrows, the
 * last choice of each field "Edit" shows its input right after the group, Enter confirms), x the reject form (Enter confirms), u undoes the unit's decision, Escape closes a
 * form. After a decision the focus moves to the next open unit. Each action answers with the refreshed
 * view, so the page keeps its place without a reload.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import type { CurationClaim, CurationUnit, CurationView } from "@/lib/services/curation";
import type { ActionResult } from "@/lib/errors";
import { NOT_STATED } from "@/lib/core/claim-types/field-display";
import type { FieldDefinition, WordingContext } from "@/lib/core/claim-types";
import { referenceFromPublished } from "@/lib/core/values";
import { sliceCp } from "@/lib/core/offsets";
import { FieldInput } from "@/components/annotate/fields/FieldInput";
import {
  acceptVersionAction, mergeVersionsAction, rejectUnitAction, reopenUnitAction, undoCurationAction,
} from "@/lib/actions/curation";

const VERDICT_LABEL: Record<CurationUnit["verdict"], string> = { agree: "Agree", disagree: "Disagree", single: "Only one annotator" };

type Form = { kind: "merge" | "reject"; unit: number } | null;

function evidence(c: CurationClaim): string {
  return c.spans.map((s) => s.exact).join(" … ");
}

export function CurationBoard({ projectId, initial }: { projectId: string; initial: CurationView }) {
  const [view, setView] = useState(initial);
  // Sent with the first view only; the document's text does not change.
  const [text] = useState(initial.text ?? "");
  const [focus, setFocus] = useState(() => Math.max(0, initial.units.findIndex((u) => !u.done)));
  const [form, setForm] = useState<Form>(null);
  const [error, setError] = useState("");
  const [message, setMessage] = useState("");
  const [pending, start] = useTransition();
  const unitRefs = useRef<(HTMLElement | null)[]>([]);
  const root = useRef<HTMLDivElement>(null);
  const total = view.units.length;
  const name = (id: string) => view.annotators.find((a) => a.id === id)?.name || "Annotator";

  const focusUnit = useCallback((i: number) => {
    setFocus(i);
    unitRefs.current[i]?.focus();
  }, []);

  /** Runs a decision; on success shows the new view and moves on to the next open unit. */
  const decide = useCallback((unitIndex: number, label: string, run: () => Promise<ActionResult<CurationView>>, advance = true) => {
    setError("");
    start(async () => {
      const res = await run();
      if (!res.ok) {
        setError(res.error.message);
        return;
      }
      const next = res.data;
      setView(next);
      setForm(null);
      setMessage(`${label}. ${next.curated} of ${next.units.length} units curated.`);
      const n = next.units.length;
      let target = unitIndex;
      if (advance) {
        for (let k = 1; k <= n; k++) {
          const i = (unitIndex + k) % n;
          if (!next.units[i].done) { target = i; break; }
        }
      }
      target = Math.min(target, Math.max(0, n - 1));
      setFocus(target);
      // After React has rendered the new view.
      requestAnimationFrame(() => unitRefs.current[target]?.focus());
    });
  }, []);

  const accept = useCallback((i: number, annotatorIndex: number) => {
    const unit = view.units[i];
    const claim = unit?.columns[annotatorIndex]?.[0];
    if (!unit || !claim || unit.done) return;
    decide(i, `Accepted ${name(claim.annotatorId)}'s version`, () =>
      acceptVersionAction(projectId, { documentId: view.documentId, sources: unit.sources, claimId: claim.id }));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, decide, projectId]);

  const undo = useCallback((i: number) => {
    const unit = view.units[i];
    if (!unit?.done) return;
    const done = unit.done;
    decide(i, "Decision undone", () =>
      done.kind === "curated"
        ? undoCurationAction(projectId, { documentId: view.documentId, claimId: done.claimId, version: done.version })
        : reopenUnitAction(projectId, { documentId: view.documentId, sources: unit.sources }), false);
  }, [view, decide, projectId]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.ctrlKey || e.metaKey || e.altKey || pending) return;
      const t = e.target as HTMLElement | null;
      // Keys typed into a form (reason, merge choices) are the form's.
      if (t && (t.closest("form") || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
      if (total === 0) return;
      const key = e.key;
      if (key === "j" || key === "ArrowDown") focusUnit(Math.min(total - 1, focus + 1));
      else if (key === "k" || key === "ArrowUp") focusUnit(Math.max(0, focus - 1));
      else if (/^[1-5]$/.test(key)) accept(focus, Number(key) - 1);
      else if (key === "m" && !view.units[focus]?.done) setForm({ kind: "merge", unit: focus });
      else if (key === "x" && !view.units[focus]?.done) setForm({ kind: "reject", unit: focus });
      else if (key === "u") undo(focus);
      else return;
      e.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    // The keys work from here on (a test or a script can wait for it).
    if (root.current) root.current.dataset.keys = "ready";
    return () => document.removeEventListener("keydown", onKey);
  }, [focus, total, view, pending, accept, undo, focusUnit]);

  return (
    <div className="curation" ref={root} data-testid="curation-board">
      <p className="curation-progress" data-testid="curation-progress">
        <strong>{view.curated} of {total} units curated</strong>
        {total > 0 && <progress max={total} value={view.curated} aria-label="Units curated" />}
      </p>
      <p className="muted small" id="curation-keys">
        Keys: <kbd>j</kbd>/<kbd>k</kbd> next / previous unit, <kbd>1</kbd>–<kbd>5</kbd> accept that annotator&apos;s version,
        {" "}<kbd>m</kbd> merge, <kbd>x</kbd> reject, <kbd>u</kbd> undo, <kbd>Esc</kbd> close a form.
      </p>
      <p className="sr-only" role="status" aria-live="polite">{message}</p>
      {error && <p role="alert" className="error">{error}</p>}
      {total === 0 ? (
        <div className="empty" data-testid="curation-empty">
          <p>No claims on this document yet: annotators tag passages on the document page, then their versions appear here side by side.</p>
        </div>
      ) : (
        <ol className="curation-units">
          {view.units.map((u, i) => (
            <UnitView
              key={u.key}
              unit={u}
              index={i}
              total={total}
              view={view}
              name={name}
              focused={i === focus}
              form={form?.unit === i ? form.kind : null}
              pending={pending}
              register={(el) => { unitRefs.current[i] = el; }}
              onFocus={() => setFocus(i)}
              onAccept={(a) => accept(i, a)}
              onUndo={() => undo(i)}
              onOpen={(kind) => setForm({ kind, unit: i })}
              onClose={() => { setForm(null); requestAnimationFrame(() => unitRefs.current[i]?.focus()); }}
              text={text}
              onMerge={(spansFrom, fields, edits) =>
                decide(i, "Merged", () => mergeVersionsAction(projectId, { documentId: view.documentId, sources: u.sources, spansFrom, fields, edits }))}
              onReject={(reason) =>
                decide(i, "Rejected", () => rejectUnitAction(projectId, { documentId: view.documentId, sources: u.sources, reason }))}
            />
          ))}
        </ol>
      )}
    </div>
  );
}

interface UnitProps {
  unit: CurationUnit;
  index: number;
  total: number;
  view: CurationView;
  name(id: string): string;
  focused: boolean;
  form: "merge" | "reject" | null;
  pending: boolean;
  register(el: HTMLElement | null): void;
  onFocus(): void;
  onAccept(annotatorIndex: number): void;
  onUndo(): void;
  onOpen(kind: "merge" | "reject"): void;
  onClose(): void;
  text: string;
  onMerge(spansFrom: string, fields: Record<string, string>, edits: Record<string, unknown>): void;
  onReject(reason: string): void;
}

function UnitView(p: UnitProps) {
  const { unit: u, view, register } = p;
  const headingId = `unit-${p.index}-h`;
  const firsts = u.columns.map((col) => col[0] ?? null);
  const present = firsts.map((c, i) => ({ c, i })).filter((x): x is { c: CurationClaim; i: number } => x.c !== null);
  const fieldRows = fieldKeys(u, view);
  const differs = new Set(u.differences.map((d) => d.key));
  const doneText = u.done?.kind === "curated" ? `Done: curated as claim #${u.done.seq}` : u.done ? "Done: rejected" : "Open";
  return (
    <li>
      <section
        ref={register}
        tabIndex={-1}
        aria-labelledby={headingId}
        className={`curation-unit${p.focused ? " focused" : ""}${u.done ? " done" : ""}`}
        data-testid="curation-unit"
        data-done={u.done ? "true" : "false"}
        onFocus={(e) => { if (e.target === e.currentTarget) p.onFocus(); }}
      >
        <h2 id={headingId} className="unit-head">
          Unit {p.index + 1} of {p.total} · {VERDICT_LABEL[u.verdict]} · <span data-testid="unit-state">{doneText}</span>
        </h2>
        {u.done?.kind === "curated" && (
          <p className="small unit-result" data-testid="unit-result">
            Curated {u.done.typeName} #{u.done.seq}: {u.done.fields.filter((f) => f.text !== NOT_STATED).map((f) => `${f.label}: ${f.text}`).join("; ") || "no field stated"}
          </p>
        )}
        <p className="unit-quote">
          <span className="muted">…{u.before}</span><mark>{u.quote}</mark><span className="muted">{u.after}…</span>
        </p>
        {u.missing.length > 0 && present.length > 0 && (
          <p className="small muted">No claim here from: {u.missing.map(p.name).join(", ")}.</p>
        )}
        <div className="unit-table-wrap">
          <table className="table compact unit-table">
            <caption className="sr-only">Versions of unit {p.index + 1}, one column per annotator</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                {view.annotators.map((a, i) => <th scope="col" key={a.id}>{i + 1}. {a.name || "Annotator"}</th>)}
              </tr>
            </thead>
            <tbody>
              <tr className={differs.has("_type") ? "differs" : undefined}>
                <th scope="row">Claim type{differs.has("_type") && <DiffMark />}</th>
                {firsts.map((c, i) => <td key={i}>{c ? `${c.typeName} #${c.seq}` : <span className="muted">no claim</span>}{(u.columns[i]?.length ?? 0) > 1 && <span className="small muted"> (+{u.columns[i].length - 1} more)</span>}</td>)}
              </tr>
              <tr>
                <th scope="row">Evidence</th>
                {firsts.map((c, i) => <td key={i}>{c ? <q>{evidence(c)}</q> : ""}</td>)}
              </tr>
              <tr>
                <th scope="row">Status</th>
                {firsts.map((c, i) => <td key={i}>{c ? c.status : ""}</td>)}
              </tr>
              {fieldRows.map((f) => (
                <tr key={f.key} className={differs.has(f.key) ? "differs" : undefined}>
                  <th scope="row">{f.label}{differs.has(f.key) && <DiffMark />}</th>
                  {firsts.map((c, i) => <td key={i}>{c?.fields.find((x) => x.key === f.key)?.text ?? ""}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="actions unit-actions">
          {!u.done && present.map(({ c, i }) => (
            <button key={c.id} type="button" onClick={() => p.onAccept(i)} disabled={p.pending} aria-keyshortcuts={String(i + 1)}>
              Accept {p.name(c.annotatorId)}
            </button>
          ))}
          {!u.done && <button type="button" className="secondary" onClick={() => p.onOpen("merge")} disabled={p.pending} aria-keyshortcuts="m">Merge…</button>}
          {!u.done && <button type="button" className="secondary" onClick={() => p.onOpen("reject")} disabled={p.pending} aria-keyshortcuts="x">Reject…</button>}
          {u.done && <button type="button" className="secondary" onClick={p.onUndo} disabled={p.pending} aria-keyshortcuts="u">Undo</button>}
        </div>
        {p.form === "merge" && (
          <MergeForm unit={u} index={p.index} fields={fieldRows} name={p.name} pending={p.pending} published={view.published} text={p.text}
            onClose={p.onClose} onMerge={p.onMerge} />
        )}
        {p.form === "reject" && <RejectForm index={p.index} pending={p.pending} onClose={p.onClose} onReject={p.onReject} />}
      </section>
    </li>
  );
}

function DiffMark() {
  return <span className="diff-mark" title="The versions differ"> ≠<span className="sr-only"> (versions differ)</span></span>;
}

/** The fields shown for a unit: those of the claim types present, each once, in definition order. */
function fieldKeys(u: CurationUnit, view: CurationView): FieldDefinition[] {
  const out: FieldDefinition[] = [];
  const seen = new Set<string>();
  for (const col of u.columns) for (const c of col) {
    for (const f of view.fieldsByType[c.claimTypeId] ?? []) {
      if (seen.has(f.key)) continue;
      seen.add(f.key);
      out.push(f);
    }
  }
  return out;
}

/** The choice of a field whose value the curator types instead of taking a version's. */
const EDIT = "edit";

function MergeForm({ unit, index, fields, name, pending, published, text, onClose, onMerge }: {
  unit: CurationUnit; index: number; fields: FieldDefinition[]; name(id: string): string; pending: boolean; published: string; text: string;
  onClose(): void; onMerge(spansFrom: string, fields: Record<string, string>, edits: Record<string, unknown>): void;
}) {
  const claims = unit.columns.map((col) => col[0]).filter((c): c is CurationClaim => Boolean(c));
  const [spansFrom, setSpansFrom] = useState(claims[0]?.id ?? "");
  const base = claims.find((c) => c.id === spansFrom) ?? claims[0];
  // Fields come from versions of the evidence's claim type.
  const sameType = claims.filter((c) => c.claimTypeId === base?.claimTypeId);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [edits, setEdits] = useState<Record<string, unknown>>({});
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);
  // Typed dates and figures are read as the claim panel reads them: against the publication date and
  // the text before the evidence the merged claim takes.
  const first = base ? Math.min(...base.spans.map((x) => x.start)) : 0;
  const context = useMemo<WordingContext>(() => ({ reference: referenceFromPublished(published), before: sliceCp(text, 0, first) }), [published, text, first]);
  const shown = fields.filter((f) => base && base.fields.some((x) => x.key === f.key));
  const selectedOf = (key: string) => {
    const c = choice[key];
    return c === EDIT || (c && sameType.some((x) => x.id === c)) ? c : base!.id;
  };

  function startEdit(f: FieldDefinition) {
    // The input starts from the version chosen until now.
    const from = sameType.find((c) => c.id === selectedOf(f.key)) ?? base;
    if (!(f.key in edits)) setEdits((x) => ({ ...x, [f.key]: from?.values[f.key] }));
    setChoice((x) => ({ ...x, [f.key]: EDIT }));
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const chosen: Record<string, string> = {};
    const typed: Record<string, unknown> = {};
    for (const f of shown) {
      const id = selectedOf(f.key);
      if (id === EDIT) {
        // An emptied input states nothing: null, which the server reads as "not stated".
        typed[f.key] = edits[f.key] ?? null;
      } else if (choice[f.key]) chosen[f.key] = id;
    }
    onMerge(spansFrom, chosen, typed);
  }

  return (
    <form
      className="merge-form panel"
      aria-label={`Merge unit ${index + 1}`}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === "Escape") { e.preventDefault(); onClose(); }
        // Enter on a radio button confirms, as it does in a text field.
        else if (e.key === "Enter" && (e.target as HTMLElement).tagName === "INPUT") { e.preventDefault(); e.currentTarget.requestSubmit(); }
      }}
    >
      <fieldset>
        <legend>Evidence and claim type from</legend>
        {claims.map((c, i) => (
          <label key={c.id} className="choice">
            <input ref={i === 0 ? firstRef : undefined} type="radio" name={`spans-${index}`} value={c.id} checked={spansFrom === c.id} onChange={() => setSpansFrom(c.id)} />
            {" "}{name(c.annotatorId)}: <q>{evidence(c)}</q> ({c.typeName})
          </label>
        ))}
      </fieldset>
      {shown.map((f) => {
        const selected = selectedOf(f.key);
        return (
          <fieldset key={f.key} className="merge-field" data-field={f.key}>
            <legend>{f.label}</legend>
            {sameType.map((c) => (
              <label key={c.id} className="choice">
                <input type="radio" name={`field-${index}-${f.key}`} value={c.id} checked={selected === c.id} onChange={() => setChoice((x) => ({ ...x, [f.key]: c.id }))} />
                {" "}{name(c.annotatorId)}: {c.fields.find((x) => x.key === f.key)?.text ?? ""}
              </label>
            ))}
            {!f.derived && (
              <label className="choice">
                <input type="radio" name={`field-${index}-${f.key}`} value={EDIT} checked={selected === EDIT} onChange={() => startEdit(f)} />
                {" "}Edit the value
              </label>
            )}
            {selected === EDIT && (
              <div className="merge-edit">
                <FieldInput field={f} value={edits[f.key]} context={context}
                  onChange={(v) => setEdits((x) => ({ ...x, [f.key]: v }))} />
              </div>
            )}
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="submit" disabled={pending}>Save merged claim</button>
        <button type="button" className="secondary" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}

function RejectForm({ index, pending, onClose, onReject }: { index: number; pending: boolean; onClose(): void; onReject(reason: string): void }) {
  const [reason, setReason] = useState("");
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <form
      className="reject-form inline-form"
      aria-label={`Reject unit ${index + 1}`}
      onSubmit={(e) => { e.preventDefault(); onReject(reason); }}
      onKeyDown={(e) => { if (e.key === "Escape") { e.preventDefault(); onClose(); } }}
    >
      <label htmlFor={`reject-${index}`}>Why are these claims rejected?</label>
      <input id={`reject-${index}`} ref={ref} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} />
      <button type="submit" disabled={pending}>Reject</button>
      <button type="button" className="secondary" onClick={onClose}>Cancel</button>
    </form>
  );
}
