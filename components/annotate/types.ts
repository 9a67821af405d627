/** Shapes shared by the annotation components (plain data that crosses the server/client boundary). */
import type { ClaimTypeDefinition } from "@/lib/core/claim-types";
import type { UnpackedClaim } from "@/lib/core/packed-claims";
// Type-only imports: erased from the client bundle, so the server-only modules never reach it.
import type { ClaimView } from "@/lib/services/claims";
import type { ClaimTypeView } from "@/lib/services/claim-types";

/** A claim type as the document page receives it (see lib/services/document-page.ts). */
export type ClaimTypeInfo = Omit<ClaimTypeView, "version">;

/** A claim as the reading view holds it; `id` is the claim's number within the document, as text. */
export type CompactClaim = UnpackedClaim;

export interface SpanDraft {
  start: number;
  end: number;
  exact: string;
}

/** A claim with its fields, as the claim actions return it. */
export type FullClaim = ClaimView;

export type PanelState =
  /**
   * `idempotencyKey`: one per draft, kept across retries until a save succeeds (see save-claim.ts).
   * `startValues`: what the form opened with (the project's field defaults), which closing it loses nothing of.
   */
  | { mode: "new"; typeId: string; spans: SpanDraft[]; values: Record<string, unknown>; startValues?: Record<string, unknown>; note: string; idempotencyKey: string }
  | { mode: "edit"; claim: FullClaim; definition: ClaimTypeDefinition; spans: SpanDraft[]; values: Record<string, unknown>; note: string };

/**
 * The message under the claim form: a refusal, a conflict (someone else saved first), a network failure
 * (nothing is known to be saved; `retry` says which call the Retry button repeats), or information.
 */
export interface PanelStatus {
  message: string;
  kind: "error" | "conflict" | "network" | "info";
  retry?: "save" | "delete";
}
