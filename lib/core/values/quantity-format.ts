/**
 * formatQuantity: a quantity value as analysts scan it in tables and lists.
 *
 * The format, one rule per qualifier (N, L, H, B are the stored numbers, U the unit):
 *   exact            "N U (exact)"                       "25 fighters (exact)"
 *   approx           "about B U", bounds when given      "about 2,000", "about 2,000 (1,500–2,500)"
 *   at_least         "at least L U"                      "at least 100"
 *   more_than        "more than L−1 U" (stored low is N + 1, claims.md rule 3)   "more than 180"
 *   at_most          "at most H U"                       "at most 50"
 *   range            "L–H U (range)", best when stated   "3,000–4,000 fighters (range; best 3,500)"
 *   vague            "word U (bounds)"                   "dozens (≥ 12)", "several (no figure)"
 *   unknown_nonzero  "unknown number U (≥ L)"            "unknown number (≥ 1)"
 *   none             "none (0 U)"                        "none (0)"
 *   unknown          "unknown"                           (the source says the number is unknown)
 * A breakdown (parts) is added inside the parentheses as its figures joined by " + " ("25 (exact;
 * 23 + 2)"); `quantityBreakdown` gives it with units for a secondary line. Markers follow after
 * " · ": "hedged" (the source hedges it) and "manual" (entered by hand, not read from the wording).
 * A field with no value at all ("not stated") is not a quantity and is never formatted here.
 * Numbers use English digit grouping ("3,000") and at most two decimals. Pure; never throws.
 */
import type { Quantity, QuantityPart } from "./quantity-schema";

const DASH = "–";
/** Digits kept after the point: figures are counts, a rare fraction ("1.5 million") stays readable. */
const MAX_DECIMALS = 2;
const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: MAX_DECIMALS });

export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

const withUnit = (figure: string, unit: string | undefined) => (unit ? `${figure} ${unit}` : figure);

/** "≥ 12", "12–20", "≤ 20" or null when neither bound is known. */
function bounds(low: number | null, high: number | null): string | null {
  if (low !== null && high !== null) return low === high ? formatNumber(low) : `${formatNumber(low)}${DASH}${formatNumber(high)}`;
  if (low !== null) return `≥ ${formatNumber(low)}`;
  if (high !== null) return `≤ ${formatNumber(high)}`;
  return null;
}

type Shape = Pick<QuantityPart, "low" | "best" | "high" | "qualifier"> & { vagueWord?: string; raw?: string };

/** The figure in words, without unit or parenthetical: "about 2,000", "3,000–4,000". */
function figure(q: Shape): { text: string; details: string[] } {
  const n = (x: number | null) => (x === null ? "?" : formatNumber(x));
  switch (q.qualifier) {
    case "exact":
      return { text: n(q.best), details: ["exact"] };
    case "approx": {
      const b = q.low !== null || q.high !== null ? bounds(q.low, q.high) : null;
      return { text: `about ${n(q.best)}`, details: b ? [b] : [] };
    }
    case "at_least":
      return { text: `at least ${n(q.low)}`, details: [] };
    case "more_than":
      return { text: `more than ${q.low === null ? "?" : formatNumber(q.low - 1)}`, details: [] };
    case "at_most":
      return { text: `at most ${n(q.high)}`, details: [] };
    case "range":
      return { text: `${n(q.low)}${DASH}${n(q.high)}`, details: q.best === null ? ["range"] : ["range", `best ${n(q.best)}`] };
    case "vague": {
      const word = q.vagueWord ?? q.raw?.trim() ?? "vague";
      return { text: word || "vague", details: [bounds(q.low, q.high) ?? "no figure"] };
    }
    case "unknown_nonzero":
      return { text: "unknown number", details: [bounds(q.low ?? 1, q.high) ?? "≥ 1"] };
    case "none":
      return { text: "none", details: ["0"] };
    case "unknown":
      return { text: "unknown", details: [] };
  }
}

/** A part's figure alone, as it appears in a breakdown ("23", "more than 180"). */
function partFigure(p: QuantityPart): string {
  return p.qualifier === "none" ? "0" : figure(p).text;
}

/** The breakdown with units ("23 inmates + 2 prison guards"), or null without parts. */
export function quantityBreakdown(q: Quantity): string | null {
  if (!q.parts?.length) return null;
  return q.parts.map((p) => withUnit(partFigure(p), p.unit)).join(" + ");
}

/** The quantity as one line; see the module comment for the format. */
export function formatQuantity(q: Quantity): string {
  const { text, details } = figure(q);
  let line: string;
  if (q.qualifier === "none") line = `none (${withUnit("0", q.unit)})`;
  else if (q.qualifier === "unknown") line = withUnit(text, q.unit && `(${q.unit})`);
  else {
    const vague = q.qualifier === "vague" && q.unit ? `${text} of ${q.unit}` : withUnit(text, q.unit);
    const inside = [...details];
    if (q.parts?.length) inside.push(q.parts.map(partFigure).join(" + "));
    line = inside.length ? `${vague} (${inside.join("; ")})` : vague;
  }
  const markers = [q.hedged ? "hedged" : null, q.manual ? "manual" : null].filter(Boolean);
  return markers.length ? `${line} · ${markers.join(" · ")}` : line;
}
