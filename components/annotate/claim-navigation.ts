/**
 * Moving between claims from the keyboard: `]` and `[` step through every claim in reading order,
 * `}` and `{` through the claims of one type. Pure functions over the workspace's claims list, which
 * is kept in reading order (claim-order.ts); claims still being saved are left out by the caller.
 *
 * Where a step starts: from the claim reached last (or open) when there is one, else from the
 * reader's caret or selection in the text (the next claim starts at or after it, the previous one
 * before it), else from the start or the end of the text. Past the last claim the step wraps round
 * to the first (and the announcement says so), as a reader going through a document expects.
 */
import { quotePreview } from "@/lib/core/offsets";

export interface NavClaim {
  id: string;
  typeId: string;
  /** First offset of the claim's evidence, in code points. */
  start: number;
}

export interface NavFrom {
  /** The claim the reader is on (reached with these keys, or open in the form). */
  claimId?: string | null;
  /** The caret or the selection's start in the text, in code points. */
  offset?: number | null;
}

export interface NavStep<C extends NavClaim> {
  claim: C;
  /** 1-based place among the claims stepped through (all, or those of the type). */
  position: number;
  count: number;
  /** The step went past the last (or first) claim and came round. */
  wrapped: boolean;
}

/**
 * The next (`direction` 1) or previous (-1) claim from `from`, among all claims or those of `typeId`.
 * Null when there is no claim to go to.
 */
export function stepClaim<C extends NavClaim>(claims: readonly C[], from: NavFrom, direction: 1 | -1, typeId?: string | null): NavStep<C> | null {
  const candidates: number[] = [];
  claims.forEach((c, i) => {
    if (!typeId || c.typeId === typeId) candidates.push(i);
  });
  if (candidates.length === 0) return null;
  const at = from.claimId ? claims.findIndex((c) => c.id === from.claimId) : -1;
  // Each candidate is "after" or "before" the starting point by its place in reading order.
  const after = (i: number) => (at >= 0 ? i > at : from.offset != null ? claims[i]!.start >= from.offset : true);
  const before = (i: number) => (at >= 0 ? i < at : from.offset != null ? claims[i]!.start < from.offset : true);
  let k = direction === 1 ? candidates.findIndex(after) : findLastIndex(candidates, before);
  let wrapped = false;
  if (k === -1) {
    k = direction === 1 ? 0 : candidates.length - 1;
    // From nowhere in particular, the first (or last) claim is simply where a step lands.
    wrapped = at >= 0 || from.offset != null;
  }
  return { claim: claims[candidates[k]!]!, position: k + 1, count: candidates.length, wrapped };
}

function findLastIndex<T>(list: readonly T[], test: (x: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}

/** Longest quote read out with a claim, in code points (more is cut with "…"). */
const ANNOUNCED_QUOTE = 80;

/**
 * What a screen reader says when a step reaches a claim: "Attack #3, 2 of 13: ‘a suicide bomber…’",
 * or, stepping through one type, "Attack #3, 2 of 5 Attack claims: ‘…’".
 */
export function claimAnnouncement(step: { position: number; count: number; wrapped: boolean; direction: 1 | -1 }, claim: { seq: string; typeName: string; quote: string }, byType: boolean): string {
  const of = byType ? `${step.count} ${claim.typeName} ${step.count === 1 ? "claim" : "claims"}` : String(step.count);
  const round = step.wrapped ? (step.direction === 1 ? "Back to the first claim. " : "Back to the last claim. ") : "";
  return `${round}${claim.typeName} #${claim.seq}, ${step.position} of ${of}: ‘${quotePreview(claim.quote, ANNOUNCED_QUOTE)}’`;
}
