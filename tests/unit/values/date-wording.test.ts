import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDate, type DatePrecision, type DateReference } from "@/lib/core/values";

type Row = [raw: string, start: string, end: string, precision: DatePrecision];
const PUB: DateReference = { year: 2024, month: 8 };

describe("parseDate: lead-ins and qualifiers", () => {
  it.each<Row>([
    ["the October 2022", "2022-10-01", "2022-10-31", "month"],
    ["By the end of July 2015", "2015-07-21", "2015-07-31", "days"],
    ["As early as 2021", "2021-01-01", "2021-12-31", "year"],
    ["since at least February 2022", "2022-02-01", "2022-02-28", "month"],
    ["in 2013", "2013-01-01", "2013-12-31", "year"],
    ["a 2018 U.S. airstrike", "2018-01-01", "2018-12-31", "year"],
    ["the March 8, 2017, attack", "2017-03-08", "2017-03-08", "day"],
    ["A week later, on August 6, 2015", "2015-08-06", "2015-08-06", "day"],
    // "about": finer than a month widens by three days each side; a month or more is kept.
    ["about 5 May 2022", "2022-05-02", "2022-05-08", "days"],
    ["about mid-October 2021", "2021-10-08", "2021-10-23", "days"],
    ["around October 2022", "2022-10-01", "2022-10-31", "month"],
    ["in around 2015", "2015-01-01", "2015-12-31", "year"],
    ["Between August and about September 18th 2021", "2021-08-01", "2021-09-21", "days"],
  ])("%s -> %s..%s (%s)", (raw, start, end, precision) => {
    const r = parseDate(raw);
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toEqual({ raw, start, end, precision });
  });

  it("names the reading of a qualifier in the explanation", () => {
    const by = parseDate("By the end of July 2015");
    expect(by.ok && by.explanation).toContain("may have begun earlier");
    const early = parseDate("As early as 2021");
    expect(early.ok && early.explanation).toContain("earliest time stated");
    const about = parseDate("about 5 May 2022");
    expect(about.ok && about.explanation).toContain("widened by 3 days");
    const inside = parseDate("a 2018 U.S. airstrike");
    expect(inside.ok && inside.explanation).toContain('read "2018" inside the phrase');
  });
});

