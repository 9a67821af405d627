/**
 * Names and CSS for claim highlights (CSS Custom Highlight API).
 *
 * Each claim type gets one registered highlight `<prefix>-<type>` styled with
 * `::highlight(<name>)`; the focused claim gets `<prefix>-focus`, drawn above the types.
 * Colours come from user-editable claim types and end up inside a <style> element, so they are
 * checked against a strict colour grammar first (no way to close the rule and inject CSS).
 * A type's highlight is a tint of its colour behind the text plus an underline in its colour and
 * its own line style (lib/core/color/palette.ts), so colour is never the only cue.
 * Under `prefers-color-scheme: dark` the same highlights are redrawn for the dark page: tints whose
 * opacity keeps light text at AA, underlines lightened until they stand out (lib/core/color/scheme.ts),
 * and the focused claim as a near-opaque block of its colour with dark text.
 */
import { composite, hexToRgb, parseHex, rgbToHex, type Rgb } from "@/lib/core/color/srgb";
import { UNDERLINE_STYLES, type UnderlineStyle } from "@/lib/core/color/palette";
import { readableTintPercent, standOut } from "@/lib/core/color/scheme";

/** Highlight name prefix of a page's (first) reading view: `claim-<type>`, `claim-focus`. */
export const DEFAULT_HIGHLIGHT_PREFIX = "claim";

/** Opacity of a type's colour behind the text: readable text, overlaps still visibly darker. */
export const HIGHLIGHT_ALPHA_PERCENT = 35;
/** Opacity of the focused claim's background: clearly stronger than any type highlight. */
export const FOCUS_ALPHA_PERCENT = 60;
export const DEFAULT_FOCUS_COLOR = "#f59e0b";
/** The dark scheme's reading page and text (app/globals.css, prefers-color-scheme: dark). */
export const DARK_PAGE = { surface: "#1d2127", ink: "#e3e5e8" } as const;
/** Opacity of a type's colour on the dark page, lowered per colour where the text would fall below AA. */
export const DARK_HIGHLIGHT_ALPHA_PERCENT = 40;
/** For a colour that is not hex (its value unknown here): at this opacity even white keeps light text at AA. */
export const DARK_UNKNOWN_ALPHA_PERCENT = 25;
/**
 * The focused claim on the dark page: its (light) colour nearly opaque, the text over it dark. Light text
 * over a light colour at any opacity strong enough to stand out from the type tints would fall below AA.
 */
export const DARK_FOCUS_ALPHA_PERCENT = 85;
export const DARK_FOCUS_INK = "#111418";
/** Used when a type's colour is missing or fails the grammar. */
export const FALLBACK_COLOR = "#9ca3af";

const COLOR_GRAMMAR =
  /^(#[0-9a-f]{3,4}|#[0-9a-f]{6}|#[0-9a-f]{8}|[a-z]{3,30}|(rgb|rgba|hsl|hsla|hwb|lab|lch|oklab|oklch)\([0-9a-z.,%\s/+-]{1,60}\))$/i;

export function safeColor(color: string | null | undefined): string {
  const c = (color ?? "").trim();
  return COLOR_GRAMMAR.test(c) ? c : FALLBACK_COLOR;
}

/** Highlight names must be CSS identifiers; "focus" is reserved for the focused claim. */
export function typeHighlightName(prefix: string, typeKey: string): string {
  let key = typeKey.replace(/[^A-Za-z0-9_-]/g, "_") || "_";
  if (key === "focus") key = "focus_";
  return `${prefix}-${key}`;
}

/**
 * The colour a type's tint shows over an opaque `surface` (what `color-mix(in srgb, c p%, transparent)`
 * composites to); null for colours other than hex, whose value is not known here.
 */
export function typeTint(color: string, surface: string): Rgb | null {
  const rgb = parseHex(safeColor(color));
  return rgb ? composite(rgb, HIGHLIGHT_ALPHA_PERCENT / 100, hexToRgb(surface)) : null;
}

/** A type's tint on the dark page: its opacity (percent) and, for hex colours, the colour it shows. */
export function darkTypeTint(color: string): { percent: number; tint: Rgb | null } {
  const rgb = parseHex(safeColor(color));
  if (!rgb) return { percent: DARK_UNKNOWN_ALPHA_PERCENT, tint: null };
  const surface = hexToRgb(DARK_PAGE.surface);
  const percent = readableTintPercent(rgb, surface, hexToRgb(DARK_PAGE.ink), DARK_HIGHLIGHT_ALPHA_PERCENT);
  return { percent, tint: composite(rgb, percent / 100, surface) };
}

/** A type's underline colour on the dark page: lightened until it stands out (3:1); non-hex colours mixed with white. */
export function darkUnderlineColor(color: string): string {
  const c = safeColor(color);
  const rgb = parseHex(c);
  return rgb ? rgbToHex(standOut(rgb, hexToRgb(DARK_PAGE.surface))) : `color-mix(in srgb, ${c} 60%, white)`;
}

/** Line thickness of a type's underline: a double line needs room for its two strokes. */
const UNDERLINE_THICKNESS: Record<UnderlineStyle, string> = { solid: "2px", dashed: "2px", dotted: "2px", double: "3px", wavy: "1.5px" };

/** The CSS `text-decoration` value of a type's underline (also used by the claim list's type cue). */
export function underlineDecoration(style: UnderlineStyle, color: string): string {
  const s = UNDERLINE_STYLES.includes(style) ? style : "solid";
  return `underline ${s} ${UNDERLINE_THICKNESS[s]} ${safeColor(color)}`;
}

export function focusHighlightName(prefix: string): string {
  return `${prefix}-focus`;
}

export function highlightCss(
  prefix: string,
  /** Type key, colour and (optionally) underline style of each type. */
  types: Iterable<readonly [string, string, UnderlineStyle?]>,
  focusColor: string = DEFAULT_FOCUS_COLOR,
): string {
  // One line per highlight: its rule, then the same highlight redrawn for the dark page.
  const rules: string[] = [];
  const darkRule = (name: string, body: string) => ` @media (prefers-color-scheme: dark) { ::highlight(${name}) { ${body} } }`;
  for (const [typeKey, color, underline] of types) {
    const c = safeColor(color);
    const name = typeHighlightName(prefix, typeKey);
    const decoration = underline ? ` text-decoration: ${underlineDecoration(underline, c)};` : "";
    const darkDecoration = underline ? ` text-decoration-color: ${darkUnderlineColor(c)};` : "";
    rules.push(
      `::highlight(${name}) { background-color: color-mix(in srgb, ${c} ${HIGHLIGHT_ALPHA_PERCENT}%, transparent);${decoration} }` +
        darkRule(name, `background-color: color-mix(in srgb, ${c} ${darkTypeTint(c).percent}%, transparent);${darkDecoration}`),
    );
  }
  const f = safeColor(focusColor);
  const focus = focusHighlightName(prefix);
  rules.push(
    `::highlight(${focus}) { background-color: color-mix(in srgb, ${f} ${FOCUS_ALPHA_PERCENT}%, transparent); text-decoration: underline 2px ${f}; }` +
      darkRule(focus, `background-color: color-mix(in srgb, ${f} ${DARK_FOCUS_ALPHA_PERCENT}%, transparent); color: ${DARK_FOCUS_INK};`),
  );
  return rules.join("\n");
}
