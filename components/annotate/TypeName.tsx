/**
 * A claim type's name drawn with the type's underline (the same line style and colour as its
 * highlights in the text), so lists and pickers show the cue that tells types apart without colour.
 */
import { underlineDecoration } from "@/components/editor/highlight-css";
import type { UnderlineStyle } from "@/lib/core/color/palette";

export function TypeName({ type }: { type: { name: string; color: string; underline?: UnderlineStyle } }) {
  if (!type.underline) return <>{type.name}</>;
  return (
    <span className="type-name" data-underline={type.underline}
      style={{ textDecoration: underlineDecoration(type.underline, type.color), textUnderlineOffset: "0.2em" }}>
      {type.name}
    </span>
  );
}
