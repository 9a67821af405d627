/**
 * A claim's review status: the list, its labels, and the one reader of a status from outside the
 * type system (a URL, a packed column, a raw query). An unknown status is an error, never read as a
 * draft: a wrong status shown as "draft" would hide a reviewer's decision.
 */
export const CLAIM_STATUSES = ["draft", "submitted", "approved", "rejected"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  draft: "Draft",
  submitted: "Submitted",
  approved: "Approved",
  rejected: "Rejected",
};

export function isClaimStatus(value: unknown): value is ClaimStatus {
  return typeof value === "string" && (CLAIM_STATUSES as readonly string[]).includes(value);
}

/** The status named by `value`; throws on anything else. */
export function parseClaimStatus(value: unknown): ClaimStatus {
  if (!isClaimStatus(value)) throw new Error(`unknown claim status ${JSON.stringify(value)}`);
  return value;
}

/** The status at `index` in CLAIM_STATUSES (the packed form's code); throws when out of range. */
export function claimStatusAt(index: number): ClaimStatus {
  const status = Number.isInteger(index) ? CLAIM_STATUSES[index] : undefined;
  if (status === undefined) throw new Error(`unknown claim status code ${index}`);
  return status;
}

/** The packed form's code of a status; throws on a value that is not a status. */
export function claimStatusIndex(status: ClaimStatus): number {
  return CLAIM_STATUSES.indexOf(parseClaimStatus(status));
}

/**
 * Review transitions. A reviewer is an editor or owner; self-approval is a project setting.
 * - The author submits a draft (or a rejected claim they reworked); only the author does.
 * - A reviewer approves or rejects a submitted claim; rejecting needs a reason.
 * - A reviewer reopens an approved or rejected claim (back to submitted).
 * - An edit of an approved claim returns it to submitted: an approval is bound to the version approved.
 */
export const REVIEW_ACTIONS = ["submit", "approve", "reject", "reopen"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

const TRANSITIONS: Record<ReviewAction, { from: readonly ClaimStatus[]; to: ClaimStatus }> = {
  submit: { from: ["draft", "rejected"], to: "submitted" },
  approve: { from: ["submitted"], to: "approved" },
  reject: { from: ["submitted"], to: "rejected" },
  reopen: { from: ["approved", "rejected"], to: "submitted" },
};

export interface ReviewActor {
  /** The actor may review (editor or owner): from the permission table. */
  reviewer: boolean;
  /** The actor wrote the claim. */
  author: boolean;
  /** The project lets reviewers decide on their own claims. */
  selfApproval: boolean;
}

export type ReviewRefusal =
  | { ok: false; reason: "state"; message: string }
  | { ok: false; reason: "role"; message: string }
  | { ok: false; reason: "own_claim"; message: string }
  | { ok: false; reason: "reason_required"; message: string };

/** Whether `actor` may take `action` on a claim in `status`, and the status it leads to. */
export function reviewTransition(
  status: ClaimStatus,
  action: ReviewAction,
  actor: ReviewActor,
  reason = "",
): { ok: true; to: ClaimStatus } | ReviewRefusal {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status)) {
    return { ok: false, reason: "state", message: `A ${CLAIM_STATUS_LABELS[status].toLowerCase()} claim cannot be ${PAST[action]}.` };
  }
  if (action === "submit") {
    if (!actor.author) return { ok: false, reason: "role", message: "Only the claim's author submits it for review." };
    return { ok: true, to: t.to };
  }
  if (!actor.reviewer) return { ok: false, reason: "role", message: "Only editors and owners review claims." };
  if (actor.author && !actor.selfApproval && action !== "reopen") {
    return { ok: false, reason: "own_claim", message: "You cannot review your own claim in this project; another editor must." };
  }
  if (action === "reject" && reason.trim() === "") return { ok: false, reason: "reason_required", message: "Say why the claim is rejected." };
  return { ok: true, to: t.to };
}

const PAST: Record<ReviewAction, string> = { submit: "submitted", approve: "approved", reject: "rejected", reopen: "reopened" };

/** The status after an edit of the claim's content: an approval does not carry over to a new version. */
export function statusAfterEdit(status: ClaimStatus): ClaimStatus {
  return status === "approved" ? "submitted" : status;
}
