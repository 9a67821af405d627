/**
 * The reading view's claims for a document (each addressed by its number in the document), cached per app instance and validated on every read
 * against the document's `claimsVersion` (bumped in the same transaction as every claim change), so
 * a cached list is never served after a change, from this instance or any other on the database.
 * Loading 20,000 claims costs ~100-300 ms on the embedded engine; a current cache entry costs nothing.
 *
 * An entry always holds every live claim of the document, whoever reads it first; what a member may
 * see (blind annotation: their own claims only) is cut from it on every read, so the one entry can
 * never serve one annotator's claims to another.
 */
import "server-only";
import type { Db } from "@/lib/db/client";
import { filterPackedByAuthor, packClaims, type PackedClaims, type UnpackedClaim } from "@/lib/core/packed-claims";
import { parseClaimStatus } from "@/lib/core/claim-status";
import { seesWholeDocument, type ClaimVisibility } from "./claim-visibility";

/** Upper bound on cached claims across documents (an entry is ~100 bytes a claim). */
const MAX_CACHED_CLAIMS = 500_000;

interface Entry {
  projectId: string;
  claimsVersion: number;
  packed: PackedClaims;
}

const holder = globalThis as unknown as { __attestClaimSnapshots?: Map<string, Entry> };
const cache = (holder.__attestClaimSnapshots ??= new Map());

function cachedClaims(): number {
  let n = 0;
  for (const e of cache.values()) n += e.packed.count;
  return n;
}

async function loadPacked(db: Db, projectId: string, documentId: string): Promise<PackedClaims> {
  // One row per claim, addressed by its number in the document (not its id: shorter to send);
  // spans packed as "start:end,start:end" in span order. Sorting by first offset gives reading order.
  const rows = await db.$queryRaw<{ id: string; typeId: string; authorId: string; status: string; version: number; spans: string }[]>`
    SELECT c.seq::text AS id, c."claimTypeId" AS "typeId", c."authorId", c.status::text AS status, c.version,
           string_agg(s.start || ':' || s."end", ',' ORDER BY s.ordinal) AS spans
    FROM "Claim" c JOIN "ClaimSpan" s ON s."claimId" = c.id
    WHERE c."documentId" = ${documentId} AND c."projectId" = ${projectId} AND c."deletedAt" IS NULL
    GROUP BY c.id
    ORDER BY min(s.start), c.seq`;
  const claims: UnpackedClaim[] = rows.map((r) => ({
    id: r.id,
    typeId: r.typeId,
    authorId: r.authorId,
    status: parseClaimStatus(r.status),
    version: Number(r.version),
    spans: r.spans.split(",").map((pair) => {
      const [s, e] = pair.split(":");
      return [Number(s), Number(e)] as [number, number];
    }),
  }));
  return packClaims(claims);
}

/**
 * The document's live claims that `visibility` lets the reader see, packed. `claimsVersion` and
 * `curationOpenedAt` must be the values just read with the document.
 */
export async function documentClaimsSnapshot(
  db: Db, projectId: string, documentId: string, claimsVersion: number,
  visibility: ClaimVisibility, curationOpenedAt: Date | null,
): Promise<PackedClaims> {
  const all = await allClaimsSnapshot(db, projectId, documentId, claimsVersion);
  if (visibility.kind === "all" || seesWholeDocument(visibility, curationOpenedAt)) return all;
  return filterPackedByAuthor(all, visibility.userId);
}

async function allClaimsSnapshot(db: Db, projectId: string, documentId: string, claimsVersion: number): Promise<PackedClaims> {
  const hit = cache.get(documentId);
  if (hit && hit.claimsVersion === claimsVersion && hit.projectId === projectId) {
    cache.delete(documentId); // re-insert: the Map's order is the eviction order
    cache.set(documentId, hit);
    return hit.packed;
  }
  const packed = await loadPacked(db, projectId, documentId);
  cache.set(documentId, { projectId, claimsVersion, packed });
  while (cachedClaims() > MAX_CACHED_CLAIMS && cache.size > 1) cache.delete(cache.keys().next().value!);
  return packed;
}
