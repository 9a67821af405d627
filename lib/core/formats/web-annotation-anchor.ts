/**
 * Anchoring one imported W3C target on a document's canonical text, in code points.
 *
 * Selectors are tried from cheap to expensive, each result checked against the quote:
 * 1. the TextPositionSelector, accepted when its slice equals the TextQuoteSelector's `exact`
 *    (or when there is no quote to check it against);
 * 2. otherwise an exact search for the quote, each occurrence scored by how much of the stated
 *    prefix and suffix surrounds it; the best score wins, ties going to the occurrence nearest
 *    the stated position (or the first one when there is none).
 * No fuzzy matching: a quote that does not occur verbatim is reported, never moved to a
 * look-alike passage.
 */
import { type CodePointIndex, cpLength, splitsSurrogatePair } from "../offsets/code-points";

export interface QuoteHint {
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface PositionHint {
  start: number;
  end: number;
}

export type AnchorHow = "position" | "quote";

export type AnchorProblem = "no-selector" | "empty-quote" | "quote-not-found" | "position-out-of-range";

export type AnchorResult =
  | { ok: true; start: number; end: number; exact: string; how: AnchorHow }
  | { ok: false; reason: AnchorProblem; message: string };

function positionInText(p: PositionHint, index: CodePointIndex): boolean {
  return Number.isInteger(p.start) && Number.isInteger(p.end) && p.start >= 0 && p.start < p.end && p.end <= index.length;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Where `quote` occurs, best context first; null when it does not occur. */
function searchQuote(text: string, index: CodePointIndex, quote: QuoteHint, near: number | undefined): number | null {
  // The canonical text is NFC; a quote copied from a decomposed source names the same characters.
  const exact = quote.exact.normalize("NFC");
  const prefix = (quote.prefix ?? "").normalize("NFC");
  const suffix = (quote.suffix ?? "").normalize("NFC");
  let best: { cp: number; score: number; distance: number } | null = null;
  for (let u = text.indexOf(exact); u !== -1; u = text.indexOf(exact, u + 1)) {
    if (splitsSurrogatePair(text, u) || splitsSurrogatePair(text, u + exact.length)) continue;
    const before = text.slice(Math.max(0, u - prefix.length), u);
    const after = text.slice(u + exact.length, u + exact.length + suffix.length);
    const score = commonSuffixLength(before, prefix) + commonPrefixLength(after, suffix);
    const cp = index.fromUtf16(u);
    const distance = near === undefined ? 0 : Math.abs(cp - near);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { cp, score, distance };
  }
  return best ? best.cp : null;
}

/** Anchor one target from its position and/or quote selector. */
export function anchorTarget(
  text: string,
  index: CodePointIndex,
  position: PositionHint | undefined,
  quote: QuoteHint | undefined,
): AnchorResult {
  if (!position && !quote) {
    return { ok: false, reason: "no-selector", message: "The target has neither a TextPositionSelector nor a TextQuoteSelector." };
  }
  const positionOk = position !== undefined && positionInText(position, index);
  if (positionOk) {
    const s = index.toUtf16(position.start);
    const slice = text.slice(s, index.toUtf16(position.end));
    if (!quote || slice === quote.exact || slice === quote.exact.normalize("NFC")) {
      return { ok: true, start: position.start, end: position.end, exact: slice, how: "position" };
    }
  }
  if (!quote) {
    return {
      ok: false,
      reason: "position-out-of-range",
      message: `Position ${position?.start}-${position?.end} lies outside the text (0-${index.length}) and there is no quote to search for.`,
    };
  }
  if (quote.exact.length === 0) return { ok: false, reason: "empty-quote", message: "The TextQuoteSelector's exact text is empty." };
  const near = position && Number.isFinite(position.start) ? position.start : undefined;
  const start = searchQuote(text, index, quote, near);
  if (start === null) {
    return { ok: false, reason: "quote-not-found", message: `The quoted text "${preview(quote.exact)}" does not occur in the document.` };
  }
  const exact = quote.exact.normalize("NFC");
  return { ok: true, start, end: start + cpLength(exact), exact, how: "quote" };
}

function preview(s: string): string {
  const cps = [...s];
  return cps.length > 40 ? cps.slice(0, 40).join("") + "…" : s;
}
