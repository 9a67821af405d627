/**
 * Dates relative to a date stated earlier in the text: "two days later", "the next day",
 * "the following month", "a week later", "earlier that month", "later that year", "the same day".
 *
 * Rules (claims.md "Value types: date"):
 * - The anchor is the last date mentioned before the evidence (date-context.ts, `narrativeDate`
 *   with bare years inside sentences counted, since these phrases refer back): a day, a month or a year; a yearless mention ("On January 26") takes its
 *   year from the text before IT, else the publication date. With none in the look-back, the
 *   anchor is the publication date.
 * - Day and week offsets move the anchor window: from a day they give a day; from a month they give
 *   the month shifted ("days" precision), because the words do not say more. From a year alone
 *   they are refused: "two days later" after "in 2017" has no day to count from.
 * - "the following/next week" is the calendar week (Monday-Sunday) after the anchor's; "a week
 *   later" is seven days after the anchor.
 * - Month offsets need a month, year offsets a year. "earlier that month" runs from the month's
 *   first day to the anchor, "later that month" from the anchor to the month's end (likewise
 *   "that year").
 * - A result that begins after the publication date is refused: a report does not narrate its future.
 * Invariants: pure; never throws; windows are valid days.
 */
import { addDays, compareYmd, daysInMonth, monthEnd, weekday, type Ymd } from "./date-calendar";
import { narrativeDate, refLabel, refLatest, type DateContext, type Window, type WindowResult } from "./date-resolve";
import type { DatePrecision } from "./date-schema";

const COUNT: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const UNIT = "(day|week|month|year)";
const FORMS = {
  nextPrev: new RegExp(`^(?:the )?(next|following|subsequent|previous|preceding|prior) ${UNIT}$`),
  theUnitAfter: new RegExp(`^the ${UNIT} (after|before)$`),
  offset: new RegExp(`^(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,3}) ${UNIT}s? (later|after|afterwards|earlier|before|prior)$`),
  within: new RegExp(`^(earlier|later) (?:in )?(?:that|the same) (day|month|year)$`),
  same: new RegExp(`^(?:that|the same) (day|month|year)$`),
};

type Anchor = { start: Ymd; end: Ymd; level: "day" | "month" | "year"; label: string };

function anchorFrom(ctx: DateContext): Anchor | string {
  const m = ctx.before ? narrativeDate(ctx.before, ctx.ref, true) : null;
  if (m) {
    const { year } = m;
    const dated = m.viaRef ? `${year}, year from the publication date ${m.viaRef}` : `${year}`;
    const label = `"${m.text.replace(/\s+/g, " ")}" (${dated}) in the text before the evidence`;
    if (m.month === undefined) return { start: { year, month: 1, day: 1 }, end: { year, month: 12, day: 31 }, level: "year", label };
    if (m.day === undefined || m.day > daysInMonth(year, m.month)) {
      return { start: { year, month: m.month, day: 1 }, end: monthEnd(year, m.month), level: "month", label };
    }
    const d = { year, month: m.month, day: m.day };
    return { start: d, end: d, level: "day", label };
  }
  const ref = ctx.ref;
  if (!ref) return "This is relative to a date stated earlier, and there is none in the text before it nor a publication date.";
  const label = `the publication date ${refLabel(ref)}`;
  if (ref.month === undefined) return { start: { year: ref.year, month: 1, day: 1 }, end: { year: ref.year, month: 12, day: 31 }, level: "year", label };
  if (ref.day === undefined) return { start: { year: ref.year, month: ref.month, day: 1 }, end: monthEnd(ref.year, ref.month), level: "month", label };
  const d = { year: ref.year, month: ref.month, day: ref.day };
  return { start: d, end: d, level: "day", label };
}

function shiftMonths(y: number, m: number, k: number): { year: number; month: number } {
  const n = y * 12 + (m - 1) + k;
  return { year: Math.floor(n / 12), month: (n % 12) + 1 };
}

type Span = { start: Ymd; end: Ymd; precision: DatePrecision } | string;

