/**
 * formatDateValue: a date value as people read it ("26 August 2021", "18–20 April 2022",
 * "August 2021", "week of 3 May 2022", "2021"). Whole months and years are named as such;
 * any other window is shown as a day range. Pure; never throws; unknown dates show their raw text.
 */
import { daysInMonth, fromIso, MONTH_NAMES, type Ymd } from "./date-calendar";
import type { DateValue } from "./date-schema";

const DASH = "–";

const dayText = (d: Ymd) => `${d.day} ${MONTH_NAMES[d.month - 1]} ${d.year}`;
const monthText = (d: Ymd) => `${MONTH_NAMES[d.month - 1]} ${d.year}`;

function dayRange(a: Ymd, b: Ymd): string {
  if (a.year === b.year && a.month === b.month) return `${a.day}${DASH}${b.day} ${monthText(a)}`;
  if (a.year === b.year) return `${a.day} ${MONTH_NAMES[a.month - 1]} ${DASH} ${dayText(b)}`;
  return `${dayText(a)} ${DASH} ${dayText(b)}`;
}

function monthRange(a: Ymd, b: Ymd): string {
  if (a.year === b.year && a.month === 1 && b.month === 12) return String(a.year);
  if (a.month === 1 && b.month === 12) return `${a.year}${DASH}${b.year}`;
  if (a.year === b.year && a.month === b.month) return monthText(a);
  if (a.year === b.year) return `${MONTH_NAMES[a.month - 1]} ${DASH} ${monthText(b)}`;
  return `${monthText(a)} ${DASH} ${monthText(b)}`;
}

export function formatDateValue(v: DateValue): string {
  const a = v.start === null ? null : fromIso(v.start);
  const b = v.end === null ? null : fromIso(v.end);
  if (!a || !b) return v.raw.trim() ? `unknown date ("${v.raw.trim()}")` : "unknown date";
  if (v.precision === "week") return `week of ${dayText(a)}`;
  if (v.start === v.end) return dayText(a);
  const wholeMonths = a.day === 1 && b.day === daysInMonth(b.year, b.month);
  return wholeMonths ? monthRange(a, b) : dayRange(a, b);
}
