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

/**
 * The pair rule itself: the score, or null when a hard rule fails. Reasons are written only when
 * `reasons` is given: candidate proposal asks millions of pairs and needs the wording only for
 * the few it proposes (no closures here either, so a hot loop allocates nothing it drops).
 */
function judge(a: ProjectedClaim, b: ProjectedClaim, reasons: Reason[] | null): number | null {
  if (a.typeKey !== b.typeKey) {
    reasons?.push(reason("type", "differ", 0, `different claim types (${a.typeKey}, ${b.typeKey})`));
    return null;
  }
  if (a.documentId === b.documentId && !sameDocumentAllowed(a, b)) {
    reasons?.push(reason("document", "differ", 0, "same document, separate passages and not linked"));
    return null;
  }
  if ((a.date === null) !== (b.date === null)) {
    reasons?.push(reason("date", "differ", 0, "one claim has a date, the other none"));
    return null;
  }
  const ca = a.place?.country ?? null;
  const cb = b.place?.country ?? null;
  if (ca && cb && ca !== cb) {
    reasons?.push(reason("place", "differ", 0, `different countries (${ca}, ${cb})`));
    return null;
  }
  const actor = sharedKey(a.actors.keys, b.actors.keys);
  if (a.date === null && (!ca || ca !== cb || actor === null)) {
    reasons?.push(reason("date", "differ", 0, "undated claims match only with a known common country and a shared actor"));
    return null;
  }
  let score = 0;
  if (a.date && b.date) {
    if (!windowsCompatible(a.date, b.date)) {
      reasons?.push(reason("date", "differ", 0, "date windows too far apart"));
      return null;
    }
    const gap = windowGap(a.date, b.date);
    const narrow = a.date.end - a.date.start < NARROW_DAYS && b.date.end - b.date.start < NARROW_DAYS;
    if (gap > 0) {
      score += POINTS.nearDate;
      reasons?.push(reason("date", "near", POINTS.nearDate, `${gap} day(s) apart, within the precision tolerance`));
    } else if (a.date.start === a.date.end && b.date.start === b.date.end) {
      score += POINTS.sameDay;
      reasons?.push(reason("date", "match", POINTS.sameDay, "same day"));
    } else if (narrow) {
      score += POINTS.narrowOverlap;
      reasons?.push(reason("date", "match", POINTS.narrowOverlap, "narrow windows overlap"));
    } else {
      score += POINTS.wideOverlap;
      reasons?.push(reason("date", "match", POINTS.wideOverlap, "wide windows overlap"));
    }
  }
  if (ca && ca === cb) {
    score += POINTS.sameCountry;
    reasons?.push(reason("place", "match", POINTS.sameCountry, `same country (${ca})`));
  }
  const pa = a.place;
  const pb = b.place;
  if (pa?.admin1 && pb?.admin1) {
    if (pa.admin1 === pb.admin1) {
      score += POINTS.sameAdmin1;
      reasons?.push(reason("place", "match", POINTS.sameAdmin1, `same province (${pa.admin1})`));
    } else {
      score += POINTS.admin1Differs;
      reasons?.push(reason("place", "differ", POINTS.admin1Differs, `different provinces (${pa.admin1}, ${pb.admin1})`));
    }
  }
  if (pa?.admin2 && pa.admin2 === pb?.admin2) {
    score += POINTS.sameAdmin2;
    reasons?.push(reason("place", "match", POINTS.sameAdmin2, `same district (${pa.admin2})`));
  }
  if (pa?.raw && pa.raw === pb?.raw) {
    score += POINTS.samePlaceName;
    reasons?.push(reason("place", "match", POINTS.samePlaceName, `same place name (${pa.raw})`));
  }
  if (actor !== null) {
    score += POINTS.sharedActor;
    reasons?.push(reason("actors", "match", POINTS.sharedActor, `shared actor (${actor})`));
  } else if (a.actors.keys.length > 0 && b.actors.keys.length > 0) {
    score += POINTS.actorsDiffer;
    reasons?.push(reason("actors", "differ", POINTS.actorsDiffer, "no actor in common"));
  }
  if (a.figure && b.figure) {
    if (figuresOverlap(a.figure, b.figure)) {
      score += POINTS.figuresOverlap;
      reasons?.push(reason("figure", "match", POINTS.figuresOverlap, "figures' ranges overlap"));
    } else {
      score += POINTS.figuresDiffer;
      reasons?.push(reason("figure", "differ", POINTS.figuresDiffer, "figures' ranges do not overlap"));
    }
  }
  return score;
}

function reason(field: ReasonField, outcome: Reason["outcome"], points: number, detail: string): Reason {
  return { field, outcome, points, detail };
}

export function compareClaims(a: ProjectedClaim, b: ProjectedClaim): PairVerdict {
  const reasons: Reason[] = [];
  const score = judge(a, b, reasons);
  return score === null ? { compatible: false, reasons } : { compatible: true, score, reasons };
}

/** The verdict when it proposes the pair (compatible and at the threshold), else null. */
export function acceptPair(a: ProjectedClaim, b: ProjectedClaim, threshold = MATCH_THRESHOLD): { score: number; reasons: Reason[] } | null {
  const score = judge(a, b, null);
  if (score === null || score < threshold) return null;
  const reasons: Reason[] = [];
  judge(a, b, reasons);
  return { score, reasons };
}
