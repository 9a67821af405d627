/**
 * A document's publication date as stored: "YYYY", "YYYY-MM" or "YYYY-MM-DD" (the precision is how
 * much of it is written), or "" when unknown. One home for reading it: the metadata forms and
 * services validate it here, and the date reader takes its reference (for "April 18", "last
 * month") from it. Pure; never throws.
 */
import type { DateReference } from "./date-schema";

export const PUBLISHED_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export type PublishedPrecision = "day" | "month" | "year" | "unknown";

/** True for YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day. */
export function isPublishedDate(v: string): boolean {
  const m = PUBLISHED_PATTERN.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // overflowing months and days roll over, so they fail the check below
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function publishedPrecision(published: string): PublishedPrecision {
  const m = PUBLISHED_PATTERN.exec(published);
  if (!m) return "unknown";
  return m[3] ? "day" : m[2] ? "month" : "year";
}

/** The publication date as the date reader's reference, as precise as it is written; undefined when unknown. */
export function referenceFromPublished(published: string | null | undefined): DateReference | undefined {
  const m = PUBLISHED_PATTERN.exec((published ?? "").trim());
  if (!m) return undefined;
  const ref: DateReference = { year: Number(m[1]) };
  if (m[2]) ref.month = Number(m[2]);
  if (m[3]) ref.day = Number(m[3]);
  return ref;
}
