"use client";
/**
 * Quantity and date fields: the wording as written, read as it is typed (readFieldWording, the
 * server's own reader), and structured inputs for a value entered by hand.
 *
 * The field's value is one of:
 * - absent: not stated (the wording is empty);
 * - a reading of the wording (no `manual`): what the server will re-read and accept;
 * - the wording alone (`{ raw }`): it could not be read, so the structured inputs are open and the
 *   claim cannot be saved until the value is entered or marked unknown (values-schema.ts says so);
 * - a value entered by hand (`manual: true`), marked unknown on purpose or not.
 * Typing new wording re-reads it, except over a hand-entered value, which keeps its numbers.
 */
import { useMemo } from "react";
import { readFieldWording, sameFieldValue, type FieldDefinition, type WordingContext } from "@/lib/core/claim-types";
import { formatFieldValue } from "@/lib/core/claim-types/field-display";
import { DATE_PRECISIONS, QUALIFIERS, type Qualifier } from "@/lib/core/values";
import { ParsedInput, type StatusTone } from "./ParsedInput";

type Props = { field: FieldDefinition; value: unknown; onChange(v: unknown): void; context: WordingContext; issue?: string | null };
type Rec = Record<string, unknown>;

/** A stored value's string member, or "" (hand-entered values may lack it). */
const str = (x: unknown): string => (typeof x === "string" ? x : "");
const rec = (v: unknown): Rec => (v && typeof v === "object" && !Array.isArray(v) ? (v as Rec) : {});

const QUALIFIER_LABELS: Record<Qualifier, string> = {
  exact: "exact", approx: "about", at_least: "at least", more_than: "more than (low is N + 1)", at_most: "at most",
  range: "range", vague: "vague word", unknown_nonzero: "some, number unknown", none: "none (zero)", unknown: "unknown",
};

const UNKNOWN = {
  quantity: { low: null, best: null, high: null, qualifier: "unknown" },
  date: { start: null, end: null, precision: "unknown" },
} as const;

/** Status line, controls and state shared by both kinds. */
function useWording({ field, value, onChange, context }: Props) {
  const v = rec(value);
  const raw = typeof v.raw === "string" ? v.raw : "";
  const kindKey = field.kind === "quantity" ? "qualifier" : "precision";
  const reading = useMemo(() => (raw.trim() ? readFieldWording(field, raw, context) : null), [field, raw, context]);
  const present = value !== undefined && value !== null;
  const manual = v.manual === true;
  const hasValue = typeof v[kindKey] === "string";
  const markedUnknown = manual && v[kindKey] === "unknown";
  const open = present && (manual || !hasValue);
  const noun = field.kind === "quantity" ? "figure" : "date";

  let status: { tone: StatusTone; text: string };
  let warnings: string[] = [];
  if (!present) status = { tone: "not-stated", text: "Not stated." };
  else if (markedUnknown) status = { tone: "unknown", text: `marked by hand: the source says the ${noun} is unknown.` };
  else if (manual) {
    const shown = formatFieldValue(field, value);
    status = shown.status === "unreadable"
      ? { tone: "error", text: `Entered by hand: complete the ${noun} below.` }
      : { tone: "ok", text: `Entered by hand: ${shown.text}.` };
  } else if (!hasValue) {
    status = { tone: "error", text: `Cannot read “${raw}”${reading && !reading.ok ? `: ${reading.error}` : "."} Enter the ${noun} below, or mark it unknown.` };
  } else if (reading?.ok && sameFieldValue(reading.value, value)) {
    status = { tone: "ok", text: reading.explanation };
    warnings = reading.warnings;
  } else {
    // Stored by an older reader, or read in another context: shown as stored, never silently replaced.
    status = { tone: "ok", text: `Stored value: ${formatFieldValue(field, value).text}.${reading?.ok ? ` The wording now reads: ${reading.explanation}` : ""}` };
  }

  const onRaw = (r: string) => {
    if (manual) return onChange({ ...v, raw: r });
    if (!r.trim()) return onChange(undefined);
    const next = readFieldWording(field, r, context);
    onChange(next.ok ? next.value : { raw: r });
  };
  const actions = (
    <>
      {present && hasValue && !manual && (
        <button type="button" className="link-button" data-testid={`field-${field.key}-by-hand`} onClick={() => onChange({ ...v, manual: true })}>Enter by hand</button>
      )}
      {manual && reading?.ok && !markedUnknown && (
        <button type="button" className="link-button" onClick={() => onChange(reading.value)}>Use the wording’s reading</button>
      )}
      {!markedUnknown ? (
        <button type="button" className="link-button" data-testid={`field-${field.key}-unknown`}
          onClick={() => onChange({ raw, ...UNKNOWN[field.kind as "quantity" | "date"], manual: true })}>Mark unknown</button>
      ) : (
        <button type="button" className="link-button" onClick={() => onChange(reading?.ok ? reading.value : raw.trim() ? { raw } : undefined)}>Not unknown</button>
      )}
    </>
  );
  /** A change made in the structured inputs: the value becomes one entered by hand. */
  const base: Rec = manual ? v : { raw, ...UNKNOWN[field.kind as "quantity" | "date"], [kindKey]: undefined };
  return { v, raw, status, warnings, onRaw, actions, open, base };
}

