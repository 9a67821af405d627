/**
 * Diff two claim lists by id so the painter touches only what changed.
 *
 * A claim whose type, colour, underline or spans changed counts as removed + added. When more than
 * FULL_REPAINT_RATIO of the claims changed, one full paint is cheaper than many single updates.
 */
import type { PaintClaim } from "./painter";

/** Above this share of changed claims, repaint everything instead of diffing. */
export const FULL_REPAINT_RATIO = 0.5;

export interface ClaimDiff {
  added: PaintClaim[];
  removed: string[];
  full: boolean;
}

export function sameClaim(a: PaintClaim, b: PaintClaim): boolean {
  if (a === b) return true;
  if (a.typeKey !== b.typeKey || a.color !== b.color || a.underline !== b.underline || a.spans.length !== b.spans.length) return false;
  return a.spans.every((s, i) => s.start === b.spans[i].start && s.end === b.spans[i].end);
}

export function diffClaims(prev: readonly PaintClaim[], next: readonly PaintClaim[], ratio = FULL_REPAINT_RATIO): ClaimDiff {
  const before = new Map(prev.map((c) => [c.id, c]));
  const after = new Map(next.map((c) => [c.id, c]));
  const added: PaintClaim[] = [];
  const removed: string[] = [];
  let changed = 0;
  for (const [id, old] of before) {
    const now = after.get(id);
    if (!now) {
      removed.push(id);
      changed++;
    } else if (!sameClaim(old, now)) {
      removed.push(id);
      added.push(now);
      changed++;
    }
  }
  for (const [id, c] of after) {
    if (!before.has(id)) {
      added.push(c);
      changed++;
    }
  }
  const full = changed > ratio * Math.max(before.size, after.size, 1);
  return { added, removed, full };
}
