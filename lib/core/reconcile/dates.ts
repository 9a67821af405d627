/**
 * Date windows as day numbers, and the one rule of when two windows are compatible.
 *
 * A stored date value is read defensively: a window needs two real ISO days with start <= end
 * and a known precision; anything else is no window (null), never an error.
 */
import { DATE_PRECISIONS, type DatePrecision } from "@/lib/core/values";
import { fromIso } from "@/lib/core/values/date-calendar";
import { asRecord } from "./normalize";
import type { DayWindow } from "./types";

const MS_PER_DAY = 86_400_000;

/**
 * Days two windows may lie apart and still describe one event, by the looser precision of the
 * two. A day-precise report may fall on the next day in another time zone or a report written
 * after midnight; months and years already span their uncertainty.
 */
export const DATE_TOLERANCE_DAYS: Record<DatePrecision, number> = {
  day: 1, days: 1, week: 1, month: 0, year: 0, unknown: 0,
};
/** The largest tolerance: how far past a window's end the sweep in candidates.ts must look. */
export const MAX_DATE_TOLERANCE = Math.max(...Object.values(DATE_TOLERANCE_DAYS));

export function dayNumber(iso: string): number | null {
  const ymd = fromIso(iso);
  if (!ymd) return null;
  const d = new Date(0);
  d.setUTCFullYear(ymd.year, ymd.month - 1, ymd.day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

export function isoFromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The window of a stored date value, or null when it has none or is malformed. */
export function readDateWindow(v: unknown): DayWindow | null {
  const r = asRecord(v);
  if (!r || typeof r.start !== "string" || typeof r.end !== "string") return null;
  const precision = (DATE_PRECISIONS as readonly unknown[]).includes(r.precision) ? (r.precision as DatePrecision) : null;
  if (!precision || precision === "unknown") return null;
  const start = dayNumber(r.start);
  const end = dayNumber(r.end);
  if (start === null || end === null || start > end) return null;
  return { start, end, precision };
}

/** Days between two windows: <= 0 when they overlap, 1 when adjacent days. */
export function windowGap(a: DayWindow, b: DayWindow): number {
  return Math.max(a.start, b.start) - Math.min(a.end, b.end);
}

/** Overlapping, or apart by no more than the looser precision's tolerance. */
export function windowsCompatible(a: DayWindow, b: DayWindow): boolean {
  return windowGap(a, b) <= Math.max(DATE_TOLERANCE_DAYS[a.precision], DATE_TOLERANCE_DAYS[b.precision]);
}

/** "2021-08-26" or "2021-08-01 to 2021-08-31". */
export function formatWindow(w: DayWindow): string {
  return w.start === w.end ? isoFromDay(w.start) : `${isoFromDay(w.start)} to ${isoFromDay(w.end)}`;
}
