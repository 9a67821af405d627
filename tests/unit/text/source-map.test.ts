import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { composeMaps } from "@/lib/core/text/source-map-compose";
import {
  canonicalToSource,
  runsOf,
  SourceMapBuilder,
  sourceToCanonical,
  type MapBias,
  type Run,
  type SourceMap,
} from "@/lib/core/text/source-map";

function mapOf(sourceLength: number, runs: [number, number, number][]): SourceMap | null {
  const b = new SourceMapBuilder();
  for (const [s, sl, cl] of runs) b.add(s, sl, cl);
  return b.build(sourceLength);
}

/** Every offset's counterparts by walking the runs one position at a time: [backward, forward]. */
function bruteForce(runs: Run[], sourceLength: number) {
  const s2c: [number, number][] = [];
  const c2s: [number, number][] = [];
  const candidates = new Map<number, number[]>();
  const boundary = (o: number, c: number) => {
    s2c[o] = [c, c];
    candidates.set(c, [...(candidates.get(c) ?? []), o]);
  };
  let o = 0;
  let c = 0;
  for (const r of runs) {
    while (o < r.sourceStart) boundary(o++, c++);
    boundary(o, c);
    for (let k = 1; k < r.sourceLength; k++) s2c[o + k] = [c, c + r.canonicalLength];
    for (let k = 1; k < r.canonicalLength; k++) c2s[c + k] = [o, o + r.sourceLength];
    o += r.sourceLength;
    c += r.canonicalLength;
  }
  while (o <= sourceLength) boundary(o++, c++);
  for (const [cc, os] of candidates) c2s[cc] = [Math.min(...os), Math.max(...os)];
  return { s2c, c2s, canonicalLength: c - 1 };
}

const runsArb = fc
  .array(fc.record({ gap: fc.integer({ min: 0, max: 3 }), sl: fc.integer({ min: 1, max: 3 }), cl: fc.integer({ min: 0, max: 3 }) }), { maxLength: 8 })
  .chain((parts) => fc.integer({ min: 0, max: 3 }).map((tail) => ({ parts, tail })))
  .map(({ parts, tail }) => {
    const runs: Run[] = [];
    let at = 0;
    for (const p of parts.filter((q) => !(q.sl === 1 && q.cl === 1))) {
      at += p.gap;
      runs.push({ sourceStart: at, sourceLength: p.sl, canonicalLength: p.cl });
      at += p.sl;
    }
    return { runs, sourceLength: at + tail };
  });

const build = (runs: Run[], sourceLength: number) => mapOf(sourceLength, runs.map((r) => [r.sourceStart, r.sourceLength, r.canonicalLength]));
const BIASES: MapBias[] = ["backward", "forward"];

describe("source map: the rules", () => {
  // "a\r\nb\u0000c": CRLF (source 1..3) -> LF, NUL (source 4) removed; canonical "a\nbc".
  const map = mapOf(6, [[1, 2, 1], [4, 1, 0]])!;

  it("keeps only the edits, as flat triples, with both lengths", () => {
    expect(map).toEqual({ sourceLength: 6, canonicalLength: 4, runs: [1, 2, 1, 4, 1, 0] });
  });

  it("is null when no run moves an offset, and null is the identity", () => {
    expect(mapOf(5, [[1, 1, 1], [3, 1, 1]])).toBeNull();
    expect(mapOf(5, [[1, 2, 2]])).toEqual({ sourceLength: 5, canonicalLength: 5, runs: [1, 2, 2] });
    expect(sourceToCanonical(null, 7)).toBe(7);
    expect(canonicalToSource(null, 7, "forward")).toBe(7);
  });

  it.each<[number, MapBias, number]>([
    [0, "backward", 0],
    [1, "backward", 1],
    [2, "backward", 1], // between CR and LF: the start of the LF
    [2, "forward", 2], // ... or its end
    [3, "forward", 2],
    [4, "backward", 3],
    [5, "backward", 3], // after the removed NUL
    [6, "forward", 4],
  ])("source %i (%s) -> canonical %i", (offset, bias, expected) => {
    expect(sourceToCanonical(map, offset, bias)).toBe(expected);
  });

  it.each<[number, MapBias, number]>([
    [1, "backward", 1],
    [2, "backward", 3],
    [3, "backward", 4], // where the NUL was removed: before it
    [3, "forward", 5], // ... or after it
    [4, "forward", 6],
  ])("canonical %i (%s) -> source %i", (offset, bias, expected) => {
    expect(canonicalToSource(map, offset, bias)).toBe(expected);
  });

  it("refuses offsets outside the text and runs out of order", () => {
    expect(() => sourceToCanonical(map, 7)).toThrow(RangeError);
    expect(() => canonicalToSource(map, -1)).toThrow(RangeError);
    expect(() => canonicalToSource(map, 1.5)).toThrow(RangeError);
    const b = new SourceMapBuilder();
    b.add(3, 2, 1);
    expect(() => b.add(4, 1, 0)).toThrow(RangeError);
    expect(() => b.add(6, 0, 1)).toThrow(RangeError);
    expect(() => b.build(4)).toThrow(RangeError);
  });
});

