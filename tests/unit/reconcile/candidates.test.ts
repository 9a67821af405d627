import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildActorIndex, compareClaims, MATCH_THRESHOLD, projectClaims, proposeCandidates,
  type ProjectedClaim, type ReconcileClaim,
} from "@/lib/core/reconcile";
import { windowsCompatible } from "@/lib/core/reconcile/dates";
import { DEFS, ISKP, KABUL, attack, day, kabulReports, qty, window } from "./fixtures";

const index = buildActorIndex([{ id: "iskp", name: "Islamic State Khorasan Province", aliases: ["IS-KP", "ISKP", "ISIS-K"] }]);
const project = (claims: ReconcileClaim[]) => projectClaims(claims, DEFS, { actors: index });
const pairKeys = (pairs: { a: string; b: string }[]) => pairs.map((p) => `${p.a}|${p.b}`).sort();

describe("proposeCandidates: the Kabul airport bombing", () => {
  it("proposes the two reports as one group, with the reasons", () => {
    const r = proposeCandidates(project(kabulReports()));
    expect(r.groups).toEqual([["a1", "b1"]]);
    expect(r.pairs).toHaveLength(1);
    const fields = r.pairs[0].reasons.map((x) => `${x.field}:${x.outcome}`);
    expect(fields).toEqual(["date:match", "place:match", "place:match", "actors:match", "figure:match"]);
    expect(r.pairs[0].score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it("does not match the aliases without the actor list (names differ), but still on date and place", () => {
    const plain = projectClaims(kabulReports(), DEFS);
    const v = compareClaims(plain[0], plain[1]);
    expect(v.compatible && v.reasons.find((x) => x.field === "actors")?.outcome).toBe("differ");
  });

  it("keeps a different attack in the same city on another day apart", () => {
    const other = attack("c1", "docC", { date: day("8 September 2021"), location: KABUL, perpetrators: [ISKP], fatalities: qty("12") });
    const r = proposeCandidates(project([...kabulReports(), other]));
    expect(r.groups).toEqual([["a1", "b1"]]);
  });

  it("accepts a report dated a day later (time zones) within the day tolerance", () => {
    const late = attack("c1", "docC", { date: day("27 August 2021"), location: KABUL, perpetrators: [{ raw: "ISKP" }] });
    const r = proposeCandidates(project([...kabulReports(), late]));
    expect(r.groups).toEqual([["a1", "b1", "c1"]]);
    expect(r.pairs.find((p) => p.b === "c1")?.reasons[0]).toMatchObject({ field: "date", outcome: "near" });
  });

  it("rejects a same-day attack in another country", () => {
    const elsewhere = attack("c1", "docC", { date: day("26 August 2021"), location: { raw: "Peshawar", country: "PAK" }, perpetrators: [ISKP] });
    const [a] = project([kabulReports()[0], elsewhere]);
    const v = compareClaims(a, project([elsewhere])[0]);
    expect(v).toMatchObject({ compatible: false, reasons: [{ field: "place" }] });
  });
});

describe("proposeCandidates: same-document rule", () => {
  const base = { date: day("26 August 2021"), location: KABUL, perpetrators: [ISKP] };

  it("never pairs two claims of one document in separate passages", () => {
    const a = attack("x1", "doc", base, { spans: [{ start: 0, end: 40 }] });
    const b = attack("x2", "doc", base, { spans: [{ start: 100, end: 140 }] });
    const r = proposeCandidates(project([a, b]));
    expect(r.pairs).toEqual([]);
  });

  it("pairs them when their spans overlap (annotators of one passage) or a curator linked them", () => {
    const a = attack("x1", "doc", base, { spans: [{ start: 0, end: 40 }] });
    const b = attack("x2", "doc", base, { spans: [{ start: 30, end: 60 }] });
    const c = attack("x3", "doc", base, { spans: [{ start: 500, end: 540 }], linkedClaimIds: ["x1"] });
    expect(proposeCandidates(project([a, b])).groups).toEqual([["x1", "x2"]]);
    expect(proposeCandidates(project([a, c])).groups).toEqual([["x1", "x3"]]);
  });

  it("refuses a merge through a third document that would join separate claims of one document", () => {
    const a = attack("x1", "doc", base, { spans: [{ start: 0, end: 40 }] });
    const b = attack("x2", "doc", base, { spans: [{ start: 100, end: 140 }] });
    const c = attack("y1", "other", base);
    const r = proposeCandidates(project([a, b, c]));
    expect(r.pairs).toHaveLength(2);
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]).toContain("y1");
    expect(r.blocked).toMatchObject([{ rule: "document" }]);
  });
});

describe("proposeCandidates: groups stay coherent", () => {
  const base = { location: KABUL, perpetrators: [ISKP], fatalities: qty("12") };

  it("a claim dated only to the month joins at most one of two attacks on different days of that month", () => {
    const claims = [
      attack("d05a", "docA", { ...base, date: day("5 August 2021") }),
      attack("d05b", "docB", { ...base, date: day("5 August 2021") }),
      attack("d20a", "docC", { ...base, date: day("20 August 2021") }),
      attack("d20b", "docD", { ...base, date: day("20 August 2021") }),
      attack("month", "docE", { ...base, date: day("August 2021") }),
    ];
    const r = proposeCandidates(project(claims));
    // The month matches all four, so pairs alone would chain both attacks into one group.
    expect(r.pairs.filter((p) => p.a === "month" || p.b === "month")).toHaveLength(4);
    const withMonth = r.groups.filter((g) => g.includes("month"));
    expect(withMonth.length).toBeLessThanOrEqual(1);
    expect(r.groups.some((g) => g.includes("d05a") && g.includes("d20a"))).toBe(false);
    expect(r.groups).toContainEqual(expect.arrayContaining(["d05a", "d05b"]));
    expect(r.groups).toContainEqual(expect.arrayContaining(["d20a", "d20b"]));
    expect(r.blocked.length).toBeGreaterThan(0);
    expect(r.blocked.every((b) => b.rule === "date")).toBe(true);
  });

  it("a year-long claim never bridges attacks months apart", () => {
    const claims = [
      attack("mar", "docA", { ...base, date: day("3 March 2021") }),
      attack("sep", "docB", { ...base, date: day("9 September 2021") }),
      attack("year", "docC", { ...base, date: day("2021") }),
    ];
    const r = proposeCandidates(project(claims));
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]).toContain("year");
    expect(r.blocked).toMatchObject([{ rule: "date" }]);
  });

  it("a claim without a country never joins claims of two countries", () => {
    const d = day("26 August 2021");
    const claims = [
      attack("afg", "docA", { date: d, location: KABUL, perpetrators: [ISKP] }),
      attack("pak", "docB", { date: d, location: { raw: "Kabul", country: "PAK", admin1: "Kabul" }, perpetrators: [ISKP] }),
      attack("none", "docC", { date: d, location: { raw: "Kabul", admin1: "Kabul" }, perpetrators: [ISKP] }),
    ];
    const r = proposeCandidates(project(claims));
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]).toContain("none");
    expect(r.blocked).toMatchObject([{ rule: "country" }]);
  });

  it("a claim naming no actor does not join groups that name different actors", () => {
    const d = day("26 August 2021");
    const claims = [
      attack("iskp1", "docA", { date: d, location: KABUL, perpetrators: [ISKP] }),
      attack("iskp2", "docB", { date: d, location: KABUL, perpetrators: [ISKP] }),
      attack("tal1", "docC", { date: d, location: KABUL, perpetrators: [{ raw: "Taliban" }] }),
      attack("tal2", "docD", { date: d, location: KABUL, perpetrators: [{ raw: "Taliban" }] }),
      attack("anon", "docE", { date: d, location: KABUL }),
    ];
    const r = proposeCandidates(project(claims), { threshold: 4 });
    expect(r.groups.some((g) => g.includes("iskp1") && g.includes("tal1"))).toBe(false);
    expect(r.blocked.some((b) => b.rule === "actors")).toBe(true);
  });
});