function byDays(a: Anchor, days: number): Span {
  if (a.level === "year") return `There is no day or month to count from: the date before it is only a year (${a.label}).`;
  const start = addDays(a.start, days);
  const end = addDays(a.end, days);
  return { start, end, precision: a.level === "day" ? "day" : "days" };
}

function byUnit(a: Anchor, unit: string, k: number): Span {
  if (unit === "day") return byDays(a, k);
  if (unit === "week") return byDays(a, 7 * k);
  if (unit === "month") {
    if (a.level === "year") return `There is no month to count from: the date before it is only a year (${a.label}).`;
    const { year, month } = shiftMonths(a.start.year, a.start.month, k);
    return { start: { year, month, day: 1 }, end: monthEnd(year, month), precision: "month" };
  }
  const year = a.start.year + k;
  return { start: { year, month: 1, day: 1 }, end: { year, month: 12, day: 31 }, precision: "year" };
}

function calendarWeek(a: Anchor, k: number): Span {
  if (a.level !== "day") return `"next week" needs a day to count from; the date before it is ${a.label}.`;
  const monday = addDays(a.start, 1 - weekday(a.start) + 7 * k);
  return { start: monday, end: addDays(monday, 6), precision: "week" };
}

function within(a: Anchor, when: string | undefined, unit: string): Span {
  if (unit === "day") return a.level === "day" ? { start: a.start, end: a.end, precision: "day" } : `There is no day before it to refer to (${a.label}).`;
  if (unit === "month" && a.level === "year") return `There is no month before it to refer to (${a.label}).`;
  const first: Ymd = unit === "month" ? { ...a.start, day: 1 } : { year: a.start.year, month: 1, day: 1 };
  const last: Ymd = unit === "month" ? monthEnd(a.start.year, a.start.month) : { year: a.start.year, month: 12, day: 31 };
  const whole: DatePrecision = unit === "month" ? "month" : "year";
  if (when === undefined || a.level === (unit === "month" ? "month" : "year") || (unit === "year" && a.level === "year")) {
    return { start: first, end: last, precision: whole };
  }
  return when === "earlier" ? { start: first, end: a.end, precision: "days" } : { start: a.start, end: last, precision: "days" };
}

/** Window for a phrase relative to an earlier date, an error, or null when `text` is not one. */
export function textRelativeWindow(text: string, ctx: DateContext): WindowResult | null {
  let compute: ((a: Anchor) => Span) | null = null;
  let m: RegExpExecArray | null;
  if ((m = FORMS.nextPrev.exec(text))) {
    const k = /next|following|subsequent/.test(m[1]) ? 1 : -1;
    const unit = m[2];
    compute = (a) => (unit === "week" ? calendarWeek(a, k) : byUnit(a, unit, k));
  } else if ((m = FORMS.theUnitAfter.exec(text))) {
    const [unit, k] = [m[1], m[2] === "after" ? 1 : -1];
    compute = (a) => (unit === "week" ? calendarWeek(a, k) : byUnit(a, unit, k));
  } else if ((m = FORMS.offset.exec(text))) {
    const n = COUNT[m[1]] ?? +m[1];
    const [unit, k] = [m[2], /later|after/.test(m[3]) ? n : -n];
    compute = (a) => byUnit(a, unit, k);
  } else if ((m = FORMS.within.exec(text))) {
    const [when, unit] = [m[1], m[2]];
    compute = (a) => within(a, when, unit);
  } else if ((m = FORMS.same.exec(text))) {
    const unit = m[1];
    compute = (a) => within(a, undefined, unit);
  }
  if (!compute) return null;
  const a = anchorFrom(ctx);
  if (typeof a === "string") return { ok: false, error: a };
  const s = compute(a);
  if (typeof s === "string") return { ok: false, error: s };
  if (ctx.ref && compareYmd(s.start, refLatest(ctx.ref)) > 0) {
    return { ok: false, error: `Counted from ${a.label}, this falls after the publication date ${refLabel(ctx.ref)}.` };
  }
  const w: Window = { start: s.start, end: s.end, precision: s.precision, note: `relative to ${a.label}` };
  return { ok: true, w };
}