describe("source map: against brute force", () => {
  it("maps every offset both ways, with both biases, like a walk over every position", () => {
    fc.assert(
      fc.property(runsArb, ({ runs, sourceLength }) => {
        const map = build(runs, sourceLength);
        const expected = bruteForce(runs, sourceLength);
        expect(map?.canonicalLength ?? sourceLength).toBe(expected.canonicalLength);
        for (let o = 0; o <= sourceLength; o++) {
          BIASES.forEach((bias, k) => expect(sourceToCanonical(map, o, bias)).toBe(expected.s2c[o]![k]));
        }
        for (let c = 0; c <= expected.canonicalLength; c++) {
          BIASES.forEach((bias, k) => expect(canonicalToSource(map, c, bias)).toBe(expected.c2s[c]![k]));
          // A canonical offset that is not inside a run comes back to itself.
          if (expected.c2s[c]![0] !== expected.c2s[c]![1] || runs.length === 0) continue;
          expect(sourceToCanonical(map, canonicalToSource(map, c))).toBe(c);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("composition agrees with applying the two maps one after the other", () => {
    const pair = runsArb.chain(({ runs, sourceLength }) => {
      const middle = build(runs, sourceLength)?.canonicalLength ?? sourceLength;
      return runsArb
        .filter((b) => b.sourceLength <= middle)
        .map((b) => {
          const runsB = b.runs.filter((r) => r.sourceStart + r.sourceLength <= middle);
          return { a: build(runs, sourceLength), b: build(runsB, middle), sourceLength };
        });
    });
    fc.assert(
      fc.property(pair, ({ a, b, sourceLength }) => {
        const ab = composeMaps(a, b);
        const runs = runsOf(ab);
        const inside = (x: number) => runs.some((r) => r.sourceStart < x && x < r.sourceStart + r.sourceLength);
        for (let x = 0; x <= sourceLength; x++) {
          const back = sourceToCanonical(b, sourceToCanonical(a, x, "backward"), "backward");
          const fwd = sourceToCanonical(b, sourceToCanonical(a, x, "forward"), "forward");
          // Never narrower than the two steps; exact at every offset outside the composed runs.
          expect(sourceToCanonical(ab, x, "backward")).toBeLessThanOrEqual(back);
          expect(sourceToCanonical(ab, x, "forward")).toBeGreaterThanOrEqual(fwd);
          if (!inside(x)) {
            expect(back).toBe(fwd);
            expect(sourceToCanonical(ab, x, "backward")).toBe(back);
            expect(sourceToCanonical(ab, x, "forward")).toBe(back);
          }
        }
        runs.forEach((r, k) => k > 0 && expect(r.sourceStart).toBeGreaterThanOrEqual(runs[k - 1]!.sourceStart + runs[k - 1]!.sourceLength));
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps a removal next to a replacement apart when composing (no boundary lost)", () => {
    // X "\u0000e\u0301": the NUL removed (a), then e + U+0301 -> é (b).
    const ab = composeMaps(mapOf(3, [[0, 1, 0]]), mapOf(2, [[0, 2, 1]]));
    expect(ab).toEqual({ sourceLength: 3, canonicalLength: 1, runs: [0, 1, 0, 1, 2, 1] });
  });
});
