import { describe, expect, it } from "vitest";
import { isExplicitYear, MAX_LOOKBACK_CHARS, nearestMention } from "@/lib/core/values/date-context";
import { parseDate } from "@/lib/core/values";

/** Offset of the first `year` inside `text` (the case texts hold it once). */
const yearAt = (text: string, year: string) => text.indexOf(year);

describe("isExplicitYear: what counts as a year in running text", () => {
  it.each([
    ["in 2015 the group", "2015"],
    ["In January 2015, it", "2015"],
    ["early December 2021.14 IS-KP", "2021"], // footnote glued after the year
    ["(2016 – April 2017)", "2016"],
    ["the 2019-20 offensive", "2019"],
  ])("%j: %s is a year", (text, y) => {
    expect(isExplicitYear(text, yearAt(text, y))).toBe(true);
  });

  it.each([
    ["mobilized 2000 fighters", "2000"],
    ["at 1900 GMT", "1900"],
    ["see p. 2015", "2015"],
    ["Resolution 2253 (2015)", "2253"],
    ["[text](https://example.org/2021/08/26/story)", "2021"],
    ["(/sites/default/files/2023-", "2023"],
    ["a total of 2015,000 rounds", "2015"],
  ])("%j: %s is not a year", (text, y) => {
    expect(isExplicitYear(text, yearAt(text, y))).toBe(false);
  });

  it("figures, ids and glued numbers never even look like years", () => {
    const r = nearestMention("They had 2,000 fighters, 12000 rounds and account jy1659 and id 1505480161113919491.", 0, true);
    expect(r).toBeNull();
  });
});

describe("nearestMention: the date the narrative has reached", () => {
  it("takes the last date naming a month, with or without its year", () => {
    const yearless = nearestMention("On January 10, 2015, a video. Later, on March 3, more.");
    expect(yearless).toMatchObject({ month: 3, day: 3 });
    expect(yearless?.year).toBeUndefined();
    expect(nearestMention("In May 2020, an attack.")).toMatchObject({ month: 5, year: 2020 });
    expect(nearestMention("targeting IS-KP in early December \n\n2021.14 IS-KP")).toMatchObject({ month: 12, year: 2021 });
  });

  it("counts a bare year that opens a sentence, not one inside a sentence", () => {
    expect(nearestMention("Setbacks. 2019 was a year of losses.")).toMatchObject({ year: 2019 });
    expect(nearestMention("It fell. In 2020, it lost its land.")).toMatchObject({ year: 2020 });
    expect(nearestMention("Commanders joined in 2015 in Jowzjan.")).toBeNull();
    expect(nearestMention("operated in this area from 2015 to 2018 until")).toBeNull();
    // Hard line breaks from PDF extraction are not sentence starts.
    expect(nearestMention("the group operated in\n\n2015 in Jowzjan")).toBeNull();
    expect(nearestMention("Commanders joined in 2015 in Jowzjan.", undefined, true)).toMatchObject({ year: 2015 });
  });

  it("reads a span to its later year", () => {
    expect(nearestMention("- August 2022-23: 69 attacks")).toMatchObject({ month: 8, year: 2023 });
    expect(nearestMention("Losses. In 2019-20, attacks fell.")).toMatchObject({ year: 2020 });
  });

  it("does not take May, March or a lower-case month alone as a date", () => {
    expect(nearestMention("Fighters may march on. They said in january that")).toBeNull();
    expect(nearestMention("It happened in October. Then")).toMatchObject({ month: 10 });
  });

  it("never looks further back than the look-back bound", () => {
    const far = `In March 2015, it began. ${"x".repeat(MAX_LOOKBACK_CHARS)} Then `;
    expect(nearestMention(far)).toBeNull();
    const near = `${"x".repeat(MAX_LOOKBACK_CHARS)} In March 2015, it began. Then `;
    expect(nearestMention(near)).toMatchObject({ year: 2015, month: 3 });
  });

  it("finds a year at the end of a megabyte of text and ignores one at its start", () => {
    const big = `In 1999, it began. ${"Words without dates. ".repeat(50_000)}In July 2015, it grew. `;
    expect(big.length).toBeGreaterThan(1_000_000);
    expect(parseDate("On March 3", { before: big, reference: { year: 2024, month: 8 } }).ok && true).toBe(true);
    const r = parseDate("On August 3", { before: big, reference: { year: 2024, month: 8 } });
    expect(r.ok && r.value.start).toBe("2015-08-03");
    const lone = `In 1999, it began. ${"Words without dates. ".repeat(50_000)}`;
    const fallback = parseDate("On August 3", { before: lone, reference: { year: 2024, month: 8 } });
    expect(fallback.ok && fallback.value.start).toBe("2024-08-03");
  });
});
