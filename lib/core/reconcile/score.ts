/**
 * The pair rule: whether two projected claims may describe the same real-world thing, and how
 * strongly. Candidate proposal (candidates.ts) only decides which pairs to ask about; this is
 * the one place that answers, so blocking can be checked against asking every pair.
 *
 * Hard rules (a pair failing one is never proposed):
 * - same claim type;
 * - both dated with compatible windows (dates.ts), or both undated; an undated claim is matched
 *   only to undated claims, and then only with a known, equal country and a shared actor;
 * - countries equal when both are known;
 * - same-document rule: two claims of one document are the same thing only if their spans
 *   overlap (annotators tagging one passage) or a curator linked them. A report that lists two
 *   attacks on one day in one province describes two attacks, however alike they look.
 * Everything else adds or removes points (POINTS); a pair is proposed at MATCH_THRESHOLD.
 */
import { windowGap, windowsCompatible } from "./dates";
import { figuresOverlap } from "./figures";
import type { ProjectedClaim } from "./types";

/**
 * Points per finding. Tuned so that a same-day report in the same country needs one more
 * agreement (province, or an actor) to be proposed: two unrelated attacks on one day in one
 * country are common, the same day, province and group rarely so.
 */
export const POINTS = {
  sameDay: 3,
  /** Overlapping windows both at most NARROW_DAYS long. */
  narrowOverlap: 2,
  wideOverlap: 1,
  /** Apart, but within the precision tolerance. */
  nearDate: 1,
  sameCountry: 1,
  sameAdmin1: 2,
  sameAdmin2: 1,
  samePlaceName: 1,
  admin1Differs: -2,
  sharedActor: 3,
  actorsDiffer: -2,
  figuresOverlap: 1,
  figuresDiffer: -1,
} as const;
export const MATCH_THRESHOLD = 5;
/** A window of at most a week counts as narrow. */
const NARROW_DAYS = 7;

export type ReasonField = "type" | "date" | "place" | "actors" | "figure" | "document";
export type Reason = { field: ReasonField; outcome: "match" | "near" | "differ"; points: number; detail: string };
export type PairVerdict = { compatible: false; reasons: Reason[] } | { compatible: true; score: number; reasons: Reason[] };

const reject = (field: ReasonField, detail: string): PairVerdict => ({
  compatible: false, reasons: [{ field, outcome: "differ", points: 0, detail }],
});

/** True when two spans of the two claims overlap (or touch the same code point). */
function spansOverlap(a: ProjectedClaim, b: ProjectedClaim): boolean {
  return a.spans.some((x) => b.spans.some((y) => x.start < y.end && y.start < x.end));
}

/** May two claims of one document be merged? (the same-document rule above) */
export function sameDocumentAllowed(a: ProjectedClaim, b: ProjectedClaim): boolean {
  return a.linked.includes(b.id) || b.linked.includes(a.id) || spansOverlap(a, b);
}

function sharedKey(a: readonly string[], b: readonly string[]): string | null {
  for (const k of a) if (b.includes(k)) return k;
  return null;
}

export function compareClaims(a: ProjectedClaim, b: ProjectedClaim): PairVerdict {
  if (a.typeKey !== b.typeKey) return reject("type", `different claim types (${a.typeKey}, ${b.typeKey})`);
  if (a.documentId === b.documentId && !sameDocumentAllowed(a, b)) {
    return reject("document", "same document, separate passages and not linked");
  }
  if ((a.date === null) !== (b.date === null)) return reject("date", "one claim has a date, the other none");
  const ca = a.place?.country ?? null;
  const cb = b.place?.country ?? null;
  if (ca && cb && ca !== cb) return reject("place", `different countries (${ca}, ${cb})`);
  const actor = sharedKey(a.actors.keys, b.actors.keys);
  if (a.date === null && (!ca || ca !== cb || actor === null)) {
    return reject("date", "undated claims match only with a known common country and a shared actor");
  }
  const reasons: Reason[] = [];
  const add = (field: ReasonField, outcome: Reason["outcome"], points: number, detail: string) =>
    reasons.push({ field, outcome, points, detail });

  if (a.date && b.date) {
    if (!windowsCompatible(a.date, b.date)) return reject("date", "date windows too far apart");
    const gap = windowGap(a.date, b.date);
    const narrow = a.date.end - a.date.start < NARROW_DAYS && b.date.end - b.date.start < NARROW_DAYS;
    if (gap > 0) add("date", "near", POINTS.nearDate, `${gap} day(s) apart, within the precision tolerance`);
    else if (a.date.start === a.date.end && b.date.start === b.date.end) add("date", "match", POINTS.sameDay, "same day");
    else if (narrow) add("date", "match", POINTS.narrowOverlap, "narrow windows overlap");
    else add("date", "match", POINTS.wideOverlap, "wide windows overlap");
  }
  if (ca && ca === cb) add("place", "match", POINTS.sameCountry, `same country (${ca})`);
  const pa = a.place;
  const pb = b.place;
  if (pa?.admin1 && pb?.admin1) {
    if (pa.admin1 === pb.admin1) add("place", "match", POINTS.sameAdmin1, `same province (${pa.admin1})`);
    else add("place", "differ", POINTS.admin1Differs, `different provinces (${pa.admin1}, ${pb.admin1})`);
  }
  if (pa?.admin2 && pa.admin2 === pb?.admin2) add("place", "match", POINTS.sameAdmin2, `same district (${pa.admin2})`);
  if (pa?.raw && pa.raw === pb?.raw) add("place", "match", POINTS.samePlaceName, `same place name (${pa.raw})`);
  if (actor !== null) add("actors", "match", POINTS.sharedActor, `shared actor (${actor})`);
  else if (a.actors.keys.length > 0 && b.actors.keys.length > 0) add("actors", "differ", POINTS.actorsDiffer, "no actor in common");
  if (a.figure && b.figure) {
    if (figuresOverlap(a.figure, b.figure)) add("figure", "match", POINTS.figuresOverlap, "figures' ranges overlap");
    else add("figure", "differ", POINTS.figuresDiffer, "figures' ranges do not overlap");
  }
  return { compatible: true, score: reasons.reduce((s, r) => s + r.points, 0), reasons };
}

/** The verdict when it proposes the pair (compatible and at the threshold), else null. */
export function acceptPair(a: ProjectedClaim, b: ProjectedClaim, threshold = MATCH_THRESHOLD) {
  const v = compareClaims(a, b);
  return v.compatible && v.score >= threshold ? v : null;
}
