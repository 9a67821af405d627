/**
 * Dates that need the document's publication date (the "reference"): a day or month written
 * without a year ("April 18", "early May") and relative words ("yesterday", "last month").
 *
 * Rules (claims.md "Value types: date"):
 * - A yearless date takes the most recent year in which it is not after the reference: published
 *   2022-05, "April 18" = 2022-04-18; published 2022-03, "December 5" = 2021-12-05. A month
 *   ("May", "early May") compares by its first day.
 * - A reference known only to the month counts as its last day (an article from 2022-04 saying
 *   "April 18" means this April). A reference known only to the year cannot place a yearless
 *   date: "needs a year".
 * - "today", "yesterday", weekdays and weeks need the reference day; with a month-only reference
 *   they are errors rather than guesses. "this/last month" need the month, "this/last year" the year.
 * - If the chosen year makes the date impossible (29 February in a common year) it is an error:
 *   jumping back to the previous leap year would be a guess.
 * Weeks run Monday to Sunday (ISO 8601). Invariants: pure; windows returned are valid days.
 */
import {
  addDays, daysInMonth, isValidYmd, monthEnd, weekday, MONTH_NAMES, WEEKDAYS, type Ymd,
} from "./date-calendar";
import type { DatePrecision, DateReference } from "./date-schema";

export type Window = { start: Ymd; end: Ymd; precision: DatePrecision; note?: string };
export type WindowResult = { ok: true; w: Window } | { ok: false; error: string };


/** Error message for a malformed reference, or null when it is usable. */
export function checkReference(ref: DateReference | undefined): string | null {
  if (!ref) return null;
  const { year, month, day } = ref;
  if (!Number.isInteger(year) || year < 0 || year > 9999) return "The publication date has no valid year.";
  if (month === undefined) return day === undefined ? null : "The publication date has a day but no month.";
  if (!Number.isInteger(month) || month < 1 || month > 12) return "The publication date has no valid month.";
  if (day !== undefined && !isValidYmd({ year, month, day })) return "The publication date is not a real day.";
  return null;
}

function refLabel(ref: DateReference): string {
  return [String(ref.year).padStart(4, "0"), ref.month && String(ref.month).padStart(2, "0"), ref.day && String(ref.day).padStart(2, "0")]
    .filter(Boolean)
    .join("-");
}

/** The year for a yearless month (and day). `day` null means "compare by the month's first day". */
export function resolveYear(month: number, day: number | null, ref: DateReference | undefined): { ok: true; year: number; note: string } | { ok: false; error: string } {
  if (!ref) return { ok: false, error: "This date needs a year (no publication date to resolve it against)." };
  if (ref.month === undefined) {
    return { ok: false, error: "This date needs a year (the publication date is known only to the year)." };
  }
  const latest: Ymd = { year: ref.year, month: ref.month, day: ref.day ?? daysInMonth(ref.year, ref.month) };
  const candidate: Ymd = { year: ref.year, month, day: day ?? 1 };
  // Compare month/day only; February 29 compares fine as a pair even in a common year.
  const after = month > latest.month || (month === latest.month && (day ?? 1) > latest.day);
  const year = after ? ref.year - 1 : ref.year;
  if (day !== null && !isValidYmd({ ...candidate, year })) {
    return { ok: false, error: `${day} ${MONTH_NAMES[month - 1]} ${year} does not exist; write the year.` };
  }
  return { ok: true, year, note: `year from the publication date ${refLabel(ref)}` };
}

function needDay(ref: DateReference | undefined): Ymd | string {
  if (!ref || ref.month === undefined || ref.day === undefined) return "This needs the publication day, which is not known.";
  return { year: ref.year, month: ref.month, day: ref.day };
}

function dayWindow(d: Ymd, precision: DatePrecision, note: string, end: Ymd = d): WindowResult {
  return { ok: true, w: { start: d, end, precision, note } };
}

/** Window for a relative phrase, an error, or null when `text` is not a relative phrase. */
export function relativeWindow(text: string, ref: DateReference | undefined): WindowResult | null {
  const rel = /^(?:(today)|(yesterday)|(the day before yesterday)|(this|last) (week|month|year)|(?:(last) )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday))$/.exec(text);
  if (!rel) return null;
  const note = ref ? `relative to the publication date ${refLabel(ref)}` : "";
  const [, today, yesterday, dayBefore, thisOrLast, unit, lastWd, wd] = rel;
  if (unit === "year") {
    if (!ref) return { ok: false, error: "This needs the publication date, which is not known." };
    const year = thisOrLast === "last" ? ref.year - 1 : ref.year;
    return dayWindow({ year, month: 1, day: 1 }, "year", note, { year, month: 12, day: 31 });
  }
  if (unit === "month") {
    if (!ref || ref.month === undefined) return { ok: false, error: "This needs the publication month, which is not known." };
    let { year, month } = { year: ref.year, month: ref.month };
    if (thisOrLast === "last") [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
    return dayWindow({ year, month, day: 1 }, "month", note, monthEnd(year, month));
  }
  const day = needDay(ref);
  if (typeof day === "string") return { ok: false, error: day };
  if (today) return dayWindow(day, "day", note);
  if (yesterday) return dayWindow(addDays(day, -1), "day", note);
  if (dayBefore) return dayWindow(addDays(day, -2), "day", note);
  if (unit === "week") {
    const monday = addDays(day, 1 - weekday(day) - (thisOrLast === "last" ? 7 : 0));
    return dayWindow(monday, "week", note, addDays(monday, 6));
  }
  // A weekday: the most recent one not after the reference ("last Tuesday": strictly before).
  const target = WEEKDAYS.indexOf(wd) + 1;
  let back = (weekday(day) - target + 7) % 7;
  if (lastWd && back === 0) back = 7;
  return dayWindow(addDays(day, -back), "day", note);
}
