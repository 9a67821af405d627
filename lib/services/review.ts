/**
 * Claim review: submit, approve, reject, reopen, and the review queue.
 *
 * Every decision goes through reviewTransition (lib/core/claim-status.ts) and is written as one
 * append-only ReviewDecision row bound to the claim version decided on, with Claim.status (the
 * denormalized current state), the document's claims counter (the cached snapshot carries statuses)
 * and an audit event, in one transaction. A decision does not bump the claim's version: the content
 * decided on is unchanged, so the decision names exactly the version it approved; the write is guarded
 * by both the version and the status read, so of two reviewers deciding at once the second gets a
 * `conflict`. A refusal for the actor's role is recorded on the claim as a denied attempt (capped per
 * user like every refusal: lib/db/audit.ts).
 */
import "server-only";
import { z } from "zod";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { Id, parseInput, Version } from "./input";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { authorize, type ProjectAccess } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import { REVIEW_ACTIONS, reviewTransition, type ClaimStatus, type ReviewAction, type ReviewActor } from "@/lib/core/claim-status";
import { recordAuditEvent, recordDeniedAttempt } from "@/lib/db/audit";
import { claimVisibility, visibleClaimsWhere } from "./claim-visibility";

/** Longest rejection reason: a few sentences. */
const MAX_REASON = 2000;

const DecideInput = z.strictObject({ claimId: Id, version: Version, reason: z.string().max(MAX_REASON).default("") });
const SubmitDocumentInput = z.strictObject({ documentId: Id });
const ClaimInput = z.strictObject({ claimId: Id });

export interface ReviewState {
  claimId: string;
  status: ClaimStatus;
  version: number;
  /** What this member may do to the claim now (per reviewTransition; reject also needs a reason). */
  actions: ReviewAction[];
  /** The member's role may add comments. */
  canComment: boolean;
}

const REVIEWED_SELECT = { id: true, documentId: true, authorId: true, status: true, version: true } as const;

async function loadActor(db: Db | Tx, access: ProjectAccess, authorId: string): Promise<ReviewActor> {
  const project = await db.project.findUniqueOrThrow({ where: { id: access.projectId }, select: { selfApproval: true } });
  return { reviewer: can(access.role, "claim.review"), author: access.userId === authorId, selfApproval: project.selfApproval };
}

/** A live claim the member can see (blind mode included); anything else is `not_found`. */
export async function loadVisibleClaim(db: Db, access: ProjectAccess, claimId: string) {
  const visibility = await claimVisibility(db, access);
  const claim = await db.claim.findFirst({
    where: { id: claimId, projectId: access.projectId, deletedAt: null, ...visibleClaimsWhere(visibility) },
    select: REVIEWED_SELECT,
  });
  if (!claim) throw new AppError("not_found");
  return claim;
}

/** The actions reviewTransition allows `actor` on a claim in `status` (a reason assumed for reject). */
function allowedActions(status: ClaimStatus, actor: ReviewActor): ReviewAction[] {
  return REVIEW_ACTIONS.filter((a) => reviewTransition(status, a, actor, "a reason").ok);
}

/** The claim's review status and what the member may do with it, for the claim panel. */
export async function getReviewState(userId: string, projectId: string, input: unknown): Promise<ReviewState> {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "project.view");
  const { claimId } = parseInput(ClaimInput, input);
  const claim = await loadVisibleClaim(db, access, claimId);
  const actor = await loadActor(db, access, claim.authorId);
  return { claimId, status: claim.status, version: claim.version, actions: allowedActions(claim.status, actor), canComment: can(access.role, "claim.comment") };
}

