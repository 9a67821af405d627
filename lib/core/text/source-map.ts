/**
 * The offset map from a document's decoded source text to its canonical text, so that an
 * annotation made on the source file (brat, W3C) lands on the same characters in the stored text.
 *
 * Representation: only the edits, as runs sorted by source position and never overlapping:
 * `runs` is a flat list of triples `[sourceStart, sourceLength, canonicalLength]`, all in code
 * points. Between runs the texts are equal, so an offset there moves by the sum of
 * `canonicalLength - sourceLength` of the runs before it. A run replacing one code point with one
 * (CR -> LF) is not stored: it has no inside and moves nothing. A map with no runs is `null`: the
 * offsets are equal.
 *
 * Rules for offsets that have no exact counterpart (each function takes a `bias`):
 * - Strictly inside a run (e.g. between the CR and the LF of a CRLF that became one LF, or inside
 *   `e` + U+0301 that became `é`): `backward` gives the start of the run on the other side,
 *   `forward` its end. Mapping a span's start backward and its end forward never loses a
 *   character the span covered.
 * - A canonical offset where characters were removed (a control character, U+FEFF) has several
 *   source counterparts: `backward` gives the one before the removed characters, `forward` the one
 *   after.
 * Everywhere else both biases give the same offset.
 *
 * Invariants: runs have sourceLength >= 1 (canonicalization and repair only replace or remove);
 * offsets outside [0, length] are a RangeError; sourceToCanonical(canonicalToSource(c)) === c for
 * every canonical offset c not strictly inside a run.
 */

export type MapBias = "backward" | "forward";

export interface SourceMap {
  sourceLength: number;
  canonicalLength: number;
  /** Flat triples: sourceStart, sourceLength, canonicalLength. */
  runs: number[];
}

/** One edit: `sourceLength` code points at `sourceStart` became `canonicalLength` code points. */
export interface Run {
  sourceStart: number;
  sourceLength: number;
  canonicalLength: number;
}

/** Collects runs in source order and builds the map (null when no run moves an offset). */
export class SourceMapBuilder {
  private readonly runs: number[] = [];
  private sourceEnd = 0;
  private delta = 0;

  add(sourceStart: number, sourceLength: number, canonicalLength: number): void {
    if (sourceLength < 1 || canonicalLength < 0 || sourceStart < this.sourceEnd) {
      throw new RangeError(`Invalid run at ${sourceStart}: runs must be in order, not overlapping, and replace at least one code point.`);
    }
    this.sourceEnd = sourceStart + sourceLength;
    if (sourceLength === 1 && canonicalLength === 1) return;
    this.delta += canonicalLength - sourceLength;
    this.runs.push(sourceStart, sourceLength, canonicalLength);
  }

  build(sourceLength: number): SourceMap | null {
    if (sourceLength < this.sourceEnd) throw new RangeError("A run ends after the end of the source.");
    return this.runs.length === 0 ? null : { sourceLength, canonicalLength: sourceLength + this.delta, runs: [...this.runs] };
  }
}

interface Table {
  n: number;
  s: number[]; // source start
  se: number[]; // source end
  c: number[]; // canonical start
  ce: number[]; // canonical end
}

const tables = new WeakMap<SourceMap, Table>();

function table(map: SourceMap): Table {
  let t = tables.get(map);
  if (t) return t;
  t = { n: 0, s: [], se: [], c: [], ce: [] };
  let delta = 0;
  for (let i = 0; i + 2 < map.runs.length; i += 3) {
    const [start, sl, cl] = [map.runs[i]!, map.runs[i + 1]!, map.runs[i + 2]!];
    t.s.push(start);
    t.se.push(start + sl);
    t.c.push(start + delta);
    t.ce.push(start + delta + cl);
    delta += cl - sl;
  }
  t.n = t.s.length;
  tables.set(map, t);
  return t;
}

/** First index i in [0, n] with pred(i) true; pred must be monotone (false... then true...). */
function lowerBound(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function checkRange(offset: number, length: number): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > length) throw new RangeError(`Offset ${offset} is outside 0..${length}.`);
}

/** The canonical offset for a source offset (code points). A null map is the identity. */
export function sourceToCanonical(map: SourceMap | null, offset: number, bias: MapBias = "backward"): number {
  if (!map) return offset;
  checkRange(offset, map.sourceLength);
  const t = table(map);
  // The last run starting at or before the offset.
  const i = lowerBound(t.n, (k) => t.s[k]! > offset) - 1;
  if (i < 0) return offset;
  if (offset === t.s[i]) return t.c[i]!;
  if (offset < t.se[i]!) return bias === "backward" ? t.c[i]! : t.ce[i]!;
  return t.ce[i]! + (offset - t.se[i]!);
}

/** The source offset for a canonical offset (code points). A null map is the identity. */
export function canonicalToSource(map: SourceMap | null, offset: number, bias: MapBias = "backward"): number {
  if (!map) return offset;
  checkRange(offset, map.canonicalLength);
  const t = table(map);
  // The first run that ends at or after the offset: every run before it ends strictly before.
  const i = lowerBound(t.n, (k) => t.ce[k]! >= offset);
  if (i === t.n || t.c[i]! > offset) {
    // Between runs: the texts are equal here.
    return i === 0 ? offset : t.se[i - 1]! + (offset - t.ce[i - 1]!);
  }
  if (t.c[i]! < offset && offset < t.ce[i]!) return bias === "backward" ? t.s[i]! : t.se[i]!;
  // A boundary: run i ends at the offset or starts there (or removed characters sit there).
  if (bias === "backward") return t.ce[i] === offset && t.ce[i]! > t.c[i]! ? t.se[i]! : t.s[i]!;
  let j = i;
  while (j + 1 < t.n && t.c[j + 1]! <= offset) j++;
  return t.ce[j]! > offset ? t.s[j]! : t.se[j]!;
}

/** Each run of the map as an object (source order). */
export function runsOf(map: SourceMap | null): Run[] {
  const out: Run[] = [];
  if (!map) return out;
  for (let i = 0; i + 2 < map.runs.length; i += 3) out.push({ sourceStart: map.runs[i]!, sourceLength: map.runs[i + 1]!, canonicalLength: map.runs[i + 2]! });
  return out;
}
