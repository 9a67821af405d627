/**
 * Which claims a member may see: the one scope every read of claims goes through (the document page
 * and its cached snapshot, the claims table, key values, the claim panel, counts, agreement, review).
 *
 * In an open project everyone sees every claim. In a blind project, an annotator (or viewer) sees on a
 * document only the claims they wrote, until an editor opens that document for curation; editors and
 * owners always see everything. The rule is read per request from the project row and the member's
 * role, like every permission.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/db/client";
import type { ProjectAccess } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";

/** `all`: every claim; `own`: the member's own claims, plus all claims of documents opened for curation. */
export type ClaimVisibility = { kind: "all" } | { kind: "own"; userId: string };

export const ALL_CLAIMS: ClaimVisibility = { kind: "all" };

/** The visibility of claims for an authorized member (one small read of the project's mode). */
export async function claimVisibility(db: Db | Tx, access: ProjectAccess): Promise<ClaimVisibility> {
  if (can(access.role, "document.curate")) return ALL_CLAIMS;
  const project = await db.project.findUniqueOrThrow({ where: { id: access.projectId }, select: { annotationMode: true } });
  return project.annotationMode === "blind" ? { kind: "own", userId: access.userId } : ALL_CLAIMS;
}

/** A Prisma filter on Claim for `v`. */
export function visibleClaimsWhere(v: ClaimVisibility): Prisma.ClaimWhereInput {
  if (v.kind === "all") return {};
  return { OR: [{ authorId: v.userId }, { document: { curationOpenedAt: { not: null } } }] };
}

/** A Prisma filter on Record for `v`: a record is seen only when every claim in it is. */
export function visibleRecordsWhere(v: ClaimVisibility): Prisma.RecordWhereInput {
  return v.kind === "all" ? {} : { claims: { every: { claim: visibleClaimsWhere(v) } } };
}

/**
 * A SQL condition for `v`, for raw queries: `claim` and `document` are the aliases the query gives
 * "Claim" and "Document" (the document alias must be joined on the claim's document).
 */
export function visibleClaimsSql(v: ClaimVisibility, claim: string, document: string): Prisma.Sql {
  if (v.kind === "all") return Prisma.sql`TRUE`;
  const c = Prisma.raw(`${quoteAlias(claim)}."authorId"`);
  const d = Prisma.raw(`${quoteAlias(document)}."curationOpenedAt"`);
  return Prisma.sql`(${c} = ${v.userId} OR ${d} IS NOT NULL)`;
}

/** Whether a document's claims are all visible under `v` (opened for curation, or `all`). */
export function seesWholeDocument(v: ClaimVisibility, curationOpenedAt: Date | null): boolean {
  return v.kind === "all" || curationOpenedAt !== null;
}

function quoteAlias(alias: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(alias)) throw new Error(`not an SQL alias: ${alias}`);
  return alias;
}
