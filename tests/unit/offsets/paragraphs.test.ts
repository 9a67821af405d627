import { describe, expect, it } from "vitest";
import { PositionMap, splitParagraphs } from "@/lib/core/offsets";

const texts = (t: string) => splitParagraphs(t).map((p) => p.text);

describe("splitParagraphs", () => {
  it.each([
    ["empty text", "", [""]],
    ["one paragraph", "abc", ["abc"]],
    ["single newline stays inside", "a\nb", ["a\nb"]],
    ["blank line separates", "a\n\nb", ["a", "b"]],
    ["longer runs separate once", "a\n\n\n\nb", ["a", "b"]],
    ["leading and trailing separators dropped", "\n\na\n\n", ["a"]],
    ["leading single newline kept", "\na", ["\na"]],
    ["only separators", "\n\n\n", [""]],
    ["CRLF-originated text after canonicalisation", "one\r\ntwo\r\n\r\nthree".replace(/\r\n?/g, "\n"), ["one\ntwo", "three"]],
    ["spaces on the blank line do not separate", "a\n \nb", ["a\n \nb"]],
    ["astral text", "😀\n\n𝐀", ["😀", "𝐀"]],
  ])("%s", (_n, text, want) => {
    expect(texts(text)).toEqual(want);
  });

  it("records UTF-16 offsets that slice back to the paragraph text", () => {
    const text = "\n\nfirst 😀\nline\n\n\nسلام 12\n\nend";
    for (const p of splitParagraphs(text)) expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(splitParagraphs(text).map((p) => [p.start, p.end])).toEqual([[2, 15], [18, 25], [27, 30]]);
  });
});

describe("PositionMap", () => {
  // "ab" [0,2) sep [2,4) "cde" [4,7) sep [7,10) "f" [10,11)
  const text = "ab\n\ncde\n\n\nf";
  const map = new PositionMap(splitParagraphs(text));

  it("places paragraph content at 1 + sum(len + 2)", () => {
    expect([0, 1, 2].map((i) => map.pmStartOf(i))).toEqual([1, 5, 10]);
    expect(map.docSize).toBe(2 + 2 + 3 + 2 + 1 + 2);
  });

  it.each([
    [0, 1], [1, 2], [2, 3], // paragraph 0 incl. its end
    [4, 5], [7, 8], // paragraph 1 start / end
    [10, 10], [11, 11], // paragraph 2
  ])("textToPm(%i) = %i inside paragraphs", (o, pos) => {
    expect(map.textToPm(o)).toBe(pos);
    expect(map.pmToText(pos)).toBe(o);
  });

  it.each([
    // offset, nearest, backward, forward
    [3, 3, 3, 5], // middle of "\n\n": tie goes to previous end
    [8, 8, 8, 10], // first unit of "\n\n\n": closer to previous end
    [9, 10, 8, 10], // closer to next start
  ])("separator offset %i snaps: nearest %i, backward %i, forward %i", (o, n, b, f) => {
    expect(map.textToPm(o)).toBe(n);
    expect(map.textToPm(o, "nearest")).toBe(n);
    expect(map.textToPm(o, "backward")).toBe(b);
    expect(map.textToPm(o, "forward")).toBe(f);
  });

  it("maps pm positions between paragraphs to the previous end, or the next start when forward", () => {
    expect(map.pmToText(4)).toBe(2); // after </p> of "ab", before <p> of "cde"
    expect(map.pmToText(4, "backward")).toBe(2);
    expect(map.pmToText(4, "forward")).toBe(4);
    expect(map.pmToText(9, "forward")).toBe(10);
  });

  it("clamps positions outside the document", () => {
    expect(map.pmToText(0)).toBe(0);
    expect(map.pmToText(-5)).toBe(0);
    expect(map.pmToText(999)).toBe(11);
    expect(map.textToPm(-1)).toBe(1);
    expect(map.textToPm(999)).toBe(11);
  });

  it("handles leading and trailing separators", () => {
    const t = "\n\nab\n\n";
    const m = new PositionMap(splitParagraphs(t));
    expect(m.textToPm(0)).toBe(1);
    expect(m.textToPm(1)).toBe(1);
    expect(m.textToPm(2)).toBe(1);
    expect(m.textToPm(4)).toBe(3);
    expect(m.textToPm(6)).toBe(3);
    expect(m.pmToText(1)).toBe(2);
    expect(m.pmToText(3)).toBe(4);
  });

  it("handles an empty document", () => {
    const m = new PositionMap(splitParagraphs(""));
    expect(m.docSize).toBe(2);
    expect(m.textToPm(0)).toBe(1);
    expect(m.pmToText(0)).toBe(0);
    expect(m.pmToText(2)).toBe(0);
    expect(new PositionMap([]).textToPm(0)).toBe(1);
  });

  it("round-trips every in-paragraph offset of a large text", () => {
    const unit = "Para 😀 with\nsoft break.\n\nسلام 123\n\n\n";
    const big = unit.repeat(20_000);
    const ps = splitParagraphs(big);
    const m = new PositionMap(ps);
    let checked = 0;
    for (const p of ps) for (let o = p.start; o <= p.end; o++, checked++) {
      if (m.pmToText(m.textToPm(o)) !== o) throw new Error(`round trip failed at ${o}`);
    }
    expect(checked).toBeGreaterThan(500_000);
  });

  it("locate returns paragraph index and offset", () => {
    expect(map.locate(5)).toEqual({ paragraph: 1, offset: 1 });
    expect(map.locate(3, "forward")).toEqual({ paragraph: 1, offset: 0 });
    expect(map.pointToText({ paragraph: 2, offset: 1 })).toBe(11);
  });
});
