/**
 * Code points <-> UTF-16 code units for one text.
 *
 * Stored offsets are Unicode code points; JS strings, the DOM and ProseMirror count UTF-16 code
 * units. The two differ only at astral characters (a surrogate pair: one code point, two units),
 * so the index keeps just the sorted UTF-16 positions of the astral characters and answers each
 * conversion with one binary search: O(log a) time, O(a) memory for a astral characters, and
 * nothing at all for a pure-BMP text (a 1 MB English text costs an empty array).
 *
 * Invariants:
 * - A lone surrogate (not part of a valid pair) counts as one code point, like `[...text]`.
 * - `fromUtf16(toUtf16(cp)) === cp` for every integer cp in [0, length].
 * - Inputs are clamped to the text ([0, length] or [0, text.length]) and truncated to integers,
 *   so the functions never throw and never return a position outside the text.
 */

export type Bias = "backward" | "forward";

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** True when `text[i]` is the low half of a valid surrogate pair (i.e. i splits a character). */
export function splitsSurrogatePair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1));
}

/** n truncated to an integer in [0, max]; infinities go to the nearer end, NaN to 0. */
export function clampInt(n: number, max: number): number {
  if (!Number.isFinite(n)) return n > 0 ? max : 0;
  const t = Math.trunc(n);
  return t < 0 ? 0 : t > max ? max : t;
}

export class CodePointIndex {
  /** Length of the text in code points. */
  readonly length: number;
  /** Length of the text in UTF-16 code units. */
  readonly utf16Length: number;
  /** UTF-16 index of the high surrogate of each astral character, ascending. */
  private readonly astral: Uint32Array;

  constructor(text: string) {
    const positions: number[] = [];
    for (let i = 0; i < text.length - 1; i++) {
      if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
        positions.push(i);
        i++; // skip the low half
      }
    }
    this.astral = Uint32Array.from(positions);
    this.utf16Length = text.length;
    this.length = text.length - positions.length;
  }

  /** Number of astral characters in the text (each is 2 code units, 1 code point). */
  get astralCount(): number {
    return this.astral.length;
  }

  /** UTF-16 index of the code point at `cp` (cp = length gives the text's UTF-16 length). */
  toUtf16(cp: number): number {
    const c = clampInt(cp, this.length);
    // The k-th astral char sits at code point astral[k] - k; count those strictly before c.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astral[mid] - mid < c) lo = mid + 1;
      else hi = mid;
    }
    return c + lo;
  }

  /**
   * Code point index of the UTF-16 index `u16`. A u16 between the two halves of a pair snaps to
   * the character's start ('backward', default) or just after it ('forward').
   */
  fromUtf16(u16: number, bias: Bias = "backward"): number {
    const u = clampInt(u16, this.utf16Length);
    // n = number of astral characters starting strictly before u.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astral[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    const n = lo;
    if (n > 0 && this.astral[n - 1] === u - 1) {
      const charStart = this.astral[n - 1] - (n - 1);
      return bias === "forward" ? charStart + 1 : charStart;
    }
    return u - n;
  }
}

/** Length of `s` in code points (lone surrogates count as one). */
export function cpLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if (isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1))) {
      n--;
      i++;
    }
  }
  return n;
}

/**
 * `text` between code points [start, end), with String#slice-like leniency: bounds are clamped
 * to the text, and end <= start gives "". Pass an index built for `text` to avoid a linear scan.
 */
export function sliceCp(text: string, start: number, end: number, index?: CodePointIndex): string {
  const idx = index ?? new CodePointIndex(text);
  const s = idx.toUtf16(start);
  const e = idx.toUtf16(end);
  return e <= s ? "" : text.slice(s, e);
}
