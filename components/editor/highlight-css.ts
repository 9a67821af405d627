/**
 * Names and CSS for claim highlights (CSS Custom Highlight API).
 *
 * Each claim type gets one registered highlight `<prefix>-<type>` styled with
 * `::highlight(<name>)`; the focused claim gets `<prefix>-focus`, drawn above the types.
 * Colours come from user-editable claim types and end up inside a <style> element, so they are
 * checked against a strict colour grammar first (no way to close the rule and inject CSS).
 */

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

export function focusHighlightName(prefix: string): string {
  return `${prefix}-focus`;
}

export function highlightCss(
  prefix: string,
  types: ReadonlyMap<string, string> | Iterable<[string, string]>,
  focusColor: string = DEFAULT_FOCUS_COLOR,
): string {
  const rules: string[] = [];
  for (const [typeKey, color] of types) {
    const c = safeColor(color);
    rules.push(
      `::highlight(${typeHighlightName(prefix, typeKey)}) { background-color: color-mix(in srgb, ${c} ${HIGHLIGHT_ALPHA_PERCENT}%, transparent); }`,
    );
  }
  const f = safeColor(focusColor);
  rules.push(
    `::highlight(${focusHighlightName(prefix)}) { background-color: color-mix(in srgb, ${f} ${FOCUS_ALPHA_PERCENT}%, transparent); text-decoration: underline 2px ${f}; }`,
  );
  return rules.join("\n");
}
