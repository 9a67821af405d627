/**
 * Static interval index for hit-testing highlights (the CSS Highlight API has no element to click).
 *
 * Structure: intervals sorted by start, viewed as an implicit balanced binary tree over the sorted
 * array (node = middle of a sub-range) where every node stores the largest end in its sub-range.
 * A query skips any sub-range whose max end cannot reach it and, because starts are sorted, any
 * right part that starts too late. Build O(n log n), query O(log n + k) for k answers; memory is
 * three typed arrays. Immutable: rebuild when the claims change (20,000 spans build in a few ms).
 *
 * Semantics: intervals are half-open [start, end); empty ones never match. Results keep each item
 * once (by id; a claim with several spans is one hit), ordered by the start of its first matching
 * span, ties in input order.
 */

export interface IntervalEntry<T> {
  item: T;
  start: number;
  end: number;
}

export class IntervalIndex<T extends { id: string }> {
  private readonly items: T[];
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  /** maxEnd[mid] = max end over the sub-range whose middle is mid. */
  private readonly maxEnd: Float64Array;

  constructor(entries: readonly IntervalEntry<T>[]) {
    const valid = entries
      .map((e, order) => ({ e, order }))
      .filter(({ e }) => Number.isFinite(e.start) && Number.isFinite(e.end) && e.end > e.start);
    valid.sort((a, b) => a.e.start - b.e.start || a.order - b.order);
    const n = valid.length;
    this.items = valid.map((v) => v.e.item);
    this.starts = Float64Array.from(valid, (v) => v.e.start);
    this.ends = Float64Array.from(valid, (v) => v.e.end);
    this.maxEnd = new Float64Array(n);
    if (n > 0) this.build(0, n - 1);
  }

  get size(): number {
    return this.items.length;
  }

  private build(lo: number, hi: number): number {
    const mid = (lo + hi) >>> 1;
    let m = this.ends[mid];
    if (lo < mid) m = Math.max(m, this.build(lo, mid - 1));
    if (mid < hi) m = Math.max(m, this.build(mid + 1, hi));
    this.maxEnd[mid] = m;
    return m;
  }

  /** Items with an interval covering `point` (start <= point < end). */
  at(point: number): T[] {
    return this.query(point, (s) => s <= point);
  }

  /** Items with an interval sharing at least one point with [start, end); [] when end <= start. */
  overlapping(start: number, end: number): T[] {
    if (!(end > start)) return [];
    return this.query(start, (s) => s < end);
  }

  /**
   * Collect intervals with end > after and startOk(start). startOk must be monotone (true for a
   * prefix of the sorted starts), which lets the walk drop right halves.
   */
  private query(after: number, startOk: (s: number) => boolean): T[] {
    const hits: number[] = [];
    const n = this.items.length;
    if (n === 0) return [];
    const stack: number[] = [0, n - 1];
    while (stack.length > 0) {
      const hi = stack.pop() as number;
      const lo = stack.pop() as number;
      const mid = (lo + hi) >>> 1;
      if (this.maxEnd[mid] <= after) continue; // nothing here reaches the query
      if (lo < mid) stack.push(lo, mid - 1);
      if (!startOk(this.starts[mid])) continue; // mid and everything right of it start too late
      if (this.ends[mid] > after) hits.push(mid);
      if (mid < hi) stack.push(mid + 1, hi);
    }
    hits.sort((a, b) => a - b);
    const seen = new Set<string>();
    const out: T[] = [];
    for (const h of hits) {
      const item = this.items[h];
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push(item);
    }
    return out;
  }
}
