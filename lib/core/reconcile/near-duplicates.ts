/**
 * Near-duplicate passages between documents: reprints, scraped fragments and light paraphrase,
 * so that a copied report is not counted as a second source (claims.md "Sources").
 *
 * Method: each document's words (letters and digits, NFKC, lower case) form overlapping
 * SHINGLE_WORDS-word shingles, hashed to 32 bits. An inverted index maps each hash to where it
 * occurs; only documents sharing a hash are ever compared, and hashes found in more than
 * MAX_DOCUMENTS_PER_SHINGLE documents (stock phrases) are ignored. For each document pair the
 * shared shingles are chained in text order, allowing gaps of up to MAX_GAP shingles in both
 * documents so an edited word (which breaks SHINGLE_WORDS shingles) does not split a passage.
 * A chain is reported when it has MIN_SHARED shingles and its Jaccard similarity (shared
 * shingles over the distinct shingles of both passages) reaches MIN_SIMILARITY.
 * Ranges are in code points of each document's text, end exclusive (like spans).
 */
import type { CpRange } from "./types";

export const SHINGLE_WORDS = 5;
/** A gap of two shingle lengths bridges one edited word and a little more. */
export const MAX_GAP = 2 * SHINGLE_WORDS;
/** Three shared shingles: at least seven words in the same order. */
export const MIN_SHARED = 3;
/** One word in ten changed leaves about a third of the shingles shared. */
export const MIN_SIMILARITY = 0.3;
export const MAX_DOCUMENTS_PER_SHINGLE = 50;
/** Occurrences of one shingle in one document beyond which it is not used for matching. */
export const MAX_REPEATS = 4;

export type PassageDocument = { id: string; text: string };
export type DuplicatePassage = { docA: string; a: CpRange; docB: string; b: CpRange; similarity: number };

type Word = { start: number; end: number };
type Shingled = { id: string; words: Word[]; hashes: Uint32Array };

/** FNV-1a over the code units of a string. */
function fnv1a(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Words with their code point ranges, and the hash of each shingle starting at word i. */
function shingle(doc: PassageDocument): Shingled {
  const words: Word[] = [];
  const norms: string[] = [];
  const re = /[\p{L}\p{N}\p{M}]+/gu;
  let cp = 0;
  let u16 = 0;
  const toCp = (target: number) => {
    for (; u16 < target; u16++) {
      const c = doc.text.charCodeAt(u16);
      if (c < 0xdc00 || c > 0xdfff || u16 === 0 || doc.text.charCodeAt(u16 - 1) < 0xd800 || doc.text.charCodeAt(u16 - 1) > 0xdbff) cp++;
    }
    return cp;
  };
  for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
    const start = toCp(m.index);
    const end = toCp(m.index + m[0].length);
    words.push({ start, end });
    norms.push(m[0].normalize("NFKC").toLowerCase());
  }
  const n = Math.max(0, words.length - SHINGLE_WORDS + 1);
  const hashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) hashes[i] = fnv1a(norms.slice(i, i + SHINGLE_WORDS).join(" "));
  return { id: doc.id, words, hashes };
}

export function findNearDuplicates(docs: readonly PassageDocument[]): DuplicatePassage[] {
  const shingled = docs.map(shingle);
  // hash -> document index -> shingle positions
  const index = new Map<number, Map<number, number[]>>();
  shingled.forEach((d, di) => {
    d.hashes.forEach((h, pos) => {
      let perDoc = index.get(h);
      if (!perDoc) index.set(h, (perDoc = new Map()));
      const list = perDoc.get(di);
      if (list) list.push(pos);
      else perDoc.set(di, [pos]);
    });
  });
  // document pair -> matched positions (i in the first document, j in the second)
  const matches = new Map<string, [number, number][]>();
  for (const perDoc of index.values()) {
    if (perDoc.size < 2 || perDoc.size > MAX_DOCUMENTS_PER_SHINGLE) continue;
    const ds = [...perDoc.keys()].sort((x, y) => x - y);
    for (let x = 0; x < ds.length; x++) {
      for (let y = x + 1; y < ds.length; y++) {
        const xs = perDoc.get(ds[x])!;
        const ys = perDoc.get(ds[y])!;
        // A shingle repeated within a document (a refrain, a table) says nothing about copying.
        if (xs.length > MAX_REPEATS || ys.length > MAX_REPEATS) continue;
        const key = `${ds[x]},${ds[y]}`;
        const list = matches.get(key) ?? [];
        for (const i of xs) for (const j of ys) list.push([i, j]);
        matches.set(key, list);
      }
    }
  }
  const out: DuplicatePassage[] = [];
  for (const [key, pairs] of matches) {
    const [x, y] = key.split(",").map(Number);
    out.push(...chain(shingled[x], shingled[y], pairs));
  }
  return out.sort((p, q) => (p.docA < q.docA ? -1 : p.docA > q.docA ? 1 : p.a.start - q.a.start));
}

/** Chains matches in order of the first document into passages; see the module comment. */
function chain(A: Shingled, B: Shingled, pairs: [number, number][]): DuplicatePassage[] {
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const out: DuplicatePassage[] = [];
  let run: [number, number][] = [];
  const flush = () => {
    if (run.length >= MIN_SHARED) {
      const passage = measure(A, B, run);
      if (passage.similarity >= MIN_SIMILARITY) out.push(passage);
    }
    run = [];
  };
  for (const p of pairs) {
    const last = run[run.length - 1];
    if (last && p[0] === last[0]) continue; // a repeated shingle: keep its first partner in this run
    if (last && !(p[0] - last[0] <= MAX_GAP && p[1] > last[1] && p[1] - last[1] <= MAX_GAP)) flush();
    run.push(p);
  }
  flush();
  return out;
}

function measure(A: Shingled, B: Shingled, run: [number, number][]): DuplicatePassage {
  const [i0, i1] = [run[0][0], run[run.length - 1][0]];
  const [j0, j1] = [run[0][1], run[run.length - 1][1]];
  const inA = new Set(A.hashes.subarray(i0, i1 + 1));
  const inB = new Set(B.hashes.subarray(j0, j1 + 1));
  let shared = 0;
  for (const h of inA) if (inB.has(h)) shared++;
  const union = inA.size + inB.size - shared;
  const range = (d: Shingled, s: number, e: number): CpRange => ({ start: d.words[s].start, end: d.words[e + SHINGLE_WORDS - 1].end });
  return { docA: A.id, a: range(A, i0, i1), docB: B.id, b: range(B, j0, j1), similarity: union === 0 ? 0 : shared / union };
}
