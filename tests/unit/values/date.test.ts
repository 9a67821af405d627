import { describe, expect, it } from "vitest";
import { DateValueSchema, formatDateValue, parseDate, type DatePrecision, type DateReference } from "@/lib/core/values";

type Row = [raw: string, start: string, end: string, precision: DatePrecision];

const ABSOLUTE: Row[] = [
  ["2021-08-26", "2021-08-26", "2021-08-26", "day"],
  ["2021-08", "2021-08-01", "2021-08-31", "month"],
  ["2021", "2021-01-01", "2021-12-31", "year"],
  ["26 August 2021", "2021-08-26", "2021-08-26", "day"],
  ["26th August 2021", "2021-08-26", "2021-08-26", "day"],
  ["the 26th of August, 2021", "2021-08-26", "2021-08-26", "day"],
  ["August 26, 2021", "2021-08-26", "2021-08-26", "day"],
  ["Aug. 26 2021", "2021-08-26", "2021-08-26", "day"],
  ["on Sept 3, 2019", "2019-09-03", "2019-09-03", "day"],
  ["Thursday, 26 August 2021", "2021-08-26", "2021-08-26", "day"],
  ["26/08/2021", "2021-08-26", "2021-08-26", "day"],
  ["08/26/2021", "2021-08-26", "2021-08-26", "day"],
  ["August 2021", "2021-08-01", "2021-08-31", "month"],
  ["in April 2022", "2022-04-01", "2022-04-30", "month"],
  ["February 2020", "2020-02-01", "2020-02-29", "month"],
  ["February 2021", "2021-02-01", "2021-02-28", "month"],
  ["February 2000", "2000-02-01", "2000-02-29", "month"],
  ["February 1900", "1900-02-01", "1900-02-28", "month"],
  ["29 February 2020", "2020-02-29", "2020-02-29", "day"],
  ["18-20 April 2022", "2022-04-18", "2022-04-20", "days"],
  ["18–20 April 2022", "2022-04-18", "2022-04-20", "days"],
  ["April 18-20, 2022", "2022-04-18", "2022-04-20", "days"],
  ["between 18 and 20 April 2022", "2022-04-18", "2022-04-20", "days"],
  ["30 April - 2 May 2022", "2022-04-30", "2022-05-02", "days"],
  ["30 December 2021 - 2 January 2022", "2021-12-30", "2022-01-02", "days"],
  ["30 December - 2 January 2022", "2021-12-30", "2022-01-02", "days"],
  ["April-May 2022", "2022-04-01", "2022-05-31", "month"],
  ["2020-2021", "2020-01-01", "2021-12-31", "year"],
  ["early May 2022", "2022-05-01", "2022-05-10", "days"],
  ["mid-May 2022", "2022-05-11", "2022-05-20", "days"],
  ["late May 2022", "2022-05-21", "2022-05-31", "days"],
  ["the end of May 2022", "2022-05-21", "2022-05-31", "days"],
  ["early February 2020", "2020-02-01", "2020-02-10", "days"],
  ["mid February 2020", "2020-02-11", "2020-02-20", "days"],
  ["late February 2020", "2020-02-21", "2020-02-29", "days"],
  ["late February 2021", "2021-02-21", "2021-02-28", "days"],
  ["late 2021", "2021-09-01", "2021-12-31", "year"],
  ["early 2022", "2022-01-01", "2022-04-30", "year"],
  ["summer 2021", "2021-06-01", "2021-08-31", "year"],
  ["the week of 3 May 2022", "2022-05-03", "2022-05-09", "week"],
  ["week of 28 December 2021", "2021-12-28", "2022-01-03", "week"],
];

describe("parseDate: absolute dates", () => {
  it.each(ABSOLUTE)("%s -> %s..%s (%s)", (raw, start, end, precision) => {
    const r = parseDate(raw);
    if (!r.ok) throw new Error(`expected ok for ${raw}: ${r.error}`);
    expect(r.value).toEqual({ raw, start, end, precision });
    expect(DateValueSchema.safeParse(r.value).success).toBe(true);
  });
});

