/**
 * parseDate: a date as written in a document -> { start, end, precision } plus an explanation.
 *
 * Forms: ISO "2021-08-26" / "2021-08" / "2021"; "26 August 2021", "August 26, 2021",
 * "Aug. 26 2021", "Thursday, 26 August 2021" (the weekday is checked); unambiguous numeric
 * "26/08/2021"; "August 2021"; ranges "18-20 April 2022", "30 April - 2 May 2022",
 * "between 18 and 20 April 2022", "from mid-May to early June 2015", "April-May 2022",
 * "2020-2021"; lists "February and April 2020" (the window spans both and the time between);
 * named parts of the calendar (date-periods.ts); yearless and relative dates (date-resolve.ts,
 * date-relative.ts: read against the text before the evidence, then the publication date).
 *
 * Lead-ins, "about" and dates inside longer phrases: see date-phrases.ts.
 *
 * Invariants: pure, never throws; every `ok: true` value passes `DateValueSchema`.
 */
import { compareYmd, WEEKDAYS, MONTH_PATTERN, toIso, weekday } from "./date-calendar";
import { formatDateValue } from "./date-format";
import { normalizeWording } from "./wording";
import { checkReference, refLabel, refLatest, relativeWindow, type DateContext, type Window, type WindowResult } from "./date-resolve";
import { textRelativeWindow } from "./date-relative";
import { periodWindow } from "./date-periods";
import { fail, pointWindow, readPoint, win, type Point } from "./date-point";
import { embeddedWindow, readLeadIns, widen } from "./date-phrases";
import { DateValueSchema, MAX_DATE_RAW, type DateParse, type DateReference } from "./date-schema";

export type ParseDateOptions = {
  /** The document's publication date. */
  reference?: DateReference;
  /** The canonical text before the claim's first span: yearless and relative dates read it as a reader would. */
  before?: string;
};

