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
 * - With the text before the evidence (`before`), a yearless date first takes its year from the
 *   date the narrative has reached there (date-context.ts, `resolveYearInContext`).
 * Weeks run Monday to Sunday (ISO 8601). Invariants: pure (the one-entry memo of
 * `narrativeDate` only saves re-reading the same text); windows returned are valid days.
 */
import {
  addDays, compareYmd, daysInMonth, isValidYmd, monthEnd, weekday, MONTH_NAMES, WEEKDAYS, type Ymd,
} from "./date-calendar";
import { mentionsBack, type Mention } from "./date-context";
import type { DatePrecision, DateReference } from "./date-schema";

export type Window = { start: Ymd; end: Ymd; precision: DatePrecision; note?: string; warning?: string };
/** What a date is read against: the publication date and the text before the evidence. */
export type DateContext = { ref?: DateReference; before?: string };
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

export function refLabel(ref: DateReference): string {
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

/** The latest day the publication date allows (a month-only reference counts as its last day). */
export function refLatest(ref: DateReference): Ymd {
  if (ref.month === undefined) return { year: ref.year, month: 12, day: 31 };
  return { year: ref.year, month: ref.month, day: ref.day ?? daysInMonth(ref.year, ref.month) };
}

type YearResult = { ok: true; year: number; note: string; warning?: string } | { ok: false; error: string };

/** The date the narrative has reached at the end of `before`, with its year (see date-context.ts). */
export type NarrativeDate = { year: number; month?: number; day?: number; text: string; at: number; viaRef?: string };

/**
 * The year of a yearless month (and day) that follows a dated mention: the mention's year, moved
 * one year on when the month is earlier than the mention's month ("December 2021 ... April 24" is
 * the next April), unless that would pass the publication date.
 */
function followingYear(anchor: { year: number; month?: number }, month: number, day: number | null, ref?: DateReference): number {
  if (anchor.month === undefined || month >= anchor.month) return anchor.year;
  const next = { year: anchor.year + 1, month, day: day ?? 1 };
  return ref && compareYmd(next, refLatest(ref)) > 0 ? anchor.year : anchor.year + 1;
}

/**
 * The date the text has reached. A yearless mention ("April 18 ... On May 7") takes its year from
 * the mentions before it, in one backward pass; the first one with a year (or, failing that, the
 * publication date) dates the chain. `anyYear`: the last mention of any kind, for phrases that
 * refer back ("that year", "two days later").
 */
/** The last answer: typing in a field re-reads the same `before` on every keystroke. */
let memo: { before: string; ref?: DateReference; anyYear: boolean; result: NarrativeDate | null } | null = null;

export function narrativeDate(before: string, ref?: DateReference, anyYear = false): NarrativeDate | null {
  if (memo && memo.before === before && memo.anyYear === anyYear && sameRef(memo.ref, ref)) return memo.result;
  const result = readNarrative(before, ref, anyYear);
  memo = { before, ref: ref && { ...ref }, anyYear, result };
  return result;
}

function sameRef(a?: DateReference, b?: DateReference): boolean {
  return a === b || (!!a && !!b && a.year === b.year && a.month === b.month && a.day === b.day);
}

function readNarrative(before: string, ref: DateReference | undefined, anyYear: boolean): NarrativeDate | null {
  const chain: Mention[] = [];
  for (const m of mentionsBack(before)) {
    if (m.inSentence && !(anyYear && chain.length === 0)) continue;
    chain.push(m);
    if (m.year !== undefined) break;
  }
  if (chain.length === 0) return null;
  const last = chain[chain.length - 1];
  let anchor: { year: number; month?: number };
  let viaRef: string | undefined;
  if (last.year !== undefined) anchor = { year: last.year, month: last.month };
  else {
    const r = ref ? resolveYear(last.month!, last.day ?? null, ref) : null;
    if (!r?.ok) return null;
    [anchor, viaRef] = [{ year: r.year, month: last.month }, refLabel(ref!)];
  }
  for (let k = chain.length - 2; k >= 0; k--) {
    anchor = { year: followingYear(anchor, chain[k].month!, chain[k].day ?? null, ref), month: chain[k].month };
  }
  const top = chain[0];
  return { year: anchor.year, month: top.month, day: top.day, text: top.text, at: top.at, viaRef };
}

/**
 * The year of a yearless month (and day), read as a reader would: from the date the text before
 * the evidence has reached (`narrativeDate`), else from the publication date. When both give a
 * year and they differ, the text wins and a warning says so; a year that would put the date after
 * the publication date is not used (a report does not narrate its future).
 */
export function resolveYearInContext(month: number, day: number | null, ctx: DateContext): YearResult {
  const anchor = ctx.before ? narrativeDate(ctx.before, ctx.ref) : null;
  const fromRef = ctx.ref ? resolveYear(month, day, ctx.ref) : null;
  if (!anchor) return fromRef ?? resolveYear(month, day, undefined);
  const year = followingYear(anchor, month, day, ctx.ref);
  if (day !== null && !isValidYmd({ year, month, day })) {
    return { ok: false, error: `${day} ${MONTH_NAMES[month - 1]} ${year} does not exist (year ${year} from the text before the evidence).` };
  }
  const quoted = `"${anchor.text.replace(/\s+/g, " ")}"`;
  if (ctx.ref && compareYmd({ year, month, day: day ?? 1 }, refLatest(ctx.ref)) > 0 && fromRef?.ok) {
    return { ...fromRef, warning: `The text before the evidence (${quoted}) points to ${year}, after the publication date ${refLabel(ctx.ref)}; ${fromRef.year} was used.` };
  }
  const note = anchor.viaRef
    ? `year ${year} from the text before the evidence (${quoted}, dated by the publication date ${anchor.viaRef})`
    : `year ${year} from the text before the evidence (${quoted})`;
  if (fromRef?.ok && fromRef.year !== year) {
    return { ok: true, year, note, warning: `The publication date ${refLabel(ctx.ref!)} would give ${fromRef.year}; the text before the evidence gives ${year}. Check the year.` };
  }
  return { ok: true, year, note };
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
