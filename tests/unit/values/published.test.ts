/** The stored publication date: validation, precision and the date reader's reference. */
import { describe, expect, it } from "vitest";
import { isPublishedDate, publishedPrecision, referenceFromPublished } from "@/lib/core/values";

describe("referenceFromPublished", () => {
  it.each<[string, unknown]>([
    ["2024", { year: 2024 }],
    ["2024-02", { year: 2024, month: 2 }],
    ["2024-02-19", { year: 2024, month: 2, day: 19 }],
    [" 2015-01 ", { year: 2015, month: 1 }],
    ["", undefined],
    ["February 2024", undefined],
  ])("%j -> %j", (published, expected) => {
    expect(referenceFromPublished(published)).toEqual(expected);
  });
});

describe("isPublishedDate", () => {
  it.each(["2024", "2024-02", "2024-02-29", "0999-12-31", "2023-12-31"])("accepts %s", (v) => expect(isPublishedDate(v)).toBe(true));
  it.each(["", "2023-02-29", "2024-13", "2024-00", "2024-04-31", "24-01-01", "2024/01/01", "January 2024"])("refuses %j", (v) =>
    expect(isPublishedDate(v)).toBe(false));
});

describe("publishedPrecision", () => {
  it.each([["2024", "year"], ["2024-02", "month"], ["2024-02-19", "day"], ["", "unknown"], ["soon", "unknown"]] as const)("%j is %s", (v, p) =>
    expect(publishedPrecision(v)).toBe(p));
});
