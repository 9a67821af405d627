/**
 * "How unlikely is this character in real text?" scores used to decide whether a
 * mojibake repair candidate is an improvement. Higher = rarer. A candidate is accepted
 * only when its repaired form scores strictly lower than the characters it replaces.
 *
 * The scale (0 common, 1 unusual, 2 rare, 3 almost never legitimate) is deliberately
 * coarse: it only has to separate "UTF-8 punctuation and accented letters" (what
 * mojibake hides) from "IPA letters, combining marks and controls" (what a legitimate
 * text would turn into if we wrongly re-decoded it).
 */

export const COMMON = 0;
export const UNUSUAL = 1;
export const RARE = 2;
export const IMPLAUSIBLE = 3;

const COMBINING_MARK = /^\p{M}$/u;

/** Rarity of a character that a repair would produce. */
export function resultRarity(cp: number): number {
  if (cp === 0x09 || cp === 0x0a) return COMMON;
  // Combining marks (accents, Hebrew points, Arabic harakat) on their own are what a
  // wrong re-decoding of legitimate text typically yields.
  if (cp >= 0x300 && COMBINING_MARK.test(String.fromCodePoint(cp))) return RARE;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return IMPLAUSIBLE; // C0/DEL/C1 controls
  if (cp < 0x7f) return COMMON;
  if (cp <= 0x17f) return COMMON; // Latin-1 supplement, Latin Extended-A
  if (cp <= 0x24f) return UNUSUAL; // Latin Extended-B
  if (cp <= 0x36f) return RARE; // IPA, spacing modifiers, combining diacritics
  if (cp <= 0x4ff) return COMMON; // Greek, Cyrillic
  if (cp >= 0x530 && cp <= 0x6ff) return COMMON; // Armenian, Hebrew, Arabic
  if (cp < 0x2000) return UNUSUAL;
  if (cp <= 0x206f) {
    // General punctuation, except invisible format characters.
    if ((cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e) || cp >= 0x2060) return RARE;
    return COMMON;
  }
  if (cp <= 0x214f) return COMMON; // super/subscripts, currency, letterlike (™)
  if (cp < 0x2e80) return UNUSUAL; // arrows, maths, boxes
  if (cp <= 0x9fff) return COMMON; // CJK, kana
  if (cp >= 0xac00 && cp <= 0xd7af) return COMMON; // Hangul
  if (cp >= 0xe000 && cp <= 0xf8ff) return IMPLAUSIBLE; // private use
  if (cp === 0xfeff) return COMMON; // a BOM that was itself mis-decoded; canonicalization drops it
  if (cp === 0xfffd || (cp & 0xfffe) === 0xfffe || (cp >= 0xfdd0 && cp <= 0xfdef)) return IMPLAUSIBLE;
  if (cp >= 0x1f300 && cp <= 0x1faff) return COMMON; // emoji
  return UNUSUAL;
}

/**
 * Rarity of a character as it appears in GBK-misread text, from its GBK code.
 * GB2312 level-1 hanzi are the everyday characters; the GBK extension (lead 81..A0 or
 * trail below A1) is where UTF-8 punctuation lands (e.g. E2 80 -> 鈥), and is rare in
 * real simplified-Chinese text.
 */
export function gbkSourceRarity(lead: number, trail: number): number {
  const gb2312Trail = trail >= 0xa1 && trail <= 0xfe;
  if (gb2312Trail && lead >= 0xb0 && lead <= 0xd7) return COMMON;
  if (gb2312Trail && lead >= 0xa1 && lead <= 0xf7) return UNUSUAL; // level-2 hanzi, symbol rows
  return RARE;
}

/**
 * Rarity of a character as it appears in Windows-1252-misread text, from its byte.
 * Letters (C0..FF) are normal Latin text; bytes 80..BF are what UTF-8 continuation
 * bytes turn into (€, ™, ©, ¼, NBSP...), and a letter followed by one is the mojibake
 * signature. C1 controls are never legitimate.
 */
export function cp1252SourceRarity(byte: number, codePoint: number): number {
  if (codePoint >= 0x80 && codePoint <= 0x9f) return RARE;
  if (byte >= 0xc0) return codePoint === 0xd7 || codePoint === 0xf7 ? UNUSUAL : COMMON;
  return UNUSUAL;
}
