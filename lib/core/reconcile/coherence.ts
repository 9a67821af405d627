/**
 * Group coherence: what must hold for a whole group of claims, not only for the pairs that joined
 * it. Pairs chain: a claim dated "August 2021" matches an attack on the 5th and another on the
 * 20th, and without a group rule both attacks would land in one record through it. A merge of two
 * groups is refused when the merged group would break one of these rules (`CoherenceRule`):
 * - document: two claims of one document only under the same-document rule (score.ts);
 * - country: every known country is the same;
 * - date: every two dated members are compatible by the date rule (dates.ts). Kept as the latest
 *   start and earliest end per tolerance level (members of that tolerance or a tighter one):
 *   windows on a line that pairwise fit within a tolerance share a common point once widened by
 *   it, so these extremes decide the rule for all pairs at once;
 * - actors: when both groups name actors, they name at least one in common.
 * Each check costs O(levels) plus the smaller group's documents and actors; merging moves the
 * smaller group's into the larger's, so a whole grouping stays O(n log n) in the claims.
 */
import { DATE_TOLERANCE_DAYS } from "./dates";
import { sameDocumentAllowed } from "./score";
import type { ProjectedClaim } from "./types";

export type CoherenceRule = "document" | "country" | "date" | "actors";

/** The distinct tolerances, tightest first. */
const LEVELS = [...new Set(Object.values(DATE_TOLERANCE_DAYS))].sort((a, b) => a - b);

/** What the rules need of one group; indexes are into the claims being grouped. */
export type GroupSummary = {
  docs: Map<string, number[]>;
  country: string | null;
  actors: Set<string>;
  /** Per level: the latest start and earliest end among members of that tolerance or below. */
  maxStart: number[];
  minEnd: number[];
};

export function summarize(claims: readonly ProjectedClaim[], i: number): GroupSummary {
  const c = claims[i];
  const tolerance = c.date ? DATE_TOLERANCE_DAYS[c.date.precision] : Infinity;
  return {
    docs: new Map([[c.documentId, [i]]]),
    country: c.place?.country ?? null,
    actors: new Set(c.actors.keys),
    maxStart: LEVELS.map((t) => (c.date && tolerance <= t ? c.date.start : -Infinity)),
    minEnd: LEVELS.map((t) => (c.date && tolerance <= t ? c.date.end : Infinity)),
  };
}

/** The rule merging x and y would break, or null when the merged group is coherent. */
export function refusal(claims: readonly ProjectedClaim[], x: GroupSummary, y: GroupSummary): CoherenceRule | null {
  const [small, large] = x.docs.size <= y.docs.size ? [x, y] : [y, x];
  for (const [doc, members] of small.docs) {
    const others = large.docs.get(doc);
    if (others && !members.every((a) => others.every((b) => sameDocumentAllowed(claims[a], claims[b])))) return "document";
  }
  if (x.country && y.country && x.country !== y.country) return "country";
  for (let l = 0; l < LEVELS.length; l++) {
    if (Math.max(x.maxStart[l], y.maxStart[l]) - Math.min(x.minEnd[l], y.minEnd[l]) > LEVELS[l]) return "date";
  }
  if (x.actors.size > 0 && y.actors.size > 0) {
    const [fewer, more] = x.actors.size <= y.actors.size ? [x.actors, y.actors] : [y.actors, x.actors];
    let shared = false;
    for (const k of fewer) if (more.has(k)) { shared = true; break; }
    if (!shared) return "actors";
  }
  return null;
}

/** The merged summary; reuses (and changes) the larger of the two. */
export function mergeSummaries(x: GroupSummary, y: GroupSummary): GroupSummary {
  const [small, large] = x.docs.size + x.actors.size <= y.docs.size + y.actors.size ? [x, y] : [y, x];
  for (const [doc, members] of small.docs) {
    const others = large.docs.get(doc);
    if (others) others.push(...members);
    else large.docs.set(doc, members);
  }
  for (const k of small.actors) large.actors.add(k);
  large.country ??= small.country;
  for (let l = 0; l < LEVELS.length; l++) {
    large.maxStart[l] = Math.max(large.maxStart[l], small.maxStart[l]);
    large.minEnd[l] = Math.min(large.minEnd[l], small.minEnd[l]);
  }
  return large;
}
