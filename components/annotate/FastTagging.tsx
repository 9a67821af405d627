"use client";
/**
 * The claim form's fast-tagging controls: "Copy fields from #N" (Alt+C), the warning when the same
 * text is already tagged with the type, and the mark beside a field whose value the annotator did
 * not type (a project default, or a value copied from another claim), with a way to clear it and,
 * for editors and owners, to make a value the project default. Nothing is applied unseen.
 */
import { useEffect, useRef, useState } from "react";
import { copyFieldValues, type ClaimTypeDefinition } from "@/lib/core/claim-types";

/** What the workspace gives the form of a new claim (see useFastTagging). */
export type FastForm = {
  typeName: string;
  defaults: Record<string, unknown>;
  /** The claim whose fields "Copy fields" takes, by number. */
  copyFrom: number | null;
  /** A live claim of the same type with the same evidence. */
  duplicateOf: number | null;
  canSetDefaults: boolean;
  setDefault(key: string, value: unknown): Promise<string | null>;
  loadValues(seq: number): Promise<{ ok: true; values: Record<string, unknown> } | { ok: false; message: string }>;
};

/** Alt+C on every platform (e.code, so macOS's Option+C, which types "ç", works too). */
const isCopyKey = (e: KeyboardEvent) => e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === "KeyC";

export function CopyFields({ form, definition, values, onCopied }: {
  form: FastForm; definition: ClaimTypeDefinition; values: Record<string, unknown>;
  onCopied(seq: number, values: Record<string, unknown>, copied: Record<string, unknown>): void;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const seq = form.copyFrom;
  const copy = async () => {
    if (seq === null || busy) return;
    setBusy(true);
    try {
      const res = await form.loadValues(seq);
      if (!res.ok) return setMessage(res.message);
      const { values: next, copied } = copyFieldValues(definition, res.values, values, form.defaults);
      const labels = definition.fields.filter((f) => copied.includes(f.key)).map((f) => f.label);
      setMessage(labels.length ? `Copied from #${seq}: ${labels.join(", ")}.` : `Nothing to copy from #${seq}: its other fields are empty, or you already filled them.`);
      if (labels.length) onCopied(seq, next, Object.fromEntries(copied.map((k) => [k, next[k]])));
    } finally {
      setBusy(false);
    }
  };
  const copyRef = useRef(copy);
  useEffect(() => { copyRef.current = copy; });
  useEffect(() => {
    if (seq === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isCopyKey(e)) return;
      e.preventDefault();
      void copyRef.current();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [seq]);
  if (seq === null) return null;
  return (
    <div className="field small" data-testid="copy-fields">
      <button type="button" className="secondary small" onClick={() => void copy()} disabled={busy} data-testid="copy-fields-button">
        Copy fields from #{seq} <kbd>Alt+C</kbd>
      </button>
      <span className="muted"> Figures and dates are not copied: each claim reads its own wording.</span>
      {message && <p role="status" className="small" data-testid="copy-fields-status">{message}</p>}
    </div>
  );
}

export function DuplicateWarning({ seq, typeName, onOpen }: { seq: number; typeName: string; onOpen(): void }) {
  return (
    <p className="notice small" role="status" data-testid="duplicate-warning">
      Same text already tagged as {typeName} #{seq}.{" "}
      <button type="button" className="link-button" onClick={onOpen}>Open #{seq}</button>{" "}
      Saving this one is still allowed.
    </p>
  );
}

/** Where a field's value came from, when the annotator did not type it. */
export type FieldOrigin = { kind: "default" } | { kind: "copied"; seq: number };

export function FieldMark({ label, origin, canMakeDefault, canRemoveDefault, typeName, onClear, onMakeDefault, onRemoveDefault }: {
  label: string; origin: FieldOrigin | null; canMakeDefault: boolean; canRemoveDefault: boolean; typeName: string;
  onClear(): void; onMakeDefault(): Promise<string | null>; onRemoveDefault(): Promise<string | null>;
}) {
  const [error, setError] = useState<string | null>(null);
  const run = async (call: () => Promise<string | null>) => setError(await call());
  if (!origin && !canMakeDefault) return null;
  return (
    <p className="small field-mark" data-testid="field-mark">
      {origin && (
        <>
          <span className="badge">{origin.kind === "default" ? "default" : `copied from #${origin.seq}`}</span>{" "}
          <button type="button" className="link-button" onClick={onClear} aria-label={`Clear ${label} (${origin.kind === "default" ? "the project default" : `copied from #${origin.seq}`})`}>clear</button>
          {origin.kind === "default" && canRemoveDefault && (
            <> · <button type="button" className="link-button" onClick={() => void run(onRemoveDefault)} aria-label={`remove project default of ${label} for ${typeName}`}>remove project default</button></>
          )}
        </>
      )}
      {canMakeDefault && (
        <button type="button" className="link-button" onClick={() => void run(onMakeDefault)} aria-label={`Make this the project default for ${label} in ${typeName}`}>
          Make this the project default
        </button>
      )}
      {error && <span role="alert" className="error"> {error}</span>}
    </p>
  );
}
