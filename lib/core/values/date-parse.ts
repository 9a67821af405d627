/**
 * parseDate: a date as written in a document -> { start, end, precision } plus an explanation.
 *
 * Forms: ISO "2021-08-26" / "2021-08" / "2021"; "26 August 2021", "August 26, 2021",
 * "Aug. 26 2021", "Thursday, 26 August 2021" (the weekday is checked); unambiguous numeric
 * "26/08/2021"; "August 2021"; ranges "18-20 April 2022", "30 April - 2 May 2022",
 * "between 18 and 20 April 2022", "April-May 2022", "2020-2021"; "early/mid/late May 2022"
 * (days 1-10 / 11-20 / 21-end) and "early/mid/late 2022" (January-April / May-August /
 * September-December); "the week of 3 May 2022" (that day and the six after it);
 * "spring/summer/autumn 2021" (meteorological, northern: Mar-May, Jun-Aug, Sep-Nov; "winter" is
 * rejected because it straddles two years); yearless dates and relative words via date-resolve.
 *
 * Invariants: pure, never throws; every `ok: true` value passes `DateValueSchema`.
 */
import {
  compareYmd, WEEKDAYS, addDays, isValidYmd, monthEnd, MONTH_BY_NAME, MONTH_NAMES, MONTH_PATTERN, toIso, weekday, type Ymd,
} from "./date-calendar";
import { formatDateValue } from "./date-format";
import { normalizeWording } from "./wording";
import { checkReference, relativeWindow, resolveYear, type Window, type WindowResult } from "./date-resolve";
import { DateValueSchema, MAX_DATE_RAW, type DateParse, type DateReference } from "./date-schema";

export type ParseDateOptions = {
  /** The document's publication date. */
  reference?: DateReference;
  /** The canonical text before the claim's first span: yearless and relative dates read it as a reader would. */
  before?: string;
};


function normalise(raw: string): string {
  let s = normalizeWording(raw.toLowerCase());
  s = s.replace(/[.;:!?]+$/, "").replace(/^(?:on|in|during|dated) /, "");
  s = s.replace(/(\d)(?:st|nd|rd|th)\b/g, "$1").replace(/\bthe (\d)/g, "$1").replace(/(\d) of /g, "$1 ");
  s = s.replace(/(\p{L})\./gu, "$1").replace(/,/g, " ").replace(/\s+/g, " ").trim();
  if (/^(?:between|from) /.test(s)) s = s.replace(/^(?:between|from) /, "").replace(/ (?:and|to|until|till|through) /, "-");
  else s = s.replace(/ (?:to|until|till|through) /, "-");
  return s.replace(/ ?- ?/g, "-");
}

/** A date as far as it is written: any of day, month, year. */
type Point = { day?: number; month?: number; year?: number };

const M = `(${MONTH_PATTERN})`;
const POINT_FORMS: [RegExp, (m: RegExpExecArray) => Point][] = [
  [/^(\d{4})-(\d{2})-(\d{2})$/, (m) => ({ year: +m[1], month: +m[2], day: +m[3] })],
  [new RegExp(`^(\\d{1,2}) ${M}(?: (\\d{4}))?$`), (m) => ({ day: +m[1], month: MONTH_BY_NAME[m[2]], year: m[3] ? +m[3] : undefined })],
  [new RegExp(`^${M} (\\d{1,2})(?: (\\d{4}))?$`), (m) => ({ month: MONTH_BY_NAME[m[1]], day: +m[2], year: m[3] ? +m[3] : undefined })],
  [new RegExp(`^${M}(?: (\\d{4}))?$`), (m) => ({ month: MONTH_BY_NAME[m[1]], year: m[2] ? +m[2] : undefined })],
  [/^(\d{4})-(\d{2})$/, (m) => ({ year: +m[1], month: +m[2] })],
  [/^(\d{4})$/, (m) => ({ year: +m[1] })],
  [/^(\d{1,2})$/, (m) => ({ day: +m[1] })],
  // Only meaningful as the end of "April 18-20 2022", where the month comes from the start.
  [/^(\d{1,2}) (\d{4})$/, (m) => ({ day: +m[1], year: +m[2] })],
];

