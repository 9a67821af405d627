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
  | { mode: "new"; typeId: string; spans: SpanDraft[]; values: Record<string, unknown>; note: string }
  | { mode: "edit"; claim: FullClaim; definition: ClaimTypeDefinition; spans: SpanDraft[]; values: Record<string, unknown>; note: string };
