/**
 * Reading the text before the evidence the way a reader does: the date the narrative has reached,
 * for yearless dates ("On January 26") and relative ones ("two days later").
 *
 * The narrative date (`nearestMention`) is the last of these before the evidence:
 * - a date naming a month: "January 10, 2015", "26 January 2015", "in May 2020", "January 26"
 *   (a yearless one takes its own year the same way, from the text before IT), or a capitalised
 *   bare month name other than "May" and "March" (which are ordinary words too);
 * - a bare year that opens a sentence or a list item, possibly after a preposition: "In 2020, ...",
 *   "2019 was a year of ...", "By 2016, ...". A line break alone is no sentence boundary: text
 *   extracted from PDF breaks lines anywhere. A bare year inside a sentence ("commanders joined
 *   in 2015 in Jowzjan", "going back to 2015", "from 2015 to 2018") is an aside about the past:
 *   a reader does not move the story's year for it, and neither do we.
 *
 * What counts as an explicit year: a four-digit number from 1900 to 2099 standing as a word.
 * It is NOT a year when
 * - it touches a letter, another digit, "/", "_", "#", "$", "£", "€" or "%" (identifiers, link
 *   paths, glued words, money, percentages) — a footnote number glued AFTER it ("2021.14") is fine;
 * - its whitespace-delimited token is part of a link ("://", "www.", "](", or starts with "/"
 *   or "(/"): readers do not read URLs;
 * - it is followed by ",ddd" (a figure such as "2015,000") or by a time or count word
 *   ("2000 GMT", "1900 hours", "2000 fighters");
 * - it is preceded by a page, number, volume, resolution or flight label ("p. 2015", "no. 2019",
 *   "Resolution 2253").
 * Figures like "2,000" never match (the digits are split). Footnote markers are small numbers or
 * superscripts, so they cannot pass for years.
 *
 * Performance: `before` may be a whole document (megabytes) and this runs on every keystroke, so
 * the text is scanned backwards from its end in chunks of CHUNK_CHARS, once, and never further
 * back than MAX_LOOKBACK_CHARS, also when yearless mentions send the search further back (they
 * are collected in the same pass). Work is linear in MAX_LOOKBACK_CHARS, independent of the
 * document's length. Invariants: pure; never throws; returned offsets index into the text.
 */
import { MONTH_BY_NAME, MONTH_PATTERN } from "./date-calendar";

/** How far back a reader's memory of "the year we are in" reaches (about four pages). */
export const MAX_LOOKBACK_CHARS = 30_000;
/** Scan step; a chunk is re-read with OVERLAP_CHARS more so that no mention is cut in two. */
export const CHUNK_CHARS = 4_096;
const OVERLAP_CHARS = 48;

/** A date mention found in the text: at least a year, or a month and day whose year comes from further back. */
export type Mention = { year?: number; month?: number; day?: number; at: number; text: string; inSentence?: boolean };

const NOT_AFTER = /^(?:,\d{3}|\s*(?:gmt|utc|edt|est|hours|hrs|people|persons|fighters|members|militants|troops|soldiers|men|civilians|killed|dead|wounded|injured|casualties|attacks|families|prisoners|km|kilometers|kilometres|miles|meters|metres|dollars|usd)\b)/i;
const NOT_BEFORE = /(?:\bp\.|\bpp\.|\bpage|\bno\.|\bnumber|\bvol\.|\bresolutions?|\bflight)\s*$/i;

