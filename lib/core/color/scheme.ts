/**
 * Colours fitted to a page background, for the dark colour scheme: claim types keep the colours
 * their projects chose, and what is drawn with them is adjusted for the darker page.
 * - An underline (or swatch) is mixed toward white, just enough to stand out against the page
 *   at `min` contrast (WCAG 1.4.11 asks 3:1 of graphics that carry meaning).
 * - A tint's opacity is lowered, from the scheme's usual opacity, until text over it keeps WCAG
 *   AA contrast: a pale colour over a dark page brightens the background under light text.
 */
import { WCAG_AA_TEXT, contrastRatio } from "./contrast";
import { composite, type Rgb } from "./srgb";

const WHITE: Rgb = [1, 1, 1];

/** Minimum contrast of a non-text cue (an underline, a swatch) against the page (WCAG 1.4.11). */
export const WCAG_NON_TEXT = 3;

/** `color` mixed toward white in 1% steps until it reaches `min` contrast against `page`. */
export function standOut(color: Rgb, page: Rgb, min: number = WCAG_NON_TEXT): Rgb {
  for (let percent = 0; percent <= 100; percent++) {
    const mixed = composite(WHITE, percent / 100, color);
    if (contrastRatio(mixed, page) >= min) return mixed;
  }
  return WHITE;
}

/**
 * The largest whole-percent opacity, at most `maxPercent`, at which `color` over `surface` keeps
 * `ink` at `min` contrast; 0 when none does (the tint is then left out and the underline remains).
 */
export function readableTintPercent(color: Rgb, surface: Rgb, ink: Rgb, maxPercent: number, min: number = WCAG_AA_TEXT): number {
  for (let percent = Math.floor(maxPercent); percent > 0; percent--) {
    if (contrastRatio(composite(color, percent / 100, surface), ink) >= min) return percent;
  }
  return 0;
}
