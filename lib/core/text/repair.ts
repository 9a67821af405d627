/**
 * Detects and repairs mojibake: UTF-8 bytes that were decoded with the wrong codepage
 * and saved again, e.g. `cafÃ©` (UTF-8 read as Windows-1252) or `State鈥檚` (UTF-8 read
 * as GBK).
 *
 * Method (segment-wise, never whole-document re-decoding): mojibake-scan.ts finds runs
 * of characters the codepage could have produced, turns them back into bytes, and keeps
 * the pieces that are well-formed UTF-8 *and* more plausible than what they replace.
 * Each codepage is scanned separately; the one with the most evidence that also passes
 * its confirmation rule wins, so one text gets at most one kind of repair.
 *
 * What repair cannot fix is reported, never passed over: `unrecoveredRuns` lists the
 * garbled passages left in the returned text (mojibake-residue.ts) and, after a repair,
 * its U+FFFD marks, by code-point offset. In sample 003 the garbled passages are italic
 * words (`产补测’a丑` = bay’ah, `补濒-狈补产补` = al-Naba’) whose font mapped each letter to an
 * ideograph already in the PDF's text layer: the letters are not in the bytes. Each such
 * ideograph is the simplified form of a traditional one whose GBK code ends in the letter
 * (补 <- 補 D1 61 "a"), but the step back is ambiguous (产 <- 產 AE 61 "a" or 産 AE 62 "b")
 * and needs a variant table, so these are reported, not guessed.
 *
 * Invariants:
 * - Text with no confirmed kind is returned unchanged (`applied === false`), so real
 *   Chinese, German, Portuguese, Arabic text and emoji pass through untouched.
 * - A damaged sequence (a UTF-8 prefix whose last byte was lost, e.g. `鈥�`) becomes a
 *   single U+FFFD and counts once in `unrecoverable`; it is only treated as damage when
 *   the same kind was confirmed by at least one clean repair.
 */
import { cp1252Byte, gbkBytes } from "./codepages";
import { scanMojibake, type Edit, type MojibakeCodec } from "./mojibake-scan";
import { findUnrecoveredRuns, type Residue, type UnrecoveredRun } from "./mojibake-residue";
import { cp1252SourceRarity, gbkSourceRarity } from "./plausibility";

export type MojibakeKind = "utf8-as-cp1252" | "utf8-as-gbk";

export interface Replacement {
  from: string;
  to: string;
  count: number;
}

export interface RepairResult {
  text: string;
  applied: boolean;
  kind: MojibakeKind | null;
  /** Distinct substitutions, most frequent first; damaged sequences appear with `to: "\uFFFD"`. */
  replacements: Replacement[];
  /** Damaged sequences replaced by U+FFFD: characters that could not be recovered. */
  unrecoverable: number;
  /** Garbled passages and lost characters left in `text` (the first few; see mojibake-residue.ts). */
  unrecoveredRuns: UnrecoveredRun[];
  /** How many such runs there are in all. */
  unrecoveredRunCount: number;
  /** How many of them are garbled passages (the rest are lost characters). */
  garbledRunCount: number;
}

/**
 * A CJK character glued to a Latin letter and to no other non-ASCII letter (`caf茅`) is
 * suspicious even when the character itself is common, if it would decode to a Latin
 * letter; this is how much rarity that context adds.
 */
export const ADJACENT_LATIN_BONUS = 2;
/**
 * Share of the suspect-run characters that GBK repairs must explain. Real Chinese text
 * contains the occasional character pair that happens to be valid UTF-8; mojibake
 * consists almost only of such pairs.
 */
export const GBK_MIN_EXPLAINED_SHARE = 0.5;
/**
 * When no GBK repair stands on its own (all rely on the Latin-neighbour bonus), this many
 * are needed: one `Moutai没` is ambiguous, a text full of `cr猫me br没l茅e` is not.
 */
export const GBK_MIN_CONTEXTUAL_EDITS = 3;

const isAsciiLetter = (cp: number | undefined) => cp !== undefined && ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a));
/** Accented Latin letters (Latin-1 supplement, Latin Extended-A): what `caf茅`-style mojibake hides. */
const LATIN_LETTERS = /^[\u00C0-\u017F]+$/u;
const NON_ASCII_LETTER = /^\p{L}$/u;
const isNonAsciiLetter = (cp: number | undefined) => cp !== undefined && cp > 0x7f && NON_ASCII_LETTER.test(String.fromCodePoint(cp));
const codePointBefore = (text: string, i: number) => (i > 0 ? (text.codePointAt(i - 1) ?? undefined) : undefined);

