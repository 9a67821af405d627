"use client";
/**
 * The bibliographic fields of one document (title, authors, publisher, publication date with its
 * precision, URL) as a fieldset, used before upload (values sent with the file, overriding the file's)
 * and after import (the stored values, marked where they came from the file).
 */
import { useState } from "react";
import { DOCUMENT_LIMITS } from "@/lib/core/document-limits";
import { isPublishedDate, publishedPrecision } from "@/lib/core/values/published";

export interface MetaValues {
  title: string;
  /** Authors separated by ";" as typed. */
  authors: string;
  publisher: string;
  published: string;
  url: string;
}

export const EMPTY_META: MetaValues = { title: "", authors: "", publisher: "", published: "", url: "" };

/** What the date's form says about its precision, for the hint next to the field. */
export function precisionOf(published: string): string {
  const v = published.trim();
  if (!v) return "no date";
  if (!isPublishedDate(v)) return "use YYYY, YYYY-MM or YYYY-MM-DD";
  return `precision: ${publishedPrecision(v)}`;
}

/** The fields that were filled in, as the service's metadata input (authors split on ";"). */
export function metadataInput(v: MetaValues, only: "filled" | "all"): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const authors = v.authors.split(";").map((s) => s.trim()).filter(Boolean);
  if (only === "all" || v.title.trim()) out.title = v.title.trim();
  if (only === "all" || authors.length) out.authors = authors;
  for (const k of ["publisher", "published", "url"] as const) if (only === "all" || v[k].trim()) out[k] = v[k].trim();
  return out;
}

export function MetadataFields({ legend, values, onChange, fromFile, idPrefix, withTitle = true }: {
  legend: string;
  /** False where the form has its own title field (pasted text). */
  withTitle?: boolean;
  values: MetaValues;
  onChange: (v: MetaValues) => void;
  /** Fields whose value was read from the file (marked as such). */
  fromFile?: Partial<Record<keyof MetaValues, boolean>>;
  idPrefix: string;
}) {
  const [touched, setTouched] = useState(false);
  const set = (k: keyof MetaValues) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setTouched(true);
    onChange({ ...values, [k]: e.target.value });
  };
  const mark = (k: keyof MetaValues) => (fromFile?.[k] ? <span className="muted small"> (from the file)</span> : null);
  const precision = precisionOf(values.published);
  return (
    <fieldset className="grid-form">
      <legend className="sr-only">{legend}</legend>
      {withTitle && <label>Title{mark("title")}<input id={`${idPrefix}-title`} value={values.title} onChange={set("title")} maxLength={DOCUMENT_LIMITS.title} /></label>}
      <label>Authors <span className="muted small">(separate with ;)</span>{mark("authors")}<input id={`${idPrefix}-authors`} value={values.authors} onChange={set("authors")} /></label>
      <label>Publisher{mark("publisher")}<input id={`${idPrefix}-publisher`} value={values.publisher} onChange={set("publisher")} maxLength={DOCUMENT_LIMITS.publisher} /></label>
      <div>
        <label htmlFor={`${idPrefix}-published`}>Publication date <span className="muted small">(YYYY, YYYY-MM or YYYY-MM-DD)</span>{mark("published")}</label>
        <input id={`${idPrefix}-published`} value={values.published} onChange={set("published")} inputMode="numeric" maxLength={DOCUMENT_LIMITS.published}
          aria-describedby={`${idPrefix}-precision`} aria-invalid={touched && precision.startsWith("use") ? true : undefined} />
        <span id={`${idPrefix}-precision`} className="muted small" aria-live="polite">{precision}</span>
      </div>
      <label>URL{mark("url")}<input id={`${idPrefix}-url`} type="url" value={values.url} onChange={set("url")} maxLength={DOCUMENT_LIMITS.url} /></label>
    </fieldset>
  );
}
