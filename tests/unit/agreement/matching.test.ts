import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { matchClaims, normalizeSpans, overlapSize, type AgreementClaim } from "@/lib/core/agreement";
import { claim } from "./claims";

const ids = (list: AgreementClaim[]) => list.map((c) => c.claimId);
const pairIds = (m: ReturnType<typeof matchClaims>) => m.pairs.map((p) => [p.a.claimId, p.b.claimId]);

describe("matchClaims, exact", () => {
  it("matches the same type and the same span set, whatever the order and split of spans", () => {
    const a = claim("A", "attack", [[10, 15], [0, 5]]);
    const b = claim("B", "attack", [[0, 3], [3, 5], [10, 15]]);
    const m = matchClaims([a], [b], "exact");
    expect(pairIds(m)).toEqual([[a.claimId, b.claimId]]);
    expect(m.pairs[0].overlap).toBe(10);
  });
  it("does not match a different type, a nested span or an overlapping one", () => {
    const a = [claim("A", "attack", [[0, 10]]), claim("A", "attack", [[20, 30]]), claim("A", "attack", [[40, 50]])];
    const b = [claim("B", "leader_change", [[0, 10]]), claim("B", "attack", [[22, 28]]), claim("B", "attack", [[45, 55]])];
    const m = matchClaims(a, b, "exact");
    expect(m.pairs).toEqual([]);
    expect(ids(m.onlyA)).toEqual(ids(a));
    expect(ids(m.onlyB)).toEqual(ids(b));
  });
  it("pairs duplicates one to one, in document order", () => {
    const a = [claim("A", "attack", [[0, 10]]), claim("A", "attack", [[0, 10]])];
    const b = [claim("B", "attack", [[0, 10]])];
    const m = matchClaims(a, b, "exact");
    expect(pairIds(m)).toEqual([[a[0].claimId, b[0].claimId]]);
    expect(ids(m.onlyA)).toEqual([a[1].claimId]);
  });
  it("never matches claims without evidence", () => {
    const m = matchClaims([claim("A", "attack", [])], [claim("B", "attack", [])], "exact");
    expect(m.pairs).toEqual([]);
    expect(m.onlyA).toHaveLength(1);
    expect(m.onlyB).toHaveLength(1);
  });
});

describe("matchClaims, overlap", () => {
  it("matches nested and partly overlapping spans of the same type, not touching ones", () => {
    const a = [claim("A", "attack", [[0, 20]]), claim("A", "attack", [[30, 40]]), claim("A", "attack", [[50, 60]])];
    const b = [claim("B", "attack", [[5, 10]]), claim("B", "attack", [[39, 45]]), claim("B", "attack", [[60, 70]])];
    const m = matchClaims(a, b, "overlap");
    expect(pairIds(m)).toEqual([[a[0].claimId, b[0].claimId], [a[1].claimId, b[1].claimId]]);
    expect(m.pairs.map((p) => p.overlap)).toEqual([5, 1]);
    expect(ids(m.onlyA)).toEqual([a[2].claimId]);
    expect(ids(m.onlyB)).toEqual([b[2].claimId]);
  });
  it("measures multi-span claims on their spans, not their extent", () => {
    const a = claim("A", "attack", [[0, 5], [20, 25]]);
    expect(matchClaims([a], [claim("B", "attack", [[8, 15]])], "overlap").pairs).toEqual([]);
    const m = matchClaims([a], [claim("B", "attack", [[22, 30]])], "overlap");
    expect(m.pairs[0].overlap).toBe(3);
  });
  it("does not match across claim types", () => {
    expect(matchClaims([claim("A", "attack", [[0, 10]])], [claim("B", "size_estimate", [[0, 10]])], "overlap").pairs).toEqual([]);
  });
  it("lets one long claim match only one of the claims it covers", () => {
    const a = claim("A", "attack", [[0, 100]]);
    const b = [claim("B", "attack", [[20, 30]]), claim("B", "attack", [[0, 10]])];
    const m = matchClaims([a], b, "overlap");
    // Equal overlaps and unions: the earlier B claim in the text wins.
    expect(pairIds(m)).toEqual([[a.claimId, b[1].claimId]]);
    expect(ids(m.onlyB)).toEqual([b[0].claimId]);
  });
  it("prefers the larger overlap, then the tighter fit", () => {
    const a = claim("A", "attack", [[0, 10]]);
    const wide = claim("B", "attack", [[0, 30]]);
    const same = claim("B", "attack", [[0, 10]]);
    const partial = claim("B", "attack", [[5, 12]]);
    expect(pairIds(matchClaims([a], [wide, partial, same], "overlap"))).toEqual([[a.claimId, same.claimId]]);
    expect(pairIds(matchClaims([a], [wide, partial], "overlap"))).toEqual([[a.claimId, wide.claimId]]);
  });
  it("keeps nested pairs together instead of crossing them", () => {
    const a = [claim("A", "attack", [[0, 10]]), claim("A", "attack", [[0, 20]])];
    const b = [claim("B", "attack", [[0, 10]]), claim("B", "attack", [[0, 20]])];
    const m = matchClaims(a, b, "overlap");
    expect(pairIds(m).sort()).toEqual([[a[0].claimId, b[0].claimId], [a[1].claimId, b[1].claimId]].sort());
  });
  it("handles empty sides", () => {
    expect(matchClaims([], [], "overlap")).toEqual({ pairs: [], onlyA: [], onlyB: [] });
    const b = [claim("B", "attack", [[0, 1]])];
    expect(matchClaims([], b, "overlap")).toEqual({ pairs: [], onlyA: [], onlyB: b });
  });
});

