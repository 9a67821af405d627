/**
 * Shapes shared by the reconciliation modules: the claim as stored (the input), the projection
 * matching needs, and spans. Kept apart so each module imports types without pulling in code.
 */
import type { DatePrecision } from "@/lib/core/values";

/** A span of evidence in code points of the document's canonical text, end exclusive. */
export type CpRange = { start: number; end: number };

/** An approved claim as stored, with what reconciliation needs of its document. */
export type ReconcileClaim = {
  id: string;
  documentId: string;
  /** The claim type's key ("attack"). */
  typeKey: string;
  /** The stored values record; read defensively, never trusted to match the definition. */
  values: unknown;
  spans?: readonly CpRange[];
  /** The document's publication date as stored ("YYYY", "YYYY-MM", "YYYY-MM-DD" or ""). */
  published?: string | null;
  /** Claims a curator has said describe the same thing (used to merge claims of one document). */
  linkedClaimIds?: readonly string[];
};

/** A date window as day numbers (days since 1970-01-01), inclusive at both ends. */
export type DayWindow = { start: number; end: number; precision: DatePrecision };

export type ProjectedPlace = {
  /** ISO 3166-1 alpha-3, upper case. */
  country: string | null;
  /** Normalized names (see normalizeName). */
  admin1: string | null;
  admin2: string | null;
  raw: string | null;
};

/** A figure as matching reads it; `qualifier` is never "unknown" (that projects to null). */
export type Figure = { low: number | null; best: number | null; high: number | null; qualifier: string };

export type ProjectedActors = {
  /** Match keys: "id:<actorId>" for linked or resolved actors, "name:<key>" for every name. */
  keys: string[];
  ids: string[];
  names: string[];
};

/** What candidate proposal needs of one claim. Missing or unreadable values are null / empty. */
export type ProjectedClaim = {
  id: string;
  documentId: string;
  typeKey: string;
  date: DayWindow | null;
  place: ProjectedPlace | null;
  actors: ProjectedActors;
  figure: Figure | null;
  spans: CpRange[];
  linked: string[];
};