describe("parseDate: spans, seasons, halves and decades", () => {
  it.each<Row>([
    ["2019-20", "2019-01-01", "2020-12-31", "year"],
    ["2022-23", "2022-01-01", "2023-12-31", "year"],
    ["2019/20", "2019-01-01", "2020-12-31", "year"],
    ["August 2018-19", "2018-08-01", "2019-08-31", "month"],
    ["February and April 2020", "2020-02-01", "2020-04-30", "month"],
    ["February of 2020", "2020-02-01", "2020-02-29", "month"],
    ["5 and 7 May 2022", "2022-05-05", "2022-05-07", "days"],
    ["from mid-May to early July 2015", "2015-05-11", "2015-07-10", "days"],
    ["late 2015 and into 2016", "2015-09-01", "2016-12-31", "year"],
    ["from December until July 2018", "2017-12-01", "2018-07-31", "month"],
    ["spring 2021", "2021-03-01", "2021-05-31", "year"],
    ["in the summer of 2021", "2021-06-01", "2021-08-31", "year"],
    ["spring and fall 2020", "2020-03-01", "2020-11-30", "year"],
    ["winter 2019-20", "2019-12-01", "2020-02-29", "year"],
    ["winter 2020-21", "2020-12-01", "2021-02-28", "year"],
    ["By early autumn of 2015", "2015-09-01", "2015-09-30", "month"],
    ["late summer 2016", "2016-08-01", "2016-08-31", "month"],
    ["first half of 2020", "2020-01-01", "2020-06-30", "year"],
    ["the second half of 2021", "2021-07-01", "2021-12-31", "year"],
    ["H1 2020", "2020-01-01", "2020-06-30", "year"],
    ["H2 2020", "2020-07-01", "2020-12-31", "year"],
    ["Q3 2021", "2021-07-01", "2021-09-30", "year"],
    ["the first quarter of 2022", "2022-01-01", "2022-03-31", "year"],
    ["the 2010s", "2010-01-01", "2019-12-31", "year"],
    ["the mid-2000s", "2004-01-01", "2006-12-31", "year"],
    ["late 1990s", "1997-01-01", "1999-12-31", "year"],
    ["2015 – July 2016", "2015-01-01", "2016-07-31", "year"],
    ["June 2017 – July 11, 2017", "2017-06-01", "2017-07-11", "days"],
  ])("%s -> %s..%s (%s)", (raw, start, end, precision) => {
    const r = parseDate(raw);
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toEqual({ raw, start, end, precision });
  });

  it("ends 'present' at the publication date", () => {
    const r = parseDate("June 2020 – Present", { reference: PUB });
    expect(r.ok && r.value).toMatchObject({ start: "2020-06-01", end: "2024-08-31", precision: "month" });
    expect(parseDate("June 2020 – Present").ok).toBe(false);
  });

  it.each<[string, string]>([
    ["winter 2021", "spans two years"],
    ["2011-12", "could be a month"],
    ["Before 2010", "open"],
    ["after August 2021", "open"],
    ["February, before the 2020 vote", "Could not read"],
    ["the 2019 plan and the 2020 vote", "several dates"],
    ["Unknown – November 30, 2017", "Could not read"],
    ["the week of May 2022 attacks", "needs a day"],
    ["in the fall of 2020 offensive", "Could not read"],
    ["two days after May 5 2022", "Could not read"],
  ])("%j is refused (%s)", (raw, fragment) => {
    const r = parseDate(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(fragment);
  });
});

describe("parseDate: yearless dates read against the text before the evidence", () => {
  const before = "In January 2015, IS announced the province. On January 10, 2015, a video appeared. ";

  it("takes the year of the date the text has reached, and warns when the publication date disagrees", () => {
    const r = parseDate("On January 26", { before, reference: PUB });
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toEqual({ raw: "On January 26", start: "2015-01-26", end: "2015-01-26", precision: "day" });
    expect(r.explanation).toContain("year 2015 from the text before the evidence");
    expect(r.warning).toContain("2024");
  });

  it("falls back to the publication date and says so", () => {
    const r = parseDate("On January 26", { before: "No dates here at all. ", reference: PUB });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.start).toBe("2024-01-26");
    expect(r.explanation).toContain("from the publication date 2024-08");
    expect(r.warning).toBeUndefined();
  });

  it("needs no warning when both agree", () => {
    const r = parseDate("on May 22", { before: "In March 2024, it struck. ", reference: PUB });
    expect(r.ok && r.value.start).toBe("2024-05-22");
    expect(r.ok && r.warning).toBeUndefined();
  });

  it("moves to the next year when the month comes earlier than the text's, but not past publication", () => {
    const next = parseDate("on April 24", { before: "operations in early December 2021. Since then ", reference: { year: 2022, month: 5 } });
    expect(next.ok && next.value.start).toBe("2022-04-24");
    const capped = parseDate("mid-January", { before: "The attack on April 18 was new. ", reference: { year: 2022, month: 5 } });
    expect(capped.ok && capped.value.start).toBe("2022-01-11");
  });

  it("ignores a year mentioned in passing inside a sentence", () => {
    const r = parseDate("in mid-January", { before: "Commanders joined IS-KP in 2015 in Jowzjan. Units ", reference: { year: 2022, month: 5 } });
    expect(r.ok && r.value.start).toBe("2022-01-11");
  });

  it("does not put a date after the publication date because of a later year in the text", () => {
    const r = parseDate("On May 3", { before: "The plan runs until 2030. By 2030, ", reference: { year: 2024, month: 8 } });
    expect(r.ok && r.value.start).toBe("2024-05-03");
    expect(r.ok && r.warning).toContain("2030");
  });

  it("reads 'On January 26' in sample 001's paragraph about January 2015 as 2015-01-26", () => {
    const text = readFileSync(path.join(process.cwd(), "prisma/demo/corpus/001_f42c43737148646d.txt"), "utf8").normalize("NFC");
    const before = text.slice(0, text.indexOf("On January 26, senior"));
    const r = parseDate("On January 26", { before, reference: PUB });
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toEqual({ raw: "On January 26", start: "2015-01-26", end: "2015-01-26", precision: "day" });
    expect(r.explanation).toContain("year 2015 from the text before the evidence");
    expect(r.warning).toContain("2024");
  });

  it("works without a publication date", () => {
    const r = parseDate("On January 26", { before });
    expect(r.ok && r.value.start).toBe("2015-01-26");
  });

  it("refuses a day that the text's year does not have", () => {
    const r = parseDate("February 29", { before: "In January 2015, the group grew. " });
    expect(r.ok).toBe(false);
  });
});

