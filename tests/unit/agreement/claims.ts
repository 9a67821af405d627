import type { AgreementClaim } from "@/lib/core/agreement";

let next = 0;
/** A claim with spans written as [start, end] pairs; ids are unique unless given. */
export function claim(
  annotatorId: string,
  typeKey: string,
  spans: [number, number][],
  extra: Partial<AgreementClaim> = {},
): AgreementClaim {
  next++;
  return {
    claimId: `c${String(next).padStart(5, "0")}`,
    annotatorId,
    documentId: "d1",
    typeKey,
    spans: spans.map(([start, end]) => ({ start, end })),
    ...extra,
  };
}
