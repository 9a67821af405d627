/**
 * One written date point ("26 August 2021", "August 26", "August 2021", "2021", "26") and its
 * window. A point without a year takes one from its context (date-resolve.ts): the nearest explicit
 * year in the text before the evidence, else the publication date.
 * Invariants: pure; never throws; windows returned are valid days.
 */
import { isValidYmd, monthEnd, MONTH_BY_NAME, MONTH_NAMES, MONTH_PATTERN, type Ymd } from "./date-calendar";
import { resolveYearInContext, type DateContext, type Window, type WindowResult } from "./date-resolve";

/** A date as far as it is written: any of day, month, year. */
export type Point = { day?: number; month?: number; year?: number };

const M = `(${MONTH_PATTERN})`;
const POINT_FORMS: [RegExp, (m: RegExpExecArray) => Point][] = [
  [/^(\d{4})-(\d{2})-(\d{2})$/, (m) => ({ year: +m[1], month: +m[2], day: +m[3] })],
  [new RegExp(`^(\\d{1,2}) ${M}(?: (\\d{4}))?$`), (m) => ({ day: +m[1], month: MONTH_BY_NAME[m[2]], year: m[3] ? +m[3] : undefined })],
  [new RegExp(`^${M} (\\d{1,2})(?: (\\d{4}))?$`), (m) => ({ month: MONTH_BY_NAME[m[1]], day: +m[2], year: m[3] ? +m[3] : undefined })],
  [new RegExp(`^${M}(?: (?:of )?(\\d{4}))?$`), (m) => ({ month: MONTH_BY_NAME[m[1]], year: m[2] ? +m[2] : undefined })],
  [/^(\d{4})-(\d{2})$/, (m) => ({ year: +m[1], month: +m[2] })],
  [/^(\d{4})$/, (m) => ({ year: +m[1] })],
  [/^(\d{1,2})$/, (m) => ({ day: +m[1] })],
  // Only meaningful as the end of "April 18-20 2022", where the month comes from the start.
  [/^(\d{1,2}) (\d{4})$/, (m) => ({ day: +m[1], year: +m[2] })],
];

export function readPoint(s: string): Point | null {
  for (const [re, build] of POINT_FORMS) {
    const m = re.exec(s);
    if (m) return build(m);
  }
  return null;
}

export type Fail = { ok: false; error: string };
export const fail = (error: string): Fail => ({ ok: false, error });
export const win = (start: Ymd, end: Ymd, precision: Window["precision"], note?: string, warning?: string): WindowResult => ({
  ok: true,
  w: { start, end, precision, note, warning },
});

type Completed = { ok: true; p: Point & { year: number }; note?: string; warning?: string } | Fail;

/** Fills a missing year from the context; checks the month and day exist. */
export function complete(p: Point, ctx: DateContext): Completed {
  if (p.month !== undefined && (p.month < 1 || p.month > 12)) return fail(`There is no month ${p.month}.`);
  if (p.year !== undefined) {
    if (p.day !== undefined && !isValidYmd(p as Ymd)) {
      return fail(`${p.day} ${MONTH_NAMES[p.month! - 1]} ${p.year} does not exist.`);
    }
    return { ok: true, p: p as Point & { year: number } };
  }
  if (p.month === undefined) return fail("A day needs a month.");
  const r = resolveYearInContext(p.month, p.day ?? null, ctx);
  return r.ok ? { ok: true, p: { ...p, year: r.year }, note: r.note, warning: r.warning } : r;
}

/** The window of one point: a day, a month or a year. */
export function pointWindow(p: Point, ctx: DateContext): WindowResult {
  if (p.day !== undefined && p.month === undefined) return fail("A day needs a month.");
  const c = complete(p, ctx);
  if (!c.ok) return c;
  const { year, month, day } = c.p;
  if (month === undefined) return win({ year, month: 1, day: 1 }, { year, month: 12, day: 31 }, "year", c.note, c.warning);
  if (day === undefined) return win({ year, month, day: 1 }, monthEnd(year, month), "month", c.note, c.warning);
  return win({ year, month, day }, { year, month, day }, "day", c.note, c.warning);
}
