/**
 * Reconciliation core: approved claims from many documents -> candidate records, combined
 * values, conflicts and independent sources. Pure; services load claims and store records.
 *
 * Flow: projectClaims (what matching needs) -> proposeCandidates (blocking, scored pairs,
 * groups) -> per group: combineRecord, detectConflicts, independentSources (with the passages
 * findNearDuplicates found between the documents).
 */
export type { ReconcileClaim, ProjectedClaim } from "./types";
export { buildActorIndex, normalizeActorName, actorKey, type ActorIndex, type ProjectActor } from "./actors";
export { projectClaim, projectClaims, projectionFields } from "./project";
export { compareClaims, MATCH_THRESHOLD, type Reason } from "./score";
export {
  proposeCandidates,
} from "./candidates";
export {
  combineField,
  combineRecord,
  type CombineRule,
} from "./combine";
export { detectConflicts, type ConflictSide } from "./conflicts";
export { findNearDuplicates } from "./near-duplicates";
export { independentSources } from "./sources";
