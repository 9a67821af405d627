/**
 * Text-quote selectors over the canonical text, all in code points.
 *
 * A selector records the span's offsets plus the quoted text and a little context on each side,
 * so a span can be verified (and, later, re-anchored) against the canonical text. Quotes are
 * always cut from the canonical text, never rebuilt from the editor document.
 *
 * Invariants:
 * - `makeSelector(...).exact === sliceCp(text, start, end)` for the returned start/end.
 * - prefix/suffix hold at most `contextLength` code points and never split a surrogate pair.
 * - A client's quote is compared after NFC normalization of both sides, like the canonical text
 *   itself: a quote sent decomposed (NFD, as some platforms copy text) names the same characters.
 */
import { clampInt, type CodePointIndex } from "./code-points";

/** Default context kept on each side of a quote: enough to disambiguate, small enough to store. */
export const DEFAULT_CONTEXT_LENGTH = 32;

export interface Selector {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Span {
  start: number;
  end: number;
  exact: string;
}

export type SpanProblem = "not-integer" | "out-of-range" | "empty-or-reversed" | "exact-mismatch";

export type SpanCheck = { ok: true } | { ok: false; reason: SpanProblem; message: string };

/**
 * Selector for code points [start, end). Bounds are clamped to the text and an end before the
 * start is raised to the start (empty quote), so the result always describes real text.
 */
export function makeSelector(
  text: string,
  index: CodePointIndex,
  start: number,
  end: number,
  contextLength: number = DEFAULT_CONTEXT_LENGTH,
): Selector {
  const s = clampInt(start, index.length);
  const e = Math.max(s, clampInt(end, index.length));
  const ctx = Math.max(0, Math.trunc(contextLength) || 0);
  const u = (cp: number) => index.toUtf16(cp);
  return {
    start: s,
    end: e,
    exact: text.slice(u(s), u(e)),
    prefix: text.slice(u(s - ctx), u(s)),
    suffix: text.slice(u(e), u(e + ctx)),
  };
}

/** Check a stored span against the canonical text before trusting its offsets. */
export function validateSpan(text: string, index: CodePointIndex, span: Span): SpanCheck {
  const { start, end, exact } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    return { ok: false, reason: "not-integer", message: "Span offsets must be whole numbers." };
  }
  if (start < 0 || end > index.length) {
    return { ok: false, reason: "out-of-range", message: `Span ${start}-${end} lies outside the text (0-${index.length}).` };
  }
  if (start >= end) {
    return { ok: false, reason: "empty-or-reversed", message: "Span must start before it ends." };
  }
  const quoted = text.slice(index.toUtf16(start), index.toUtf16(end));
  if (quoted !== exact && quoted.normalize("NFC") !== exact.normalize("NFC")) {
    return { ok: false, reason: "exact-mismatch", message: "The quoted text does not match the document at these offsets." };
  }
  return { ok: true };
}