describe("proposeCandidates: undated claims", () => {
  const size = (id: string, doc: string, values: Record<string, unknown>): ReconcileClaim => ({ id, documentId: doc, typeKey: "size_estimate", values });
  it("matches undated claims only with a common country and actor, and never with dated ones", () => {
    const claims = [
      size("s1", "d1", { group: ISKP, estimate: qty("about 2,000 fighters"), scope: { raw: "Afghanistan", country: "AFG", admin1: "Nangarhar" } }),
      size("s2", "d2", { group: { raw: "ISIS-K" }, estimate: qty("2,200 fighters"), scope: { raw: "Nangarhar", country: "AFG", admin1: "Nangarhar" } }),
      size("s3", "d3", { group: ISKP, estimate: qty("2,000 fighters"), scope: { raw: "Nangarhar", country: "AFG", admin1: "Nangarhar" }, reference_date: day("June 2021") }),
      size("s4", "d4", { group: ISKP, estimate: qty("2,000 fighters") }),
    ];
    const r = proposeCandidates(project(claims));
    expect(r.groups).toEqual([["s1", "s2"]]);
  });
});

describe("blocking", () => {
  it("never compares claims of different types", () => {
    const claims: ReconcileClaim[] = [];
    for (let i = 0; i < 60; i++) {
      const d = `2021-08-${String(1 + (i % 20)).padStart(2, "0")}`;
      claims.push(attack(`a${i}`, `d${i % 7}`, { date: window(d, d, "day"), location: KABUL, perpetrators: [ISKP] }));
      claims.push({ id: `s${i}`, documentId: `d${i % 7}`, typeKey: "size_estimate", values: { group: ISKP, reference_date: window(d, d, "day"), scope: KABUL } });
    }
    const compared: [string, string][] = [];
    proposeCandidates(project(claims), { onCompare: (a, b) => compared.push([a.typeKey, b.typeKey]) });
    expect(compared.length).toBeGreaterThan(0);
    expect(compared.every(([x, y]) => x === y)).toBe(true);
  });

  it("compares far fewer pairs than all pairs on a spread of dates, and caps each claim's comparisons", () => {
    const claims: ReconcileClaim[] = [];
    for (let i = 0; i < 3000; i++) {
      const d = new Date(Date.UTC(2020, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
      claims.push(attack(`a${i}`, `d${i % 300}`, { date: window(d, d, "day"), location: { raw: "x", country: i % 2 ? "AFG" : "PAK" } }));
    }
    claims.push(attack("year", "dy", { date: window("2020-01-01", "2020-12-31", "year") }));
    const r = proposeCandidates(project(claims), { maxComparisonsPerClaim: 50 });
    expect(r.stats.comparisons).toBeLessThan(claims.length * 50);
    expect(r.stats.truncated).toContain("year");
  });
});

// Random projected claims over a small space, so that compatible pairs are common.
const COUNTRIES = [null, "AFG", "PAK"];
const ACTOR_KEYS = ["id:iskp", "name:taliban", "name:ttp"];
const PRECISIONS = ["day", "days", "week", "month", "year"] as const;
const arbClaim = fc.record({
  typeKey: fc.constantFrom("attack", "size_estimate"),
  doc: fc.integer({ min: 0, max: 4 }),
  dated: fc.boolean(),
  start: fc.integer({ min: 0, max: 40 }),
  length: fc.integer({ min: 0, max: 12 }),
  precision: fc.constantFrom(...PRECISIONS),
  country: fc.constantFrom(...COUNTRIES),
  admin1: fc.constantFrom(null, "kabul", "nangarhar"),
  actors: fc.subarray(ACTOR_KEYS),
  figure: fc.option(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })), { nil: null }),
  span: fc.integer({ min: 0, max: 20 }),
});
const arbClaims = fc.array(arbClaim, { maxLength: 40 }).map((xs) =>
  xs.map((x, i): ProjectedClaim => ({
    id: `c${String(i).padStart(2, "0")}`,
    documentId: `d${x.doc}`,
    typeKey: x.typeKey,
    date: x.dated ? { start: x.start, end: x.start + (x.precision === "day" ? 0 : x.length), precision: x.precision } : null,
    place: x.country || x.admin1 ? { country: x.country, admin1: x.admin1, admin2: null, raw: null } : null,
    actors: { keys: x.actors, ids: [], names: [] },
    figure: x.figure ? { low: Math.min(...x.figure), best: null, high: Math.max(...x.figure), qualifier: "range" } : null,
    spans: [{ start: x.span * 10, end: x.span * 10 + 15 }],
    linked: [],
  })),
);

