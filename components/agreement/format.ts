/** How agreement figures read on the page: ratios to two decimals, "no data" spelled out. */
import type { AlphaResult } from "@/lib/core/agreement";

export function ratio(value: number | null): string {
  return value === null ? "no data" : value.toFixed(2);
}

export function alphaText(a: AlphaResult): string {
  return a.alpha === null ? "no data" : a.alpha.toFixed(2);
}

/** A 0..4 band for the heat-map colour of an F1 cell; the number is always printed beside it. */
export function heatBand(value: number | null): string {
  if (value === null) return "heat-none";
  return `heat-${Math.min(4, Math.floor(value * 5))}`;
}
