/**
 * Finds mojibake candidates for one suspected codepage: places where characters, turned
 * back into the bytes that codepage gave them, form well-formed UTF-8.
 *
 * How: split the text into runs of characters the codepage could have produced (and
 * U+FFFD). Within a run, the bytes between two U+FFFD form a segment, read once as UTF-8
 * from its first byte. UTF-8 is self-synchronizing, so reading from any later character
 * either starts on a boundary of that one reading (and then continues exactly like it) or
 * starts on a continuation byte (and fails at once): one reading serves every start. A
 * candidate goes from one shared character/UTF-8 boundary to a later one, decodes at least
 * one non-ASCII character, and crosses no invalid sequence. From each start the *longest*
 * candidate that is "more plausible" (plausibility.ts) than the characters it replaces
 * wins; it is found with a suffix maximum and a binary search, so the scan is
 * O(n log n) even inside a run of 200,000 suspect characters.
 *
 * A *damaged* sequence is a UTF-8 prefix of two or more bytes (e.g. E2 80 = 鈥) cut short
 * by a U+FFFD, the end of the run, or a byte that cannot continue it: the original
 * character's last byte was lost when the file was mis-decoded. It cannot be recovered.
 *
 * Invariant: both codepages only produce BMP characters, so inside a run UTF-16 code
 * units and code points coincide; edit positions are string indices (code units).
 * Pure: returns edits; applying them is the caller's job (repair.ts).
 */
import { readUtf8 } from "./utf8";
import { resultRarity } from "./plausibility";

export interface MojibakeCodec {
  /** Bytes the codepage gave this character from a byte >= 0x80 (one byte, or two as `lead << 8 | trail`), or -1. */
  bytesOf(cp: number): number;
  /** Source rarity of a character with the given bytes (plausibility.ts scale). */
  rarityOf(cp: number, bytes: number): number;
  /** Extra rarity from the surroundings of text[start..end), given what it would decode to (e.g. a lone CJK character inside a Latin word). */
  contextBonus(text: string, start: number, end: number, decoded: string): number;
}