async function decide(userId: string, projectId: string, action: ReviewAction, input: unknown): Promise<ReviewState> {
  const db = await getDb();
  // Submitting needs a role that writes claims; reviewing is checked against the claim below, so a
  // refused reviewer is recorded on the claim's own history.
  const access = await authorize(db, userId, projectId, action === "submit" ? "claim.editOwn" : "project.view");
  const data = parseInput(DecideInput, input);
  const claim = await loadVisibleClaim(db, access, data.claimId);
  const actor = await loadActor(db, access, claim.authorId);
  if (claim.version !== data.version) throw staleDecision(claim);
  const reason = data.reason.trim();
  const t = reviewTransition(claim.status, action, actor, reason);
  if (!t.ok) {
    if (t.reason === "role" || t.reason === "own_claim") {
      await recordDeniedAttempt(db, {
        projectId, actorId: userId, action: `claim.${action}`, objectType: "claim", objectId: claim.id,
        before: { status: claim.status, version: claim.version },
      });
      throw new AppError("forbidden", t.message);
    }
    throw new AppError(t.reason === "reason_required" ? "invalid" : "conflict", t.message);
  }
  await db.$transaction(async (tx) => {
    const res = await tx.claim.updateMany({
      where: { id: claim.id, projectId, version: claim.version, status: claim.status, deletedAt: null },
      data: { status: t.to, updatedAt: new Date() },
    });
    if (res.count === 0) {
      const latest = await tx.claim.findFirst({ where: { id: claim.id, projectId, deletedAt: null }, select: REVIEWED_SELECT });
      if (!latest) throw new AppError("not_found", "This claim was deleted in the meantime.");
      throw staleDecision(latest);
    }
    await writeDecision(tx, { projectId, claimId: claim.id, claimVersion: claim.version, actorId: userId, fromStatus: claim.status, toStatus: t.to, reason });
    await tx.document.update({ where: { id: claim.documentId }, data: { claimsVersion: { increment: 1 } }, select: { id: true } });
    await recordAuditEvent(tx, {
      projectId, actorId: userId, action: `claim.${action}`, objectType: "claim", objectId: claim.id,
      before: { status: claim.status, version: claim.version },
      after: { status: t.to, version: claim.version, ...(reason ? { reason } : {}) },
    });
  });
  return { claimId: claim.id, status: t.to, version: claim.version, actions: allowedActions(t.to, actor), canComment: can(access.role, "claim.comment") };
}

function staleDecision(latest: { status: ClaimStatus; version: number }): AppError {
  return new AppError("conflict", "This claim changed or was decided by someone else after you opened it. Reload it to see its current state.", {
    current: { status: latest.status, version: latest.version },
  });
}

/** One ReviewDecision row; also written by updateClaim when an edit returns an approved claim to review. */
export async function writeDecision(
  tx: Tx,
  d: { projectId: string; claimId: string; claimVersion: number; actorId: string; fromStatus: ClaimStatus; toStatus: ClaimStatus; reason: string },
) {
  await tx.reviewDecision.create({ data: { id: newId(), ...d } });
}

/** `{ claimId, version }`: the author sends a draft or rejected claim for review. */
export const submitClaim = (userId: string, projectId: string, input: unknown) => decide(userId, projectId, "submit", input);
/** `{ claimId, version }`: a reviewer approves a submitted claim. */
export const approveClaim = (userId: string, projectId: string, input: unknown) => decide(userId, projectId, "approve", input);
/** `{ claimId, version, reason }`: a reviewer rejects a submitted claim; the reason is required. */
export const rejectClaim = (userId: string, projectId: string, input: unknown) => decide(userId, projectId, "reject", input);
/** `{ claimId, version }`: a reviewer returns an approved or rejected claim to review. */
export const reopenClaim = (userId: string, projectId: string, input: unknown) => decide(userId, projectId, "reopen", input);

/**
 * Submits every draft or rejected claim the member wrote on a document, in one transaction (each its
 * own decision row at the version it has). Other members' claims are never touched.
 */
export async function submitDocumentClaims(userId: string, projectId: string, input: unknown): Promise<{ submitted: number }> {
  const db = await getDb();
  await authorize(db, userId, projectId, "claim.editOwn");
  const { documentId } = parseInput(SubmitDocumentInput, input);
  const doc = await db.document.findFirst({ where: { id: documentId, projectId }, select: { id: true } });
  if (!doc) throw new AppError("not_found");
  const actor: ReviewActor = { reviewer: false, author: true, selfApproval: false };
  return db.$transaction(async (tx) => {
    const mine = await tx.claim.findMany({
      where: { projectId, documentId, authorId: userId, deletedAt: null, status: { in: ["draft", "rejected"] } },
      select: REVIEWED_SELECT,
      orderBy: { seq: "asc" },
    });
    const ready = mine.filter((c) => reviewTransition(c.status, "submit", actor).ok);
    if (ready.length === 0) return { submitted: 0 };
    const now = new Date();
    for (const c of ready) {
      const res = await tx.claim.updateMany({
        where: { id: c.id, version: c.version, status: c.status, deletedAt: null },
        data: { status: "submitted", updatedAt: now },
      });
      if (res.count === 0) throw new AppError("conflict", "One of your claims changed while submitting; nothing was submitted. Try again.");
      await writeDecision(tx, { projectId, claimId: c.id, claimVersion: c.version, actorId: userId, fromStatus: c.status, toStatus: "submitted", reason: "" });
      await recordAuditEvent(tx, {
        projectId, actorId: userId, action: "claim.submit", objectType: "claim", objectId: c.id,
        before: { status: c.status, version: c.version }, after: { status: "submitted", version: c.version },
      });
    }
    await tx.document.update({ where: { id: documentId }, data: { claimsVersion: { increment: 1 } }, select: { id: true } });
    return { submitted: ready.length };
  });
}
