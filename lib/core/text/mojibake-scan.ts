/**
 * Finds mojibake candidates for one suspected codepage: places where characters, turned
 * back into the bytes that codepage gave them, form well-formed UTF-8.
 *
 * How: split the text into runs of characters the codepage could have produced; inside a
 * run, from each position, re-encode characters one by one and read the bytes as UTF-8.
 * Every point where the bytes end exactly on a character boundary and at least one
 * non-ASCII character was decoded is a candidate end; the longest candidate that is "more
 * plausible" (plausibility.ts) than the characters it replaces wins.
 *
 * A *damaged* sequence is a UTF-8 prefix of two or more bytes (e.g. E2 80 = 鈥) cut short
 * by a U+FFFD, the end of the run, or a byte that cannot continue it: the original
 * character's last byte was lost when the file was mis-decoded. It cannot be recovered.
 *
 * Pure: works on an array of code-point strings and returns edits; applying them is the
 * caller's job (repair.ts).
 */
import { readUtf8 } from "./utf8";
import { stringRarity } from "./plausibility";

export interface SuspectChar {
  bytes: number[];
  rarity: number;
}

export interface MojibakeCodec {
  /** Bytes and rarity of a character this codepage could have produced from a byte >= 0x80, else null. */
  classify(cp: number): SuspectChar | null;
  /** Extra rarity from the surroundings of chars[start..end), given what it would decode to (e.g. a lone CJK character inside a Latin word). */
  contextBonus(chars: string[], start: number, end: number, decoded: string): number;
}

export interface Edit {
  start: number; // index into the code-point array
  end: number;
  from: string;
  to: string;
  /** Rarity removed by the edit: evidence that the codepage guess is right. */
  gain: number;
  damaged: boolean;
  /** Accepted only thanks to the context bonus: weaker evidence than an edit that stands on its own. */
  contextual: boolean;
}

export interface ScanResult {
  edits: Edit[];
  /** Characters of all suspect runs, to judge what share of them the edits explain. */
  runChars: number;
}

const LOST = "\uFFFD";
/** A damaged prefix must be at least a lead byte plus one continuation byte; a lone lead byte is too weak a signal (Portuguese "IRMÃ " is legitimate). */
const MIN_DAMAGED_PREFIX_BYTES = 2;
/** Damaged prefixes must include at least this much source rarity, so ordinary text followed by U+FFFD is left alone. */
const MIN_DAMAGED_SOURCE_RARITY = 1;

interface Attempt {
  /** Candidate ends (exclusive char index) with their decoded text, shortest first. */
  clean: { end: number; text: string }[];
  /** Char range of a damaged prefix starting at the attempt's start, if any. */
  damagedEnd: number | null;
}

function attempt(chars: string[], info: (SuspectChar | null)[], start: number, runEnd: number): Attempt {
  const bytes: number[] = [];
  const charEnds: number[] = []; // byte length after each char
  const decoded: number[] = [];
  const clean: { end: number; text: string }[] = [];
  let pos = 0;
  let hasNonAscii = false;
  let pendingStep: ReturnType<typeof readUtf8> | null = null;
  let k = start;
  outer: for (; k < runEnd; k++) {
    const suspect = info[k];
    if (!suspect) break; // U+FFFD: the byte(s) here were lost
    bytes.push(...suspect.bytes);
    charEnds.push(bytes.length);
    while (pos < bytes.length) {
      const step = readUtf8(bytes, pos);
      if (step.kind === "char") {
        decoded.push(step.codePoint);
        if (step.codePoint > 0x7f) hasNonAscii = true;
        pos += step.length;
        pendingStep = null;
      } else {
        pendingStep = step;
        if (step.kind === "invalid") break outer;
        break;
      }
    }
    if (pos === bytes.length && hasNonAscii) clean.push({ end: k + 1, text: String.fromCodePoint(...decoded) });
  }
  let damagedEnd: number | null = null;
  if (clean.length === 0 && decoded.length === 0 && pendingStep && pendingStep.length >= MIN_DAMAGED_PREFIX_BYTES) {
    // The prefix must cover whole characters; absorb the U+FFFD that marks the loss.
    const prefixChars = charEnds.indexOf(pendingStep.length);
    if (prefixChars >= 0) {
      damagedEnd = start + prefixChars + 1;
      if (damagedEnd < runEnd && chars[damagedEnd] === LOST) damagedEnd++;
    }
  }
  return { clean, damagedEnd };
}

function sourceRarity(info: (SuspectChar | null)[], start: number, end: number): number {
  let total = 0;
  for (let i = start; i < end; i++) total += info[i]?.rarity ?? 0;
  return total;
}

/** Scans `chars` (the text split into code points) for candidates of one codec. */
export function scanMojibake(chars: string[], codec: MojibakeCodec): ScanResult {
  const info: (SuspectChar | null)[] = new Array(chars.length).fill(null);
  const inRun: boolean[] = new Array(chars.length).fill(false);
  for (let i = 0; i < chars.length; i++) {
    const cp = chars[i].codePointAt(0)!;
    if (cp < 0x80) continue;
    info[i] = codec.classify(cp);
    inRun[i] = info[i] !== null || chars[i] === LOST;
  }
  const edits: Edit[] = [];
  let runChars = 0;
  let i = 0;
  while (i < chars.length) {
    if (!inRun[i]) {
      i++;
      continue;
    }
    let runEnd = i;
    while (runEnd < chars.length && inRun[runEnd]) runEnd++;
    runChars += runEnd - i;
    let j = i;
    while (j < runEnd) {
      const { clean, damagedEnd } = info[j] ? attempt(chars, info, j, runEnd) : { clean: [], damagedEnd: null };
      let accepted: Edit | null = null;
      for (let c = clean.length - 1; c >= 0 && !accepted; c--) {
        const { end, text } = clean[c];
        const intrinsic = sourceRarity(info, j, end);
        const source = intrinsic + codec.contextBonus(chars, j, end, text);
        const result = stringRarity(text);
        if (result < source) {
          const from = chars.slice(j, end).join("");
          accepted = { start: j, end, from, to: text, gain: source - result, damaged: false, contextual: result >= intrinsic };
        }
      }
      if (!accepted && damagedEnd !== null && sourceRarity(info, j, damagedEnd) >= MIN_DAMAGED_SOURCE_RARITY) {
        accepted = { start: j, end: damagedEnd, from: chars.slice(j, damagedEnd).join(""), to: LOST, gain: 0, damaged: true, contextual: false };
      }
      if (accepted) {
        edits.push(accepted);
        j = accepted.end;
      } else j++;
    }
    i = runEnd;
  }
  return { edits, runChars };
}
