/**
 * How reports word dates around the date itself.
 *
 * Lead-ins (the window is that of the date they introduce; the explanation names the reading):
 * - "on", "in", "during", "at", "toward", "throughout", "over (the course of)", "within", "the"
 *   carry no meaning here ("the October 2022 attack", "toward the end of March").
 * - "by X", "as of X", "until X": the statement holds at X; it may have begun earlier.
 * - "as early as X", "since X", "from X", "since at least X": X is the earliest time stated.
 * - "about", "around", "approximately", "roughly", "circa": a window finer than a month is
 *   widened by APPROX_MARGIN_DAYS on each side ("about mid-October" = 8-23 October, "days"); a
 *   month or longer is kept, since it already holds that vagueness. "between August and about
 *   September 18" widens only the end.
 * - A phrase that is not a date but holds exactly one ("a 2018 U.S. airstrike") is read as that
 *   date, unless the rest of the phrase holds words that change the date ("week", "before",
 *   "unknown", ...); a phrase with two or more different dates is refused rather than guessed.
 *   "A week later, on August 6, 2015" is the explicit date.
 *   Words between a month and its year are accepted only as "of" ("February of 2020") or in a
 *   list ("February and April 2020", date-parse.ts); "February, before the 2020 vote" is refused.
 * - (date-parse.ts) "before X" / "after X" leave one end open and are refused (the annotator
 *   enters the window); "X - present" ends at the publication date.
 *
 * Invariants: pure; never throws.
 */
import { addDays, MONTH_PATTERN } from "./date-calendar";
import { fail } from "./date-point";
import type { DateContext, Window, WindowResult } from "./date-resolve";

/** "about 5 May" may be a few days off either way; a week in all is what "about" plausibly allows. */
export const APPROX_MARGIN_DAYS = 3;

export type Reading = { s: string; lead?: string; approx: "" | "both" | "end" };
const LEADS: [RegExp, string | null][] = [
  [/^(?:on|in|during|dated|at(?! least)|toward|towards|throughout|over the course of|over|within) /, null],
  [new RegExp(`^the (?=\\d|(?:${MONTH_PATTERN})\\b)`), null],
  [/^(?:by|as of|until|till|no later than) /, "by then: the statement holds at that time and may have begun earlier"],
  [/^(?:(?:even |already )?as early as|since|starting in|beginning in|since at least|at least since|from) /, "the earliest time stated; it may continue after"],
  [/^at least /, "the earliest time stated; it may continue after"],
];
const APPROX = /^(?:about|around|approximately|approx|roughly|circa|ca|c|some ?time in) /;

export function readLeadIns(s: string): Reading {
  const r: Reading = { s, approx: "" };
  for (let changed = true; changed; ) {
    changed = false;
    for (const [re, lead] of LEADS) {
      // "from X to Y" is a range, not a lead-in.
      if (lead && /^from /.test(r.s) && / (?:to|until|till|through|and) |\d-/.test(r.s.slice(5))) continue;
      if (re.test(r.s)) [r.s, r.lead, changed] = [r.s.replace(re, ""), lead ?? r.lead, true];
    }
    if (APPROX.test(r.s)) [r.s, r.approx, changed] = [r.s.replace(APPROX, ""), "both", true];
  }
  return r;
}

const EMBEDDED = new RegExp(
  `(?<![\\p{L}\\d])(?:(?:early|mid|late)[- ])?(?:(?:\\d{1,2} )?(?:${MONTH_PATTERN})(?: \\d{1,2})?(?: (?:19|20)\\d\\d)?|(?:19|20)\\d\\d)(?![\\p{L}\\d])`,
  "gu",
);

/** Words that change what a date means: a phrase holding one of them is not read by its embedded date alone. */
const DATE_WORDS = new Set([
  "week", "weeks", "day", "days", "month", "months", "year", "years", "early", "mid", "late", "beginning", "start", "middle",
  "end", "half", "quarter", "before", "after", "between", "until", "till", "through", "since", "prior", "later", "earlier",
  "next", "following", "previous", "last", "this", "that", "unknown", "present", "not", "no",
]);
/** A season right before the date ("fall 2020", "the fall of 2020") changes it; "the 2021 fall of Kabul" does not. */
const SEASON_BEFORE = / (?:spring|summer|autumn|fall|winter)(?: of)? $/;

/** "a 2018 us airstrike": the one date inside a phrase, or an error when there are several. */
export function embeddedWindow(s: string, ctx: DateContext, toWindow: (s: string, ctx: DateContext) => WindowResult): WindowResult | null {
  const found = [...new Set(s.match(EMBEDDED) ?? [])];
  if (found.length === 0) return null;
  const rest = s.split(found[0]).join(" ").split(/[^\p{L}]+/u).filter(Boolean);
  if (rest.length === 0 || rest.some((w) => DATE_WORDS.has(w))) return null;
  if (SEASON_BEFORE.test(` ${s.slice(0, s.indexOf(found[0]))}`)) return null;
  if (found.length > 1) return fail(`This holds several dates (${found.join(", ")}); select one date, or enter the window by hand.`);
  const w = toWindow(found[0], ctx);
  return w.ok ? { ok: true, w: { ...w.w, note: [`read "${found[0]}" inside the phrase`, w.w.note].filter(Boolean).join("; ") } } : w;
}

export function widen(w: Window, approx: Reading["approx"]): Window {
  if (!approx) return w;
  if (w.precision === "month" || w.precision === "year") return { ...w, note: ["about: the window is kept (a month or longer already allows for it)", w.note].filter(Boolean).join("; ") };
  const start = approx === "both" ? addDays(w.start, -APPROX_MARGIN_DAYS) : w.start;
  const note = `about: widened by ${APPROX_MARGIN_DAYS} days${approx === "end" ? " at the end" : " on each side"}`;
  return { ...w, start, end: addDays(w.end, APPROX_MARGIN_DAYS), precision: "days", note: [note, w.note].filter(Boolean).join("; ") };
}

