/**
 * Words, sentences and punctuation around a position, for selecting by keyboard and snapping a
 * selection to whole words. Offsets in and out are code points of the given text.
 *
 * Unicode rules come from Intl.Segmenter, run over a small window around the position (segmenting
 * from the text's start would cost milliseconds per call on a long document): words never cross
 * white space, and a line feed always ends a sentence (UAX #29, SB4), so windows bounded by those
 * give the same segments as the whole text.
 */
import { CodePointIndex } from "./code-points";

export interface CpSpan {
  start: number;
  end: number;
}

/** Longest stretch looked at on each side of a position. */
const WINDOW = 2000;

let wordSegmenter: Intl.Segmenter | undefined;
let sentenceSegmenter: Intl.Segmenter | undefined;
const words = () => (wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: "word" }));
const sentences = () => (sentenceSegmenter ??= new Intl.Segmenter(undefined, { granularity: "sentence" }));

/** [from, to) around u16, extended to the nearest character matching `stop` on each side (bounded). */
function windowAround(text: string, u16: number, stop: RegExp): [number, number] {
  let a = u16;
  while (a > 0 && u16 - a < WINDOW && !stop.test(text[a - 1]!)) a--;
  let b = u16;
  while (b < text.length && b - u16 < WINDOW && !stop.test(text[b]!)) b++;
  return [a, b];
}

/** Hyphens that join two words into one (state-run, Islamic State-Khorasan). */
const JOINING_HYPHEN = /^[-\u2010\u2011]$/;

/** Word-like stretches of text[a, b), a hyphenated compound counting as one word. */
function wordsIn(text: string, a: number, b: number): CpSpan[] {
  const out: CpSpan[] = [];
  let joinNext = false;
  for (const s of words().segment(text.slice(a, b))) {
    const start = a + s.index;
    const end = start + s.segment.length;
    const last = out[out.length - 1];
    if (s.isWordLike) {
      if (joinNext && last) last.end = end;
      else out.push({ start, end });
      joinNext = false;
    } else joinNext = Boolean(last && last.end === start && JOINING_HYPHEN.test(s.segment));
  }
  return out;
}

/** The word containing u16 strictly inside it (not on its edge), in UTF-16; null when there is none. */
function wordAround(text: string, u16: number): CpSpan | null {
  if (u16 <= 0 || u16 >= text.length) return null;
  const [a, b] = windowAround(text, u16, /\s/);
  return wordsIn(text, a, b).find((w) => w.start < u16 && u16 < w.end) ?? null;
}

/**
 * Widen the code point span [start, end) so neither bound falls inside a word: a bound inside a
 * word moves outward to the word's edge. Bounds on a word's edge, in white space or punctuation
 * stay where they are. Hyphenated compounds count as one word; numbers with separators (1,200),
 * apostrophes (don't) and combining marks stay inside their word by Unicode's rules.
 */
export function snapToWords(text: string, start: number, end: number, index = new CodePointIndex(text)): CpSpan {
  const a = index.toUtf16(Math.min(start, end));
  const b = index.toUtf16(Math.max(start, end));
  const first = wordAround(text, a);
  const last = wordAround(text, b);
  return { start: index.fromUtf16(first ? first.start : a), end: index.fromUtf16(last ? last.end : b) };
}

/** Sentence ends that are abbreviations, not ends: titles, and initialisms such as "U.N.". */
const ABBREVIATION = /(?:^|[\s("'“‘])(?:(?:\p{Lu}\.){2,}|(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Maj|Capt|Sgt|Sen|Rep|Gov|Pres|St|No|Nos|Vol|vs|approx|e\.g|i\.e|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.)\s*$/u;

/**
 * The sentence around code point `cp` (a position between two sentences belongs to the one that
 * follows), without the white space around it; null when the text there is only white space.
 * Unicode sentence rules (numbers such as 3.5, closing quotes, Arabic and other scripts' marks),
 * plus common abbreviations not ending a sentence.
 */
export function sentenceAt(text: string, cp: number, index = new CodePointIndex(text)): CpSpan | null {
  const u = index.toUtf16(cp);
  const [a, b] = windowAround(text, u, /\n/);
  const spans: CpSpan[] = [];
  let merge = false;
  for (const s of sentences().segment(text.slice(a, b))) {
    const start = a + s.index;
    const end = start + s.segment.length;
    if (merge && spans.length > 0) spans[spans.length - 1]!.end = end;
    else spans.push({ start, end });
    merge = ABBREVIATION.test(s.segment);
  }
  const hit = spans.find((s) => s.start <= u && u < s.end) ?? spans[spans.length - 1];
  if (!hit) return null;
  let s = hit.start;
  let e = hit.end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: index.fromUtf16(s), end: index.fromUtf16(e) } : null;
}

/** Punctuation that ends a clause or a sentence, in Latin and other scripts. */
const PUNCTUATION = /[,;:.!?\u060C\u061B\u061F\u06D4\u3001\u3002\uFF0C\uFF1B\uFF1A\uFF01\uFF1F]/;
const CLOSING = /["'”’»)\]]/;

/**
 * Where a selection ending at code point `cp` extends to: just past the next punctuation mark at or
 * after `cp` (and the closing quotes or brackets right after it); null when there is none before
 * code point `until` (default: the end of the text; the reading view passes the paragraph's end, so
 * one key press never reads past it). Points and commas inside numbers (3.5, 1,200) and the points of
 * initials (U.N., J. Smith) are not punctuation.
 */
export function nextPunctuationEnd(text: string, cp: number, index = new CodePointIndex(text), until?: number): number | null {
  const digit = (i: number) => i >= 0 && i < text.length && /\d/.test(text[i]!);
  // A single capital letter standing alone: an initial, not the end of a sentence.
  const initial = (i: number) => i >= 0 && /\p{Lu}/u.test(text[i]!) && (i === 0 || /[\s.(]/.test(text[i - 1]!));
  const stop = until === undefined ? text.length : Math.min(text.length, index.toUtf16(until));
  for (let i = index.toUtf16(cp); i < stop; i++) {
    if (!PUNCTUATION.test(text[i]!)) continue;
    if ((text[i] === "." || text[i] === ",") && digit(i - 1) && digit(i + 1)) continue;
    if (text[i] === "." && initial(i - 1)) continue; // U.N., J. Smith
    let end = i + 1;
    while (end < text.length && CLOSING.test(text[end]!)) end++;
    return index.fromUtf16(end);
  }
  return null;
}
