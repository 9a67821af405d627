"use server";
/**
 * Server actions for claim review, comments and history: thin calls through runAction into the
 * services, which authorize against the project, check the claim's visibility and parse the input.
 */
import { runAction } from "@/lib/server/action";
import { AppError } from "@/lib/errors";
import { approveClaim, getReviewState, rejectClaim, reopenClaim, submitClaim, submitDocumentClaims } from "@/lib/services/review";
import { addClaimComment, listClaimComments } from "@/lib/services/comments";
import { getClaimHistory } from "@/lib/services/history";

const str = (v: unknown) => (typeof v === "string" ? v : "");
const DECIDE = { submit: submitClaim, approve: approveClaim, reject: rejectClaim, reopen: reopenClaim } as const;

/** The claim's status and the review actions open to the signed-in member. */
export async function getReviewStateAction(projectId: string, claimId: string) {
  return runAction((userId) => getReviewState(userId, str(projectId), { claimId }));
}

/** `action`: submit, approve, reject or reopen; `input`: `{ claimId, version, reason? }`. */
export async function decideClaimAction(projectId: string, action: string, input: unknown) {
  const decide = Object.hasOwn(DECIDE, action) ? DECIDE[action as keyof typeof DECIDE] : null;
  return runAction(async (userId) => {
    if (!decide) throw new AppError("invalid", "Unknown review action.");
    return decide(userId, str(projectId), input);
  });
}

/** Submits all of the member's draft and rejected claims on a document: `{ documentId }`. */
export async function submitDocumentClaimsAction(projectId: string, input: unknown) {
  return runAction((userId) => submitDocumentClaims(userId, str(projectId), input));
}

export async function listClaimCommentsAction(projectId: string, claimId: string) {
  return runAction((userId) => listClaimComments(userId, str(projectId), { claimId }));
}

export async function addClaimCommentAction(projectId: string, input: unknown) {
  return runAction((userId) => addClaimComment(userId, str(projectId), input));
}

export async function getClaimHistoryAction(projectId: string, claimId: string) {
  return runAction((userId) => getClaimHistory(userId, str(projectId), { claimId }));
}
