/**
 * Span sets: a claim's evidence as sorted, disjoint, non-empty intervals of code points.
 *
 * Invariants of a normalized set: each span has start < end; spans are sorted by start and do
 * not touch (touching or overlapping spans are merged, since they cover one stretch of text).
 * Empty spans (start >= end) cover no text and are dropped.
 * Pure; never throws.
 */
import type { Span } from "./types";

export function normalizeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.start < s.end).map((s) => ({ start: s.start, end: s.end }));
  sorted.sort((x, y) => x.start - y.start || x.end - y.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push(s);
  }
  return out;
}

/** A key equal for two normalized sets exactly when they cover the same code points. */
export function spanKey(spans: readonly Span[]): string {
  return spans.map((s) => `${s.start}-${s.end}`).join(",");
}

/** Code points in both normalized sets (a linear merge of the two sorted lists). */
export function overlapSize(a: readonly Span[], b: readonly Span[]): number {
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i].start, b[j].start);
    const hi = Math.min(a[i].end, b[j].end);
    if (lo < hi) total += hi - lo;
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return total;
}

/** Code points covered by a normalized set. */
export function coveredSize(spans: readonly Span[]): number {
  return spans.reduce((n, s) => n + (s.end - s.start), 0);
}

/** The first and last code point covered, as one span; null for an empty set. */
export function extent(spans: readonly Span[]): Span | null {
  return spans.length === 0 ? null : { start: spans[0].start, end: spans[spans.length - 1].end };
}