describe("parseDate: dates relative to one stated earlier", () => {
  const ctx = (before: string, reference: DateReference = PUB) => ({ before, reference });
  it.each<[string, string, string, string, DatePrecision]>([
    ["two days later", "It struck on 5 May 2022. ", "2022-05-07", "2022-05-07", "day"],
    ["the next day", "It struck on 5 May 2022. ", "2022-05-06", "2022-05-06", "day"],
    ["the following day", "It struck on 31 December 2021. ", "2022-01-01", "2022-01-01", "day"],
    ["the day before", "It struck on 1 March 2024. ", "2024-02-29", "2024-02-29", "day"],
    ["a week later", "It struck on 5 May 2022. ", "2022-05-12", "2022-05-12", "day"],
    ["three weeks earlier", "It struck on 5 May 2022. ", "2022-04-14", "2022-04-14", "day"],
    ["the following week", "It struck on Thursday 5 May 2022. ", "2022-05-09", "2022-05-15", "week"],
    ["the following month", "In March 2015, it grew. ", "2015-04-01", "2015-04-30", "month"],
    ["the previous month", "On 12 January 2016, it fell. ", "2015-12-01", "2015-12-31", "month"],
    ["two months later", "In November 2019, it fell. ", "2020-01-01", "2020-01-31", "month"],
    ["earlier that month", "It struck on 5 May 2022. ", "2022-05-01", "2022-05-05", "days"],
    ["later that month", "It struck on 5 May 2022. ", "2022-05-05", "2022-05-31", "days"],
    ["earlier that day", "August 8, 2016: a bombing. ", "2016-08-08", "2016-08-08", "day"],
    ["that year", "particularly throughout 2022. ", "2022-01-01", "2022-12-31", "year"],
    ["later that year", "On 16 July 2015, it struck. ", "2015-07-16", "2015-12-31", "days"],
    ["the following year", "After the takeover in August 2021, it grew. ", "2022-01-01", "2022-12-31", "year"],
    // From a month, day counts shift the whole month: the words say no more.
    ["two days later", "It began in May 2022. ", "2022-05-03", "2022-06-02", "days"],
    // A yearless date before it takes its own year from the text before it.
    ["the next day", "In January 2015, it formed. On January 26, it was named. ", "2015-01-27", "2015-01-27", "day"],
  ])("%s after %j -> %s..%s", (raw, before, start, end, precision) => {
    const r = parseDate(raw, ctx(before));
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toEqual({ raw, start, end, precision });
    expect(r.explanation).toContain("in the text before the evidence");
  });

  it("falls back to the publication date when the text has no date", () => {
    const r = parseDate("earlier that month", ctx("No dates. ", { year: 2024, month: 8, day: 20 }));
    expect(r.ok && r.value).toMatchObject({ start: "2024-08-01", end: "2024-08-20" });
    expect(r.ok && r.explanation).toContain("publication date 2024-08-20");
  });

  it.each<[string, string, DateReference | undefined, string]>([
    ["two days later", "In 2017, it grew. ", PUB, "only a year"],
    ["the following month", "In 2017, it grew. ", PUB, "only a year"],
    ["the next day", "No dates. ", { year: 2024, month: 8, day: 20 }, "after the publication date"],
    ["the following month", "In August 2024, it struck. ", PUB, "after the publication date"],
    ["the next day", "No dates. ", undefined, "none in the text before it"],
  ])("%s after %j is refused (%s)", (raw, before, reference, fragment) => {
    const r = parseDate(raw, { before, reference });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(fragment);
  });
});
