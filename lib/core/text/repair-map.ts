/**
 * The offset map of a mojibake repair: from the decoded text to the repaired one, rebuilt from the
 * two texts and the repair's list of substitutions (`from` -> `to`), so the repair itself does not
 * have to carry positions.
 *
 * Method: walk both texts together. Where the decoded text continues with a substitution's `from`
 * and the repaired text with its `to`, that is one run (longest `from` first); otherwise the two
 * texts must continue with the same character. Mojibake is never ASCII (every `from` character
 * stands for bytes >= 0x80), so only non-ASCII positions are tried.
 *
 * Invariant: the result is a map whose source is `decoded` and whose canonical side is `repaired`,
 * or null when the walk cannot explain the repaired text (the caller then says the map does not
 * cover the repair). A repair that changed nothing gives an identity map.
 */
import { SourceMapBuilder, type SourceMap } from "./source-map";

export interface Substitution {
  from: string;
  to: string;
}

const cpLength = (s: string) => Array.from(s).length;

export function repairMap(decoded: string, repaired: string, substitutions: Substitution[]): { map: SourceMap | null } | null {
  const byFirst = new Map<string, Substitution[]>();
  for (const s of substitutions) {
    if (!s.from) continue;
    const first = String.fromCodePoint(s.from.codePointAt(0)!);
    const list = byFirst.get(first) ?? [];
    list.push(s);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.from.length - a.from.length);

  const builder = new SourceMapBuilder();
  let i = 0; // UTF-16 index in decoded
  let j = 0; // UTF-16 index in repaired
  let cp = 0; // code points of decoded before i
  while (i < decoded.length) {
    const code = decoded.codePointAt(i)!;
    const ch = String.fromCodePoint(code);
    if (code > 0x7f) {
      const hit = byFirst.get(ch)?.find((s) => decoded.startsWith(s.from, i) && repaired.startsWith(s.to, j));
      if (hit) {
        const fromLength = cpLength(hit.from);
        builder.add(cp, fromLength, cpLength(hit.to));
        i += hit.from.length;
        j += hit.to.length;
        cp += fromLength;
        continue;
      }
    }
    if (!repaired.startsWith(ch, j)) return null;
    i += ch.length;
    j += ch.length;
    cp++;
  }
  if (j !== repaired.length) return null;
  return { map: builder.build(cp) };
}
