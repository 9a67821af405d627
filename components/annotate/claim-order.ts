/** Pure helpers of the annotation workspace: reading order, compact and paint forms of claims. */
import type { PaintClaim } from "@/components/editor/painter";
import type { UnderlineStyle } from "@/lib/core/color/palette";
import type { CompactClaim, FullClaim } from "./types";

export const toCompact = (c: FullClaim): CompactClaim => ({
  id: String(c.seq), typeId: c.claimTypeId, authorId: c.authorId, status: c.status, version: c.version,
  spans: c.spans.map((s) => [s.start, s.end] as [number, number]),
});

/** Reading order, as the server sends it: first offset, then claim number. */
export function byStart(a: CompactClaim, b: CompactClaim) {
  return (a.spans[0]?.[0] ?? 0) - (b.spans[0]?.[0] ?? 0) || Number(a.id) - Number(b.id);
}

/** Inserts into a list kept in reading order without re-sorting it (binary search). */
export function insertSorted(list: CompactClaim[], c: CompactClaim): CompactClaim[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byStart(list[mid]!, c) < 0) lo = mid + 1;
    else hi = mid;
  }
  return [...list.slice(0, lo), c, ...list.slice(lo)];
}

/** PaintClaims are derived once per claim object, so unchanged claims compare equal by identity. */
const paintCache = new WeakMap<CompactClaim, PaintClaim>();

export function toPaintClaim(c: CompactClaim, type: { key: string; color: string; underline?: UnderlineStyle } | undefined): PaintClaim {
  let p = paintCache.get(c);
  if (!p) {
    p = { id: c.id, typeKey: type?.key ?? "other", color: type?.color ?? "#999999", spans: c.spans.map(([start, end]) => ({ start, end })) };
    if (type?.underline) p.underline = type.underline;
    paintCache.set(c, p);
  }
  return p;
}
