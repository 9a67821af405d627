/**
 * Names and CSS for claim highlights (CSS Custom Highlight API).
 *
 * Each claim type gets one registered highlight `<prefix>-<type>` styled with
 * `::highlight(<name>)`; the focused claim gets `<prefix>-focus`, drawn above the types.
 * Colours come from user-editable claim types and end up inside a <style> element, so they are
 * checked against a strict colour grammar first (no way to close the rule and inject CSS).
 * A type's highlight is a tint of its colour behind the text plus an underline in its colour and
 * its own line style (lib/core/color/palette.ts), so colour is never the only cue.
 */
import { composite, hexToRgb, parseHex, type Rgb } from "@/lib/core/color/srgb";
import { UNDERLINE_STYLES, type UnderlineStyle } from "@/lib/core/color/palette";

/** Highlight name prefix of a page's (first) reading view: `claim-<type>`, `claim-focus`. */
export const DEFAULT_HIGHLIGHT_PREFIX = "claim";

/** Opacity of a type's colour behind the text: readable text, overlaps still visibly darker. */
export const HIGHLIGHT_ALPHA_PERCENT = 35;
/** Opacity of the focused claim's background: clearly stronger than any type highlight. */
export const FOCUS_ALPHA_PERCENT = 60;
export const DEFAULT_FOCUS_COLOR = "#f59e0b";
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
  const rules: string[] = [];
  for (const [typeKey, color, underline] of types) {
    const c = safeColor(color);
    const decoration = underline ? ` text-decoration: ${underlineDecoration(underline, c)};` : "";
    rules.push(
      `::highlight(${typeHighlightName(prefix, typeKey)}) { background-color: color-mix(in srgb, ${c} ${HIGHLIGHT_ALPHA_PERCENT}%, transparent);${decoration} }`,
    );
  }
  const f = safeColor(focusColor);
  rules.push(
    `::highlight(${focusHighlightName(prefix)}) { background-color: color-mix(in srgb, ${f} ${FOCUS_ALPHA_PERCENT}%, transparent); text-decoration: underline 2px ${f}; }`,
  );
  return rules.join("\n");
}
