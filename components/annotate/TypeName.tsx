/**
 * A claim type's name drawn with the type's underline (the same line style and colour as its
 * highlights in the text), so lists and pickers show the cue that tells types apart without colour.
 * In the dark theme the line takes the lightened colour the highlights use (darkUnderlineColor),
 * through custom properties the stylesheet chooses between (`.type-name` in app/globals.css).
 */
import type { CSSProperties } from "react";
import { darkUnderlineColor, safeColor, underlineDecoration } from "@/components/editor/highlight-css";
import type { UnderlineStyle } from "@/lib/core/color/palette";

export function TypeName({ type }: { type: { name: string; color: string; underline?: UnderlineStyle } }) {
  if (!type.underline) return <>{type.name}</>;
  const style = {
    textDecoration: underlineDecoration(type.underline, type.color),
    // After the shorthand: the colour the stylesheet picks for the page's theme.
    textDecorationColor: "var(--type-line-now)",
    textUnderlineOffset: "0.2em",
    "--type-line": safeColor(type.color),
    "--type-line-dark": darkUnderlineColor(type.color),
  } as CSSProperties;
  return (
    <span className="type-name" data-underline={type.underline} style={style}>
      {type.name}
    </span>
  );
}
