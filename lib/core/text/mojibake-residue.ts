/**
 * Finds what mojibake repair could not fix, so it can be reported instead of passing
 * silently: passages that still look garbled, and characters lost for good (U+FFFD).
 *
 * A *garbled passage* is a word (a whitespace-delimited token without its surrounding
 * punctuation) that mixes CJK ideographs with Latin-word material, i.e. an ASCII/Latin
 * letter, a word-internal hyphen or apostrophe, or a U+FFFD, and stands in Latin-script
 * text. `产补测’a丑` and `补濒-狈补产补` in an English report are italic words whose font
 * mapped letters to ideographs: the letters are not in the text, so nothing can be
 * decoded, only reported. Private-use characters (what symbol fonts extract to) are
 * always reported.
 *
 * Precision rules (reporting real Chinese as garbled would be a false alarm):
 * - Chinese prose is never "Latin-script text": the context test counts Latin letters and
 *   ideographs around the word, outside it, and needs the former to dominate.
 * - A word holding CJK punctuation or full-width forms (`用Python编程。`) is CJK prose.
 * - A Chinese word standing on its own in English text (`华为`, `(华为)`) is not glued to
 *   Latin material and is not reported; `2015年` neither (digits are not letters).
 *
 * Positions are code-point offsets into the text given; the scan is linear (the context
 * window slides forward only).
 */

export interface UnrecoveredRun {
  /** Code-point offsets, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** "garbled": a passage left as it is; "lost": U+FFFD marks where characters were lost. */
  kind: "garbled" | "lost";
}

export interface Residue {
  /** The first MAX_LISTED_UNRECOVERED_RUNS runs, in text order. */
  runs: UnrecoveredRun[];
  /** All runs, listed or not. */
  total: number;
  /** All runs of kind "garbled", listed or not. */
  garbled: number;
}

/** How many runs a result lists; the count is always complete. */
export const MAX_LISTED_UNRECOVERED_RUNS = 100;
/** Characters (UTF-16 units) looked at on each side of a word to decide whether it stands in Latin text. */
export const CONTEXT_WINDOW = 80;
/** Latin letters the window must hold outside the word: a few letters say nothing about the script of a text. */
export const MIN_CONTEXT_LATIN_LETTERS = 20;
/** Largest share of ideographs among the window's Latin letters and ideographs for it to count as Latin text. */
export const MAX_CONTEXT_IDEOGRAPH_SHARE = 0.2;

const LOST = 0xfffd;

function isIdeograph(u: number): boolean {
  // CJK Extension A, Unified, Compatibility; a high surrogate of planes 2-3 (Extensions B-H).
  return (u >= 0x3400 && u <= 0x4dbf) || (u >= 0x4e00 && u <= 0x9fff) || (u >= 0xf900 && u <= 0xfaff) || (u >= 0xd840 && u <= 0xd8bf);
}
const isPrivateUse = (u: number) => u >= 0xe000 && u <= 0xf8ff;
function isLatinLetter(u: number): boolean {
  if (u < 0x80) return (u >= 0x41 && u <= 0x5a) || (u >= 0x61 && u <= 0x7a);
  return u >= 0xc0 && u <= 0x24f && u !== 0xd7 && u !== 0xf7;
}
const isSpace = (u: number) => u === 0x20 || (u >= 0x09 && u <= 0x0d) || u === 0xa0 || u === 0x3000 || (u >= 0x2000 && u <= 0x200a) || u === 0x2028 || u === 0x2029;
/** Hyphens and apostrophes that join parts of one Latin word (`al-Naba’`, `bay’ah`). */
const WORD_JOINERS = new Set([0x2d, 0x27, 0x2010, 0x2011, 0x2019]);
/** Punctuation and symbols trimmed from a word's ends (U+FFFD is kept: it marks a lost character). */
const EDGE_PUNCTUATION = /^(?!\uFFFD)[\p{P}\p{S}]$/u;
const isEdgePunctuation = (text: string, i: number) => EDGE_PUNCTUATION.test(text[i]);

/** 。，、「 and full-width forms anywhere in the token (its trimmed ends included): CJK prose. */
function hasCjkPunctuation(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const u = text.charCodeAt(i);
    if ((u >= 0x3000 && u <= 0x303f) || (u >= 0xff00 && u <= 0xffef)) return true;
  }
  return false;
}

