/**
 * The compact, columnar form in which a document's claims travel to the reading view: thousands of
 * claims as a handful of arrays instead of thousands of objects (smaller payload, faster to parse).
 * Types, authors and statuses are indexes into small tables sent alongside.
 * Invariant: every column has `count` entries, `ids` joins `count` ids, and `spans` holds
 * 2 * sum(spanCount) numbers.
 */
export const CLAIM_STATUSES = ["draft", "submitted", "approved", "rejected"] as const;

export interface PackedClaims {
  typeIds: string[];
  authorIds: string[];
  count: number;
  /** claim ids joined with "," (ids never contain one): one string is far cheaper to send than thousands */
  ids: string;
  type: number[];
  author: number[];
  status: number[];
  version: number[];
  spanCount: number[];
  /** start, end pairs in code points, claim after claim */
  spans: number[];
}

export interface UnpackedClaim {
  id: string;
  typeId: string;
  authorId: string;
  status: string;
  version: number;
  spans: [number, number][];
}

export function emptyPacked(): PackedClaims {
  return { typeIds: [], authorIds: [], count: 0, ids: "", type: [], author: [], status: [], version: [], spanCount: [], spans: [] };
}

/** Builds the packed form from claims (any order; the caller sorts). */
export function packClaims(claims: UnpackedClaim[]): PackedClaims {
  const out = emptyPacked();
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
  for (const c of claims) {
    if (c.id.includes(",")) throw new Error(`claim id ${c.id} contains a comma`);
    ids.push(c.id);
    out.type.push(indexOf(typeIndex, out.typeIds, c.typeId));
    out.author.push(indexOf(authorIndex, out.authorIds, c.authorId));
    out.status.push(Math.max(0, CLAIM_STATUSES.indexOf(c.status as (typeof CLAIM_STATUSES)[number])));
    out.version.push(c.version);
    out.spanCount.push(c.spans.length);
    for (const [s, e] of c.spans) out.spans.push(s, e);
  }
  out.count = ids.length;
  out.ids = ids.join(",");
  return out;
}

export function unpackClaims(p: PackedClaims): UnpackedClaim[] {
  const ids = p.count === 0 ? [] : p.ids.split(",");
  const out: UnpackedClaim[] = new Array(p.count);
  let k = 0;
  for (let i = 0; i < p.count; i++) {
    const spans: [number, number][] = [];
    for (let j = 0; j < p.spanCount[i]!; j++, k += 2) spans.push([p.spans[k]!, p.spans[k + 1]!]);
    out[i] = {
      id: ids[i]!,
      typeId: p.typeIds[p.type[i]!]!,
      authorId: p.authorIds[p.author[i]!]!,
      status: CLAIM_STATUSES[p.status[i]!] ?? "draft",
      version: p.version[i]!,
      spans,
    };
  }
  return out;
}
