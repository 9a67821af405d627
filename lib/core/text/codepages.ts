/**
 * Byte <-> character tables for the two legacy codepages that mojibake repair must
 * reverse (Windows-1252 and GBK), plus a reporting Windows-1252 decoder.
 *
 * Invariants:
 * - `cp1252Byte(ch)` is defined for every character a Windows-1252 or Latin-1 decoder
 *   can produce from a byte >= 0x80, including the C1 controls that Latin-1 (and the
 *   WHATWG windows-1252 decoder for 81, 8D, 8F, 90, 9D) produce; so text read either
 *   way can be turned back into its bytes.
 * - `gbkBytes(ch)` gives the two-byte GBK code of a character, or null if GBK has no
 *   two-byte code for it. The table is built once, lazily, by decoding every two-byte
 *   pair with iconv-lite (pure JS, runs in the browser), so we ship no table of our own.
 */
import iconv from "iconv-lite";

/** Windows-1252 bytes 0x80..0x9F; null where the codepage leaves the byte undefined. */
const CP1252_HIGH: (number | null)[] = [
  0x20ac, null, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, null, 0x017d, null,
  null, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, null, 0x017e, 0x0178,
];

let cp1252Reverse: Map<number, number> | null = null;

/** The byte (0x80..0xFF) a character came from if it was produced by a Windows-1252/Latin-1 decoder. */
export function cp1252Byte(codePoint: number): number | null {
  if (!cp1252Reverse) {
    cp1252Reverse = new Map();
    for (let b = 0x80; b <= 0xff; b++) cp1252Reverse.set(b, b); // Latin-1 identity, incl. C1 controls
    CP1252_HIGH.forEach((cp, i) => {
      if (cp !== null) cp1252Reverse!.set(cp, 0x80 + i);
    });
  }
  return cp1252Reverse.get(codePoint) ?? null;
}

/**
 * Decodes Windows-1252; the five undefined bytes become U+FFFD and are reported
 * (we do not map them to invisible C1 controls, which canonicalization would drop silently).
 */
export function decodeCp1252(bytes: Uint8Array, start = 0): { text: string; invalidOffsets: number[] } {
  const invalidOffsets: number[] = [];
  const chars: string[] = [];
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80 || b >= 0xa0) {
      chars.push(String.fromCharCode(b));
      continue;
    }
    const cp = CP1252_HIGH[b - 0x80];
    if (cp === null) {
      invalidOffsets.push(i);
      chars.push("\uFFFD");
    } else chars.push(String.fromCharCode(cp));
  }
  return { text: chars.join(""), invalidOffsets };
}

let gbkReverse: Map<number, number> | null = null;

function buildGbkReverse(): Map<number, number> {
  // Every lead (81..FE) x trail (40..FE minus 7F) pair, each followed by a newline so that
  // an unmapped pair cannot shift the alignment of the ones after it.
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail !== 0x7f) pairs.push(lead, trail, 0x0a);
    }
  }
  const decoded = iconv.decode(new Uint8Array(pairs), "gbk").split("\n");
  const table = new Map<number, number>();
  let k = 0;
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const s = decoded[k++];
      const cp = s.codePointAt(0);
      // Only pairs that decode to exactly one non-ASCII character round-trip.
      if (cp !== undefined && cp > 0x7f && cp !== 0xfffd && s.length === String.fromCodePoint(cp).length) {
        if (!table.has(cp)) table.set(cp, (lead << 8) | trail);
      }
    }
  }
  return table;
}

/** The GBK two-byte code of a character, or null. */
export function gbkBytes(codePoint: number): [number, number] | null {
  if (!gbkReverse) gbkReverse = buildGbkReverse();
  const code = gbkReverse.get(codePoint);
  return code === undefined ? null : [code >> 8, code & 0xff];
}
