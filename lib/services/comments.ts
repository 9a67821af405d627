/**
 * Comments on a claim: anyone who can see the claim reads them (blind mode included: a claim hidden
 * from a member hides its comments too, answered `not_found` like a claim that does not exist), and
 * members with claim.comment add to them. Each comment is also an audit event on the claim, so it
 * appears in the claim's history.
 */
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { Id, parseInput } from "./input";
import { newId } from "@/lib/ids";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/db/audit";
import { loadVisibleClaim } from "./review";

/** The database's CHECK on ClaimComment.body. */
const MAX_COMMENT = 4000;

const ListInput = z.strictObject({ claimId: Id });
const AddInput = z.strictObject({
  claimId: Id,
  body: z.string().trim().min(1, "Write a comment first.").max(MAX_COMMENT, `A comment holds at most ${MAX_COMMENT} characters.`),
});

export interface ClaimCommentView {
  id: string;
  authorName: string;
  body: string;
  createdAt: Date;
}

export async function listClaimComments(userId: string, projectId: string, input: unknown): Promise<ClaimCommentView[]> {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "project.view");
  const { claimId } = parseInput(ListInput, input);
  await loadVisibleClaim(db, access, claimId);
  const rows = await db.claimComment.findMany({
    where: { projectId, claimId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, body: r.body, createdAt: r.createdAt, authorName: r.author.name }));
}

export async function addClaimComment(userId: string, projectId: string, input: unknown): Promise<ClaimCommentView> {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "claim.comment");
  const data = parseInput(AddInput, input);
  await loadVisibleClaim(db, access, data.claimId);
  const id = newId();
  const created = await db.$transaction(async (tx) => {
    const row = await tx.claimComment.create({
      data: { id, projectId, claimId: data.claimId, authorId: userId, body: data.body },
      select: { createdAt: true, author: { select: { name: true } } },
    });
    await recordAuditEvent(tx, { projectId, actorId: userId, action: "claim.comment", objectType: "claim", objectId: data.claimId, after: { commentId: id, body: data.body } });
    return row;
  });
  return { id, body: data.body, createdAt: created.createdAt, authorName: created.author.name };
}
