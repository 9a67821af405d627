/**
 * Precision, recall and F1 from match counts, A being the reference (types.ts `Scores`).
 * 0/0 is null ("no data"): both sides empty gives null everywhere; one side empty gives 0 for
 * the ratios whose denominator is not zero (B claims nothing of A's: precision null, recall 0).
 */
import type { MatchCounts, Scores } from "./types";

const ratio = (m: number, d: number): number | null => (d === 0 ? null : m / d);

export function scoresOf(c: MatchCounts): Scores {
  const sizeA = c.matched + c.onlyA;
  const sizeB = c.matched + c.onlyB;
  return {
    matched: c.matched, onlyA: c.onlyA, onlyB: c.onlyB,
    precision: ratio(c.matched, sizeB),
    recall: ratio(c.matched, sizeA),
    f1: ratio(2 * c.matched, sizeA + sizeB),
  };
}

export const NO_COUNTS: MatchCounts = { matched: 0, onlyA: 0, onlyB: 0 };

export function addCounts(x: MatchCounts, y: MatchCounts): MatchCounts {
  return { matched: x.matched + y.matched, onlyA: x.onlyA + y.onlyA, onlyB: x.onlyB + y.onlyB };
}

/** The same counts seen from B: precision and recall swap, F1 stays. */
export function swapCounts(c: MatchCounts): MatchCounts {
  return { matched: c.matched, onlyA: c.onlyB, onlyB: c.onlyA };
}
