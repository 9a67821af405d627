/**
 * One-to-one matching of two annotators' claims on one document.
 *
 * - Exact: same claim type and the same covered code points (after normalization, so [0,5)+[5,9)
 *   equals [0,9)). Claims with equal keys are paired in document order.
 * - Overlap: same claim type and at least one code point in common. Candidate pairs come from a
 *   sweep over the claims sorted by their first code point, so only claims whose extents overlap
 *   are ever compared (n log n plus the number of overlapping pairs). Each candidate's real
 *   overlap is then measured on the span sets (a multi-span claim may straddle another without
 *   touching it).
 * Choice of matching: greedy by weight, which keeps the strongest alignments and is stable:
 * candidates sorted by overlap size descending, then by union size ascending (of two equal
 * overlaps, the tighter fit wins, so an identical claim beats one that merely contains it), then
 * by document order of the A claim, then of the B claim (start, end, claim id). Each claim is
 * matched at most once. Greedy need not find the largest number of pairs in contrived chains,
 * but it never pairs a claim with a weaker partner while a stronger free one exists.
 * Pure; never throws.
 */
import { coveredSize, extent, normalizeSpans, overlapSize, spanKey } from "./span-sets";
import type { AgreementClaim, ClaimPair, Span } from "./types";

type Prepared = { claim: AgreementClaim; spans: Span[]; size: number; start: number; end: number; order: number };

export type Matching = { pairs: ClaimPair[]; onlyA: AgreementClaim[]; onlyB: AgreementClaim[] };
export type MatchMode = "exact" | "overlap";

function compareClaims(x: Prepared, y: Prepared): number {
  return x.start - y.start || x.end - y.end || (x.claim.claimId < y.claim.claimId ? -1 : x.claim.claimId > y.claim.claimId ? 1 : 0);
}

function prepare(claims: readonly AgreementClaim[]): Prepared[] {
  const out = claims.map((claim) => {
    const spans = normalizeSpans(claim.spans);
    const ext = extent(spans);
    return { claim, spans, size: coveredSize(spans), start: ext?.start ?? Infinity, end: ext?.end ?? Infinity, order: 0 };
  });
  out.sort(compareClaims);
  out.forEach((p, i) => (p.order = i));
  return out;
}

function result(a: Prepared[], b: Prepared[], pairs: [Prepared, Prepared, number][]): Matching {
  const usedA = new Set(pairs.map(([x]) => x.order));
  const usedB = new Set(pairs.map(([, y]) => y.order));
  pairs.sort(([x1], [x2]) => x1.order - x2.order);
  return {
    pairs: pairs.map(([x, y, overlap]) => ({ a: x.claim, b: y.claim, overlap })),
    onlyA: a.filter((p) => !usedA.has(p.order)).map((p) => p.claim),
    onlyB: b.filter((p) => !usedB.has(p.order)).map((p) => p.claim),
  };
}

function matchExact(a: Prepared[], b: Prepared[]): Matching {
  const byKey = new Map<string, Prepared[]>();
  for (const y of b) {
    if (y.size === 0) continue; // a claim without evidence matches nothing
    const key = `${y.claim.typeKey}\n${spanKey(y.spans)}`;
    const list = byKey.get(key);
    if (list) list.push(y);
    else byKey.set(key, [y]);
  }
  const pairs: [Prepared, Prepared, number][] = [];
  for (const x of a) {
    if (x.size === 0) continue;
    const y = byKey.get(`${x.claim.typeKey}\n${spanKey(x.spans)}`)?.shift();
    if (y) pairs.push([x, y, x.size]);
  }
  return result(a, b, pairs);
}

/** Pairs (A, B) whose extents overlap, found by one sweep over both lists sorted by start. */
function overlappingExtents(a: Prepared[], b: Prepared[]): [Prepared, Prepared][] {
  const out: [Prepared, Prepared][] = [];
  let activeA: Prepared[] = [];
  let activeB: Prepared[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const fromA = j >= b.length || (i < a.length && a[i].start <= b[j].start);
    const item = fromA ? a[i++] : b[j++];
    if (item.size === 0) continue;
    if (fromA) {
      activeB = activeB.filter((y) => y.end > item.start);
      for (const y of activeB) out.push([item, y]);
      activeA.push(item);
    } else {
      activeA = activeA.filter((x) => x.end > item.start);
      for (const x of activeA) out.push([x, item]);
      activeB.push(item);
    }
  }
  return out;
}

function matchOverlap(a: Prepared[], b: Prepared[]): Matching {
  const candidates: [Prepared, Prepared, number, number][] = [];
  for (const [x, y] of overlappingExtents(a, b)) {
    if (x.claim.typeKey !== y.claim.typeKey) continue;
    const overlap = overlapSize(x.spans, y.spans);
    if (overlap > 0) candidates.push([x, y, overlap, x.size + y.size - overlap]);
  }
  candidates.sort((p, q) => q[2] - p[2] || p[3] - q[3] || p[0].order - q[0].order || p[1].order - q[1].order);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: [Prepared, Prepared, number][] = [];
  for (const [x, y, overlap] of candidates) {
    if (usedA.has(x.order) || usedB.has(y.order)) continue;
    usedA.add(x.order);
    usedB.add(y.order);
    pairs.push([x, y, overlap]);
  }
  return result(a, b, pairs);
}

/** Matches A's claims (the reference) to B's; see the module comment for the rules. */
export function matchClaims(a: readonly AgreementClaim[], b: readonly AgreementClaim[], mode: MatchMode): Matching {
  const pa = prepare(a);
  const pb = prepare(b);
  return mode === "exact" ? matchExact(pa, pb) : matchOverlap(pa, pb);
}
