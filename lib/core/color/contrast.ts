/** WCAG 2 relative luminance and contrast ratio (1:1 to 21:1; AA body text needs 4.5:1). */
import { toLinear, type Rgb } from "./srgb";

export const WCAG_AA_TEXT = 4.5;

export function relativeLuminance(rgb: Rgb): number {
  return 0.2126 * toLinear(rgb[0]) + 0.7152 * toLinear(rgb[1]) + 0.0722 * toLinear(rgb[2]);
}

export function contrastRatio(x: Rgb, y: Rgb): number {
  const a = relativeLuminance(x);
  const b = relativeLuminance(y);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
