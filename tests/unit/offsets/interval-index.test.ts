import { describe, expect, it } from "vitest";
import { IntervalIndex } from "@/lib/core/offsets";
import { rng } from "./helpers";

type C = { id: string };
const c = (id: string): C => ({ id });
const ids = (xs: C[]) => xs.map((x) => x.id);

describe("IntervalIndex", () => {
  const idx = new IntervalIndex<C>([
    { item: c("a"), start: 0, end: 5 },
    { item: c("b"), start: 3, end: 8 },
    { item: c("c"), start: 8, end: 10 },
    { item: c("empty"), start: 4, end: 4 },
    { item: c("long"), start: 1, end: 100 },
    { item: c("a"), start: 20, end: 30 }, // second span of claim a
  ]);

  it.each([
    [0, ["a"]],
    [1, ["a", "long"]],
    [4, ["a", "long", "b"]],
    [5, ["long", "b"]], // end is exclusive
    [8, ["long", "c"]],
    [10, ["long"]],
    [25, ["long", "a"]],
    [100, []],
    [-1, []],
  ])("at(%i) -> %j (ordered by start, each id once)", (p, want) => {
    expect(ids(idx.at(p))).toEqual(want);
  });

  it.each([
    [5, 8, ["long", "b"]],
    [9, 21, ["long", "c", "a"]],
    [4, 5, ["a", "long", "b"]],
    [30, 40, ["long"]],
    [100, 200, []],
    [6, 6, []], // empty query
    [7, 3, []], // reversed query
  ])("overlapping(%i, %i) -> %j", (s, e, want) => {
    expect(ids(idx.overlapping(s, e))).toEqual(want);
  });

  it("ignores empty and non-finite intervals", () => {
    const i = new IntervalIndex<C>([
      { item: c("x"), start: 2, end: 2 },
      { item: c("y"), start: Number.NaN, end: 3 },
      { item: c("z"), start: 3, end: 1 },
    ]);
    expect(i.size).toBe(0);
    expect(i.at(2)).toEqual([]);
  });

  it("handles an empty index", () => {
    expect(new IntervalIndex<C>([]).at(0)).toEqual([]);
  });

  it("answers over 20,000 intervals like a brute-force filter", () => {
    const r = rng(42);
    const entries = Array.from({ length: 20_000 }, (_, k) => {
      const start = Math.floor(r() * 1_000_000);
      return { item: c(`k${k}`), start, end: start + 1 + Math.floor(r() * 400) };
    });
    const index = new IntervalIndex(entries);
    const brute = (p: number) =>
      entries.filter((e) => e.start <= p && p < e.end).sort((x, y) => x.start - y.start).map((e) => e.item.id);
    for (let k = 0; k < 200; k++) {
      const p = Math.floor(r() * 1_000_000);
      expect(new Set(ids(index.at(p)))).toEqual(new Set(brute(p)));
    }
  });
});
