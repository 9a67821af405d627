/**
 * Named parts of the calendar: "early/mid/late May 2022", "the end of July 2015", "the week of
 * 3 May", seasons, half-years, quarters, decades and two-year spans ("2019-20", "August 2018-19").
 *
 * Windows (claims.md "Value types: date"):
 * - early/mid/late a month: days 1-10 / 11-20 / 21-end ("days"); a year: January-April /
 *   May-August / September-December ("year"); a decade ("mid-2000s"): years 0-3 / 4-6 / 7-9.
 *   "beginning/start of" = early, "middle of" = mid, "end of" = late; of a season ("early autumn
 *   of 2015"): its first / second / third month ("month"); of "the year" / "that month": of the
 *   one the text last mentioned (date-relative.ts).
 * - Seasons are meteorological, northern hemisphere: spring March-May, summer June-August,
 *   autumn/fall September-November ("year" precision, like other sub-year spans). "winter" needs
 *   both years ("winter 2019-20": December 2019-February 2020); "winter 2021" is refused because
 *   a reader cannot tell which winter. A season without a year ("the summer") takes its year like
 *   a yearless month.
 * - Halves: "first half of 2020", "H1 2020" = January-June; second = July-December. Quarters:
 *   "Q3 2021", "third quarter of 2021" = July-September.
 * - "2019-20" is the two calendar years 2019-01-01..2020-12-31 ("year"); "2021-08" stays an ISO
 *   month, and "2011-12", which could be either, is refused; "August 2018-19" runs
 *   from August 2018 to the end of August 2019 ("month"), the widest reading of the words.
 * - "the 2010s" is 2010-2019.
 * Invariants: pure; never throws; windows returned are valid days.
 */
import { addDays, monthEnd, type Ymd } from "./date-calendar";
import { fail, pointWindow, readPoint, win } from "./date-point";
import { textRelativeWindow } from "./date-relative";
import { resolveYearInContext, type DateContext, type WindowResult } from "./date-resolve";

const PART_OF_MONTH: Record<string, [number, number | null]> = { early: [1, 10], mid: [11, 20], late: [21, null] };
const PART_OF_YEAR: Record<string, [number, number]> = { early: [1, 4], mid: [5, 8], late: [9, 12] };
const PART_OF_DECADE: Record<string, [number, number]> = { early: [0, 3], mid: [4, 6], late: [7, 9] };
const PART_WORDS: Record<string, string> = {
  "beginning of": "early", "start of": "early", "middle of": "mid", "end of": "late",
};
const SEASONS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11] };
const ORDINAL: Record<string, number> = { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4, last: 4 };

const yearSpan = (y1: number, y2: number, note?: string) => win({ year: y1, month: 1, day: 1 }, { year: y2, month: 12, day: 31 }, "year", note);
const months = (year: number, m1: number, m2: number, note?: string, warning?: string) =>
  win({ year, month: m1, day: 1 }, monthEnd(year, m2), "year", note, warning);

/** "20" after 2019 -> 2020; null when the short year does not follow the long one within its century. */
function secondYear(first: number, short: string): number | null {
  if (short.length === 4) return +short > first ? +short : null;
  const y = Math.floor(first / 100) * 100 + +short;
  return y > first ? y : null;
}

function partWindow(which: string, rest: string, ctx: DateContext): WindowResult {
  const decade = /^(?:the )?(\d{3})0s$/.exec(rest);
  if (decade) {
    const [a, b] = PART_OF_DECADE[which];
    return yearSpan(+decade[1] * 10 + a, +decade[1] * 10 + b);
  }
  // "by the end of the year": the year the text was last speaking of.
  const that = /^(?:the|that|the same) (year|month)$/.exec(rest);
  if (that) {
    const w = textRelativeWindow(`that ${that[1]}`, ctx);
    if (!w?.ok) return w ?? fail(`"${rest}" needs a date before it.`);
    const { year, month } = w.w.start;
    if (that[1] === "year") return months(year, PART_OF_YEAR[which][0], PART_OF_YEAR[which][1], w.w.note);
    const [d1, d2] = PART_OF_MONTH[which];
    return win({ year, month, day: d1 }, d2 === null ? monthEnd(year, month) : { year, month, day: d2 }, "days", w.w.note);
  }
  const season = /^(?:the )?(spring|summer|autumn|fall)(?: of)?(?: (\d{4}))?$/.exec(rest);
  if (season) {
    // A third of a season is one of its three months.
    const w = seasonWindow(season[1], season[2], ctx);
    if (!w.ok) return w;
    const month = w.w.start.month + (which === "early" ? 0 : which === "mid" ? 1 : 2);
    return win({ year: w.w.start.year, month, day: 1 }, monthEnd(w.w.start.year, month), "month", w.w.note, w.w.warning);
  }
  const p = readPoint(rest);
  if (!p || p.day !== undefined) return fail(`"${which}" goes with a month or a year, e.g. "${which} May 2022".`);
  const w = pointWindow(p, ctx);
  if (!w.ok) return w;
  const { year, month } = w.w.start;
  if (p.month === undefined) {
    const [m1, m2] = PART_OF_YEAR[which];
    return months(year, m1, m2, w.w.note, w.w.warning);
  }
  const [d1, d2] = PART_OF_MONTH[which];
  return win({ year, month, day: d1 }, d2 === null ? monthEnd(year, month) : { year, month, day: d2 }, "days", w.w.note, w.w.warning);
}

