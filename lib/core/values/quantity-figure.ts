/**
 * One figure of a quantity phrase: measure verb, numeric core, unit, trailing words, and the
 * split of a phrase into several figures.
 *
 * A phrase holds several figures when, at ", ", " and ", "; ", " as well as " or " plus ", the
 * text before reads as a complete figure with a unit or a measure ("23 inmates", "killing 30")
 * and the text after starts a new one ("two prison guards", "more than 180 Afghan civilians",
 * "unknown wounded"). So "two hundred and fifty" (no unit before "and") and "between 1,500 and
 * 2,200" (not a complete figure before "and") stay one figure.
 *
 * A figure is refused, with the reason, when its unit holds another number ("eight of
 * Nangarhar's 22"), ends mid-phrase ("chiefs of the"), or is followed by "and ..." without a
 * number ("killing four and wounding others"): such a selection is not one figure, and reading
 * its first number would be silently wrong. "N of [the] M units" is N units, the whole kept as
 * the note.
 *
 * Invariants: pure; never throws; a figure's numbers satisfy its qualifier's shape.
 */
import { readNumber } from "./number-reader";
import { parseCore } from "./quantity-core";
import { NONE_RE, NUMBER_UNKNOWN_RE, UNKNOWN_NUMBER_RE, UNKNOWN_RE } from "./quantity-phrases";
import type { Qualifier } from "./quantity-schema";
import { ABSENCE_RE, danglingWord, leadVerb, measureOfUnit, splitTail, type Measure } from "./quantity-wording";

export type Figure = {
  raw: string;
  qualifier: Qualifier;
  low: number | null;
  best: number | null;
  high: number | null;
  unit?: string;
  vagueWord?: string;
  measure?: Measure;
  /** True when the measure is a verb before the number ("detaining 80 locals"). */
  verbFirst?: boolean;
  note?: string;
  /** Words for the explanation only ("the second number's multiplier carries back"). */
  explain?: string;
};
export type FigureResult = { ok: true; figure: Figure } | { ok: false; error: string };

type Lexicon = Record<string, number | null>;

/** "all four ISKP attackers", "the four former TTP chiefs": the determiner adds nothing to the count. */
const DETERMINER_RE = /^(?:all(?: the)?|the|another|an additional|additional) (?=\S)/i;