function readPoint(s: string): Point | null {
  for (const [re, build] of POINT_FORMS) {
    const m = re.exec(s);
    if (m) return build(m);
  }
  return null;
}

type Fail = { ok: false; error: string };
const fail = (error: string): Fail => ({ ok: false, error });
const win = (start: Ymd, end: Ymd, precision: Window["precision"], note?: string): WindowResult => ({ ok: true, w: { start, end, precision, note } });

/** Fills a missing year from the reference; checks the month and day exist. */
function complete(p: Point, ref: DateReference | undefined): { ok: true; p: Required<Pick<Point, "year">> & Point; note?: string } | Fail {
  if (p.month !== undefined && (p.month < 1 || p.month > 12)) return fail(`There is no month ${p.month}.`);
  if (p.year !== undefined) {
    if (p.day !== undefined && !isValidYmd(p as Ymd)) {
      return fail(`${p.day} ${MONTH_NAMES[p.month! - 1]} ${p.year} does not exist.`);
    }
    return { ok: true, p: p as Point & { year: number } };
  }
  if (p.month === undefined) return fail("A day needs a month.");
  const r = resolveYear(p.month, p.day ?? null, ref);
  return r.ok ? { ok: true, p: { ...p, year: r.year }, note: r.note } : r;
}

/** The window of one point: a day, a month or a year. */
function pointWindow(p: Point, ref: DateReference | undefined): WindowResult {
  if (p.day !== undefined && p.month === undefined) return fail("A day needs a month.");
  const c = complete(p, ref);
  if (!c.ok) return c;
  const { year, month, day } = c.p;
  if (month === undefined) return win({ year, month: 1, day: 1 }, { year, month: 12, day: 31 }, "year", c.note);
  if (day === undefined) return win({ year, month, day: 1 }, monthEnd(year, month), "month", c.note);
  return win({ year, month, day }, { year, month, day }, "day", c.note);
}

/** "18-20 April 2022", "30 April-2 May", "April-May 2022", "2020-2021": left inherits from right. */
function rangeWindow(s: string, ref: DateReference | undefined): WindowResult | null {
  for (let i = s.indexOf("-"); i > 0; i = s.indexOf("-", i + 1)) {
    const left = readPoint(s.slice(0, i));
    const right = readPoint(s.slice(i + 1));
    if (!left || !right) continue;
    // "April 18-20": the right end borrows the month from the left.
    const rp: Point = right.month === undefined && right.day !== undefined ? { ...right, month: left.month } : right;
    const b = pointWindow(rp, ref);
    if (!b.ok) return b;
    const { end, precision } = b.w;
    const lp: Point = { ...left, month: left.month ?? (left.day !== undefined ? end.month : undefined) };
    if (left.year === undefined) {
      if (lp.month === undefined) return fail("Could not read the start of the range.");
      // Only a start with its own month can fall in the previous year ("30 December-2 January").
      const backward = left.month !== undefined && (lp.month > end.month || (lp.month === end.month && (lp.day ?? 1) > end.day));
      lp.year = backward ? end.year - 1 : end.year;
    }
    const a = pointWindow(lp, ref);
    if (!a.ok) return a;
    if (compareYmd(a.w.start, end) > 0) return fail("The range starts after it ends.");
    const rangePrecision = a.w.precision === "day" || precision === "day" ? "days" : precision;
    return win(a.w.start, end, rangePrecision, b.w.note);
  }
  return null;
}

const PART_OF_MONTH: Record<string, [number, number | null]> = { early: [1, 10], mid: [11, 20], late: [21, null] };
const PART_OF_YEAR: Record<string, [number, number]> = { early: [1, 4], mid: [5, 8], late: [9, 12] };
const PART_WORDS: Record<string, string> = {
  "beginning of": "early", "the beginning of": "early", "start of": "early", "the start of": "early",
  "middle of": "mid", "the middle of": "mid", "end of": "late", "the end of": "late",
};
const SEASONS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11] };

