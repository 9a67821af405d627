"use client";
/**
 * The side panel: the open claim's evidence spans, its typed fields, and save / delete; for a stored
 * claim, its review status and actions, comments and history (components/review/ClaimReview).
 * Saving first runs the server's own check (validateClaimValues, with the claim's wording context
 * and, when editing, the stored values): a refused save lists each field's problem under the field
 * and moves focus to the first field with one; nothing is sent until the values pass.
 * A failed save keeps the draft in the form: a network failure offers Retry (the same draft, the same
 * idempotency key); a conflict offers their version to compare (ConflictCompare) and re-apply.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import {
  applyDerivedFields, carriesOver, isEmptyValue, isWordingField, readFieldWording, sameFieldValue, validateClaimValues,
  type ClaimTypeDefinition, type ValuesIssue,
} from "@/lib/core/claim-types";
import { referenceFromPublished } from "@/lib/core/values";
import { quotePreview } from "@/lib/core/offsets";
import { FieldInput } from "./fields/FieldInput";
import { ConflictCompare } from "./ConflictCompare";
import type { ComparedPart } from "./claim-rebase";
import type { FullClaim, PanelState, PanelStatus, SpanDraft } from "./types";
import { ClaimReview } from "@/components/review/ClaimReview";
import { CopyFields, DuplicateWarning, FieldMark, type FastForm, type FieldOrigin } from "./FastTagging";
import { sameFilledValue } from "./dirty-draft";
import { fieldKeyLabel } from "./field-keys";

export function ClaimPanel(props: {
  projectId: string;
  panel: PanelState;
  definition: ClaimTypeDefinition;
  color: string;
  /** The document's publication date as stored ("2024-02"), the reference for yearless dates. */
  published: string;
  /** The canonical text before the claim's first span, for dates like "On January 26". */
  textBefore: string;
  busy: boolean;
  status: PanelStatus | null;
  /** Their version and how it differs from the form, while the annotator compares them. */
  compare: { theirs: FullClaim; parts: ComparedPart[] } | null;
  canEdit: boolean;
  pendingSelection: SpanDraft | null;
  onChange(p: { values?: Record<string, unknown>; note?: string; spans?: SpanDraft[] }): void;
  onAddSelection(): void;
  onFocusSpan(span: SpanDraft): void;
  onSave(): void;
  onDelete(): void;
  onClose(): void;
  onReloadTheirs(): void;
  onRetry(what: NonNullable<PanelStatus["retry"]>): void;
  onReapply(): void;
  onTakeTheirs(): void;
  /** A new claim's fast tagging: defaults, copying fields, duplicate evidence (FastTagging.tsx). */
  fast?: FastForm;
  /** Opens another claim of the document by number (the one a duplicate warning names). */
  onOpenClaim?(seq: number): void;
}) {
  const { panel, definition, busy, canEdit, status } = props;
  const isNew = panel.mode === "new";
  const formRef = useRef<HTMLFormElement>(null);
  const [issues, setIssues] = useState<ValuesIssue[]>([]);
  const context = useMemo(() => ({ reference: referenceFromPublished(props.published), before: props.textBefore }), [props.published, props.textBefore]);
  const previous = panel.mode === "edit" ? panel.claim.values : undefined;
  const check = (values: Record<string, unknown>): ValuesIssue[] => {
    const r = validateClaimValues(definition, applyDerivedFields(definition, values), { ...context, previous });
    return r.ok ? [] : r.issues;
  };
  // When the first span moves (evidence added before it), wording read in the old context is read
  // again, as the server will; hand-entered values and fields left as stored are kept.
  const seenContext = useRef(context);
  useEffect(() => {
    if (seenContext.current === context) return;
    seenContext.current = context;
    const values = { ...panel.values };
    let changed = false;
    for (const f of definition.fields) {
      const v = values[f.key] as { raw?: unknown; manual?: unknown } | undefined;
      if (!isWordingField(f) || !v || typeof v.raw !== "string" || v.manual === true || sameFieldValue(previous?.[f.key], v)) continue;
      const r = readFieldWording(f, v.raw, context);
      const next = r.ok ? r.value : { raw: v.raw };
      if (!sameFieldValue(next, v)) { values[f.key] = next; changed = true; }
    }
    if (changed) props.onChange({ values });
  }, [context]); // eslint-disable-line react-hooks/exhaustive-deps -- only when the context changes
  const issueOf = (key: string) => issues.filter((i) => i.field === key).map((i) => i.message).join(" ") || null;
  const submit = () => {
    if (busy || !canEdit) return;
    const found = check(panel.values);
    setIssues(found);
    if (found.length === 0) return props.onSave();
    // Focus the first field with a problem (issues come in the form's field order).
    const first = formRef.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(found[0]!.field)}"] :is(input, select, textarea, button)`);
    first?.focus();
  };
  const labelOf = (key: string) => definition.fields.find((f) => f.key === key)?.label ?? key;
  // Each field's jump key (Alt+Shift+its number, field-keys.ts); the note comes last.
  const jumpOrder = useMemo(() => new Map(definition.fields.filter((f) => !f.derived).map((f, i) => [f.key, i])), [definition]);
  // Opening a claim (or a new draft) moves focus into its form: the first field, or the heading when
  // the form cannot be edited.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const opened = panel.mode === "edit" ? panel.claim.id : panel.idempotencyKey;
  useEffect(() => {
    const first = formRef.current?.querySelector<HTMLElement>("[data-jump] :is(input, select, textarea):not(:disabled)");
    (first ?? headingRef.current)?.focus();
  }, [opened]);
  // While saving, the form is disabled and focus falls out of it: when the save fails, focus comes back
  // to the message's action (Retry, their version) or the first field.
  useEffect(() => {
    if (!status || busy || document.activeElement !== document.body) return;
    const form = formRef.current;
    (form?.querySelector<HTMLElement>('[data-testid="retry-save"], [data-testid="show-theirs"]') ?? form?.querySelector<HTMLElement>("[data-jump] :is(input, select, textarea):not(:disabled)"))?.focus();
  }, [status, busy]);
  // Values the annotator did not type stay marked (copied, or the project default) until changed.
  const draftKey = panel.mode === "new" ? panel.idempotencyKey : "";
  const [copied, setCopied] = useState<{ draftKey: string; seq: number; values: Record<string, unknown> } | null>(null);
  const { fast } = props;
  const originOf = (key: string): FieldOrigin | null => {
    if (!fast || isEmptyValue(panel.values[key])) return null;
    if (copied?.draftKey === draftKey && key in copied.values && sameFilledValue(copied.values[key], panel.values[key])) return { kind: "copied", seq: copied.seq };
    if (key in fast.defaults && sameFilledValue(fast.defaults[key], panel.values[key])) return { kind: "default" };
    return null;
  };
  const setValue = (key: string, v: unknown) => {
    const values = { ...panel.values };
    if (v === undefined) delete values[key];
    else values[key] = v;
    props.onChange({ values });
    // Once a save was refused, the list follows the edits, so a fixed field loses its message.
    if (issues.length) setIssues(check(values));
  };
  return (
    <aside className="claim-panel" aria-labelledby="claim-panel-h" data-testid="claim-panel">
      <div className="claim-panel-head">
        <h2 id="claim-panel-h" ref={headingRef} tabIndex={-1}><span className="swatch" style={{ background: props.color }} aria-hidden="true" /> {isNew ? "New" : ""} {definition.name}</h2>
        <button type="button" className="link-button" onClick={props.onClose} aria-label="Close claim panel (Esc)">✕</button>
      </div>
      {!isNew && panel.mode === "edit" && (
        <p className="muted small">#{panel.claim.seq} · by {panel.claim.authorName} · version {panel.claim.version}{panel.claim.claimTypeVersion !== undefined && ` · type v${panel.claim.claimTypeVersion}`}</p>
      )}
      <section aria-label="Evidence">
        <h3 className="small-h">Evidence</h3>
        <ol className="spans">
          {panel.spans.map((s, i) => (
            <li key={`${s.start}-${s.end}`}>
              <button type="button" className="quote-button" onClick={() => props.onFocusSpan(s)} data-testid="span-quote">“{quotePreview(s.exact, 240)}”</button>
              <span className="muted small"> {s.start}–{s.end}</span>
              {panel.spans.length > 1 && canEdit && (
                <button type="button" className="link-button danger small" onClick={() => props.onChange({ spans: panel.spans.filter((_, j) => j !== i) })}>remove</button>
              )}
            </li>
          ))}
        </ol>
        {canEdit && (
          <button type="button" className="secondary small" disabled={!props.pendingSelection} onClick={props.onAddSelection} data-testid="add-span">
            Add selected text as evidence (A)
          </button>
        )}
        {fast?.duplicateOf != null && <DuplicateWarning seq={fast.duplicateOf} typeName={definition.name} onOpen={() => props.onOpenClaim?.(fast.duplicateOf!)} />}
      </section>
      {fast && canEdit && (
        <CopyFields form={fast} definition={definition} values={panel.values}
          onCopied={(seq, values, took) => { setCopied({ draftKey, seq, values: took }); props.onChange({ values }); }} />
      )}
      <form id="claim-form" ref={formRef} className="claim-fields" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <fieldset disabled={!canEdit || busy}>
          {definition.fields.map((f) => f.derived ? (
            <p key={f.key} className="field small"><strong>{f.label}</strong>: {String(panel.values[f.key] ?? "set on save")} <span className="muted">(derived)</span></p>
          ) : (
            <div key={f.key} data-field={f.key} data-jump="">
              <span className="field-key">{fieldKeyLabel(jumpOrder.get(f.key) ?? 0)}</span>
              <FieldInput field={f} value={panel.values[f.key]} context={context} issue={issueOf(f.key)}
                onChange={(v) => setValue(f.key, v)} />
              {fast && canEdit && (
                <FieldMark label={f.label} typeName={definition.name} origin={originOf(f.key)}
                  canMakeDefault={fast.canSetDefaults && carriesOver(f) && !isEmptyValue(panel.values[f.key]) && !sameFilledValue(fast.defaults[f.key], panel.values[f.key])}
                  canRemoveDefault={fast.canSetDefaults}
                  onClear={() => setValue(f.key, undefined)}
                  onMakeDefault={() => fast.setDefault(f.key, panel.values[f.key])}
                  onRemoveDefault={() => fast.setDefault(f.key, null)} />
              )}
              {f.kind !== "quantity" && f.kind !== "date" && issueOf(f.key) && <p className="error small" data-testid={`field-${f.key}-issue`}>{issueOf(f.key)}</p>}
            </div>
          ))}
          <div className="field" data-jump="">
            <span className="field-key">{fieldKeyLabel(jumpOrder.size)}</span>
            <label htmlFor="claim-note">Note</label>
            <textarea id="claim-note" rows={2} value={panel.note} onChange={(e) => props.onChange({ note: e.target.value })} maxLength={5000} />
          </div>
        </fieldset>
        {issues.length > 0 && (
          <div role="alert" className="error" data-testid="claim-issues">
            Not saved: {issues.length === 1 ? "one field needs" : `${issues.length} fields need`} attention.
            <ul className="small">{issues.map((i) => <li key={`${i.field}-${i.message}`}><strong>{labelOf(i.field)}</strong>: {i.message}</li>)}</ul>
          </div>
        )}
        {status && status.kind !== "info" && (
          <div role="alert" className="error" data-testid="save-error" data-kind={status.kind}>
            {status.message}
            {status.retry && !busy && <div><button type="button" className="link-button" onClick={() => props.onRetry(status.retry!)} data-testid="retry-save">Retry</button></div>}
            {status.kind === "conflict" && !isNew && !props.compare && (
              <div><button type="button" className="link-button" onClick={props.onReloadTheirs} data-testid="show-theirs">Show their version</button> (your edits stay in the form)</div>
            )}
          </div>
        )}
        {status?.kind === "info" && <p role="status" className="small" data-testid="save-notice">{status.message}</p>}
        {props.compare && !isNew && (
          <ConflictCompare definition={definition} theirs={props.compare.theirs} parts={props.compare.parts} onReapply={props.onReapply} onTakeTheirs={props.onTakeTheirs} />
        )}
        {canEdit && (
          <div className="inline">
            <button type="submit" disabled={busy} data-testid="save-claim">{busy ? "Saving…" : isNew ? "Save claim" : "Save changes"} <kbd>Ctrl+Enter</kbd></button>
            {!isNew && <button type="button" className="danger secondary" disabled={busy} onClick={props.onDelete} data-testid="delete-claim">Delete</button>}
          </div>
        )}
      </form>
      {panel.mode === "edit" && <ClaimReview projectId={props.projectId} claimId={panel.claim.id} claimVersion={panel.claim.version} />}
    </aside>
  );
}