const num = (s: string): number | null => (s.trim() === "" || !Number.isFinite(Number(s)) ? null : Number(s));

export function QuantityField(props: Props) {
  const { field, onChange, issue } = props;
  const w = useWording(props);
  const testId = `field-${field.key}`;
  const set = (patch: Rec) => {
    const next: Rec = { ...w.base, ...patch, manual: true };
    delete next.parts; // a breakdown read from the wording no longer adds up to numbers typed by hand
    if (!w.base.unit && field.defaultUnit && next.unit === undefined) next.unit = field.defaultUnit;
    if (next.qualifier === "exact") next.low = next.high = next.best;
    if (next.qualifier === "none") next.low = next.best = next.high = 0;
    if (next.qualifier === "unknown") next.low = next.best = next.high = null;
    if (next.unit === "") delete next.unit;
    onChange(next);
  };
  const q = w.open ? w.v : {};
  return (
    <ParsedInput fieldKey={field.key} label={field.label} required={field.required} raw={w.raw} testId={testId} status={w.status} warnings={w.warnings}
      issue={issue} onRaw={w.onRaw} actions={w.actions} placeholder="e.g. 3-4,000 · more than 180 · dozens">
      {w.open && (
        <fieldset className="inline" aria-label={`${field.label}: entered by hand`} data-testid={`${testId}-structured`}>
          <label className="mini-field"><span>kind</span>
            <select aria-label={`${field.label}: kind of figure`} data-testid={`${testId}-qualifier`} value={str(q.qualifier)}
              onChange={(e) => set({ qualifier: e.target.value || undefined })}>
              <option value="">— choose —</option>
              {QUALIFIERS.map((k) => <option key={k} value={k}>{QUALIFIER_LABELS[k]}</option>)}
            </select>
          </label>
          {(["low", "best", "high"] as const).map((k) => (
            <label key={k} className="mini-field"><span>{k}</span>
              <input type="number" min={0} step="any" size={7} aria-label={`${field.label}: ${k}`} data-testid={`${testId}-${k}`}
                value={typeof q[k] === "number" ? q[k] : ""} onChange={(e) => set({ [k]: num(e.target.value) })} />
            </label>
          ))}
          <label className="mini-field"><span>unit</span>
            <input aria-label={`${field.label}: unit`} size={10} data-testid={`${testId}-unit`}
              value={typeof q.unit === "string" ? q.unit : w.base.unit === undefined ? field.defaultUnit ?? "" : ""} onChange={(e) => set({ unit: e.target.value })} />
          </label>
        </fieldset>
      )}
    </ParsedInput>
  );
}

export function DateField(props: Props) {
  const { field, onChange, issue } = props;
  const w = useWording(props);
  const testId = `field-${field.key}`;
  const set = (patch: Rec) => {
    const next: Rec = { ...w.base, ...patch, manual: true };
    if (next.start === "") next.start = null;
    if (next.end === "") next.end = null;
    if (next.precision === "day" && next.start) next.end = next.start;
    if (next.precision === "unknown") next.start = next.end = null;
    onChange(next);
  };
  const d = w.open ? w.v : {};
  return (
    <ParsedInput fieldKey={field.key} label={field.label} required={field.required} raw={w.raw} testId={testId} status={w.status} warnings={w.warnings}
      issue={issue} onRaw={w.onRaw} actions={w.actions} placeholder="e.g. 26 August 2021 · April 18 · early May 2022">
      {w.open && (
        <fieldset className="inline" aria-label={`${field.label}: entered by hand`} data-testid={`${testId}-structured`}>
          <label className="mini-field"><span>earliest</span>
            <input type="date" aria-label={`${field.label}: start (earliest day)`} data-testid={`${testId}-start`} value={str(d.start)} onChange={(e) => set({ start: e.target.value })} />
          </label>
          <label className="mini-field"><span>latest</span>
            <input type="date" aria-label={`${field.label}: end (latest day)`} data-testid={`${testId}-end`} value={str(d.end)} onChange={(e) => set({ end: e.target.value })} />
          </label>
          <label className="mini-field"><span>precision</span>
            <select aria-label={`${field.label}: precision`} data-testid={`${testId}-precision`} value={str(d.precision)}
              onChange={(e) => set({ precision: e.target.value || undefined })}>
              <option value="">— choose —</option>
              {DATE_PRECISIONS.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </label>
        </fieldset>
      )}
    </ParsedInput>
  );
}