/** Sliding counts of Latin letters and ideographs in [lo, hi). */
class Window {
  lo = 0;
  hi = 0;
  latin = 0;
  ideographs = 0;
  constructor(private readonly text: string) {}
  private add(u: number, sign: number) {
    if (isLatinLetter(u)) this.latin += sign;
    else if (isIdeograph(u)) this.ideographs += sign;
  }
  moveTo(lo: number, hi: number) {
    for (; this.hi < hi; this.hi++) this.add(this.text.charCodeAt(this.hi), 1);
    for (; this.lo < lo; this.lo++) this.add(this.text.charCodeAt(this.lo), -1);
  }
}

interface WordStats {
  latin: number;
  ideographs: number;
  glue: boolean; // Latin material or U+FFFD inside the word
  privateUse: boolean;
}

function wordStats(text: string, start: number, end: number): WordStats {
  const w: WordStats = { latin: 0, ideographs: 0, glue: false, privateUse: false };
  for (let i = start; i < end; i++) {
    const u = text.charCodeAt(i);
    if (isIdeograph(u)) w.ideographs++;
    else if (isLatinLetter(u)) {
      w.latin++;
      w.glue = true;
    } else if (u === LOST || (WORD_JOINERS.has(u) && i > start && i < end - 1)) w.glue = true;
    else if (isPrivateUse(u)) w.privateUse = true;
  }
  return w;
}

/**
 * Garbled passages (and, with `includeLost`, every U+FFFD run) in `text`.
 * `includeLost` is for a repaired text, whose U+FFFD mark characters the repair found lost.
 */
export function findUnrecoveredRuns(text: string, { includeLost }: { includeLost: boolean }): Residue {
  const unitRuns: [number, number, UnrecoveredRun["kind"]][] = [];
  const window = new Window(text);
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    let end = i;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    let start = i;
    const token = [i, end];
    i = end;
    while (start < end && isEdgePunctuation(text, start)) start++;
    while (end > start && isEdgePunctuation(text, end - 1)) end--;
    if (start === end) continue;
    const w = wordStats(text, start, end);
    if (w.privateUse) {
      unitRuns.push([start, end, "garbled"]);
      continue;
    }
    if (w.ideographs > 0 && w.glue && !hasCjkPunctuation(text, token[0], token[1])) {
      window.moveTo(Math.max(0, start - CONTEXT_WINDOW), Math.min(text.length, end + CONTEXT_WINDOW));
      // The word's own letters do not vouch for Latin text; its ideographs do count against it.
      const latin = window.latin - w.latin;
      const ideographs = window.ideographs;
      if (latin >= MIN_CONTEXT_LATIN_LETTERS && ideographs <= (latin + ideographs) * MAX_CONTEXT_IDEOGRAPH_SHARE) {
        unitRuns.push([start, end, "garbled"]);
        continue;
      }
    }
    if (includeLost) {
      for (let k = start; k < end; k++) {
        if (text.charCodeAt(k) !== LOST) continue;
        let e = k + 1;
        while (e < end && text.charCodeAt(e) === LOST) e++;
        unitRuns.push([k, e, "lost"]);
        k = e;
      }
    }
  }
  return toResidue(text, unitRuns);
}

/** Converts UTF-16 ranges (in order) to code-point ranges in one pass; keeps the first few. */
function toResidue(text: string, unitRuns: [number, number, UnrecoveredRun["kind"]][]): Residue {
  const runs: UnrecoveredRun[] = [];
  let unit = 0;
  let cp = 0;
  const advance = (to: number) => {
    for (; unit < to; unit++, cp++) {
      const u = text.charCodeAt(unit);
      if (u >= 0xd800 && u <= 0xdbff && unit + 1 < to) unit++;
    }
    return cp;
  };
  for (const [s, e, kind] of unitRuns.slice(0, MAX_LISTED_UNRECOVERED_RUNS)) {
    const start = advance(s);
    runs.push({ start, end: advance(e), text: text.slice(s, e), kind });
  }
  return { runs, total: unitRuns.length, garbled: unitRuns.filter((r) => r[2] === "garbled").length };
}