function qualifiedWindow(s: string, ref: DateReference | undefined): WindowResult | null {
  const part = /^(early|mid|late|(?:the )?(?:beginning|start|middle|end) of)[- ](.+)$/.exec(s);
  if (part) {
    const which = PART_WORDS[part[1]] ?? part[1];
    const p = readPoint(part[2]);
    if (!p || p.day !== undefined) return fail(`"${part[1]}" goes with a month or a year, e.g. "${part[1]} May 2022".`);
    const w = pointWindow(p, ref);
    if (!w.ok) return w;
    const { year, month } = w.w.start;
    if (p.month === undefined) {
      const [m1, m2] = PART_OF_YEAR[which];
      return win({ year, month: m1, day: 1 }, monthEnd(year, m2), "year", w.w.note);
    }
    const [d1, d2] = PART_OF_MONTH[which];
    return win({ year, month, day: d1 }, d2 === null ? monthEnd(year, month) : { year, month, day: d2 }, "days", w.w.note);
  }
  const week = /^(?:the )?week of (.+)$/.exec(s);
  if (week) {
    const p = readPoint(week[1]);
    if (!p || p.day === undefined) return fail(`"week of" needs a day, e.g. "the week of 3 May 2022".`);
    const w = pointWindow(p, ref);
    return w.ok ? win(w.w.start, addDays(w.w.start, 6), "week", w.w.note) : w;
  }
  const season = /^(spring|summer|autumn|fall|winter)(?: of)? (\d{4})$/.exec(s);
  if (season) {
    if (season[1] === "winter") return fail(`"winter" spans two years; give the months instead.`);
    const [m1, m2] = SEASONS[season[1]];
    const year = +season[2];
    return win({ year, month: m1, day: 1 }, monthEnd(year, m2), "year");
  }
  return null;
}

/** "26/08/2021" or "26.08.2021": accepted only when day and month cannot be swapped. */
function numericWindow(s: string): WindowResult | null {
  const m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  if (!m) return null;
  const [x, y, year] = [+m[1], +m[2], +m[3]];
  if (x <= 12 && y <= 12 && x !== y) return fail(`"${m[0]}" could be day/month or month/day; write the month name.`);
  const p = x > 12 ? { day: x, month: y, year } : { day: y, month: x, year };
  return pointWindow(p, undefined);
}

function toWindow(s: string, ref: DateReference | undefined): WindowResult {
  return (
    relativeWindow(s, ref) ?? numericWindow(s) ?? qualifiedWindow(s, ref) ??
    (readPoint(s) ? pointWindow(readPoint(s)!, ref) : null) ?? rangeWindow(s, ref) ??
    fail("Could not read a date. Try e.g. 26 August 2021, August 2021, 18-20 April 2022 or 2021-08-26.")
  );
}

export function parseDate(raw: string, opts: ParseDateOptions = {}): DateParse {
  if (typeof raw !== "string") return fail("A date must be text.");
  if (raw.length > MAX_DATE_RAW) return fail(`Too long for a date (over ${MAX_DATE_RAW} characters).`);
  const refError = checkReference(opts.reference);
  if (refError) return fail(refError);
  let s = normalise(raw);
  if (!s) return fail("Empty: write the date as the document gives it.");
  const wd = new RegExp(`^(${WEEKDAYS.join("|")}) (?=\\d|${MONTH_PATTERN}|the )`).exec(s);
  if (wd) s = s.slice(wd[0].length);
  const r = toWindow(s, opts.reference);
  if (!r.ok) return r;
  const { start, end, precision, note } = r.w;
  if (wd && precision === "day" && WEEKDAYS[weekday(start) - 1] !== wd[1]) {
    const actual = WEEKDAYS[weekday(start) - 1];
    return fail(`${toIso(start)} was a ${actual[0].toUpperCase()}${actual.slice(1)}, not a ${wd[1][0].toUpperCase()}${wd[1].slice(1)}.`);
  }
  const checked = DateValueSchema.safeParse({ raw, start: toIso(start), end: toIso(end), precision });
  if (!checked.success) return fail(checked.error.issues[0]?.message ?? "Invalid date.");
  const v = checked.data;
  const span = v.start === v.end ? v.start : `${v.start} to ${v.end}`;
  return { ok: true, value: v, explanation: `${precision}: ${formatDateValue(v)} (${span})${note ? `; ${note}` : ""}` };
}
