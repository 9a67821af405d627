/**
 * Reconciliation core: approved claims from many documents -> candidate records, combined
 * values, conflicts and independent sources. Pure; services load claims and store records.
 *
 * Flow: projectClaims (what matching needs) -> proposeCandidates (blocking, scored pairs,
 * groups) -> per group: combineRecord, detectConflicts, independentSources (with the passages
 * findNearDuplicates found between the documents).
 */
export type { ReconcileClaim, ProjectedClaim, DayWindow, Figure, CpRange } from "./types";
export { buildActorIndex, normalizeActorName, actorKey, type ActorIndex, type ProjectActor } from "./actors";
export { projectClaim, projectClaims, projectionFields, type ProjectionFields } from "./project";
export type { CoherenceRule } from "./coherence";
export { compareClaims, MATCH_THRESHOLD, POINTS, type PairVerdict, type Reason } from "./score";
export {
  proposeCandidates, MAX_COMPARISONS_PER_CLAIM, type BlockedPair, type CandidatePair, type CandidateResult, type ProposeOptions,
} from "./candidates";
export {
  combineField, combineRecord, DEFAULT_RULES, type CombineRule, type CombinedField, type CombineOptions, type Alternative,
} from "./combine";
export { detectConflicts, type Conflict, type ConflictKind, type ConflictSide } from "./conflicts";
export { findNearDuplicates, type DuplicatePassage, type PassageDocument } from "./near-duplicates";
export { independentSources, type SourceCount } from "./sources";
export { DATE_TOLERANCE_DAYS } from "./dates";
export { APPROX_SLACK } from "./figures";
