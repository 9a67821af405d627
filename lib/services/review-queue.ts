/**
 * The review queue: a project's submitted claims, oldest first (the claim's updatedAt is set when it
 * enters a state, and the index on (projectId, status, updatedAt) serves the order), filtered by claim
 * type, document and annotator, one page at a time. Each row carries what a reviewer decides on: the
 * first quote, the key values, when it was submitted, the version read, and whether this reviewer may
 * decide on it (their own claims only when the project allows self-approval).
 */
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { authorize } from "@/lib/auth/authorize";
import { ClaimTypeDefinitionSchema } from "@/lib/core/claim-types/definition";
import { keyValues } from "@/lib/core/summary";
import { withTypeCues, type UnderlineStyle } from "@/lib/core/color/palette";
import { quotePreview } from "@/lib/core/offsets";
import { reviewTransition } from "@/lib/core/claim-status";
import { claimVisibility, visibleClaimsWhere } from "./claim-visibility";
import { Id, parseInput } from "./input";

const REVIEW_QUEUE_PAGE_SIZE = 50;
/** Longest quote a queue row shows. */
const QUOTE_PREVIEW = 160;

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const OptionalId = z.preprocess((v) => (one(v) === "" ? undefined : one(v)), Id.optional());

export const ReviewQueueQuery = z.object({
  type: OptionalId,
  document: OptionalId,
  annotator: OptionalId,
  page: z.preprocess((v) => (one(v) === undefined || one(v) === "" ? 1 : Number(one(v))), z.number().int().min(1).max(100_000)),
});
export type ReviewQueueQuery = z.infer<typeof ReviewQueueQuery>;

export interface ReviewQueueRow {
  claimId: string;
  seq: number;
  version: number;
  documentId: string;
  documentTitle: string;
  typeName: string;
  typeColor: string;
  /** The type's underline in the text (lib/core/color/palette.ts), so the queue shows more than a colour. */
  typeUnderline: UnderlineStyle;
  authorName: string;
  quote: string;
  keyValues: string;
  submittedAt: Date;
  /** This reviewer may approve or reject it (not their own claim, unless the project allows). */
  canDecide: boolean;
}

export async function listReviewQueue(userId: string, projectId: string, rawQuery: unknown) {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "claim.review");
  const query = parseInput(ReviewQueueQuery, rawQuery);
  const visibility = await claimVisibility(db, access);
  const where = {
    projectId, status: "submitted" as const, deletedAt: null, ...visibleClaimsWhere(visibility),
    ...(query.type ? { claimTypeId: query.type } : {}),
    ...(query.document ? { documentId: query.document } : {}),
    ...(query.annotator ? { authorId: query.annotator } : {}),
  };
  const [project, total, claims, types, documents, annotators] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true, selfApproval: true } }),
    db.claim.count({ where }),
    db.claim.findMany({
      where,
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * REVIEW_QUEUE_PAGE_SIZE,
      take: REVIEW_QUEUE_PAGE_SIZE,
      select: {
        id: true, seq: true, version: true, documentId: true, claimTypeId: true, claimTypeVersion: true, values: true,
        authorId: true, updatedAt: true,
        spans: { select: { exact: true }, orderBy: { ordinal: "asc" }, take: 1 },
      },
    }),
    db.claimType.findMany({ where: { projectId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, color: true } }),
    db.document.findMany({ where: { projectId }, orderBy: { createdAt: "asc" }, select: { id: true, title: true } }),
    db.membership.findMany({ where: { projectId }, orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, name: true } } } }),
  ]);
  const ids = claims.map((c) => c.id);
  const pairs = [...new Map(claims.map((c) => [`${c.claimTypeId}:${c.claimTypeVersion}`, c])).values()];
  const [versions, submissions] = await Promise.all([
    pairs.length === 0 ? [] : db.claimTypeVersion.findMany({
      where: { claimType: { projectId }, OR: pairs.map((p) => ({ claimTypeId: p.claimTypeId, version: p.claimTypeVersion })) },
      select: { claimTypeId: true, version: true, definition: true },
    }),
    ids.length === 0 ? [] : db.reviewDecision.findMany({
      where: { projectId, claimId: { in: ids }, toStatus: "submitted" },
      orderBy: { createdAt: "asc" },
      select: { claimId: true, createdAt: true },
    }),
  ]);
  const definitions = new Map(versions.map((v) => [`${v.claimTypeId}:${v.version}`, ClaimTypeDefinitionSchema.parse(v.definition)]));
  // The latest submission wins (ascending order, later rows overwrite).
  const submittedAt = new Map(submissions.map((s) => [s.claimId, s.createdAt]));
  const typeById = new Map(withTypeCues(types).map((t) => [t.id, t]));
  const titleById = new Map(documents.map((d) => [d.id, d.title]));
  const nameById = new Map(annotators.map((m) => [m.user.id, m.user.name]));
  const rows: ReviewQueueRow[] = claims.map((c) => {
    const def = definitions.get(`${c.claimTypeId}:${c.claimTypeVersion}`);
    const actor = { reviewer: true, author: c.authorId === userId, selfApproval: project.selfApproval };
    return {
      claimId: c.id, seq: c.seq, version: c.version, documentId: c.documentId,
      documentTitle: titleById.get(c.documentId) ?? "",
      typeName: typeById.get(c.claimTypeId)?.name ?? "",
      typeColor: typeById.get(c.claimTypeId)?.color ?? "#888888",
      typeUnderline: typeById.get(c.claimTypeId)?.underline ?? "solid",
      authorName: nameById.get(c.authorId) ?? "former member",
      quote: c.spans[0] ? quotePreview(c.spans[0].exact, QUOTE_PREVIEW) : "",
      keyValues: def ? keyValues(def, c.values as Record<string, unknown>) : "",
      submittedAt: submittedAt.get(c.id) ?? c.updatedAt,
      canDecide: reviewTransition("submitted", "approve", actor).ok,
    };
  });
  return {
    role: access.role, projectName: project.name,
    query, total, rows, pageSize: REVIEW_QUEUE_PAGE_SIZE,
    filters: {
      types: types.map((t) => ({ id: t.id, name: t.name })),
      documents: documents.map((d) => ({ id: d.id, title: d.title })),
      annotators: annotators.map((m) => ({ id: m.user.id, name: m.user.name })),
    },
  };
}
