/**
 * Candidate proposal: which projected claims describe the same real-world thing, as scored
 * pairs and as groups, without comparing all pairs (claims.md "Reconciliation into records").
 *
 * Blocking. Claims are bucketed by type, then by country (claims with no country form their own
 * bucket, compatible with every country). Within a bucket, dated claims are sorted by window
 * start and swept: a claim is compared with the following claims whose start is no later than
 * its end plus the largest date tolerance (nothing after can be compatible). A country bucket
 * and the no-country bucket are swept against each other the same way, with binary search.
 * Undated claims go to buckets by type x country x actor (score.ts: they need both).
 * Each claim starts at most MAX_COMPARISONS_PER_CLAIM comparisons, nearest starts first, so one
 * year-long window cannot make the sweep quadratic; claims that hit the cap are listed in
 * `stats.truncated` so a curator knows their candidates may be incomplete.
 * Every pair found is judged by score.ts alone, so on inputs below the cap the proposals equal
 * asking every pair (tested).
 *
 * Grouping. Accepted pairs are applied best score first through union-find. A merge that would
 * leave the group incoherent (coherence.ts: two claims of one document against the same-document
 * rule, two countries, two incompatible dates, no actor in common) is refused and reported in
 * `blocked`, so the rules hold for groups, not only for pairs: a claim dated only to a month
 * joins the best-scoring event of that month and never bridges two events on different days.
 */
import { mergeSummaries, refusal, summarize, type CoherenceRule, type GroupSummary } from "./coherence";
import { MAX_DATE_TOLERANCE } from "./dates";
import { acceptPair, type Reason } from "./score";
import type { ProjectedClaim } from "./types";
import { UnionFind } from "./union-find";

/** Enough for every plausible same-event neighbour of a day- or week-precise claim. */
export const MAX_COMPARISONS_PER_CLAIM = 200;

export type CandidatePair = { a: string; b: string; score: number; reasons: Reason[] };
/** An accepted pair whose groups stayed apart, with the rule a merge would have broken. */
export type BlockedPair = CandidatePair & { rule: CoherenceRule };
export type CandidateResult = {
  pairs: CandidatePair[];
  /** Claim ids per group of two or more, each sorted; groups are disjoint. */
  groups: string[][];
  /** Accepted pairs not merged because the merged group would break a coherence rule (coherence.ts). */
  blocked: BlockedPair[];
  stats: { comparisons: number; truncated: string[] };
};

export type ProposeOptions = {
  threshold?: number;
  maxComparisonsPerClaim?: number;
  /** Called for every pair compared (for checking the blocking). */
  onCompare?: (a: ProjectedClaim, b: ProjectedClaim) => void;
};

type Ix = number;

function bucketBy(items: Ix[], key: (i: Ix) => string): Map<string, Ix[]> {
  const m = new Map<string, Ix[]>();
  for (const i of items) {
    const k = key(i);
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  }
  return m;
}

