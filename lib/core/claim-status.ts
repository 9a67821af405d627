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
