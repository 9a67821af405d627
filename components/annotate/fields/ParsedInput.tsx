"use client";
/**
 * A free-text input whose wording is read as the annotator types (quantities, dates). Under it, in
 * one polite live region tied to the input (aria-describedby): what the wording reads as, or why it
 * cannot be read, and the reader's warnings. Below that the save problem of this field, if any,
 * the field's controls (enter by hand, mark unknown) and, when open, the structured inputs.
 */
import { useId } from "react";

/** How the status line looks: a reading, a problem, "not stated", or "unknown" (never alike). */
export type StatusTone = "ok" | "error" | "not-stated" | "unknown";

export function ParsedInput(props: {
  fieldKey: string;
  label: string;
  raw: string;
  placeholder?: string;
  status: { tone: StatusTone; text: string };
  warnings: string[];
  issue?: string | null;
  required?: boolean;
  onRaw(raw: string): void;
  actions?: React.ReactNode;
  children?: React.ReactNode;
  testId: string;
}) {
  const id = useId();
  const issueId = `${id}-issue`;
  const { tone } = props.status;
  return (
    <div className="field" data-field={props.fieldKey}>
      <label htmlFor={id}>{props.label}{props.required && <span aria-hidden="true" className="req"> *</span>}</label>
      <input id={id} value={props.raw} placeholder={props.placeholder} data-testid={props.testId}
        onChange={(e) => props.onRaw(e.target.value)} aria-describedby={props.issue ? `${id}-parsed ${issueId}` : `${id}-parsed`}
        aria-invalid={props.issue || tone === "error" ? true : undefined} />
      <output id={`${id}-parsed`} aria-live="polite" className={tone === "error" ? "parsed error" : tone === "ok" ? "parsed" : "parsed muted"}
        data-testid={`${props.testId}-parsed`} data-tone={tone}>
        {tone === "unknown" ? <><span className="badge">Unknown</span> {props.status.text}</> : props.status.text}
        {props.warnings.map((w) => <span key={w} className="error" style={{ display: "block" }} data-testid={`${props.testId}-warning`}>⚠ {w}</span>)}
      </output>
      {props.issue && <p id={issueId} className="error small" data-testid={`${props.testId}-issue`}>{props.issue}</p>}
      {props.actions && <div className="inline small">{props.actions}</div>}
      {props.children}
    </div>
  );
}
