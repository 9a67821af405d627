import { describe, expect, it } from "vitest";
import { CodePointIndex, makeSelector, validateSpan } from "@/lib/core/offsets";

describe("makeSelector", () => {
  const text = "Ünïcode 😀 text: 𝐀𝐁𝐂 and مرحبا 42.";
  const idx = new CodePointIndex(text);

  it("quotes code points with context on both sides", () => {
    const sel = makeSelector(text, idx, 8, 9, 3);
    expect(sel).toEqual({ start: 8, end: 9, exact: "😀", prefix: "de ", suffix: " te" });
  });

  it("context never splits astral characters", () => {
    const sel = makeSelector(text, idx, 19, 22, 2);
    expect(sel.exact).toBe(" an");
    expect(sel.prefix).toBe("𝐁𝐂");
    expect([...sel.prefix]).toHaveLength(2);
  });

  it("context is cut at the text edges", () => {
    const sel = makeSelector(text, idx, 0, 2);
    expect(sel.prefix).toBe("");
    expect(sel.exact).toBe("Ün");
    const tail = makeSelector(text, idx, idx.length - 3, idx.length);
    expect(tail.exact).toBe("42.");
    expect(tail.suffix).toBe("");
  });

  it("uses 32 code points of context by default", () => {
    const long = "x".repeat(100);
    const sel = makeSelector(long, new CodePointIndex(long), 50, 51);
    expect(sel.prefix).toHaveLength(32);
    expect(sel.suffix).toHaveLength(32);
  });

  it.each([
    ["clamped start", -5, 2, 0, 2],
    ["clamped end", 30, 999, 30, idx.length],
    ["reversed becomes empty at start", 5, 2, 5, 5],
    ["fractional truncates", 1.9, 3.2, 1, 3],
  ])("%s", (_n, s, e, ws, we) => {
    const sel = makeSelector(text, idx, s, e);
    expect([sel.start, sel.end]).toEqual([ws, we]);
    expect(sel.exact).toBe([...text].slice(ws, we).join(""));
  });
});

describe("validateSpan", () => {
  const text = "a😀b\nc";
  const idx = new CodePointIndex(text);

  it.each([
    ["valid emoji span", { start: 1, end: 2, exact: "😀" }, null],
    ["valid whole text", { start: 0, end: 5, exact: text }, null],
    ["fractional offset", { start: 0.5, end: 2, exact: "a😀" }, "not-integer"],
    ["NaN offset", { start: Number.NaN, end: 2, exact: "" }, "not-integer"],
    ["negative start", { start: -1, end: 2, exact: "a😀" }, "out-of-range"],
    ["end past the text", { start: 0, end: 6, exact: text }, "out-of-range"],
    ["UTF-16 length is not the limit", { start: 0, end: 6, exact: "a😀b\nc" }, "out-of-range"],
    ["empty span", { start: 2, end: 2, exact: "" }, "empty-or-reversed"],
    ["reversed span", { start: 3, end: 1, exact: "" }, "empty-or-reversed"],
    ["quote differs", { start: 0, end: 1, exact: "b" }, "exact-mismatch"],
    ["UTF-16 offsets used by mistake", { start: 3, end: 4, exact: "b" }, "exact-mismatch"],
  ] as const)("%s", (_n, span, reason) => {
    const r = validateSpan(text, idx, span);
    if (reason === null) expect(r).toEqual({ ok: true });
    else {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.reason).toBe(reason);
        expect(r.message.length).toBeGreaterThan(0);
      }
    }
  });
});
