/**
 * A quote shortened for display (claims list, overlap chooser, claim panel, claims table): white space
 * runs shown as one space, at most about `max` code points, never cut inside a character or a grapheme
 * cluster (an emoji, a letter with its combining marks), and "…" when something was left out.
 */
import { snapToGraphemes } from "./graphemes";

export function quotePreview(quote: string, max: number): string {
  const flat = quote.replace(/\s+/g, " ");
  let u = 0;
  for (let n = 0; u < flat.length && n < max; n++) u += flat.codePointAt(u)! > 0xffff ? 2 : 1;
  if (u >= flat.length) return flat;
  const end = snapToGraphemes(flat, 0, u).end;
  return end >= flat.length ? flat : `${flat.slice(0, end)}…`;
}
