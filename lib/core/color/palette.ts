/**
 * Claim-type colours and the second cue that goes with them (issue 10: colour is never the only cue).
 *
 * TYPE_PALETTE is the set of colours offered for claim types; the first three are the default
 * types' (lib/core/claim-types/defaults.ts). Chosen so that (tests/unit/color/palette.test.ts):
 * - every pair is at least MIN_TYPE_DELTA_E apart (CIEDE2000) in normal vision and under simulated
 *   protanopia and deuteranopia; for the default types this holds for their highlight tints too
 *   (a tint is paler, so fewer colours can keep that distance: further types rely on the underline);
 * - each is at least 3:1 against the reading page, so its underline and swatch stand out (WCAG 1.4.11);
 * - text stays at WCAG AA contrast over each one's highlight tint, and where two default types overlap.
 *
 * Each type also gets an underline style, by its place in the project's list of types (oldest
 * first), so two types never differ by colour alone.
 */

export const TYPE_PALETTE = ["#e56e00", "#b46f8a", "#1222da", "#880011", "#7788ff", "#773355", "#aa6655"] as const;

/** Minimum CIEDE2000 difference between any two palette colours, in every simulated vision. */
export const MIN_TYPE_DELTA_E = 15;

export const UNDERLINE_STYLES = ["solid", "dashed", "dotted", "double", "wavy"] as const;
export type UnderlineStyle = (typeof UNDERLINE_STYLES)[number];

/** The underline style of the type at `index` (0-based) in its project's list of types. */
export function underlineStyleAt(index: number): UnderlineStyle {
  const n = UNDERLINE_STYLES.length;
  return UNDERLINE_STYLES[((Math.trunc(index) % n) + n) % n];
}

/**
 * The types with their underline styles, by place in the project's list of types as the pages
 * receive it (oldest first): adding a type never changes another's style.
 */
export function withTypeCues<T extends object>(types: readonly T[]): (T & { underline: UnderlineStyle })[] {
  return types.map((t, i) => ({ ...t, underline: underlineStyleAt(i) }));
}

/** The colour offered for a new type: the first palette colour no existing type uses (else cycling). */
export function suggestTypeColor(used: readonly string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  return TYPE_PALETTE.find((c) => !taken.has(c)) ?? TYPE_PALETTE[used.length % TYPE_PALETTE.length];
}
