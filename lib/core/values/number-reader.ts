/**
 * Reads one number at a position of a normalised (lower-case, single-spaced, ASCII-dash) text.
 *
 * Understood forms:
 * - digits, optionally with thousands separators: "1200", "1,200", "1 200", "1,200,000", "1.5";
 * - digits with an attached suffix "k", "m", "mn", "bn" ("2m" = 2,000,000) or a following scale
 *   word "dozen", "hundred", "thousand", "million", "billion" ("1.5 million", "3 thousand");
 * - number words: "one" .. "nineteen", "twenty" .. "ninety", hyphenated compounds
 *   ("twenty-five"), scales ("two hundred and fifty", "three thousand"), "a dozen", "a hundred",
 *   "two dozen", "half a dozen".
 *
 * Besides the value, a read reports the number's *multiplier*: the scale it ends in (the last
 * scale word or suffix, or 1000^k for k separator groups after the first: "4,500" = 4.5 x 1000).
 * The range rule in quantity parsing uses it to carry "thousand" back in "3-4,000".
 *
 * Invariants: never throws; returns null when no number starts at `pos`; `end` is the index just
 * past the number; `value === lead * multiplier` (up to floating point).
 */

export type NumberRead = {
  value: number;
  end: number;
  /** Scale the number ends in; 1 when written without any (plain "300", "ten", "1.5"). */
  multiplier: number;
  /** `value / multiplier`: the multiplier-free leading part ("4,000" -> 4, "3 million" -> 3). */
  lead: number;
};

const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
/** Scales that multiply what came before them within the current group. */
const SMALL_SCALES: Record<string, number> = { dozen: 12, hundred: 100 };
/** Scales that close a group ("two thousand three hundred" = 2*1000 + 3*100). */
const LARGE_SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const SUFFIXES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9 };

const DIGITS = /(\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+(?![\d.,])|\d+)(\.\d+)?/y;
const SUFFIX = /(k|mn|m|bn)(?![a-z0-9])/y;
const SCALE_WORD = / ?(dozen|hundred|thousand|million|billion)(?![a-z])/y;
const WORD = /[a-z]+/y;

function scaleOf(word: string): number | undefined {
  return SMALL_SCALES[word] ?? LARGE_SCALES[word];
}

function matchAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function readDigits(text: string, pos: number): NumberRead | null {
  const m = matchAt(DIGITS, text, pos);
  if (!m) return null;
  const intPart = m[1];
  const groups = intPart.split(/[ ,]/);
  let value = Number(groups.join("") + (m[2] ?? ""));
  let multiplier = groups.length > 1 ? 1000 ** (groups.length - 1) : 1;
  let end = pos + m[0].length;
  const suffix = matchAt(SUFFIX, text, end);
  const scale = suffix ? null : matchAt(SCALE_WORD, text, end);
  if (suffix) {
    multiplier = SUFFIXES[suffix[1]];
    value *= multiplier;
    end += suffix[0].length;
  } else if (scale) {
    multiplier = scaleOf(scale[1])!;
    value *= multiplier;
    end += scale[0].length;
  }
  return { value, end, multiplier, lead: value / multiplier };
}

type WordTok = { word: string; start: number; end: number };

/** Splits the text from `pos` into words joined by single spaces or hyphens. */
function wordsFrom(text: string, pos: number, limit: number): WordTok[] {
  const out: WordTok[] = [];
  let i = pos;
  while (out.length < limit) {
    const m = matchAt(WORD, text, i);
    if (!m) break;
    out.push({ word: m[0], start: i, end: i + m[0].length });
    i += m[0].length;
    if (text[i] !== " " && text[i] !== "-") break;
    i += 1;
  }
  return out;
}

/** Every number-word reading starting at `pos`, longest first ("two hundred and fifty", "two hundred"). */
function readWords(text: string, pos: number): NumberRead[] {
  const toks = wordsFrom(text, pos, 12);
  let total = 0;
  let current = 0;
  const readings: NumberRead[] = [];
  let lastScale = 1;
  let i = 0;
  if (toks[0]?.word === "half" && toks[1]?.word === "a" && toks[2]?.word === "dozen") {
    return [{ value: 6, end: toks[2].end, multiplier: 12, lead: 0.5 }];
  }
  for (; i < toks.length; i++) {
    const w = toks[i].word;
    const next = toks[i + 1]?.word;
    const prevWasScale = i > 0 && scaleOf(toks[i - 1].word) !== undefined;
    if ((w === "a" || w === "an") && i === 0 && next && scaleOf(next) !== undefined) {
      current = 1;
      continue;
    }
    if (w === "and" && prevWasScale && next && (UNITS[next] ?? TEENS[next] ?? TENS[next])) continue;
    // A hyphen may only join tens and units ("twenty-five"); elsewhere it is a range dash.
    if (i > 0 && text[toks[i].start - 1] === "-" && !(TENS[toks[i - 1].word] && UNITS[w])) break;
    if (UNITS[w] !== undefined || TEENS[w] !== undefined || TENS[w] !== undefined) {
      const v = UNITS[w] ?? TEENS[w] ?? TENS[w];
      const lastDigitWord = i > 0 ? toks[i - 1].word : "";
      // "twenty five" is fine, "five five" or "ten twenty" is not one number.
      if (current % 100 !== 0 && !(TENS[lastDigitWord] && UNITS[w])) break;
      current += v;
      lastScale = 1;
    } else if (SMALL_SCALES[w] !== undefined) {
      if (current === 0 && i > 0) break;
      current = (current || 1) * SMALL_SCALES[w];
      lastScale = SMALL_SCALES[w];
    } else if (LARGE_SCALES[w] !== undefined) {
      if (current === 0) break;
      total += current * LARGE_SCALES[w];
      current = 0;
      lastScale = LARGE_SCALES[w];
    } else {
      break;
    }
    const value = total + current;
    readings.push({ value, end: toks[i].end, multiplier: lastScale, lead: value / lastScale });
  }
  return readings.reverse();
}

/**
 * Every reading of a number starting exactly at `pos`, longest first. Digits have one reading;
 * number words may have several ("one hundred and two" / "one hundred"), which lets
 * "between one hundred and two hundred" find its "and".
 */
export function readNumberAll(text: string, pos: number): NumberRead[] {
  if (pos >= text.length) return [];
  if (pos > 0 && /[a-z0-9]/.test(text[pos - 1])) return [];
  if (/\d/.test(text[pos])) {
    const d = readDigits(text, pos);
    return d ? [d] : [];
  }
  return readWords(text, pos);
}

/** The longest reading of a number starting exactly at `pos`, or null. */
export function readNumber(text: string, pos: number): NumberRead | null {
  return readNumberAll(text, pos)[0] ?? null;
}

/** English formatting with thousands separators, independent of the host locale. */
const FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });
export function formatNumber(n: number): string {
  return FORMAT.format(n);
}