const cp1252Codec: MojibakeCodec = {
  bytesOf: (cp) => cp1252Byte(cp) ?? -1,
  rarityOf: (cp, byte) => cp1252SourceRarity(byte, cp),
  contextBonus: () => 0,
};

const gbkCodec: MojibakeCodec = {
  bytesOf(cp) {
    const pair = gbkBytes(cp);
    return pair === null ? -1 : (pair[0] << 8) | pair[1];
  },
  rarityOf: (_cp, code) => gbkSourceRarity(code >> 8, code & 0xff),
  contextBonus(text, start, end, decoded) {
    // Only Latin letters are suspected this way: `小a` is Chinese next to a letter, not Cyrillic `С`.
    if (!LATIN_LETTERS.test(decoded)) return 0;
    const before = codePointBefore(text, start);
    const after = text.codePointAt(end);
    // Next to another non-ASCII letter (`Moutai茅台`) the character is part of real CJK text.
    if (isNonAsciiLetter(before) || isNonAsciiLetter(after)) return 0;
    return isAsciiLetter(before) || isAsciiLetter(after) ? ADJACENT_LATIN_BONUS : 0;
  },
};

interface Verdict {
  kind: MojibakeKind;
  edits: Edit[];
  gain: number;
}

function judge(kind: MojibakeKind, text: string, codec: MojibakeCodec): Verdict | null {
  const { edits, runChars } = scanMojibake(text, codec);
  const clean = edits.filter((e) => !e.damaged);
  if (clean.length === 0) return null;
  if (kind === "utf8-as-gbk") {
    const explained = edits.reduce((n, e) => n + (e.end - e.start), 0);
    if (explained < runChars * GBK_MIN_EXPLAINED_SHARE) return null;
    if (clean.every((e) => e.contextual) && clean.length < GBK_MIN_CONTEXTUAL_EDITS) return null;
  }
  return { kind, edits, gain: clean.reduce((n, e) => n + e.gain, 0) };
}

function summarize(edits: Edit[]): Replacement[] {
  const byKey = new Map<string, Replacement>();
  for (const e of edits) {
    const key = `${e.from}\u0000${e.to}`;
    const existing = byKey.get(key);
    if (existing) existing.count++;
    else byKey.set(key, { from: e.from, to: e.to, count: 1 });
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || (a.from < b.from ? -1 : 1));
}

export function detectAndRepairMojibake(text: string): RepairResult {
  // ASCII text can hold neither mojibake nor anything mojibake-residue.ts reports.
  if (!/[^\x00-\x7f]/.test(text)) return { text, applied: false, kind: null, replacements: [], unrecoverable: 0, unrecoveredRuns: [], unrecoveredRunCount: 0, garbledRunCount: 0 };
  const verdicts = [judge("utf8-as-cp1252", text, cp1252Codec), judge("utf8-as-gbk", text, gbkCodec)];
  const best = verdicts.reduce<Verdict | null>((a, v) => (v && (!a || v.gain > a.gain) ? v : a), null);
  if (!best) {
    const residue = findUnrecoveredRuns(text, { includeLost: false });
    return { text, applied: false, kind: null, replacements: [], unrecoverable: 0, ...residueFields(residue) };
  }
  const out: string[] = [];
  let pos = 0;
  for (const e of best.edits) {
    out.push(text.slice(pos, e.start), e.to);
    pos = e.end;
  }
  out.push(text.slice(pos));
  const repaired = out.join("");
  const unrecoverable = best.edits.filter((e) => e.damaged).length;
  const residue = findUnrecoveredRuns(repaired, { includeLost: unrecoverable > 0 });
  return {
    text: repaired,
    applied: true,
    kind: best.kind,
    replacements: summarize(best.edits),
    unrecoverable,
    ...residueFields(residue),
  };
}

export function residueFields(residue: Residue): Pick<RepairResult, "unrecoveredRuns" | "unrecoveredRunCount" | "garbledRunCount"> {
  return { unrecoveredRuns: residue.runs, unrecoveredRunCount: residue.total, garbledRunCount: residue.garbled };
}

/** Number of characters (code points) a repair turned back into their real form, damaged ones excluded. */
export function repairedCharCount(replacements: Replacement[]): number {
  return replacements
    .filter((r) => r.to !== "\uFFFD")
    .reduce((n, r) => n + Array.from(r.from).length * r.count, 0);
}
