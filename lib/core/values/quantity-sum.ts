/**
 * The total of several figures given in one phrase ("23 inmates and two prison guards",
 * "13 US soldiers and more than 180 Afghan civilians"), claims.md rule 10.
 *
 * The algebra. Each part stands for a set of possible counts: exact N = {N}; none = {0};
 * range = [low, high]; at_least N and more_than (stored low L = N + 1) = [low, ∞);
 * at_most = [0, high]; vague = [low or 0, ∞); unknown_nonzero = [1, ∞); unknown = [0, ∞);
 * approx has a best but no bounds. The total is the set of sums, and its qualifier says how it
 * was bounded:
 * 1. every part none -> none; every part exact or none -> exact of the sum;
 * 2. approx parts with exact ones -> approx, best = sum of bests (low and high not invented);
 *    approx with any other kind cannot be bounded soundly -> refused, the annotator enters it;
 * 3. no open part (ranges, at_most, exact): low = sum of lows (at_most counts 0), high = sum of
 *    highs -> range; every part at_most (or exact) and no floor above 0 -> at_most; best is the
 *    sum of bests when every part has one;
 * 4. an open part (at_least, more_than, vague, unknown_nonzero, unknown) makes the total a floor,
 *    low = sum of lows: any vague / unknown / unknown_nonzero part -> vague (the words kept,
 *    low null when the floor is 0); else any more_than part -> more_than with that low (exact 13
 *    + more than 180 -> more than 193, low 194); else at_least, low = best = the floor.
 * Invariant (property-tested): every possible total of the parts lies within [low, high] of
 * the result (high null = no ceiling), and the result passes QuantitySchema.
 */
import type { Qualifier, QuantityPart } from "./quantity-schema";

export type Total = {
  qualifier: Qualifier;
  low: number | null;
  best: number | null;
  high: number | null;
  vagueWord?: string;
};
/** `why` names the rule applied, for the explanation line. */
export type SumResult = { ok: true; total: Total; why: string } | { ok: false; error: string };

const OPEN: Qualifier[] = ["at_least", "more_than", "vague", "unknown_nonzero", "unknown"];

/** The least count a part allows. */
export function floorOf(p: Pick<QuantityPart, "qualifier" | "low">): number {
  if (p.qualifier === "unknown_nonzero") return Math.max(1, p.low ?? 1);
  return p.low ?? 0;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function sumParts(parts: (QuantityPart & { vagueWord?: string })[]): SumResult {
  const kinds = new Set(parts.map((p) => p.qualifier));
  const only = (...allowed: Qualifier[]) => [...kinds].every((k) => allowed.includes(k));
  if (only("none")) return { ok: true, total: { qualifier: "none", low: 0, best: 0, high: 0 }, why: "every figure is none" };
  if (only("exact", "none")) {
    const n = sum(parts.map((p) => p.best ?? 0));
    return { ok: true, total: { qualifier: "exact", low: n, best: n, high: n }, why: kinds.has("none") ? "every figure is exact or none" : "every figure is exact" };
  }
  if (kinds.has("approx")) {
    if (!only("approx", "exact", "none")) {
      return { ok: false, error: "An approximate figure cannot be added soundly to a bounded or open one; enter the total by hand." };
    }
    const best = sum(parts.map((p) => p.best ?? 0));
    return { ok: true, total: { qualifier: "approx", low: null, best, high: null }, why: "an approximate figure makes the total approximate" };
  }
  const low = sum(parts.map(floorOf));
  const bests = parts.map((p) => p.best);
  const best = bests.every((b) => b !== null) ? sum(bests as number[]) : null;
  if (!parts.some((p) => OPEN.includes(p.qualifier))) {
    const high = sum(parts.map((p) => p.high ?? 0));
    const why = "lows and highs add up";
    if (low === 0 && only("at_most", "exact", "none")) return { ok: true, total: { qualifier: "at_most", low: null, best: null, high }, why };
    return { ok: true, total: { qualifier: "range", low, best, high }, why };
  }
  const vague = parts.filter((p) => ["vague", "unknown", "unknown_nonzero"].includes(p.qualifier));
  if (vague.length > 0) {
    const words = vague.map((p) => p.vagueWord ?? (p.qualifier === "unknown" ? "unknown" : "unknown number"));
    const total: Total = { qualifier: "vague", low: low > 0 ? low : null, best: null, high: null, vagueWord: words.join(" + ") };
    return { ok: true, total, why: "a vague or unknown figure leaves only a floor" };
  }
  if (kinds.has("more_than")) {
    return { ok: true, total: { qualifier: "more_than", low, best: null, high: null }, why: "a more-than figure makes the total more than the sum" };
  }
  return { ok: true, total: { qualifier: "at_least", low, best: low, high: null }, why: "an at-least figure makes the total at least the sum" };
}