/** The coherence rules (coherence.ts), asked of every pair of the merged group's members. */
function bruteRefusal(x: ProjectedClaim[], y: ProjectedClaim[]): string | null {
  const spansMeet = (a: ProjectedClaim, b: ProjectedClaim) => a.spans.some((s) => b.spans.some((t) => s.start < t.end && t.start < s.end));
  const merged = [...x, ...y];
  const everyPair = (ok: (a: ProjectedClaim, b: ProjectedClaim) => boolean) => merged.every((a, i) => merged.every((b, j) => j <= i || ok(a, b)));
  if (!everyPair((a, b) => a.documentId !== b.documentId || a.linked.includes(b.id) || b.linked.includes(a.id) || spansMeet(a, b))) return "document";
  if (!everyPair((a, b) => !a.place?.country || !b.place?.country || a.place.country === b.place.country)) return "country";
  if (!everyPair((a, b) => !a.date || !b.date || windowsCompatible(a.date, b.date))) return "date";
  const ax = new Set(x.flatMap((c) => c.actors.keys));
  const ay = y.flatMap((c) => c.actors.keys);
  if (ax.size > 0 && ay.length > 0 && !ay.some((k) => ax.has(k))) return "actors";
  return null;
}

describe("blocking finds what asking every pair finds", () => {
  it("the same accepted pairs as brute force, at several thresholds", () => {
    fc.assert(
      fc.property(arbClaims, fc.integer({ min: 1, max: 8 }), (claims, threshold) => {
        const brute: string[] = [];
        for (let i = 0; i < claims.length; i++) {
          for (let j = i + 1; j < claims.length; j++) {
            const v = compareClaims(claims[i], claims[j]);
            if (v.compatible && v.score >= threshold) brute.push(`${claims[i].id}|${claims[j].id}`);
          }
        }
        const r = proposeCandidates(claims, { threshold });
        expect(pairKeys(r.pairs)).toEqual(brute.sort());
        expect(r.stats.truncated).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("the same groups and refusals as merging brute-force pairs best first under the coherence rules, checked on every pair of members", () => {
    fc.assert(
      fc.property(arbClaims, fc.integer({ min: 1, max: 8 }), (claims, threshold) => {
        const accepted: { a: ProjectedClaim; b: ProjectedClaim; score: number }[] = [];
        for (let i = 0; i < claims.length; i++) {
          for (let j = i + 1; j < claims.length; j++) {
            const v = compareClaims(claims[i], claims[j]);
            if (v.compatible && v.score >= threshold) accepted.push({ a: claims[i], b: claims[j], score: v.score });
          }
        }
        accepted.sort((x, y) => y.score - x.score || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : x.b.id < y.b.id ? -1 : 1));
        const groupOf = new Map(claims.map((c) => [c.id, [c]]));
        const blocked: string[] = [];
        for (const { a, b } of accepted) {
          const ga = groupOf.get(a.id)!;
          const gb = groupOf.get(b.id)!;
          if (ga === gb) continue;
          const rule = bruteRefusal(ga, gb);
          if (rule) {
            blocked.push(`${a.id}|${b.id}|${rule}`);
            continue;
          }
          const merged = [...ga, ...gb];
          for (const c of merged) groupOf.set(c.id, merged);
        }
        const groups = [...new Set(groupOf.values())].filter((g) => g.length > 1).map((g) => g.map((c) => c.id).sort());
        groups.sort((x, y) => (x[0] < y[0] ? -1 : 1));
        const r = proposeCandidates(claims, { threshold });
        expect(r.groups).toEqual(groups);
        expect(r.blocked.map((p) => `${p.a}|${p.b}|${p.rule}`)).toEqual(blocked);
      }),
      { numRuns: 300 },
    );
  });

  it("groups are disjoint, joined by accepted pairs, and keep separate claims of one document apart", () => {
    fc.assert(
      fc.property(arbClaims, (claims) => {
        const r = proposeCandidates(claims, { threshold: 2 });
        const all = r.groups.flat();
        expect(new Set(all).size).toBe(all.length);
        const byId = new Map(claims.map((c) => [c.id, c]));
        const accepted = new Set(pairKeys(r.pairs));
        for (const g of r.groups) {
          expect(g.length).toBeGreaterThan(1);
          // connected through accepted pairs
          const reached = new Set([g[0]]);
          for (let grew = true; grew; ) {
            grew = false;
            for (const x of g) for (const y of g) {
              if (reached.has(x) && !reached.has(y) && (accepted.has(`${x}|${y}`) || accepted.has(`${y}|${x}`))) {
                reached.add(y);
                grew = true;
              }
            }
          }
          expect(reached.size).toBe(g.length);
          for (const x of g) for (const y of g) {
            const a = byId.get(x)!;
            const b = byId.get(y)!;
            if (x < y && a.documentId === b.documentId) {
              expect(a.spans.some((s) => b.spans.some((t) => s.start < t.end && t.start < s.end))).toBe(true);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
