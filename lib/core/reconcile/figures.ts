/**
 * Figures (quantity values) as reconciliation reads them: a stored quantity read defensively,
 * and the interval of counts it allows, which is what "ranges overlap" means everywhere here.
 */
import { QUALIFIERS } from "@/lib/core/values";
import { asRecord } from "./normalize";
import type { Figure } from "./types";

/**
 * How far an "about N" figure may stretch either way when it has no low or high of its own
 * (the reader never invents them): "about 180" is compatible with 150-210 but not with 100.
 */
export const APPROX_SLACK = 0.2;

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : null);

/** The figure of a stored quantity, or null when there is none (absent, malformed, or "unknown"). */
export function readFigure(v: unknown): Figure | null {
  const r = asRecord(v);
  if (!r || !(QUALIFIERS as readonly unknown[]).includes(r.qualifier) || r.qualifier === "unknown") return null;
  const f: Figure = { low: num(r.low), best: num(r.best), high: num(r.high), qualifier: r.qualifier as string };
  if (f.qualifier === "none") return { low: 0, best: 0, high: 0, qualifier: "none" };
  // A stored value out of order is unreadable rather than guessed at.
  const present = [f.low, f.best, f.high].filter((n): n is number => n !== null);
  for (let i = 1; i < present.length; i++) if (present[i - 1] > present[i]) return null;
  if (f.qualifier !== "unknown_nonzero" && f.qualifier !== "vague" && present.length === 0) return null;
  return f;
}

/** Qualifiers with no upper bound of their own. */
const OPEN_ENDED = new Set(["at_least", "more_than", "vague", "unknown_nonzero"]);

/** The interval of counts a figure allows: [lo, hi], hi possibly Infinity. */
export function figureRange(f: Figure): { lo: number; hi: number } {
  return { lo: figureLow(f), hi: figureHigh(f) };
}

/** Whether "about N" stretches by APPROX_SLACK (no low or high of its own). */
const stretched = (f: Figure) => f.qualifier === "approx" && f.low === null && f.high === null && f.best !== null;

// The two ends apart, so that comparing figures (millions of times in candidate proposal) allocates nothing.
function figureLow(f: Figure): number {
  if (stretched(f)) return Math.floor(f.best! * (1 - APPROX_SLACK));
  const floor = f.qualifier === "unknown_nonzero" ? 1 : 0;
  const lo = f.low ?? (f.qualifier === "at_most" || f.qualifier === "vague" || f.qualifier === "unknown_nonzero" ? floor : f.best ?? floor);
  return Math.max(lo, floor);
}

function figureHigh(f: Figure): number {
  if (stretched(f)) return Math.ceil(f.best! * (1 + APPROX_SLACK));
  return f.high ?? (OPEN_ENDED.has(f.qualifier) ? Infinity : f.best ?? Infinity);
}

export function figuresOverlap(a: Figure, b: Figure): boolean {
  return figureLow(a) <= figureHigh(b) && figureLow(b) <= figureHigh(a);
}

/** True when the figure says at least one (a report of deaths, against a "none"). */
export function isPositive(f: Figure): boolean {
  return f.qualifier !== "none" && figureRange(f).lo >= 1;
}