function normalise(raw: string): string {
  let s = normalizeWording(raw.toLowerCase());
  // Brackets and quotes around the whole wording ("(2017)", "“May 2020”") carry no date.
  s = s.replace(/^[("'“‘[]+/, "").replace(/[)"'”’\]]+$/, "").replace(/[.;:!?,]+$/, "");
  s = s.replace(/(\d)(?:st|nd|rd|th)\b/g, "$1").replace(/\bthe (\d)/g, "$1").replace(/(\d) of /g, "$1 ");
  s = s.replace(/(\p{L})\./gu, "$1").replace(/,/g, " ").replace(/\s+/g, " ").trim();
  return s.replace(/ ?- ?/g, "-");
}

/** Precision of a window joining two: any day-level part makes it "days". */
function joinedPrecision(a: Window, b: Window): Window["precision"] {
  if ([a.precision, b.precision].some((p) => p === "day" || p === "days" || p === "week")) return "days";
  return a.precision === "year" || b.precision === "year" ? "year" : "month";
}

/** "18-20 April 2022", "30 April-2 May", "April-May 2022", "2020-2021": left inherits from right. */
function rangeWindow(s: string, ctx: DateContext): WindowResult | null {
  for (let i = s.indexOf("-"); i > 0; i = s.indexOf("-", i + 1)) {
    const left = readPoint(s.slice(0, i));
    const right = readPoint(s.slice(i + 1));
    if (!left || !right) continue;
    // "April 18-20": the right end borrows the month from the left.
    const rp: Point = right.month === undefined && right.day !== undefined ? { ...right, month: left.month } : right;
    const b = pointWindow(rp, ctx);
    if (!b.ok) return b;
    const { end } = b.w;
    const lp: Point = { ...left, month: left.month ?? (left.day !== undefined ? end.month : undefined) };
    if (left.year === undefined) {
      if (lp.month === undefined) return fail("Could not read the start of the range.");
      // Only a start with its own month can fall in the previous year ("30 December-2 January").
      const backward = left.month !== undefined && (lp.month > end.month || (lp.month === end.month && (lp.day ?? 1) > end.day));
      lp.year = backward ? end.year - 1 : end.year;
    }
    const a = pointWindow(lp, ctx);
    if (!a.ok) return a;
    if (compareYmd(a.w.start, end) > 0) return fail("The range starts after it ends.");
    return win(a.w.start, end, joinedPrecision(a.w, b.w), b.w.note, b.w.warning);
  }
  return null;
}

/** "from mid-May to early June 2015", "late 2015 and into 2016", "spring and fall 2020". */
function spanWindow(s: string, ctx: DateContext): WindowResult | null {
  const m = /^(?:between|from) (.+?) (?:and|to|until|till|through) (.+)$/.exec(s) ?? /^(.+?) (?:to|until|till|through|and(?: into| in)?) (.+)$/.exec(s);
  if (!m) return null;
  const [left, right] = [m[1], m[2].replace(/^(?:about|around|approximately|roughly) /, "")];
  const dashed = rangeWindow(`${left}-${right}`, ctx);
  if (dashed) return dashed;
  const b = toWindow(right, ctx);
  if (!b.ok) return b;
  let a = toWindow(left, ctx);
  if (!/\d{4}/.test(left)) {
    const withYear = toWindow(`${left} ${b.w.start.year}`, ctx);
    if (withYear.ok) a = withYear;
  }
  if (!a.ok) return a;
  if (compareYmd(a.w.start, b.w.end) > 0) return fail("The range starts after it ends.");
  return win(a.w.start, b.w.end, joinedPrecision(a.w, b.w), b.w.note ?? a.w.note, b.w.warning ?? a.w.warning);
}

/** "26/08/2021" or "26.08.2021": accepted only when day and month cannot be swapped. */
function numericWindow(s: string): WindowResult | null {
  const m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  if (!m) return null;
  const [x, y, year] = [+m[1], +m[2], +m[3]];
  if (x <= 12 && y <= 12 && x !== y) return fail(`"${m[0]}" could be day/month or month/day; write the month name.`);
  const p = x > 12 ? { day: x, month: y, year } : { day: y, month: x, year };
  return pointWindow(p, {});
}

const NOT_READ = "Could not read a date. Try e.g. 26 August 2021, August 2021, 18-20 April 2022 or 2021-08-26.";

/** "June 2020 - present": from the date to the publication date. */
function untilPresentWindow(s: string, ctx: DateContext): WindowResult | null {
  const m = /^(.+?)(?:-| to | until )(?:the )?(?:present|now|today)$/.exec(s);
  if (!m) return null;
  if (!ctx.ref) return fail(`"present" needs the publication date, which is not known.`);
  const a = toWindow(m[1], ctx);
  if (!a.ok) return a;
  const end = refLatest(ctx.ref);
  if (compareYmd(a.w.start, end) > 0) return fail("The range starts after the publication date.");
  const precision = a.w.precision === "year" && ctx.ref.month === undefined ? "year" : ctx.ref.day === undefined ? "month" : "days";
  return win(a.w.start, end, precision, `"present" read as the publication date ${refLabel(ctx.ref)}`);
}

function toWindow(s: string, ctx: DateContext): WindowResult {
  if (/^(?:before|prior to|after|post|pre) /.test(s)) {
    return fail(`"${s.split(" ")[0]}" leaves one end of the window open; enter the window by hand (e.g. the earliest and latest plausible days).`);
  }
  const present = untilPresentWindow(s, ctx);
  if (present) return present;
  const point = readPoint(s);
  const r =
    textRelativeWindow(s, ctx) ?? relativeWindow(s, ctx.ref) ?? numericWindow(s) ?? periodWindow(s, ctx) ??
    (point ? pointWindow(point, ctx) : null) ?? rangeWindow(s, ctx);
  if (r?.ok) return r;
  // "late 2015 and into 2016" first looks like a malformed "late ...": the span reading may still work.
  const span = spanWindow(s, ctx);
  return span?.ok ? span : (r ?? span ?? fail(NOT_READ));
}

export function parseDate(raw: string, opts: ParseDateOptions = {}): DateParse {
  if (typeof raw !== "string") return fail("A date must be text.");
  if (raw.length > MAX_DATE_RAW) return fail(`Too long for a date (over ${MAX_DATE_RAW} characters).`);
  const refError = checkReference(opts.reference);
  if (refError) return fail(refError);
  const ctx: DateContext = { ref: opts.reference, before: typeof opts.before === "string" ? opts.before : undefined };
  const reading = readLeadIns(normalise(raw));
  let s = reading.s;
  if (!s) return fail("Empty: write the date as the document gives it.");
  if (/(?:and |-)(?:about|around|approximately|roughly) /.test(s) && reading.approx === "") reading.approx = "end";
  s = s.replace(/(and |-)(?:about|around|approximately|roughly) /, "$1");
  // "a week later, on August 6, 2015": the explicit date says it all ("the day after 5 May" does not restate).
  const restated = new RegExp(`^(?:[a-z0-9]+ ){1,3}(?:later|afterwards|earlier) (?:on|in) (?=\\d|(?:${MONTH_PATTERN})\\b)`).exec(s);
  if (restated && readPoint(s.slice(restated[0].length))?.year !== undefined) {
    [s, reading.lead] = [s.slice(restated[0].length), "the explicit date is used; the relative words before it only restate it"];
  }
  const wd = new RegExp(`^(${WEEKDAYS.join("|")}) (?=\\d|${MONTH_PATTERN}|the )`).exec(s);
  if (wd) s = s.slice(wd[0].length);
  let r = toWindow(s, ctx);
  if (!r.ok) r = embeddedWindow(s, ctx, toWindow) ?? r;
  if (!r.ok) return r;
  const { start, end, precision, note, warning } = widen(r.w, reading.approx);
  if (wd && precision === "day" && WEEKDAYS[weekday(start) - 1] !== wd[1]) {
    const actual = WEEKDAYS[weekday(start) - 1];
    return fail(`${toIso(start)} was a ${actual[0].toUpperCase()}${actual.slice(1)}, not a ${wd[1][0].toUpperCase()}${wd[1].slice(1)}.`);
  }
  const checked = DateValueSchema.safeParse({ raw, start: toIso(start), end: toIso(end), precision });
  if (!checked.success) return fail(checked.error.issues[0]?.message ?? "Invalid date.");
  const v = checked.data;
  const span = v.start === v.end ? v.start : `${v.start} to ${v.end}`;
  const notes = [reading.lead, note].filter(Boolean).join("; ");
  const explanation = `${precision}: ${formatDateValue(v)} (${span})${notes ? `; ${notes}` : ""}`;
  return warning ? { ok: true, value: v, explanation, warning } : { ok: true, value: v, explanation };
}