// Yearless and relative dates resolve against the publication date (the reference).
const RESOLVED: [raw: string, ref: DateReference, start: string, end: string, precision: DatePrecision][] = [
  ["April 18", { year: 2022, month: 5 }, "2022-04-18", "2022-04-18", "day"],
  ["18 April", { year: 2022, month: 5, day: 2 }, "2022-04-18", "2022-04-18", "day"],
  ["December 5", { year: 2022, month: 3 }, "2021-12-05", "2021-12-05", "day"],
  ["on December 31", { year: 2022, month: 1, day: 1 }, "2021-12-31", "2021-12-31", "day"],
  ["January 1", { year: 2022, month: 1, day: 1 }, "2022-01-01", "2022-01-01", "day"],
  ["May 20", { year: 2022, month: 5, day: 10 }, "2021-05-20", "2021-05-20", "day"],
  ["April 18", { year: 2022, month: 4 }, "2022-04-18", "2022-04-18", "day"],
  ["May", { year: 2022, month: 5, day: 10 }, "2022-05-01", "2022-05-31", "month"],
  ["in November", { year: 2022, month: 2 }, "2021-11-01", "2021-11-30", "month"],
  ["early May", { year: 2022, month: 6 }, "2022-05-01", "2022-05-10", "days"],
  ["late February", { year: 2024, month: 3, day: 15 }, "2024-02-21", "2024-02-29", "days"],
  ["late February", { year: 2023, month: 1, day: 15 }, "2022-02-21", "2022-02-28", "days"],
  ["18-20 April", { year: 2022, month: 5 }, "2022-04-18", "2022-04-20", "days"],
  ["the week of 28 December", { year: 2022, month: 1, day: 10 }, "2021-12-28", "2022-01-03", "week"],
  ["yesterday", { year: 2022, month: 3, day: 1 }, "2022-02-28", "2022-02-28", "day"],
  ["yesterday", { year: 2024, month: 3, day: 1 }, "2024-02-29", "2024-02-29", "day"],
  ["today", { year: 2022, month: 5, day: 10 }, "2022-05-10", "2022-05-10", "day"],
  ["the day before yesterday", { year: 2022, month: 1, day: 1 }, "2021-12-30", "2021-12-30", "day"],
  ["last month", { year: 2022, month: 1 }, "2021-12-01", "2021-12-31", "month"],
  ["last month", { year: 2024, month: 3, day: 4 }, "2024-02-01", "2024-02-29", "month"],
  ["this month", { year: 2022, month: 5 }, "2022-05-01", "2022-05-31", "month"],
  ["last year", { year: 2022 }, "2021-01-01", "2021-12-31", "year"],
  ["this year", { year: 2022 }, "2022-01-01", "2022-12-31", "year"],
  // 2022-05-10 was a Tuesday; ISO weeks start on Monday.
  ["this week", { year: 2022, month: 5, day: 10 }, "2022-05-09", "2022-05-15", "week"],
  ["last week", { year: 2022, month: 5, day: 10 }, "2022-05-02", "2022-05-08", "week"],
  ["on Monday", { year: 2022, month: 5, day: 10 }, "2022-05-09", "2022-05-09", "day"],
  ["Tuesday", { year: 2022, month: 5, day: 10 }, "2022-05-10", "2022-05-10", "day"],
  ["last Tuesday", { year: 2022, month: 5, day: 10 }, "2022-05-03", "2022-05-03", "day"],
];

describe("parseDate: resolution against the publication date", () => {
  it.each(RESOLVED)("%s with %o -> %s..%s", (raw, reference, start, end, precision) => {
    const r = parseDate(raw, { reference });
    if (!r.ok) throw new Error(`expected ok for ${raw}: ${r.error}`);
    expect(r.value).toEqual({ raw, start, end, precision });
  });

  it("an absolute date ignores the reference", () => {
    const r = parseDate("26 August 2021", { reference: { year: 2030, month: 1, day: 1 } });
    expect(r.ok && r.value.start).toBe("2021-08-26");
  });

  it("says in the explanation that the year came from the publication date", () => {
    const r = parseDate("April 18", { reference: { year: 2022, month: 5 } });
    expect(r.ok && r.explanation).toContain("publication date 2022-05");
  });
});