function isInLink(text: string, at: number): boolean {
  let a = at;
  while (a > 0 && !/\s/.test(text[a - 1]) && at - a < 400) a--;
  let b = at;
  while (b < text.length && !/\s/.test(text[b]) && b - at < 400) b++;
  const token = text.slice(a, b);
  return /:\/\/|www\.|\]\(/.test(token) || /^\(?\//.test(token);
}

/** True when the year-shaped number at `at` (4 digits) reads as a year. */
export function isExplicitYear(text: string, at: number): boolean {
  if (NOT_AFTER.test(text.slice(at + 4, at + 24))) return false;
  if (NOT_BEFORE.test(text.slice(Math.max(0, at - 16), at))) return false;
  return !isInLink(text, at);
}

/** Every match of `re` in `text` after `floor`, from the end backwards, read chunk by chunk. */
function* matchesBack(text: string, floor: number, re: RegExp): Generator<[RegExpExecArray, number]> {
  for (let hi = text.length; hi > floor; hi -= CHUNK_CHARS) {
    const lo = Math.max(floor, hi - CHUNK_CHARS);
    const chunk = text.slice(lo, Math.min(text.length, hi + OVERLAP_CHARS));
    const found: RegExpExecArray[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
      if (lo + m.index < hi) found.push(m);
      if (m[0].length === 0) re.lastIndex++;
    }
    for (let k = found.length - 1; k >= 0; k--) yield [found[k], lo + found[k].index];
  }
}

const MONTH_WORD = `(?:${MONTH_PATTERN})\\.?`;
const DAY = `(\\d{1,2})(?:st|nd|rd|th)?`;
// A year may close a span ("August 2022-23", "2019-20"): the narrative has then reached the second year.
const SPAN_END = `(?:[-–]((?:19|20)?\\d\\d)(?![\\p{L}\\p{N}/_%]))?`;
const MENTION = new RegExp(
  `\\b(?:${DAY}(?: of)? (${MONTH_WORD})|(${MONTH_WORD}) ${DAY}|(${MONTH_WORD}))(?![\\p{L}\\d])(?:,?\\s+((?:19|20)\\d\\d)(?!\\d)${SPAN_END})?` +
    `|(?<![\\p{L}\\p{N}/_#$£€])((?:19|20)\\d\\d)(?![\\p{L}\\p{N}/_%])${SPAN_END}`,
  "giu",
);

/** The later year of "2019-20" / "2019-2020", or the first year when the second does not follow it. */
function spanYear(first: number, second: string | undefined): number {
  if (second === undefined) return first;
  const y = second.length === 4 ? +second : Math.floor(first / 100) * 100 + +second;
  return y > first && y - first < 10 ? y : first;
}

/** Month words that are usually not months in running text unless a day or year goes with them. */
const WEAK_MONTHS = new Set(["may", "march", "mar", "jan", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "feb", "apr"]);

function monthOf(word: string | undefined): number | undefined {
  return word === undefined ? undefined : MONTH_BY_NAME[word.toLowerCase().replace(/\.$/, "")];
}

/** A sentence or line boundary, then at most a preposition and a part word, right before a bare year. */
const OPENS_SENTENCE = /(?:\n\s*[-*•]\s|[.!?:;]["”’)\]*]*[\p{No}\d]*\s)\s*(?:(?:in|by|since|during|from|until|through|throughout|after|before|as of|around|about|early|mid|late|the end of|the start of)[\s-]+){0,2}$/iu;

function opensSentence(text: string, at: number): boolean {
  return OPENS_SENTENCE.test(at <= 60 ? `. ${text.slice(0, at)}` : text.slice(at - 60, at));
}

/** A mention read from one match, or null when the match is no date (see the module comment). */
function readMention(text: string, m: RegExpExecArray, at: number): Mention | null {
  const [all, d1, m1, m2, d2, m3, y, y2, bare, bare2] = m;
  if (bare !== undefined) {
    if (!isExplicitYear(text, at)) return null;
    return { year: spanYear(+bare, bare2), at, text: all, inSentence: !opensSentence(text, at) };
  }
  const month = monthOf(m1 ?? m2 ?? m3);
  if (month === undefined) return null;
  const day = d1 ?? d2;
  if (day === undefined && y === undefined) {
    const word = m3!;
    if (word[0] !== word[0].toUpperCase() || WEAK_MONTHS.has(word.toLowerCase().replace(/\.$/, ""))) return null;
  }
  if (day !== undefined && (+day < 1 || +day > 31)) return null;
  const dayNo = day === undefined ? undefined : +day;
  const yearAt = y === undefined ? -1 : at + all.lastIndexOf(y, all.length - (y2 === undefined ? 0 : y2.length + 1));
  if (y !== undefined && !isExplicitYear(text, yearAt)) return { month, day: dayNo, at, text: text.slice(at, yearAt).replace(/,?\s+$/, "") };
  if (y === undefined) return { month, day: dayNo, at, text: all };
  // "August 2022-23": the month of the later year.
  return { month, day: dayNo, year: spanYear(+y, y2), at, text: all };
}

/**
 * Date mentions before the end of `text`, nearest first, never before `floor`. Bare years inside
 * a sentence come with `inSentence: true`: the narrative ignores them, back-references do not.
 */
export function* mentionsBack(text: string, floor = Math.max(0, text.length - MAX_LOOKBACK_CHARS)): Generator<Mention> {
  for (const [m, at] of matchesBack(text, floor, MENTION)) {
    const mention = readMention(text, m, at);
    if (mention) yield mention;
  }
}

/**
 * The nearest mention (see the module comment), or null. `anyYear`: count bare years inside
 * sentences too, as "that year" or "two days later" refer back to whatever was mentioned last.
 */
export function nearestMention(text: string, floor = Math.max(0, text.length - MAX_LOOKBACK_CHARS), anyYear = false): Mention | null {
  for (const m of mentionsBack(text, floor)) if (anyYear || !m.inSentence) return m;
  return null;
}
