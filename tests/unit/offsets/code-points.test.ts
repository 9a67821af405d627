import { describe, expect, it } from "vitest";
import { CodePointIndex, cpLength, sliceCp, splitsSurrogatePair } from "@/lib/core/offsets";
import { bruteUtf16Positions, rng } from "./helpers";

const FAMILY = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}"; // 👨‍👩‍👧: 3 emoji + 2 ZWJ
const FLAG_FR = "\u{1F1EB}\u{1F1F7}"; // 🇫🇷: two regional indicators

describe("CodePointIndex", () => {
  const table: { name: string; text: string; cps: number; u16: number; toU16: [number, number][] }[] = [
    { name: "empty", text: "", cps: 0, u16: 0, toU16: [[0, 0]] },
    { name: "ascii", text: "abc", cps: 3, u16: 3, toU16: [[0, 0], [2, 2], [3, 3]] },
    { name: "emoji in the middle", text: "a😀b", cps: 3, u16: 4, toU16: [[1, 1], [2, 3], [3, 4]] },
    { name: "math bold only astral", text: "𝐀𝐀𝐀", cps: 3, u16: 6, toU16: [[1, 2], [2, 4], [3, 6]] },
    { name: "flag (regional indicators)", text: `x${FLAG_FR}y`, cps: 4, u16: 6, toU16: [[1, 1], [2, 3], [3, 5], [4, 6]] },
    { name: "ZWJ family", text: FAMILY, cps: 5, u16: 8, toU16: [[1, 2], [2, 3], [3, 5], [4, 6], [5, 8]] },
    { name: "combining mark (BMP)", text: "e\u0301a", cps: 3, u16: 3, toU16: [[1, 1], [3, 3]] },
    { name: "Arabic RTL with LTR digits", text: "مرحبا 123 عالم", cps: 14, u16: 14, toU16: [[6, 6], [14, 14]] },
    { name: "lone high surrogate", text: "\uD800a", cps: 2, u16: 2, toU16: [[1, 1], [2, 2]] },
    { name: "lone low surrogate", text: "a\uDC00", cps: 2, u16: 2, toU16: [[1, 1]] },
    { name: "reversed halves are two code points", text: "\uDC00\uD800", cps: 2, u16: 2, toU16: [[1, 1]] },
    { name: "high then pair", text: "\uD800😀", cps: 2, u16: 3, toU16: [[1, 1], [2, 3]] },
  ];

  it.each(table)("$name: lengths and toUtf16", ({ text, cps, u16, toU16 }) => {
    const idx = new CodePointIndex(text);
    expect(idx.length).toBe(cps);
    expect(idx.length).toBe([...text].length);
    expect(idx.utf16Length).toBe(u16);
    for (const [cp, u] of toU16) expect(idx.toUtf16(cp)).toBe(u);
  });

  it.each(table)("$name: agrees with brute force at every offset both ways", ({ text }) => {
    const idx = new CodePointIndex(text);
    const pos = bruteUtf16Positions(text);
    pos.forEach((u, cp) => {
      expect(idx.toUtf16(cp)).toBe(u);
      expect(idx.fromUtf16(u)).toBe(cp);
      expect(idx.fromUtf16(u, "forward")).toBe(cp);
    });
  });

  it("snaps a UTF-16 index inside a surrogate pair per bias", () => {
    const idx = new CodePointIndex("a😀b𝐀");
    expect(idx.fromUtf16(2)).toBe(1);
    expect(idx.fromUtf16(2, "backward")).toBe(1);
    expect(idx.fromUtf16(2, "forward")).toBe(2);
    expect(idx.fromUtf16(5, "backward")).toBe(3);
    expect(idx.fromUtf16(5, "forward")).toBe(4);
  });

  it("clamps and truncates out-of-range or odd input instead of throwing", () => {
    const idx = new CodePointIndex("a😀b");
    expect(idx.toUtf16(-3)).toBe(0);
    expect(idx.toUtf16(99)).toBe(4);
    expect(idx.toUtf16(Number.NaN)).toBe(0);
    expect(idx.toUtf16(Infinity)).toBe(4);
    expect(idx.toUtf16(2.7)).toBe(3);
    expect(idx.fromUtf16(-1)).toBe(0);
    expect(idx.fromUtf16(50)).toBe(3);
  });

  it("keeps memory proportional to astral characters only", () => {
    expect(new CodePointIndex("plain text ".repeat(1000)).astralCount).toBe(0);
    expect(new CodePointIndex("😀x😀").astralCount).toBe(2);
  });

  it("converts correctly on a ~1 MB mixed text", () => {
    const parts = ["lorem ", "😀", "é", "e\u0301", "𝐀", "مرحبا ", "\n", FLAG_FR, FAMILY];
    const r = rng(7);
    let text = "";
    while (text.length < 1_000_000) text += parts[Math.floor(r() * parts.length)];
    const pos = bruteUtf16Positions(text);
    const idx = new CodePointIndex(text);
    expect(idx.length).toBe(pos.length - 1);
    // How fast these lookups are is measured by `npm run bench:core`, not asserted here.
    for (let k = 0; k < 100_000; k++) {
      const cp = Math.floor(r() * (idx.length + 1));
      const u = idx.toUtf16(cp);
      if (u !== pos[cp] || idx.fromUtf16(u) !== cp) throw new Error(`mismatch at ${cp}`);
    }
  });
});

describe("cpLength / sliceCp / splitsSurrogatePair", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["😀", 1],
    ["😀😀", 2],
    [FAMILY, 5],
    ["e\u0301", 2],
    ["\uD800", 1],
  ])("cpLength(%j) = %i", (s, n) => {
    expect(cpLength(s)).toBe(n);
  });

  it.each([
    ["a😀b", 1, 2, "😀"],
    ["a😀b", 0, 3, "a😀b"],
    ["a😀b", 2, 3, "b"],
    ["a😀b", 2, 1, ""],
    ["a😀b", -5, 1, "a"],
    ["a😀b", 1, 99, "😀b"],
    ["𝐀𝐁𝐂", 1, 2, "𝐁"],
  ] as const)("sliceCp(%j, %i, %i) = %j", (text, s, e, want) => {
    expect(sliceCp(text, s, e)).toBe(want);
    expect(sliceCp(text, s, e, new CodePointIndex(text))).toBe(want);
  });

  it("detects positions that split a pair", () => {
    const t = "a😀";
    expect([0, 1, 2, 3].map((i) => splitsSurrogatePair(t, i))).toEqual([false, false, true, false]);
    expect(splitsSurrogatePair("\uDC00", 0)).toBe(false);
    expect(splitsSurrogatePair("a\uDC00", 1)).toBe(false);
  });
});