describe("parseDate: errors", () => {
  it.each<[string, DateReference | undefined, string]>([
    ["31 February 2021", undefined, "does not exist"],
    ["29 February 2021", undefined, "does not exist"],
    ["2021-02-29", undefined, "does not exist"],
    ["31 April 2022", undefined, "does not exist"],
    ["2021-13", undefined, "no month 13"],
    ["April 18", undefined, "needs a year"],
    ["April 18", { year: 2022 }, "needs a year"],
    ["yesterday", undefined, "publication day"],
    // Decision: with a month-only reference, day-relative words are errors, not month-wide guesses.
    ["yesterday", { year: 2022, month: 5 }, "publication day"],
    ["today", { year: 2022, month: 5 }, "publication day"],
    ["last week", { year: 2022, month: 5 }, "publication day"],
    ["last month", { year: 2022 }, "publication month"],
    // The leap day in a common year is not pushed back to the last leap year.
    ["February 29", { year: 2022, month: 5 }, "does not exist"],
    ["Friday, 26 August 2021", undefined, "was a Thursday"],
    ["05/06/2021", undefined, "could be day/month"],
    ["winter 2021", undefined, "spans two years"],
    ["20-18 April 2022", undefined, "starts after it ends"],
    ["18", undefined, "needs a month"],
    ["the week of May 2022", undefined, "needs a day"],
    ["sometime", undefined, "Could not read"],
    ["", undefined, "Empty"],
  ])("%j (ref %o) -> error mentioning %j", (raw, reference, fragment) => {
    const r = parseDate(raw, { reference });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(fragment);
  });

  it("rejects a malformed reference", () => {
    expect(parseDate("April 18", { reference: { year: 2022, month: 13 } }).ok).toBe(false);
    expect(parseDate("April 18", { reference: { year: 2022, month: 2, day: 30 } }).ok).toBe(false);
    expect(parseDate("April 18", { reference: { year: 2022, day: 3 } }).ok).toBe(false);
  });
});

describe("formatDateValue", () => {
  it.each([
    ["26 August 2021", "26 August 2021"],
    ["August 2021", "August 2021"],
    ["2021", "2021"],
    ["18-20 April 2022", "18–20 April 2022"],
    ["30 April - 2 May 2022", "30 April – 2 May 2022"],
    ["30 December 2021 - 2 January 2022", "30 December 2021 – 2 January 2022"],
    ["April-May 2022", "April – May 2022"],
    ["early 2022", "January – April 2022"],
    ["the week of 3 May 2022", "week of 3 May 2022"],
  ])("%s displays as %s", (raw, shown) => {
    const r = parseDate(raw);
    if (!r.ok) throw new Error(r.error);
    expect(formatDateValue(r.value)).toBe(shown);
  });

  it("shows unknown dates with their raw text", () => {
    expect(formatDateValue({ raw: "around Eid", start: null, end: null, precision: "unknown" })).toBe('unknown date ("around Eid")');
  });
});

describe("DateValueSchema", () => {
  it.each([
    ["impossible day", { raw: "", start: "2021-02-29", end: "2021-02-29", precision: "day" }],
    ["end before start", { raw: "", start: "2021-03-02", end: "2021-03-01", precision: "days" }],
    ["day with two days", { raw: "", start: "2021-03-01", end: "2021-03-02", precision: "day" }],
    ["known precision without dates", { raw: "", start: null, end: null, precision: "month" }],
    ["unknown with dates", { raw: "", start: "2021-03-01", end: "2021-03-01", precision: "unknown" }],
    ["not ISO", { raw: "", start: "1/3/2021", end: "1/3/2021", precision: "day" }],
    ["extra key", { raw: "", start: null, end: null, precision: "unknown", note: "x" }],
  ])("rejects %s", (_n, v) => {
    expect(DateValueSchema.safeParse(v).success).toBe(false);
  });

  it("accepts the fallback the form stores for unparsed text", () => {
    expect(DateValueSchema.safeParse({ raw: "around Eid", start: null, end: null, precision: "unknown" }).success).toBe(true);
  });
});