// Random claims on a short text, so overlaps, ties and duplicates are common.
const arbClaims = (annotator: string) =>
  fc.array(
    fc.record({
      type: fc.constantFrom("attack", "leader_change"),
      spans: fc.array(fc.tuple(fc.nat(30), fc.integer({ min: 1, max: 8 })), { minLength: 1, maxLength: 3 }),
    }),
    { maxLength: 8 },
  ).map((list) => list.map((c) => claim(annotator, c.type, c.spans.map(([s, len]) => [s, s + len]))));

/** Greedy over every pair, with the documented order: what the sweep must reproduce. */
function naiveGreedy(a: AgreementClaim[], b: AgreementClaim[]): [string, string][] {
  const key = (c: AgreementClaim) => {
    const n = normalizeSpans(c.spans);
    return [n[0].start, n[n.length - 1].end, c.claimId] as const;
  };
  const cmp = (x: AgreementClaim, y: AgreementClaim) => {
    const [s1, e1, i1] = key(x);
    const [s2, e2, i2] = key(y);
    return s1 - s2 || e1 - e2 || (i1 < i2 ? -1 : i1 > i2 ? 1 : 0);
  };
  const sa = [...a].sort(cmp);
  const sb = [...b].sort(cmp);
  const size = (c: AgreementClaim) => normalizeSpans(c.spans).reduce((n, s) => n + s.end - s.start, 0);
  const cands: [number, number, number, number][] = [];
  sa.forEach((x, i) => sb.forEach((y, j) => {
    const o = overlapSize(normalizeSpans(x.spans), normalizeSpans(y.spans));
    if (x.typeKey === y.typeKey && o > 0) cands.push([i, j, o, size(x) + size(y) - o]);
  }));
  cands.sort((p, q) => q[2] - p[2] || p[3] - q[3] || p[0] - q[0] || p[1] - q[1]);
  const ua = new Set<number>();
  const ub = new Set<number>();
  const out: [string, string][] = [];
  for (const [i, j] of cands) {
    if (ua.has(i) || ub.has(j)) continue;
    ua.add(i);
    ub.add(j);
    out.push([sa[i].claimId, sb[j].claimId]);
  }
  return out.sort();
}

describe("matchClaims, properties", () => {
  it("is one to one and accounts for every claim", () => {
    fc.assert(fc.property(arbClaims("A"), arbClaims("B"), fc.constantFrom("exact" as const, "overlap" as const), (a, b, mode) => {
      const m = matchClaims(a, b, mode);
      const usedA = m.pairs.map((p) => p.a.claimId);
      const usedB = m.pairs.map((p) => p.b.claimId);
      expect(new Set(usedA).size).toBe(usedA.length);
      expect(new Set(usedB).size).toBe(usedB.length);
      expect([...usedA, ...ids(m.onlyA)].sort()).toEqual(ids(a).sort());
      expect([...usedB, ...ids(m.onlyB)].sort()).toEqual(ids(b).sort());
      for (const p of m.pairs) {
        expect(p.a.typeKey).toBe(p.b.typeKey);
        expect(p.overlap).toBe(overlapSize(normalizeSpans(p.a.spans), normalizeSpans(p.b.spans)));
        expect(p.overlap).toBeGreaterThan(0);
      }
    }));
  });
  it("finds the same pairs as greedy over all pairs (the sweep misses no candidate)", () => {
    fc.assert(fc.property(arbClaims("A"), arbClaims("B"), (a, b) => {
      expect(pairIds(matchClaims(a, b, "overlap")).sort()).toEqual(naiveGreedy(a, b));
    }));
  });
  it("matches at least as many claims by overlap as exactly; exact matching does not depend on who is A", () => {
    fc.assert(fc.property(arbClaims("A"), arbClaims("B"), (a, b) => {
      const exact = matchClaims(a, b, "exact").pairs.length;
      const overlap = matchClaims(a, b, "overlap").pairs.length;
      expect(overlap).toBeGreaterThanOrEqual(exact);
      expect(matchClaims(b, a, "exact").pairs.length).toBe(exact);
    }));
  });
  it("matches every claim of a copy of itself exactly", () => {
    fc.assert(fc.property(arbClaims("A"), (a) => {
      const copy = a.map((c) => ({ ...c, claimId: `copy-${c.claimId}`, annotatorId: "B" }));
      expect(matchClaims(a, copy, "exact").pairs).toHaveLength(a.length);
      expect(matchClaims(a, copy, "overlap").pairs).toHaveLength(a.length);
    }));
  });
});