function seasonWindow(name: string, years: string | undefined, ctx: DateContext): WindowResult {
  const two = years ? /^(\d{4})[-/](\d{2}|\d{4})$/.exec(years) : null;
  if (name === "winter") {
    const y2 = two ? secondYear(+two[1], two[2]) : null;
    if (!two || y2 !== +two[1] + 1) return fail(`"winter" spans two years; write both, e.g. "winter 2019-20", or give the months.`);
    const end: Ymd = addDays({ year: y2, month: 3, day: 1 }, -1);
    return win({ year: +two[1], month: 12, day: 1 }, end, "year");
  }
  const [m1, m2] = SEASONS[name];
  if (two) return fail(`"${name}" with two years: give one year or the months.`);
  if (years) return months(+years, m1, m2);
  const y = resolveYearInContext(m1, null, ctx);
  return y.ok ? months(y.year, m1, m2, y.note, y.warning) : y;
}

/** Window for a named part of the calendar, an error, or null when `s` is not one. */
export function periodWindow(s: string, ctx: DateContext): WindowResult | null {
  let m = /^(?:the )?(early|mid|late|(?:beginning|start|middle|end) of)[- ](.+)$/.exec(s);
  if (m) return partWindow(PART_WORDS[m[1]] ?? m[1], m[2], ctx);
  if ((m = /^(?:the )?week of (.+)$/.exec(s))) {
    const p = readPoint(m[1]);
    if (!p || p.day === undefined) return fail(`"week of" needs a day, e.g. "the week of 3 May 2022".`);
    const w = pointWindow(p, ctx);
    return w.ok ? win(w.w.start, addDays(w.w.start, 6), "week", w.w.note, w.w.warning) : w;
  }
  if ((m = /^(?:the )?(spring|summer|autumn|fall|winter)(?: of)?(?: (\d{4}(?:[-/]\d{2,4})?))?$/.exec(s))) return seasonWindow(m[1], m[2], ctx);
  if ((m = /^(?:the )?(first|1st|second|2nd) half of (\d{4})$/.exec(s)) || (m = /^(?:h([12])|([12])h) (\d{4})$/.exec(s))) {
    const half = m[1] === "first" || m[1] === "1st" || m[1] === "1" || m[2] === "1" ? 1 : 2;
    const year = +m[m.length - 1];
    return months(year, half === 1 ? 1 : 7, half === 1 ? 6 : 12, `${half === 1 ? "first" : "second"} half of ${year}`);
  }
  if ((m = /^(?:the )?(first|1st|second|2nd|third|3rd|fourth|4th|last) quarter of (\d{4})$/.exec(s)) || (m = /^q([1-4]) (\d{4})$/.exec(s))) {
    const q = ORDINAL[m[1]] ?? +m[1];
    return months(+m[2], 3 * q - 2, 3 * q, `quarter ${q} of ${m[2]}`);
  }
  if ((m = /^(?:the )?(\d{3})0s$/.exec(s))) return yearSpan(+m[1] * 10, +m[1] * 10 + 9);
  if ((m = /^(\d{4})[-/](\d{2})$/.exec(s))) {
    // "2021-08" is an ISO month; "2019-20" two years; "2011-12" could be either.
    const y2 = secondYear(+m[1], m[2]);
    if (y2 === null) return null;
    if (+m[2] <= 12) return y2 === +m[1] + 1 ? fail(`"${s}" could be a month (ISO) or two years; write e.g. "December 2011" or "2011-2012".`) : null;
    return yearSpan(+m[1], y2, "two calendar years");
  }
  if ((m = /^([a-z]+) (\d{4})[-/](\d{2}|\d{4})$/.exec(s))) {
    const p = readPoint(m[1]);
    const y2 = secondYear(+m[2], m[3]);
    if (!p || p.month === undefined || p.day !== undefined) return null;
    if (y2 === null) return fail(`"${s}": the second year is not after the first.`);
    return win({ year: +m[2], month: p.month, day: 1 }, monthEnd(y2, p.month), "month", "from the first month to the same month of the second year");
  }
  return null;
}
