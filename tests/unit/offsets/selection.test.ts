import { describe, expect, it } from "vitest";
import { buildTextModel, pmSelectionToOffsets, selectionToOffsets, spanToRange } from "@/lib/core/offsets";

// UTF-16: "Hé😀 lo" [0,7) | "\n\n" [7,9) | " e\u0301x " [9,14) | "\n\n" | "سلام 12" [16,23)
const text = "Hé😀 lo\n\n e\u0301x \n\nسلام 12";
const model = buildTextModel(text);

describe("selectionToOffsets", () => {
  it.each([
    ["plain word", 5, 7, { start: 4, end: 6, exact: "lo" }],
    ["half an emoji widens to the emoji", 3, 4, { start: 2, end: 3, exact: "😀" }],
    ["leading/trailing whitespace trimmed", 4, 8, { start: 4, end: 6, exact: "lo" }],
    ["across a paragraph break", 5, 12, { start: 4, end: 11, exact: "lo\n\n e\u0301" }],
    ["base without its mark gets the mark", 10, 11, { start: 9, end: 11, exact: "e\u0301" }],
    ["reversed bounds", 7, 5, { start: 4, end: 6, exact: "lo" }],
    ["Arabic with digits", 16, 23, { start: 15, end: 22, exact: "سلام 12" }],
  ] as const)("%s", (_n, from, to, want) => {
    expect(selectionToOffsets(model, from, to)).toEqual(want);
  });

  it.each([
    ["collapsed", 3, 3],
    ["only whitespace", 7, 9],
    ["only spaces inside a paragraph", 4, 5],
  ])("%s -> null", (_n, from, to) => {
    expect(selectionToOffsets(model, from, to)).toBeNull();
  });

  it("keeps a space + combining mark cluster (it is not whitespace)", () => {
    const m = buildTextModel("a \u0301b");
    expect(selectionToOffsets(m, 1, 4)).toEqual({ start: 1, end: 4, exact: " \u0301b" });
  });
});

describe("pmSelectionToOffsets", () => {
  // pm: paragraph 0 content at 1..8, paragraph 1 at 10..15, paragraph 2 at 17..24
  it("maps positions inside paragraphs", () => {
    expect(pmSelectionToOffsets(model, 6, 8)).toEqual({ start: 4, end: 6, exact: "lo" });
  });

  it("snaps positions between paragraphs inward", () => {
    // 9 sits between paragraph 0 and 1: as a start it goes forward, as an end backward.
    expect(pmSelectionToOffsets(model, 9, 13)?.exact).toBe("e\u0301");
    expect(pmSelectionToOffsets(model, 6, 9)?.exact).toBe("lo");
    expect(pmSelectionToOffsets(model, 0, 99)?.exact).toBe(text);
  });

  it("returns null for a selection that only spans a paragraph gap", () => {
    expect(pmSelectionToOffsets(model, 8, 10)).toBeNull();
    expect(pmSelectionToOffsets(model, 9, 9)).toBeNull();
  });
});

describe("spanToRange", () => {
  it("maps a code point span to paragraph points", () => {
    // cp: "Hé😀 lo" = 6 cps, "\n\n" cps 6-7, paragraph 1 starts at cp 8
    expect(spanToRange(model, 2, 3)).toEqual({ from: { paragraph: 0, offset: 2 }, to: { paragraph: 0, offset: 4 } });
    expect(spanToRange(model, 4, 10)).toEqual({ from: { paragraph: 0, offset: 5 }, to: { paragraph: 1, offset: 2 } });
  });

  it("moves bounds out of separators", () => {
    expect(spanToRange(model, 6, 9)).toEqual({ from: { paragraph: 1, offset: 0 }, to: { paragraph: 1, offset: 1 } });
    expect(spanToRange(model, 5, 8)).toEqual({ from: { paragraph: 0, offset: 6 }, to: { paragraph: 0, offset: 7 } });
  });

  it("returns null when a span covers only separator newlines or nothing", () => {
    expect(spanToRange(model, 6, 8)).toBeNull();
    expect(spanToRange(model, 3, 3)).toBeNull();
    expect(spanToRange(model, 4, 2)).toBeNull();
  });
});
