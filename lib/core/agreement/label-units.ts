/**
 * Units for label agreement (Krippendorff's alpha on claim types) in one document.
 *
 * A unit is a group of overlapping evidence: the connected components of "shares at least one
 * code point", over the claims of all annotators. Built by sorting every span by start and
 * sweeping (n log n): spans that overlap the running stretch join it, and all claims with a
 * span in one stretch are united (union-find), so a multi-span claim joins its stretches.
 *
 * Each annotator's value in a unit is the set of claim types of their claims there:
 * - one type: that type; several different types: one combined category ("attack+leader_change"),
 *   which disagrees with either single type;
 * - none, for an annotator who annotated the document: by default the category NONE_LABEL, the
 *   usual choice in annotation tools (missing a claim is a disagreement about the text); with
 *   `unlabelled: "missing"` a missing value instead (only where both annotated do they count).
 * Type keys are slugs (a-z, 0-9, _), so neither "+" nor NONE_LABEL can collide with one.
 * Pure; never throws.
 */
import { normalizeSpans } from "./span-sets";
import type { AgreementClaim } from "./types";

export const NONE_LABEL = "(none)";
export type Unlabelled = "none" | "missing";

export type LabelUnit = {
  start: number;
  end: number;
  /** Per annotator, in the order given: the sorted claim types there (empty: none). */
  types: string[][];
  /** The claims in the unit, in input order. */
  claimIds: string[];
};

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

export function buildLabelUnits(claims: readonly AgreementClaim[], annotators: readonly string[]): LabelUnit[] {
  const column = new Map(annotators.map((a, i) => [a, i]));
  const items = claims.filter((c) => column.has(c.annotatorId));
  const spans = items.flatMap((c, i) => normalizeSpans(c.spans).map((s) => ({ ...s, claim: i })));
  spans.sort((x, y) => x.start - y.start || x.end - y.end);
  const parent = items.map((_, i) => i);
  let stretchEnd = -Infinity;
  let first = -1;
  for (const s of spans) {
    if (s.start < stretchEnd) {
      parent[find(parent, s.claim)] = find(parent, first);
      stretchEnd = Math.max(stretchEnd, s.end);
    } else {
      first = s.claim;
      stretchEnd = s.end;
    }
  }
  const byRoot = new Map<number, LabelUnit>();
  for (const s of spans) {
    const root = find(parent, s.claim);
    const unit = byRoot.get(root);
    if (unit) {
      unit.start = Math.min(unit.start, s.start);
      unit.end = Math.max(unit.end, s.end);
    } else {
      byRoot.set(root, { start: s.start, end: s.end, types: annotators.map(() => []), claimIds: [] });
    }
  }
  for (const [i, c] of items.entries()) {
    const unit = byRoot.get(find(parent, i));
    if (!unit) continue; // a claim without evidence is in no unit
    unit.claimIds.push(c.claimId);
    const list = unit.types[column.get(c.annotatorId)!];
    if (!list.includes(c.typeKey)) list.push(c.typeKey);
  }
  const units = [...byRoot.values()];
  for (const u of units) for (const t of u.types) t.sort();
  return units.sort((x, y) => x.start - y.start || x.end - y.end);
}

/** The nominal value of one annotator in a unit; null is missing. */
export function unitLabel(types: readonly string[], unlabelled: Unlabelled): string | null {
  if (types.length === 0) return unlabelled === "none" ? NONE_LABEL : null;
  return types.join("+");
}

/** Presence of one type (for per-type alpha): the type, or NONE_LABEL / missing. */
export function unitHasType(types: readonly string[], typeKey: string, unlabelled: Unlabelled): string | null {
  if (types.includes(typeKey)) return typeKey;
  return types.length === 0 && unlabelled === "missing" ? null : NONE_LABEL;
}