export function proposeCandidates(claims: readonly ProjectedClaim[], options: ProposeOptions = {}): CandidateResult {
  const cap = options.maxComparisonsPerClaim ?? MAX_COMPARISONS_PER_CLAIM;
  const started = new Int32Array(claims.length);
  const truncated = new Set<Ix>();
  const seen = new Set<string>();
  const pairs: { i: Ix; j: Ix; pair: CandidatePair }[] = [];
  let comparisons = 0;
  // Each claim's place in id order: a pair is always judged and listed as (smaller id, larger id).
  const rank = new Int32Array(claims.length);
  claims.map((c, i) => ({ id: c.id, i })).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).forEach((c, r) => (rank[c.i] = r));

  /** Compares i with j unless i has used its budget; false when the budget is spent. */
  const compare = (i: Ix, j: Ix): boolean => {
    if (started[i] >= cap) {
      truncated.add(i);
      return false;
    }
    started[i]++;
    comparisons++;
    const x = rank[i] < rank[j] ? i : j;
    const y = x === i ? j : i;
    options.onCompare?.(claims[x], claims[y]);
    const v = acceptPair(claims[x], claims[y], options.threshold);
    if (v) pairs.push({ i: x, j: y, pair: { a: claims[x].id, b: claims[y].id, score: v.score, reasons: v.reasons } });
    return true;
  };
  // Window starts and reaches (end plus the largest tolerance) as arrays: the sweeps read them millions of times.
  const starts = new Float64Array(claims.length);
  const reaches = new Float64Array(claims.length);
  claims.forEach((c, i) => {
    if (c.date) {
      starts[i] = c.date.start;
      reaches[i] = c.date.end + MAX_DATE_TOLERANCE;
    }
  });
  const startOf = (i: Ix) => starts[i];

  /** Every compatible pair within one list sorted by start. */
  const sweep = (list: Ix[]) => {
    for (let p = 0; p < list.length; p++) {
      const i = list[p];
      const reach = reaches[i];
      for (let q = p + 1; q < list.length && starts[list[q]] <= reach; q++) if (!compare(i, list[q])) break;
    }
  };
  /** Pairs across two sorted lists: each pair found from the claim whose start is earlier (ties from `from`). */
  const cross = (from: Ix[], to: Ix[], strict: boolean) => {
    for (const i of from) {
      let lo = 0;
      let hi = to.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const s = startOf(to[mid]);
        if (s < startOf(i) || (strict && s === startOf(i))) lo = mid + 1;
        else hi = mid;
      }
      for (let q = lo; q < to.length && starts[to[q]] <= reaches[i]; q++) if (!compare(i, to[q])) break;
    }
  };

  const all = claims.map((_, i) => i);
  for (const ofType of bucketBy(all, (i) => claims[i].typeKey).values()) {
    const dated = ofType.filter((i) => claims[i].date !== null).sort((x, y) => startOf(x) - startOf(y) || claims[x].date!.end - claims[y].date!.end);
    const byCountry = bucketBy(dated, (i) => claims[i].place?.country ?? "");
    const noCountry = byCountry.get("") ?? [];
    for (const [country, list] of byCountry) {
      sweep(list);
      if (country !== "" && noCountry.length > 0) {
        cross(list, noCountry, false);
        cross(noCountry, list, true);
      }
    }
    // Undated: one bucket per country and actor; a pair sharing several actors is compared once.
    const undated = ofType.filter((i) => claims[i].date === null && claims[i].place?.country && claims[i].actors.keys.length > 0);
    const buckets = new Map<string, Ix[]>();
    for (const i of undated) {
      for (const k of claims[i].actors.keys) {
        const key = `${claims[i].place!.country}\u0000${k}`;
        const list = buckets.get(key);
        if (list) list.push(i);
        else buckets.set(key, [i]);
      }
    }
    for (const list of buckets.values()) {
      for (let p = 0; p < list.length; p++) {
        for (let q = p + 1; q < list.length; q++) {
          const key = list[p] < list[q] ? `${list[p]},${list[q]}` : `${list[q]},${list[p]}`;
          if (seen.has(key)) continue;
          seen.add(key);
          if (!compare(list[p], list[q])) break;
        }
      }
    }
  }
  return { ...group(claims, pairs), stats: { comparisons, truncated: [...truncated].map((i) => claims[i].id).sort() } };
}

function group(claims: readonly ProjectedClaim[], found: { i: Ix; j: Ix; pair: CandidatePair }[]) {
  found.sort((x, y) => y.pair.score - x.pair.score || (x.pair.a < y.pair.a ? -1 : x.pair.a > y.pair.a ? 1 : x.pair.b < y.pair.b ? -1 : 1));
  const uf = new UnionFind(claims.length);
  // Per root: what the coherence rules need, made when a claim first meets a pair.
  const summaries = new Map<Ix, GroupSummary>();
  const summaryOf = (root: Ix) => {
    let s = summaries.get(root);
    if (!s) summaries.set(root, (s = summarize(claims, root)));
    return s;
  };
  const blocked: BlockedPair[] = [];
  for (const { i, j, pair } of found) {
    const ri = uf.find(i);
    const rj = uf.find(j);
    if (ri === rj) continue;
    const si = summaryOf(ri);
    const sj = summaryOf(rj);
    const rule = refusal(claims, si, sj);
    if (rule !== null) {
      blocked.push({ ...pair, rule });
      continue;
    }
    summaries.delete(ri);
    summaries.delete(rj);
    summaries.set(uf.union(i, j), mergeSummaries(si, sj));
  }
  const groups = uf.groups().map((g) => g.map((i) => claims[i].id).sort());
  groups.sort((x, y) => (x[0] < y[0] ? -1 : 1));
  return { pairs: found.map((f) => f.pair), groups, blocked };
}
