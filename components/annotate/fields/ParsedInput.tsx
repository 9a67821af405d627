"use client";
/**
 * A free-text input whose wording is parsed as the annotator types (quantities, dates). The parsed
 * value is shown for confirmation; the raw wording is always kept with it.
 */
import { useId } from "react";

export function ParsedInput(props: {
  label: string;
  raw: string;
  placeholder?: string;
  explanation: string | null;
  error: string | null;
  required?: boolean;
  onRaw(raw: string): void;
  children?: React.ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}{props.required && <span aria-hidden="true" className="req"> *</span>}</label>
      <input id={id} value={props.raw} placeholder={props.placeholder} data-testid={props.testId}
        onChange={(e) => props.onRaw(e.target.value)} aria-describedby={`${id}-parsed`} aria-invalid={props.error ? true : undefined} />
      <output id={`${id}-parsed`} className={props.error ? "parsed error" : "parsed"} data-testid={props.testId ? `${props.testId}-parsed` : undefined}>
        {props.raw.trim() === "" ? "" : props.error ?? props.explanation}
      </output>
      {props.children}
    </div>
  );
}
