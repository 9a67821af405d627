/**
 * Proleptic Gregorian calendar arithmetic on plain {year, month, day} triples and ISO strings.
 *
 * Day arithmetic goes through Date.UTC so it never depends on the host time zone. Invariants:
 * `toIso` always yields YYYY-MM-DD for years 0-9999; `isValidYmd` is the only validity test
 * (31 February, 29 February 2021 and 29 February 1900 are invalid; 29 February 2000 is valid).
 */

export type Ymd = { year: number; month: number; day: number };

/** Weekday names, Monday first (ISO numbering: index + 1). */
export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

export const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
] as const;

/** Lower-case month names and abbreviations ("sept" included) -> month number 1-12. */
export const MONTH_BY_NAME: Record<string, number> = Object.fromEntries(
  MONTH_NAMES.flatMap((name, i) => {
    const lower = name.toLowerCase();
    const forms = [lower, lower.slice(0, 3)];
    if (lower === "september") forms.push("sept");
    return forms.map((f) => [f, i + 1]);
  }),
);

/** Regex alternation of month names, longest forms first so "march" beats "mar". */
export const MONTH_PATTERN = Object.keys(MONTH_BY_NAME)
  .sort((a, b) => b.length - a.length)
  .join("|");

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidYmd({ year, month, day }: Ymd): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 0 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

const pad = (n: number, w: number) => String(n).padStart(w, "0");

export function toIso({ year, month, day }: Ymd): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Parses a strict YYYY-MM-DD string; null when malformed or not a real date. */
export function fromIso(iso: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidYmd(ymd) ? ymd : null;
}

const MS_PER_DAY = 86_400_000;

function toUtc({ year, month, day }: Ymd): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // setUTCFullYear keeps years 0-99 literal
  return d.getTime();
}

function fromUtc(ms: number): Ymd {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(ymd: Ymd, days: number): Ymd {
  return fromUtc(toUtc(ymd) + days * MS_PER_DAY);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function weekday(ymd: Ymd): number {
  const js = new Date(toUtc(ymd)).getUTCDay();
  return js === 0 ? 7 : js;
}

/** Negative, zero or positive like a comparator. */
export function compareYmd(a: Ymd, b: Ymd): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function monthEnd(year: number, month: number): Ymd {
  return { year, month, day: daysInMonth(year, month) };
}
