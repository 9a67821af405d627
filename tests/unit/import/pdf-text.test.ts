import { describe, expect, it } from "vitest";
import { joinPageItems, type PdfTextItem } from "@/lib/import/formats/pdf-text";

/** A 12 pt item at (x, y) whose advance width is 6 pt per character. */
const item = (str: string, x: number, y: number, hasEOL = false, size = 12): PdfTextItem => ({
  str,
  hasEOL,
  transform: [size, 0, 0, size, x, y],
  width: str.length * size * 0.5,
  height: size,
});

describe("joinPageItems", () => {
  it.each<[string, PdfTextItem[], string]>([
    ["no items", [], ""],
    ["adjacent items on one line are joined as they are", [item("Hel", 72, 700), item("lo", 90, 700)], "Hello"],
    ["a horizontal gap inserts one space", [item("Hello", 72, 700), item("world", 110, 700)], "Hello world"],
    ["no double space when an item already has one", [item("Hello ", 72, 700), item("world", 120, 700)], "Hello world"],
    ["hasEOL ends the line", [item("one", 72, 700, true), item("two", 300, 700)], "one\ntwo"],
    ["an empty item with hasEOL ends the line", [item("one", 72, 700), item("", 90, 700, true), item("two", 72, 700)], "one\ntwo"],
    ["a baseline move ends the line", [item("one", 72, 700), item("two", 72, 686)], "one\ntwo"],
    ["a small baseline shift (superscript) does not", [item("x", 72, 700), item("2", 78, 704)], "x2"],
    ["a gap of more than 1.8 lines starts a paragraph", [item("one", 72, 700), item("two", 72, 686), item("three", 72, 640)], "one\ntwo\n\nthree"],
    ["the first large gap on a page is a paragraph", [item("Title", 72, 720), item("Body", 72, 688)], "Title\n\nBody"],
    ["trailing spaces before a line break are removed", [item("one   ", 72, 700, true), item("two", 72, 686)], "one\ntwo"],
    ["surrounding whitespace trimmed", [item("  one", 72, 700, true), item("two  ", 72, 686)], "one\ntwo"],
  ])("%s", (_name, items, expected) => {
    expect(joinPageItems(items)).toBe(expected);
  });

  it("only adds spaces and newlines to the items' strings", () => {
    const items = [item("A", 72, 700), item("b", 100, 700, true), item("c", 72, 600), item("d", 78, 600)];
    expect(joinPageItems(items).replace(/\s/g, "")).toBe("Abcd");
  });
});
