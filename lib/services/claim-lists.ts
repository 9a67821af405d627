/**
 * Read model for the project-wide claims table, with allow-listed filters and sorts. (The document
 * page's claims come from claim-snapshots.ts.)
 */
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/auth/authorize";
import { CLAIM_STATUSES } from "@/lib/core/packed-claims";
import type { Prisma } from "@/lib/generated/prisma/client";

export const CLAIM_SORTS = ["newest", "oldest", "document", "type", "status"] as const;

export const ClaimTableQuery = z.strictObject({
  type: z.string().max(64).optional(),
  document: z.string().max(64).optional(),
  author: z.string().max(64).optional(),
  status: z.enum(CLAIM_STATUSES).optional(),
  sort: z.enum(CLAIM_SORTS).default("newest"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type ClaimTableQuery = z.infer<typeof ClaimTableQuery>;

export const CLAIM_TABLE_PAGE_SIZE = 50;

const ORDER: Record<(typeof CLAIM_SORTS)[number], Prisma.ClaimOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "asc" }],
  oldest: [{ createdAt: "asc" }, { id: "asc" }],
  document: [{ document: { title: "asc" } }, { createdAt: "asc" }],
  type: [{ claimType: { name: "asc" } }, { createdAt: "asc" }],
  status: [{ status: "asc" }, { createdAt: "desc" }],
};

/** Parses URL search params; only allow-listed keys and values ever reach the query. */
export function parseClaimTableQuery(params: Record<string, string | string[] | undefined>): ClaimTableQuery {
  const flat: Record<string, string> = {};
  for (const key of ["type", "document", "author", "status", "sort", "page"]) {
    const v = params[key];
    const value = Array.isArray(v) ? v[0] : v;
    if (value) flat[key] = value;
  }
  const parsed = ClaimTableQuery.safeParse(flat);
  if (!parsed.success) throw new AppError("invalid", "Unknown filter or sort.", parsed.error.issues);
  return parsed.data;
}

export async function listProjectClaims(userId: string, projectId: string, query: ClaimTableQuery) {
  const db = await getDb();
  await authorize(db, userId, projectId, "project.view");
  const where: Prisma.ClaimWhereInput = {
    projectId,
    deletedAt: null,
    ...(query.type ? { claimTypeId: query.type } : {}),
    ...(query.document ? { documentId: query.document } : {}),
    ...(query.author ? { authorId: query.author } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
  const [total, rows] = await Promise.all([
    db.claim.count({ where }),
    db.claim.findMany({
      where,
      orderBy: ORDER[query.sort],
      skip: (query.page - 1) * CLAIM_TABLE_PAGE_SIZE,
      take: CLAIM_TABLE_PAGE_SIZE,
      select: {
        id: true, seq: true, status: true, createdAt: true, values: true, documentId: true, claimTypeId: true,
        document: { select: { title: true } },
        claimType: { select: { name: true, color: true } },
        authorId: true,
        spans: { select: { start: true, end: true, exact: true }, orderBy: { ordinal: "asc" } },
      },
    }),
  ]);
  const authorIds = [...new Set(rows.map((r) => r.authorId))];
  const authors = await db.user.findMany({ where: { id: { in: authorIds }, memberships: { some: { projectId } } }, select: { id: true, name: true } });
  const names = new Map(authors.map((a) => [a.id, a.name]));
  return {
    total,
    pageSize: CLAIM_TABLE_PAGE_SIZE,
    rows: rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      status: r.status,
      createdAt: r.createdAt,
      values: r.values as Record<string, unknown>,
      documentId: r.documentId,
      documentTitle: r.document.title,
      typeId: r.claimTypeId,
      typeName: r.claimType.name,
      typeColor: r.claimType.color,
      authorName: names.get(r.authorId) ?? "former member",
      spans: r.spans,
    })),
  };
}
