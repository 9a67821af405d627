/**
 * The compact, columnar form in which a document's claims travel to the reading view: thousands of
 * claims as a handful of columns instead of thousands of objects (smaller payload, faster to parse).
 * - types and authors are indexes into small tables sent alongside;
 * - a column whose values are all equal (one author, every claim a draft) is sent as one value;
 * - span offsets are delta-encoded: each start relative to the previous span's start, each end as
 *   a length, so in reading order most numbers have one or two digits.
 * Invariant: every column has `count` entries (or is constant), `ids` joins `count` ids, and `spans`
 * holds 2 * sum(spanCount) numbers. Statuses travel as their index in CLAIM_STATUSES; an index
 * outside it is refused (the list is corrupt or from another version), never read as a draft.
 */
import { claimStatusAt, claimStatusIndex, type ClaimStatus } from "@/lib/core/claim-status";

/** A column of small integers; `{ all: v }` when every entry is v. */
export type Column = number[] | { all: number };

export interface PackedClaims {
  typeIds: string[];
  authorIds: string[];
  count: number;
  /** claim ids joined with "," (ids never contain one): one string is far cheaper to send than thousands */
  ids: string;
  type: Column;
  author: Column;
  status: Column;
  version: Column;
  spanCount: Column;
  /** per span: start minus the previous span's start, then end minus start */
  spans: number[];
}

export interface UnpackedClaim {
  id: string;
  typeId: string;
  authorId: string;
  status: ClaimStatus;
  version: number;
  spans: [number, number][];
}

function column(values: number[]): Column {
  return values.length > 0 && values.every((v) => v === values[0]) ? { all: values[0]! } : values;
}

function at(c: Column, i: number): number {
  return Array.isArray(c) ? c[i]! : c.all;
}

/** Builds the packed form from claims, keeping their order. */
export function packClaims(claims: UnpackedClaim[]): PackedClaims {
  const typeIds: string[] = [];
  const authorIds: string[] = [];
  const typeIndex = new Map<string, number>();
  const authorIndex = new Map<string, number>();
  const indexOf = (map: Map<string, number>, list: string[], key: string) => {
    let i = map.get(key);
    if (i === undefined) {
      i = list.length;
      list.push(key);
      map.set(key, i);
    }
    return i;
  };
  const ids: string[] = [];
  const type: number[] = [];
  const author: number[] = [];
  const status: number[] = [];
  const version: number[] = [];
  const spanCount: number[] = [];
  const spans: number[] = [];
  let prev = 0;
  for (const c of claims) {
    if (c.id.includes(",")) throw new Error(`claim id ${c.id} contains a comma`);
    ids.push(c.id);
    type.push(indexOf(typeIndex, typeIds, c.typeId));
    author.push(indexOf(authorIndex, authorIds, c.authorId));
    status.push(claimStatusIndex(c.status));
    version.push(c.version);
    spanCount.push(c.spans.length);
    for (const [s, e] of c.spans) {
      spans.push(s - prev, e - s);
      prev = s;
    }
  }
  return {
    typeIds, authorIds, count: ids.length, ids: ids.join(","),
    type: column(type), author: column(author), status: column(status), version: column(version), spanCount: column(spanCount), spans,
  };
}

/** The claims, in order; with `limit`, only the first `limit` of them (offsets decode from the start). */
export function unpackClaims(p: PackedClaims, limit = p.count): UnpackedClaim[] {
  const n0 = Math.max(0, Math.min(p.count, limit));
  const ids = n0 === 0 ? [] : p.ids.split(",", n0);
  const out: UnpackedClaim[] = new Array(n0);
  let k = 0;
  let prev = 0;
  for (let i = 0; i < n0; i++) {
    const n = at(p.spanCount, i);
    const spans: [number, number][] = new Array(n);
    for (let j = 0; j < n; j++, k += 2) {
      const start = prev + p.spans[k]!;
      spans[j] = [start, start + p.spans[k + 1]!];
      prev = start;
    }
    out[i] = {
      id: ids[i]!,
      typeId: p.typeIds[at(p.type, i)]!,
      authorId: p.authorIds[at(p.author, i)]!,
      status: claimStatusAt(at(p.status, i)),
      version: at(p.version, i),
      spans,
    };
  }
  return out;
}

/**
 * Only the claims written by `authorId`, in the same order, packed again (the span offsets are
 * delta-encoded across claims, so dropping claims means re-encoding). Blind annotation serves one
 * cached snapshot of all a document's claims and cuts each member's share from it at read time.
 */
export function filterPackedByAuthor(p: PackedClaims, authorId: string): PackedClaims {
  const index = p.authorIds.indexOf(authorId);
  if (index === -1) return packClaims([]);
  if (p.authorIds.length === 1) return p;
  return packClaims(unpackClaims(p).filter((c) => c.authorId === authorId));
}
