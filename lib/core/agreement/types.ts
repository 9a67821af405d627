/**
 * Inputs and results of inter-annotator agreement.
 *
 * A claim enters as `AgreementClaim`: who made it, on which document, of which claim type, its
 * evidence spans ({start, end} in code points of the canonical text, end exclusive) and its field
 * values as stored (the claim-type values record). Spans need not be sorted or disjoint; the
 * module normalizes them (span-sets.ts).
 *
 * Ratios are `null` when they would be 0/0 ("no data"): never 1 or 0, so an empty document does
 * not look like perfect or failed agreement.
 */
export type Span = { start: number; end: number };

export type AgreementClaim = {
  claimId: string;
  annotatorId: string;
  documentId: string;
  typeKey: string;
  spans: readonly Span[];
  values?: Readonly<Record<string, unknown>>;
};

/** Counts of one comparison between a reference annotator A and another annotator B. */
export type MatchCounts = { matched: number; onlyA: number; onlyB: number };

/**
 * Counts and ratios, A being the reference: recall = matched / |A|, precision = matched / |B|,
 * F1 = 2·matched / (|A| + |B|) (symmetric). Swapping A and B swaps precision and recall.
 */
export type Scores = MatchCounts & { precision: number | null; recall: number | null; f1: number | null };

/** A matched pair of claims: `a` from the reference annotator, `b` from the other. */
export type ClaimPair = { a: AgreementClaim; b: AgreementClaim; overlap: number };