/** "it is estimated that 2,000": the lead-in is dropped and a bare number read as approximate. */
const ESTIMATED_THAT_RE = /^(?:it is|it's|it was|it has been) estimated (?:that )?/i;

function unknownFigure(raw: string, text: string, lower: string): Figure | null {
  const before = NUMBER_UNKNOWN_RE.exec(lower); // "deaths, number unknown": unit first
  const after = before ? null : UNKNOWN_NUMBER_RE.exec(lower); // "unknown number of civilians"
  if (before || after) {
    const word = (before ?? after)![1];
    const start = before ? 0 : text.length - (word?.length ?? 0);
    const unit = word === undefined ? undefined : text.slice(start, start + word.length).replace(/[\s,]+$/, "");
    return { raw, qualifier: "unknown_nonzero", low: 1, best: null, high: null, unit: unit || undefined, measure: measureOfUnit(unit) };
  }
  // "unknown wounded", "unknown casualties": the count is not known, not even that it is above 0.
  const m = /^(?:unknown|not known|unclear|not reported|unspecified) (.+)$/i.exec(text);
  if (m) {
    const tail = splitTail(m[1]);
    const unit = tail.unit || undefined;
    return { raw, qualifier: "unknown", low: null, best: null, high: null, unit, measure: tail.measure ?? measureOfUnit(unit), note: tail.note };
  }
  return null;
}

/**
 * "of Nangarhar's 22 districts", "of the 22 districts in Nangarhar province", "of two hotel
 * attackers": the figure is a part of a whole; returns the words after the whole's number.
 */
function outOf(rest: string): string | null {
  const m = /^of (?:the |[\p{L}-]+['’]s )?/u.exec(rest);
  if (!m) return null;
  const n = readNumber(rest.toLowerCase(), m[0].length);
  if (!n || rest.length !== rest.toLowerCase().length) return null;
  const after = rest.slice(n.end);
  return /^ \p{L}/u.test(after) ? after.trim() : null;
}

const UNIT_START = /^(?:\p{L}|["“'‘]\p{L}|\d+\p{L})/u;

/** Parses one figure; `raw` is kept as its wording. */
export function parseFigure(raw: string, lexicon: Lexicon): FigureResult {
  const lead = leadVerb(raw.replace(DETERMINER_RE, ""));
  let text = lead.text.replace(ESTIMATED_THAT_RE, "");
  const estimated = text !== lead.text;
  let lower = text.toLowerCase();
  if (UNKNOWN_RE.test(lower)) {
    return { ok: true, figure: { raw, qualifier: "unknown", low: null, best: null, high: null, measure: lead.measure, explain: "the source says the number is not known" } };
  }
  const unknown = unknownFigure(raw, text, lower);
  if (unknown) return { ok: true, figure: { ...unknown, measure: lead.measure ?? unknown.measure } };
  if (NONE_RE.test(lower) || ABSENCE_RE.test(raw)) {
    const measure = lead.measure ?? splitTail(text).measure ?? measureOfUnit(text);
    return { ok: true, figure: { raw, qualifier: "none", low: 0, best: 0, high: 0, measure, explain: `read as a statement that there were none: "${text}"` } };
  }
  if (estimated && /^[\d]|^(?:one|two|three|four|five|six|seven|eight|nine|ten|a)\b/i.test(text)) text = `an estimated ${text}`;
  lower = text.toLowerCase();
  const parsed = parseCore(lower, lexicon);
  if (!parsed.ok) {
    const later = /\d/.exec(text);
    if (later && later.index > 0 && !/^(?:between|from|about|around|more|over|up|at|fewer|less)\b/i.test(lower)) {
      return { ok: false, error: `No figure at the start of "${raw}": select the words from "${text.slice(later.index).split(" ")[0]}" on.` };
    }
    return parsed.error.startsWith("No number") ? { ok: false, error: `No number found in "${raw}".` } : parsed;
  }
  const core = parsed.core;
  // toLowerCase can change lengths for a few letters (e.g. "İ"); then the unit is lower-cased.
  const rest = (text.length === lower.length ? text : lower).slice(core.end);
  const figure: Figure = {
    raw, qualifier: core.qualifier, low: core.low, best: core.best, high: core.high, vagueWord: core.vagueWord,
    measure: lead.measure, explain: core.note, verbFirst: lead.measure !== undefined,
  };
  if (rest === "") return { ok: true, figure };
  if (!rest.startsWith(" ")) return { ok: false, error: `Could not read "${rest}" after the number.` };
  const whole = outOf(rest.trim());
  if (whole !== null) {
    // "eight of Nangarhar's 22 districts": the figure is 8 districts; the whole stays as the note.
    figure.unit = splitTail(whole).unit || undefined;
    figure.note = rest.trim();
    return { ok: true, figure };
  }
  const after = rest.trim().replace(/^of /i, "");
  if (/^(?:and|or) \p{L}/iu.test(after)) {
    return { ok: false, error: `"${after}" names no figure of its own; select "${raw.slice(0, raw.length - after.length).trim()}" alone or enter the value by hand.` };
  }
  if (/^(?:and|to|or|-)(?![\p{L}])/iu.test(after)) return { ok: false, error: `"${after}" looks like an unfinished range.` };
  const tail = splitTail(after);
  if (tail.unit && !UNIT_START.test(tail.unit)) return { ok: false, error: `Could not read "${after}" after the number.` };
  if (!tail.unit && !tail.measure && !UNIT_START.test(after)) return { ok: false, error: `Could not read "${after}" after the number.` };
  if (lead.measure && tail.measure && lead.measure.cls !== tail.measure.cls) {
    return { ok: false, error: `Two different measures in "${raw}": ${lead.measure.word} and ${tail.measure.word}.` };
  }
  if (/(?:^| )\d[\d,.]*(?: |$)/.test(tail.unit)) {
    return { ok: false, error: `"${tail.unit}" holds another number; select one figure, or figures joined by "and".` };
  }
  const dangling = danglingWord(tail.unit);
  if (dangling) return { ok: false, error: `The selection stops in the middle of a phrase ("…${tail.unit.slice(-30)}"): end it after the unit.` };
  figure.unit = tail.unit || undefined;
  figure.measure = lead.measure ?? tail.measure ?? measureOfUnit(figure.unit);
  figure.note = tail.note;
  return { ok: true, figure };
}

const SEPARATOR_RE = /,? and |, |; | as well as | plus | along with /g;

function startsFigure(text: string, lexicon: Lexicon): boolean {
  const t = leadVerb(text).text.toLowerCase();
  if (/^(?:unknown|no one|nobody|none|an? (?:unknown|undisclosed) number)\b/.test(t)) return true;
  const core = parseCore(t, lexicon);
  return core.ok && (core.core.end === t.length || t[core.core.end] === " " || t[core.core.end] === ",");
}

function isCompleteFigure(text: string, lexicon: Lexicon): boolean {
  const r = parseFigure(text, lexicon);
  if (!r.ok) return false;
  const f = r.figure;
  return f.unit !== undefined || f.measure !== undefined || f.qualifier === "none" || f.qualifier === "unknown_nonzero";
}

/** Splits a phrase into its figures (one element when it holds one). */
export function splitFigures(text: string, lexicon: Lexicon): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(SEPARATOR_RE)) {
    const cut = m.index!;
    const next = cut + m[0].length;
    if (!startsFigure(text.slice(next), lexicon)) continue;
    if (!isCompleteFigure(text.slice(start, cut), lexicon)) continue;
    out.push(text.slice(start, cut));
    start = next;
  }
  out.push(text.slice(start));
  return out;
}
