/**
 * Composition of offset maps (source-map.ts): the map X -> Z from X -> Y and Y -> Z, e.g. decoded
 * text -> repaired text -> canonical text.
 *
 * Method: walk both maps as consecutive segments (equal text, or an edit) over the shared middle
 * text Y. Where both are equal text, the result is equal text; an edit on either side opens a run
 * that grows until both sides have consumed the same stretch of Y.
 *
 * Invariants: runs of the two maps that overlap in Y become one run; runs that only touch stay
 * apart, and a removal by the first map at the start of the second's run stays its own run, so no
 * boundary is lost; wherever an offset is not inside a run of the result, the result equals
 * applying the two maps in turn.
 */
import { runsOf, SourceMapBuilder, type Run, type SourceMap } from "./source-map";

/** A piece of a map: `id` (equal text, p === q) or an edit; p = length before, q = length after. */
interface Segment {
  id: boolean;
  p: number;
  q: number;
}

/** Walks a map as consecutive segments covering the whole source; identity segments can be split. */
class SegmentCursor {
  private readonly runs: Run[];
  private next = 0;
  private pos = 0;
  private readonly length: number;
  current: Segment | null = null;

  constructor(map: SourceMap) {
    this.runs = runsOf(map);
    this.length = map.sourceLength;
    this.advance();
  }

  advance(): void {
    const run = this.runs[this.next];
    if (run && run.sourceStart === this.pos) {
      this.current = { id: false, p: run.sourceLength, q: run.canonicalLength };
      this.pos += run.sourceLength;
      this.next++;
    } else {
      const end = run ? run.sourceStart : this.length;
      this.current = end > this.pos ? { id: true, p: end - this.pos, q: end - this.pos } : null;
      this.pos = end;
    }
  }

  /** Takes m units of the current identity segment. */
  consume(m: number): void {
    const c = this.current!;
    if (m >= c.p) this.advance();
    else this.current = { id: true, p: c.p - m, q: c.q - m };
  }
}

/**
 * The map X -> Z from a: X -> Y and b: Y -> Z. Runs of a and b that overlap in Y become one run;
 * runs that only touch stay apart, and a removal by a stays its own run, so no boundary is lost.
 */
export function composeMaps(a: SourceMap | null, b: SourceMap | null): SourceMap | null {
  if (!a) return b;
  if (!b) return a;
  if (a.canonicalLength !== b.sourceLength) throw new RangeError("The maps do not meet: a's canonical length differs from b's source length.");
  const A = new SegmentCursor(a);
  const B = new SegmentCursor(b);
  const out = new SourceMapBuilder();
  const broken = () => new RangeError("The maps do not meet.");
  let x = 0;
  while (A.current || B.current) {
    const sa = A.current;
    const sb = B.current;
    if (sa && sa.id && sb && sb.id) {
      const m = Math.min(sa.q, sb.p);
      x += m;
      A.consume(m);
      B.consume(m);
      continue;
    }
    // A run opens here; d = Y produced on a's side minus Y consumed on b's side.
    let px = 0;
    let pz = 0;
    let d = 0;
    if (sa && !sa.id) {
      px += sa.p;
      d += sa.q;
      A.advance();
    }
    if (sb && !sb.id && !(sa && !sa.id && sa.q === 0)) {
      pz += sb.q;
      d -= sb.p;
      B.advance();
    }
    while (d !== 0) {
      const cur = d > 0 ? B.current : A.current;
      if (!cur) throw broken();
      if (d > 0) {
        if (cur.id) {
          const m = Math.min(cur.p, d);
          pz += m;
          d -= m;
          B.consume(m);
        } else {
          pz += cur.q;
          d -= cur.p;
          B.advance();
        }
      } else if (cur.id) {
        const m = Math.min(cur.q, -d);
        px += m;
        d += m;
        A.consume(m);
      } else {
        px += cur.p;
        d += cur.q;
        A.advance();
      }
    }
    if (px === 0) throw broken();
    out.add(x, px, pz);
    x += px;
  }
  return out.build(a.sourceLength);
}
