/** Shapes shared by the annotation components (plain data that crosses the server/client boundary). */
import type { ClaimTypeDefinition } from "@/lib/core/claim-types";

export interface ClaimTypeInfo {
  id: string;
  key: string;
  name: string;
  color: string;
  currentVersion: number;
  archived: boolean;
  definition: ClaimTypeDefinition;
}

/** A claim as the reading view holds it; `id` is the claim's number within the document, as text. */
export interface CompactClaim {
  id: string;
  typeId: string;
  authorId: string;
  status: string;
  version: number;
  spans: [number, number][];
}

export interface SpanDraft {
  start: number;
  end: number;
  exact: string;
}

export interface FullClaim {
  id: string;
  seq: number;
  claimTypeId: string;
  claimTypeVersion: number;
  values: Record<string, unknown>;
  note: string;
  status: string;
  authorId: string;
  authorName: string;
  version: number;
  spans: { start: number; end: number; exact: string; prefix: string; suffix: string }[];
}

export type PanelState =
  | { mode: "new"; typeId: string; spans: SpanDraft[]; values: Record<string, unknown>; note: string }
  | { mode: "edit"; claim: FullClaim; definition: ClaimTypeDefinition; spans: SpanDraft[]; values: Record<string, unknown>; note: string };