export interface Edit {
  start: number; // string index (code unit) in the scanned text
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

const LOST = 0xfffd;
/** A damaged prefix must be at least a lead byte plus one continuation byte; a lone lead byte is too weak a signal (Portuguese "IRMÃ " is legitimate). */
const MIN_DAMAGED_PREFIX_BYTES = 2;
/** Damaged prefixes must include at least this much source rarity, so ordinary text followed by U+FFFD is left alone. */
const MIN_DAMAGED_SOURCE_RARITY = 1;
/** The context bonus vouches only for short pieces (`caf茅`): a neighbour says little about a long stretch. */
export const MAX_CONTEXTUAL_CHARS = 4;

/** One segment: consecutive suspect characters between U+FFFD / run ends, with its single UTF-8 reading. */
interface Segment {
  first: number; // string index of the first character
  count: number;
  byteStart: number[]; // byte offset of each character, plus the total at [count]
  rarity: number[]; // source rarity per character
  bytes: number[];
}

/** Per shared boundary (character start that is also a UTF-8 step start) of one valid chain. */
interface Boundary {
  char: number; // index within the segment
  s: number; // cumulative source rarity
  r: number; // cumulative result rarity
  nonAscii: number; // cumulative non-ASCII decoded characters
  step: number; // index into the decoded code points
}

function segmentEdits(text: string, seg: Segment, codec: MojibakeCodec, edits: Edit[], followedByLost: boolean): void {
  const { bytes, byteStart, count } = seg;
  const charAt = new Map<number, number>(); // byte offset -> character index starting there
  for (let k = 0; k <= count; k++) charAt.set(byteStart[k], k);
  const decoded: number[] = [];
  // bestFrom[k]: the accepted clean edit starting at character k; damagedFrom[k]: damaged end.
  const bestFrom = new Map<number, () => Edit>(); // built only when taken: untaken ones may be long
  const damagedFrom = new Map<number, number>();
  let chain: Boundary[] = [];
  // Cumulative over the segment; only differences within one chain are used.
  let s = 0;
  let r = 0;
  let nonAscii = 0;
  let sourceUpTo = 0; // characters whose rarity is in `s`
  const addBoundary = (pos: number) => {
    const k = charAt.get(pos);
    if (k === undefined) return;
    while (sourceUpTo < k) s += seg.rarity[sourceUpTo++];
    chain.push({ char: k, s, r, nonAscii, step: decoded.length });
  };
  const closeChain = () => {
    if (chain.length > 1) chainEdits(text, seg, codec, chain, decoded, bestFrom);
    chain = [];
  };
  let pos = 0;
  addBoundary(0);
  while (pos < bytes.length) {
    const step = readUtf8(bytes, pos);
    if (step.kind === "char") {
      decoded.push(step.codePoint);
      r += resultRarity(step.codePoint);
      if (step.codePoint > 0x7f) nonAscii++;
      pos += step.length;
      addBoundary(pos);
      continue;
    }
    closeChain();
    const k = charAt.get(pos);
    const endChar = charAt.get(pos + step.length);
    if (k !== undefined && endChar !== undefined && step.length >= MIN_DAMAGED_PREFIX_BYTES) damagedFrom.set(k, endChar);
    pos += step.length;
    addBoundary(pos);
  }
  closeChain();

  let k = 0;
  while (k < count) {
    const build = bestFrom.get(k);
    if (build) {
      const clean = build();
      edits.push(clean);
      k = clean.end - seg.first;
      continue;
    }
    const damagedEnd = damagedFrom.get(k);
    if (damagedEnd !== undefined && sumRarity(seg, k, damagedEnd) >= MIN_DAMAGED_SOURCE_RARITY) {
      const start = seg.first + k;
      const end = seg.first + damagedEnd + (damagedEnd === count && followedByLost ? 1 : 0);
      edits.push({ start, end, from: text.slice(start, end), to: "\uFFFD", gain: 0, damaged: true, contextual: false });
      k = damagedEnd;
      continue;
    }
    k++;
  }
}

function sumRarity(seg: Segment, from: number, to: number): number {
  let total = 0;
  for (let k = from; k < to; k++) total += seg.rarity[k];
  return total;
}

/** Chooses, for every boundary of one valid chain, the longest acceptable candidate. */
function chainEdits(text: string, seg: Segment, codec: MojibakeCodec, chain: Boundary[], decoded: number[], out: Map<number, () => Edit>): void {
  const n = chain.length;
  // D = source - result rarity; a candidate i..e stands on its own when D[e] > D[i].
  const d = chain.map((b) => b.s - b.r);
  const sufMax = new Array<number>(n + 1).fill(-Infinity);
  for (let i = n - 1; i >= 0; i--) sufMax[i] = Math.max(d[i], sufMax[i + 1]);
  const make = (i: number, e: number, bonus: number): Edit => {
    const start = seg.first + chain[i].char;
    const end = seg.first + chain[e].char;
    const to = fromCodePoints(decoded, chain[i].step, chain[e].step);
    return { start, end, from: text.slice(start, end), to, gain: d[e] - d[i] + bonus, damaged: false, contextual: d[e] <= d[i] };
  };
  for (let i = 0; i < n - 1; i++) {
    // sufMax is non-increasing: binary search the last index whose suffix maximum beats d[i].
    let lo = i + 1;
    let hi = n - 1;
    let own = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sufMax[mid] > d[i]) {
        own = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Without a non-ASCII character decoded there is nothing to repair (nonAscii only grows).
    if (own >= 0 && chain[own].nonAscii === chain[i].nonAscii) own = -1;
    let best = own;
    let bestBonus = 0;
    for (let e = i + 1; e < n && chain[e].char - chain[i].char <= MAX_CONTEXTUAL_CHARS; e++) {
      if (chain[e].nonAscii === chain[i].nonAscii) continue;
      const to = fromCodePoints(decoded, chain[i].step, chain[e].step);
      const bonus = codec.contextBonus(text, seg.first + chain[i].char, seg.first + chain[e].char, to);
      if (e === own) bestBonus = bonus;
      else if (e > best && d[e] + bonus > d[i]) {
        best = e;
        bestBonus = bonus;
      }
    }
    if (best >= 0) {
      const [e, bonus] = [best, bestBonus];
      out.set(chain[i].char, () => make(i, e, bonus));
    }
  }
}

/** String.fromCodePoint over a slice, in chunks (a 200,000-character edit would overflow the argument list). */
function fromCodePoints(cps: number[], from: number, to: number): string {
  const CHUNK = 4096;
  let out = "";
  for (let i = from; i < to; i += CHUNK) out += String.fromCodePoint(...cps.slice(i, Math.min(to, i + CHUNK)));
  return out;
}

/** Scans `text` for candidates of one codec. */
export function scanMojibake(text: string, codec: MojibakeCodec): ScanResult {
  const edits: Edit[] = [];
  let runChars = 0;
  let seg: Segment | null = null;
  const flush = (followedByLost: boolean) => {
    if (seg && seg.count > 0) segmentEdits(text, seg, codec, edits, followedByLost);
    seg = null;
  };
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    const bytes = cp < 0x80 ? -1 : codec.bytesOf(cp);
    if (bytes < 0) {
      flush(cp === LOST);
      if (cp === LOST) runChars++;
      continue;
    }
    runChars++;
    if (!seg) seg = { first: i, count: 0, byteStart: [0], rarity: [], bytes: [] };
    const s: Segment = seg;
    if (bytes > 0xff) s.bytes.push(bytes >> 8, bytes & 0xff);
    else s.bytes.push(bytes);
    s.rarity.push(codec.rarityOf(cp, bytes));
    s.count++;
    s.byteStart.push(s.bytes.length);
  }
  flush(false);
  return { edits, runChars };
}
