/**
 * Records across documents: approved claims that describe one real-world thing, grouped by an
 * editor from Attest's proposals, with each field combined by a rule, the conflicts among the
 * claims, and the number of independent sources (lib/core/reconcile does the thinking; this file
 * loads, stores and guards).
 *
 * Invariants: a record's fields, conflicts, summary columns and sources are recomputed in the same
 * transaction as every change to its claims or rules (`recompute`); only approved, live claims count
 * (a claim edited after approval is back in review and counts again once re-approved and the record
 * refreshed). A resolved conflict is kept when it is no longer detected; an open one that is gone is
 * removed. A claim belongs to one live record at most (unique RecordClaim.claimId; a record that is
 * merged away or emptied gives its claims up before it is soft-deleted).
 * Reading = project.view (in a blind project, an annotator sees a record only once every claim of it
 * is visible to them); every change = document.curate, names the version it read, and writes one
 * audit event (objectType "record") carrying only what changed: the fields' values before and after,
 * the claims added and removed, the status, the rule or the conflict resolution. A member who may see
 * a record but not change it is refused as `forbidden`, recorded on the record (capped per user).
 */
import "server-only";
import { z } from "zod";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { Id, parseInput, Version } from "./input";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { authorize, type ProjectAccess } from "@/lib/auth/authorize";
import { can, type Role } from "@/lib/auth/permissions";
import { recordAuditEvent, recordDeniedAttempt } from "@/lib/db/audit";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimTypeDefinition, FieldDefinition } from "@/lib/core/claim-types";
import { formatFieldValue, NOT_STATED } from "@/lib/core/claim-types/field-display";
import {
  actorKey, buildActorIndex, combineRecord, detectConflicts, findNearDuplicates, independentSources, projectClaims,
  projectionFields, proposeCandidates, type ActorIndex, type CombineRule, type ConflictSide, type ReconcileClaim, type Reason,
} from "@/lib/core/reconcile";
import { CLAIM_TYPE_SELECT, withCurrentDefinition } from "./claim-types";
import { loadProjectActors } from "./actors";
import { claimVisibility, visibleClaimsWhere, visibleRecordsWhere } from "./claim-visibility";
import { asRecord, fieldChanges, type FieldChange, type HistoryEntry } from "./history";

/** Characters of each document read for near-duplicate passages: enough for any report, bounded for memory. */
const SOURCE_TEXT_CAP = 200_000;
const RECORDS_PAGE_SIZE = 50;
const RECORD_STATUSES = ["confirmed", "final"] as const;
/** Rules an editor may set on a field; "curator" is set by choosing a claim. */
const SETTABLE_RULES = ["conservative_minimum", "most_recent", "majority", "intersection", "all"] as const;
const RULE_LABELS: Record<CombineRule, string> = {
  curator: "Curator choice", conservative_minimum: "Conservative minimum", most_recent: "Most recent source",
  majority: "Majority", intersection: "Narrowest common window", all: "Every source",
};

const ClaimIds = z.array(Id).min(1, "Choose at least one claim.").max(500);
const ConfirmProposalInput = z.strictObject({ claimIds: ClaimIds });
const RecordRef = { recordId: Id, version: Version };
const MergeRecordsInput = z.strictObject({ ...RecordRef, otherRecordId: Id, otherVersion: Version });
const SplitRecordInput = z.strictObject({ ...RecordRef, claimIds: ClaimIds });
const DetachClaimInput = z.strictObject({ ...RecordRef, claimId: Id });
const RefreshRecordInput = z.strictObject(RecordRef);
const SetRecordStatusInput = z.strictObject({ ...RecordRef, status: z.enum(RECORD_STATUSES) });
const SetFieldRuleInput = z.strictObject({
  recordId: Id,
  fieldKey: z.string().min(1).max(100),
  /** The field's version as read. */
  version: Version,
  rule: z.enum([...SETTABLE_RULES, "default", "curator"]),
  /** With rule "curator": the claim whose value the field takes. */
  claimId: Id.optional(),
});
const ResolveConflictInput = z.strictObject({
  conflictId: Id,
  version: Version,
  /** The side whose value is chosen (0 or 1). */
  side: z.union([z.literal(0), z.literal(1)]),
  note: z.string().trim().min(1, "Say why this value was chosen.").max(4000),
});

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD.");
export const RecordListQuery = z.strictObject({
  type: Id.optional(),
  from: IsoDay.optional(),
  to: IsoDay.optional(),
  country: z.string().regex(/^[A-Za-z]{3}$/, "Use a three-letter country code (AFG).").transform((s) => s.toUpperCase()).optional(),
  actor: z.string().trim().min(1).max(200).optional(),
  status: z.enum(RECORD_STATUSES).optional(),
  conflict: z.enum(["open", "none"]).optional(),
  minSources: z.coerce.number().int().min(1).max(1000).optional(),
  sort: z.enum(["date", "-date", "seq", "-seq", "sources", "-sources", "updated"]).default("-date"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type RecordListQuery = z.infer<typeof RecordListQuery>;

/** Reads a records-list query from URL search parameters (unknown parameters ignored). */
export function parseRecordListQuery(params: Record<string, string | string[] | undefined>): RecordListQuery {
  const picked: Record<string, string> = {};
  for (const k of Object.keys(RecordListQuery.shape)) {
    const v = params[k];
    const s = Array.isArray(v) ? v[0] : v;
    if (s !== undefined && s !== "") picked[k] = s;
  }
  return parseInput(RecordListQuery, picked);
}

// ---------------------------------------------------------------------------------------------
// Loading

const CLAIM_SELECT = {
  id: true, documentId: true, claimTypeId: true, seq: true, version: true, status: true, deletedAt: true, values: true,
  document: { select: { title: true, published: true } },
  spans: { select: { start: true, end: true, exact: true }, orderBy: { ordinal: "asc" } },
} satisfies Prisma.ClaimSelect;
type ClaimRow = Prisma.ClaimGetPayload<{ select: typeof CLAIM_SELECT }>;
type TypeInfo = { id: string; key: string; name: string; definition: ClaimTypeDefinition };

async function loadTypes(db: Db | Tx, projectId: string): Promise<Map<string, TypeInfo>> {
  const rows = await db.claimType.findMany({ where: { projectId }, select: CLAIM_TYPE_SELECT });
  return new Map(rows.map(withCurrentDefinition).map((t) => [t.id, { id: t.id, key: t.key, name: t.name, definition: t.definition }]));
}

async function actorIndex(db: Db | Tx, projectId: string): Promise<ActorIndex> {
  return buildActorIndex(await loadProjectActors(db, projectId));
}

function toReconcile(row: ClaimRow, typeKey: string): ReconcileClaim {
  return {
    id: row.id, documentId: row.documentId, typeKey, values: row.values,
    spans: row.spans.map(({ start, end }) => ({ start, end })), published: row.document.published,
  };
}

const counts = (row: Pick<ClaimRow, "status" | "deletedAt">) => row.status === "approved" && row.deletedAt === null;

// ---------------------------------------------------------------------------------------------
// Display

/** One value as shown in a record: combined figures and windows, or a claim's stored value. */
function displayValue(f: FieldDefinition | undefined, value: unknown): string {
  if (value === null || value === undefined) return NOT_STATED;
  if (!f) return JSON.stringify(value);
  const r = value as Record<string, unknown>;
  if (f.kind === "quantity" && typeof r === "object" && !("qualifier" in r) && ("best" in r || "low" in r)) {
    const n = (x: unknown) => (typeof x === "number" ? x.toLocaleString("en") : "?");
    const range = r.low === r.high ? n(r.low) : `${n(r.low)}–${n(r.high)}`;
    return r.best === null || r.best === undefined ? range : `${range} (best ${n(r.best)})`;
  }
  if (f.kind === "date" && typeof r === "object" && !("raw" in r) && typeof r.start === "string") {
    return r.start === r.end ? String(r.start) : `${String(r.start)} – ${String(r.end)}`;
  }
  if (Array.isArray(value) && !f.many) return value.map((v) => formatFieldValue(f, v).text).join("; ");
  return formatFieldValue(f, value).text;
}

interface ClaimSummary {
  id: string;
  documentId: string;
  documentTitle: string;
  seq: number;
  quote: string;
  facts: string;
}

function summarize(row: ClaimRow, def: ClaimTypeDefinition | undefined): ClaimSummary {
  const values = (row.values ?? {}) as Record<string, unknown>;
  const facts: string[] = [];
  if (def) {
    const pf = projectionFields(def);
    for (const key of [pf.date, pf.place, ...pf.actors, pf.figure]) {
      const f = def.fields.find((x) => x.key === key);
      if (f && values[key] !== undefined && values[key] !== null) facts.push(`${f.label}: ${displayValue(f, values[key])}`);
    }
  }
  const quote = row.spans.map((s) => s.exact).join(" … ");
  return {
    id: row.id, documentId: row.documentId, documentTitle: row.document.title, seq: row.seq,
    quote: quote.length > 300 ? `${quote.slice(0, 299)}…` : quote, facts: facts.join(" · "),
  };
}

// ---------------------------------------------------------------------------------------------
// Proposals

export interface ProposalView {
  /** The proposal's claims, sorted and joined: stable while the claims are unrecorded. */
  key: string;
  claimTypeId: string;
  typeName: string;
  claims: ClaimSummary[];
  /** Why: every proposed pair within the group, with its score and the fields that matched. */
  pairs: { a: string; b: string; score: number; reasons: Reason[] }[];
}

export interface ProposalsView {
  proposals: ProposalView[];
  /** Approved claims in no record yet. */
  unrecorded: number;
  /** Claims whose comparisons were capped (their candidates may be incomplete). */
  truncated: number;
}

/** Groups of approved claims in no record yet that describe one thing, with the reasons. */
export async function proposeRecords(userId: string, projectId: string): Promise<ProposalsView> {
  const db = await getDb();
  await authorize(db, userId, projectId, "document.curate");
  const [rows, types, index] = await Promise.all([
    // Sources of a live curated claim are represented by it (lib/services/curation.ts), not proposed again.
    db.claim.findMany({ where: { projectId, status: "approved", deletedAt: null, recordClaims: { none: {} }, curatedInto: { none: { claim: { deletedAt: null } } } }, select: CLAIM_SELECT }),
    loadTypes(db, projectId),
    actorIndex(db, projectId),
  ]);
  const defs = [...types.values()].map((t) => t.definition);
  const claims = rows.map((r) => toReconcile(r, types.get(r.claimTypeId)!.key));
  const result = proposeCandidates(projectClaims(claims, defs, { actors: index }));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const groupOf = new Map<string, number>();
  result.groups.forEach((g, i) => g.forEach((id) => groupOf.set(id, i)));
  const pairs = result.groups.map(() => [] as ProposalView["pairs"]);
  for (const p of result.pairs) {
    const g = groupOf.get(p.a);
    if (g !== undefined && g === groupOf.get(p.b)) pairs[g].push(p);
  }
  const proposals = result.groups.map((g, i) => {
    const type = types.get(byId.get(g[0])!.claimTypeId)!;
    return {
      key: g.join(","), claimTypeId: type.id, typeName: type.name,
      claims: g.map((id) => summarize(byId.get(id)!, type.definition)), pairs: pairs[i],
    };
  });
  return { proposals, unrecorded: rows.length, truncated: result.stats.truncated.length };
}

// ---------------------------------------------------------------------------------------------
// Recomputation

const conflictKey = (kind: string, field: string, sides: readonly ConflictSide[]) =>
  `${kind}|${field}|${sides.map((s) => [...s.claimIds].sort().join(",")).sort().join("|")}`;
const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue;
/** For nullable JSON columns: null is SQL NULL. */
const jsonOrNull = (v: unknown) => (v === null || v === undefined ? Prisma.DbNull : json(v));

/**
 * Rewrites a record's fields, conflicts, sources and summary from its approved claims and the rules
 * set on it. Does not change the record's version: the caller's guarded write has done that.
 */
async function recompute(tx: Tx, projectId: string, recordId: string): Promise<void> {
  const record = await tx.record.findFirstOrThrow({
    where: { id: recordId, projectId },
    select: { claimTypeId: true, claims: { select: { claim: { select: CLAIM_SELECT } } }, fields: { select: { fieldKey: true, ruleOverride: true, chosenClaimId: true, value: true, rule: true, undecided: true, note: true, supportingClaimIds: true, alternatives: true } } },
  });
  const types = await loadTypes(tx, projectId);
  const type = types.get(record.claimTypeId)!;
  const def = type.definition;
  const actors = await actorIndex(tx, projectId);
  const rows = record.claims.map((c) => c.claim).filter(counts);
  const claims = rows.map((r) => toReconcile(r, type.key));
  const ids = new Set(claims.map((c) => c.id));

  const rules: Record<string, CombineRule> = {};
  const curatorChoice: Record<string, string> = {};
  for (const f of record.fields) {
    if (f.ruleOverride) rules[f.fieldKey] = f.ruleOverride as CombineRule;
    if (f.chosenClaimId && ids.has(f.chosenClaimId)) curatorChoice[f.fieldKey] = f.chosenClaimId;
  }
  const combined = combineRecord(def, claims, { rules, curatorChoice, actors });
  const existing = new Map(record.fields.map((f) => [f.fieldKey, f]));
  await tx.recordField.deleteMany({ where: { recordId, fieldKey: { notIn: def.fields.map((f) => f.key) } } });
  for (const f of def.fields) {
    const c = combined[f.key];
    const next = {
      value: c.value ?? null, rule: c.rule, undecided: c.conflict, note: c.note ?? "",
      supportingClaimIds: c.supportingClaims, alternatives: c.alternatives,
    };
    const old = existing.get(f.key);
    if (old) {
      const before = { value: old.value ?? null, rule: old.rule, undecided: old.undecided, note: old.note, supportingClaimIds: old.supportingClaimIds, alternatives: old.alternatives };
      if (JSON.stringify(before) === JSON.stringify(JSON.parse(JSON.stringify(next)))) continue;
      await tx.recordField.update({
        where: { recordId_fieldKey: { recordId, fieldKey: f.key } },
        data: { ...next, value: jsonOrNull(next.value), alternatives: json(next.alternatives), version: { increment: 1 } },
      });
    } else {
      await tx.recordField.create({
        data: { id: newId(), projectId, recordId, fieldKey: f.key, ...next, value: jsonOrNull(next.value), alternatives: json(next.alternatives) },
      });
    }
  }

  // Conflicts: matched to the stored ones by key, so a resolution survives recomputation.
  const detected = detectConflicts(def, claims, { actors });
  const stored = await tx.conflict.findMany({ where: { recordId }, select: { id: true, key: true, status: true } });
  const storedByKey = new Map(stored.map((c) => [c.key, c]));
  const seen = new Set<string>();
  for (const c of detected) {
    const key = conflictKey(c.kind, c.field, c.sides);
    if (seen.has(key)) continue;
    seen.add(key);
    const old = storedByKey.get(key);
    if (old) await tx.conflict.update({ where: { id: old.id }, data: { message: c.message, sides: json(c.sides) } });
    else await tx.conflict.create({ data: { id: newId(), projectId, recordId, fieldKey: c.field, kind: c.kind, key, message: c.message, sides: json(c.sides) } });
  }
  const gone = stored.filter((c) => c.status === "open" && !seen.has(c.key)).map((c) => c.id);
  if (gone.length > 0) await tx.conflict.deleteMany({ where: { id: { in: gone } } });

  // Independent sources: passages copied between this record's documents only.
  const docIds = [...new Set(claims.map((c) => c.documentId))];
  const texts = docIds.length < 2 ? [] : await tx.$queryRaw<{ id: string; text: string }[]>(
    Prisma.sql`SELECT "id", left("text", ${SOURCE_TEXT_CAP}) AS "text" FROM "Document" WHERE "projectId" = ${projectId} AND "id" IN (${Prisma.join(docIds)})`,
  );
  const sources = independentSources(claims, texts.length < 2 ? [] : findNearDuplicates(texts));

  // Summary columns for the list: the combined main date and country, every actor's match keys.
  const pf = projectionFields(def);
  const date = pf.date ? (combined[pf.date]?.value as { start?: unknown; end?: unknown } | null) : null;
  const hasDate = date && typeof date.start === "string" && typeof date.end === "string";
  const place = pf.place ? (combined[pf.place]?.value as { country?: unknown } | null) : null;
  const country = place && typeof place.country === "string" && /^[A-Za-z]{3}$/.test(place.country) ? place.country.toUpperCase() : null;
  const actorKeys = [...new Set(projectClaims(claims, [def], { actors }).flatMap((p) => p.actors.keys))].sort();
  await tx.record.update({
    where: { id: recordId },
    data: {
      dateStart: hasDate ? (date.start as string) : null, dateEnd: hasDate ? (date.end as string) : null, country, actorKeys,
      numberOfSources: sources.count, sources: json(sources.sources), updatedAt: new Date(),
    },
  });
}

/** The guarded write every change starts with: the record at the version read, bumped; else conflict / not_found. */
async function bumpRecord(tx: Tx, projectId: string, recordId: string, version: number): Promise<void> {
  const res = await tx.record.updateMany({
    where: { id: recordId, projectId, version, deletedAt: null },
    data: { version: { increment: 1 }, updatedAt: new Date() },
  });
  if (res.count === 1) return;
  const exists = await tx.record.findFirst({ where: { id: recordId, projectId, deletedAt: null }, select: { version: true } });
  if (!exists) throw new AppError("not_found");
  throw new AppError("conflict", "This record was changed in the meantime; reload it and try again.", { version: exists.version });
}

/** A record as its history compares it: status, sources, claims and each stated field's combined value. */
interface Snapshot {
  seq: number;
  status: string;
  numberOfSources: number;
  deleted: boolean;
  claimIds: string[];
  values: Record<string, unknown>;
}

async function snapshot(tx: Tx, recordId: string): Promise<Snapshot> {
  const r = await tx.record.findUniqueOrThrow({
    where: { id: recordId },
    select: {
      seq: true, status: true, numberOfSources: true, deletedAt: true,
      claims: { select: { claimId: true }, orderBy: { claimId: "asc" } }, fields: { select: { fieldKey: true, value: true } },
    },
  });
  return {
    seq: r.seq, status: r.status, numberOfSources: r.numberOfSources, deleted: r.deletedAt !== null, claimIds: r.claims.map((c) => c.claimId),
    values: Object.fromEntries(r.fields.filter((f) => f.value !== null).map((f) => [f.fieldKey, f.value])),
  };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What an event keeps of a change: only what differs (a created record: everything it holds), so the
 * log stays small for records of hundreds of claims and the history reads as before → after.
 */
function delta(before: Snapshot | null, after: Snapshot): { before: Record<string, unknown> | null; after: Record<string, unknown> } {
  if (!before) return { before: null, after: { status: after.status, numberOfSources: after.numberOfSources, values: after.values, claimsAdded: after.claimIds } };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of ["status", "numberOfSources", "deleted"] as const) {
    if (before[k] !== after[k]) { b[k] = before[k]; a[k] = after[k]; }
  }
  const bv: Record<string, unknown> = {};
  const av: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before.values), ...Object.keys(after.values)])) {
    if (sameJson(before.values[key], after.values[key])) continue;
    if (key in before.values) bv[key] = before.values[key];
    if (key in after.values) av[key] = after.values[key];
  }
  if (Object.keys(bv).length + Object.keys(av).length > 0) { b.values = bv; a.values = av; }
  const was = new Set(before.claimIds);
  const is = new Set(after.claimIds);
  const added = after.claimIds.filter((id) => !was.has(id));
  const removed = before.claimIds.filter((id) => !is.has(id));
  if (added.length) a.claimsAdded = added;
  if (removed.length) a.claimsRemoved = removed;
  return { before: b, after: a };
}

async function audit(
  tx: Tx, access: ProjectAccess, action: string, recordId: string, before: Snapshot | null, after: Snapshot,
  extra: { before?: Record<string, unknown>; after?: Record<string, unknown> } = {},
) {
  const d = delta(before, after);
  await recordAuditEvent(tx, {
    projectId: access.projectId, actorId: access.userId, action, objectType: "record", objectId: recordId,
    before: d.before || extra.before ? { ...d.before, ...extra.before } : null, after: { ...d.after, ...extra.after },
  });
}

/**
 * The access of a member who may change `recordId` (or the record `conflictId` belongs to). A member
 * who may only see it is refused, and the attempt recorded on the record; one who cannot see it (or
 * names a record of another project) gets not_found, as for a record that does not exist.
 */
async function curatorAccess(db: Db, userId: string, projectId: string, action: string, ref: { recordId: string } | { conflictId: string }): Promise<ProjectAccess> {
  const access = await authorize(db, userId, projectId, "project.view");
  if (can(access.role, "document.curate")) return access;
  const seen = await recordsSeenBy(db, access);
  const record = "recordId" in ref
    ? await db.record.findFirst({ where: { id: ref.recordId, projectId, deletedAt: null, ...seen }, select: { id: true } })
    : (await db.conflict.findFirst({ where: { id: ref.conflictId, projectId, record: { deletedAt: null, ...seen } }, select: { record: { select: { id: true } } } }))?.record;
  if (!record) throw new AppError("not_found");
  await recordDeniedAttempt(db, { actorId: userId, projectId, action, objectType: "record", objectId: record.id });
  throw new AppError("forbidden");
}

/** Approved, live claims of the project, all of one type and in no record; else the error that says why. */
async function claimableClaims(tx: Tx, projectId: string, claimIds: string[]) {
  const unique = [...new Set(claimIds)];
  const rows = await tx.claim.findMany({
    where: { id: { in: unique }, projectId },
    select: { id: true, version: true, status: true, deletedAt: true, claimTypeId: true, recordClaims: { select: { recordId: true } } },
  });
  if (rows.length !== unique.length || rows.some((r) => r.deletedAt !== null)) throw new AppError("not_found");
  if (rows.some((r) => r.status !== "approved")) throw new AppError("invalid", "Only approved claims can form a record.");
  if (new Set(rows.map((r) => r.claimTypeId)).size !== 1) throw new AppError("invalid", "A record's claims must all be of one claim type.");
  if (rows.some((r) => r.recordClaims.length > 0)) throw new AppError("conflict", "A claim of this proposal is already in a record; reload the proposals.");
  return rows;
}

async function createRecord(tx: Tx, access: ProjectAccess, claimTypeId: string, claims: { id: string; version: number }[]): Promise<{ id: string; seq: number }> {
  // The counter row serializes concurrent creates, like claim numbers per document.
  const project = await tx.project.update({ where: { id: access.projectId }, data: { recordSeq: { increment: 1 } }, select: { recordSeq: true } });
  const id = newId();
  await tx.record.create({ data: { id, projectId: access.projectId, claimTypeId, seq: project.recordSeq, createdById: access.userId } });
  await tx.recordClaim.createMany({
    data: claims.map((c) => ({ id: newId(), projectId: access.projectId, recordId: id, claimId: c.id, claimVersion: c.version })),
  });
  return { id, seq: project.recordSeq };
}

// ---------------------------------------------------------------------------------------------
// Changes

/** Makes a record of a proposal (or of any approved claims of one type an editor picks). */
export async function confirmProposal(userId: string, projectId: string, input: unknown): Promise<{ id: string; seq: number }> {
  const data = parseInput(ConfirmProposalInput, input);
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "document.curate");
  return db.$transaction(async (tx) => {
    const rows = await claimableClaims(tx, projectId, data.claimIds);
    const created = await createRecord(tx, access, rows[0].claimTypeId, rows);
    await recompute(tx, projectId, created.id);
    await audit(tx, access, "record.create", created.id, null, await snapshot(tx, created.id));
    return created;
  });
}

/** Moves every claim of `otherRecordId` into `recordId`; the other record is removed (its resolved conflicts kept where they still apply). */
export async function mergeRecords(userId: string, projectId: string, input: unknown): Promise<void> {
  const data = parseInput(MergeRecordsInput, input);
  if (data.recordId === data.otherRecordId) throw new AppError("invalid", "Choose another record to merge with.");
  const db = await getDb();
  const access = await curatorAccess(db, userId, projectId, "record.merge", data);
  await db.$transaction(async (tx) => {
    const before = await Promise.all([data.recordId, data.otherRecordId].map(async (id) => {
      const r = await tx.record.findFirst({ where: { id, projectId, deletedAt: null }, select: { claimTypeId: true } });
      if (!r) throw new AppError("not_found");
      return r;
    }));
    if (before[0].claimTypeId !== before[1].claimTypeId) throw new AppError("invalid", "Only records of one claim type can be merged.");
    const snapA = await snapshot(tx, data.recordId);
    const snapB = await snapshot(tx, data.otherRecordId);
    await bumpRecord(tx, projectId, data.recordId, data.version);
    await bumpRecord(tx, projectId, data.otherRecordId, data.otherVersion);
    await tx.recordClaim.updateMany({ where: { recordId: data.otherRecordId, projectId }, data: { recordId: data.recordId } });
    const keys = new Set((await tx.conflict.findMany({ where: { recordId: data.recordId }, select: { key: true } })).map((c) => c.key));
    const resolved = await tx.conflict.findMany({ where: { recordId: data.otherRecordId, status: "resolved" }, select: { id: true, key: true } });
    for (const c of resolved) if (!keys.has(c.key)) await tx.conflict.update({ where: { id: c.id }, data: { recordId: data.recordId } });
    await tx.conflict.deleteMany({ where: { recordId: data.otherRecordId } });
    await tx.recordField.deleteMany({ where: { recordId: data.otherRecordId } });
    await tx.record.update({ where: { id: data.otherRecordId }, data: { deletedAt: new Date(), numberOfSources: 0 } });
    await recompute(tx, projectId, data.recordId);
    await audit(tx, access, "record.merge", data.recordId, snapA, await snapshot(tx, data.recordId), { after: { mergedRecordId: data.otherRecordId, mergedSeq: snapB.seq } });
    await audit(tx, access, "record.merged_away", data.otherRecordId, snapB, await snapshot(tx, data.otherRecordId), { after: { mergedInto: data.recordId, mergedIntoSeq: snapA.seq } });
  });
}

/** Moves some claims of a record into a new record of their own; both are recomputed. */
export async function splitRecord(userId: string, projectId: string, input: unknown): Promise<{ id: string; seq: number }> {
  const data = parseInput(SplitRecordInput, input);
  const db = await getDb();
  const access = await curatorAccess(db, userId, projectId, "record.split", data);
  return db.$transaction(async (tx) => {
    const before = await snapshotOrNotFound(tx, projectId, data.recordId);
    await bumpRecord(tx, projectId, data.recordId, data.version);
    const moving = [...new Set(data.claimIds)];
    const members = await tx.recordClaim.findMany({ where: { recordId: data.recordId, projectId }, select: { claimId: true, claimVersion: true } });
    const inRecord = new Set(members.map((m) => m.claimId));
    if (moving.some((id) => !inRecord.has(id))) throw new AppError("not_found");
    if (moving.length >= members.length) throw new AppError("invalid", "Leave at least one claim in the record.");
    const record = await tx.record.findUniqueOrThrow({ where: { id: data.recordId }, select: { claimTypeId: true } });
    await tx.recordClaim.deleteMany({ where: { recordId: data.recordId, claimId: { in: moving } } });
    const created = await createRecord(tx, access, record.claimTypeId, members.filter((m) => moving.includes(m.claimId)).map((m) => ({ id: m.claimId, version: m.claimVersion })));
    await recompute(tx, projectId, data.recordId);
    await recompute(tx, projectId, created.id);
    await audit(tx, access, "record.split", data.recordId, before, await snapshot(tx, data.recordId), { after: { newRecordId: created.id, newSeq: created.seq } });
    await audit(tx, access, "record.create", created.id, null, await snapshot(tx, created.id), { after: { splitFrom: data.recordId, splitFromSeq: before.seq } });
    return created;
  });
}

/** Takes one claim out of a record (it becomes proposable again); a record left without claims is removed. */
export async function detachClaim(userId: string, projectId: string, input: unknown): Promise<{ recordDeleted: boolean }> {
  const data = parseInput(DetachClaimInput, input);
  const db = await getDb();
  const access = await curatorAccess(db, userId, projectId, "record.detach", data);
  return db.$transaction(async (tx) => {
    const before = await snapshotOrNotFound(tx, projectId, data.recordId);
    await bumpRecord(tx, projectId, data.recordId, data.version);
    const res = await tx.recordClaim.deleteMany({ where: { recordId: data.recordId, projectId, claimId: data.claimId } });
    if (res.count === 0) throw new AppError("not_found");
    const left = await tx.recordClaim.count({ where: { recordId: data.recordId } });
    if (left === 0) {
      await tx.conflict.deleteMany({ where: { recordId: data.recordId } });
      await tx.recordField.deleteMany({ where: { recordId: data.recordId } });
      await tx.record.update({ where: { id: data.recordId }, data: { deletedAt: new Date(), numberOfSources: 0 } });
    } else {
      await recompute(tx, projectId, data.recordId);
    }
    await audit(tx, access, "record.detach", data.recordId, before, await snapshot(tx, data.recordId));
    return { recordDeleted: left === 0 };
  });
}

/** Recomputes a record from its claims' current values (after claims were edited and approved again). */
export async function refreshRecord(userId: string, projectId: string, input: unknown): Promise<void> {
  const data = parseInput(RefreshRecordInput, input);
  const db = await getDb();
  const access = await curatorAccess(db, userId, projectId, "record.refresh", data);
  await db.$transaction(async (tx) => {
    const before = await snapshotOrNotFound(tx, projectId, data.recordId);
    await bumpRecord(tx, projectId, data.recordId, data.version);
    // The record now rests on the claims as they are: each link records the version used.
    const links = await tx.recordClaim.findMany({ where: { recordId: data.recordId }, select: { id: true, claim: { select: { version: true } } } });
    for (const l of links) await tx.recordClaim.update({ where: { id: l.id }, data: { claimVersion: l.claim.version } });
    await recompute(tx, projectId, data.recordId);
    await audit(tx, access, "record.refresh", data.recordId, before, await snapshot(tx, data.recordId));
  });
}

export async function setRecordStatus(userId: string, projectId: string, input: unknown): Promise<void> {
  const data = parseInput(SetRecordStatusInput, input);
  const db = await getDb();
  const access = await curatorAccess(db, userId, projectId, "record.status", data);
  await db.$transaction(async (tx) => {
    const before = await snapshotOrNotFound(tx, projectId, data.recordId);
    await bumpRecord(tx, projectId, data.recordId, data.version);
    await tx.record.update({ where: { id: data.recordId }, data: { status: data.status } });
    await audit(tx, access, "record.status", data.recordId, before, await snapshot(tx, data.recordId));
  });
}

/** Sets the rule of one field, or the claim whose value it takes (curator choice); the record is recomputed. */
export async function setFieldRule(userId: string, projectId: string, input: unknown): Promise<void> {
  const data = parseInput(SetFieldRuleInput, input);
  if (data.rule === "curator" && !data.claimId) throw new AppError("invalid", "Choose the claim whose value the field takes.");
  const db = await getDb();
  const access = await curatorAccess(db, userId, projectId, "record.field_rule", data);
  await db.$transaction(async (tx) => {
    const field = await tx.recordField.findFirst({
      where: { recordId: data.recordId, projectId, fieldKey: data.fieldKey, record: { deletedAt: null } },
      select: { id: true, version: true, rule: true, ruleOverride: true, chosenClaimId: true, record: { select: { version: true } } },
    });
    if (!field) throw new AppError("not_found");
    if (data.claimId) {
      const member = await tx.recordClaim.findFirst({ where: { recordId: data.recordId, claimId: data.claimId }, select: { id: true } });
      if (!member) throw new AppError("not_found");
    }
    const res = await tx.recordField.updateMany({
      where: { id: field.id, version: data.version },
      data: {
        ruleOverride: data.rule === "default" || data.rule === "curator" ? null : data.rule,
        chosenClaimId: data.rule === "curator" ? data.claimId! : null,
        version: { increment: 1 },
      },
    });
    if (res.count === 0) throw new AppError("conflict", "This field was changed in the meantime; reload the record and try again.", { version: field.version });
    const before = await snapshot(tx, data.recordId);
    await bumpRecord(tx, projectId, data.recordId, field.record.version);
    await recompute(tx, projectId, data.recordId);
    await audit(tx, access, "record.field_rule", data.recordId, before, await snapshot(tx, data.recordId), {
      before: { field: data.fieldKey, rule: field.rule, ruleOverride: field.ruleOverride, chosenClaimId: field.chosenClaimId },
      after: { field: data.fieldKey, rule: data.rule, chosenClaimId: data.claimId ?? null },
    });
  });
}

/**
 * Resolves a conflict with one side's value and a note: the field takes that side's claim as the
 * curator's choice, and the conflict stays on the record, resolved.
 */
export async function resolveConflict(userId: string, projectId: string, input: unknown): Promise<void> {
  const data = parseInput(ResolveConflictInput, input);
  const db = await getDb();
  const access = await curatorAccess(db, userId, projectId, "record.resolve_conflict", data);
  await db.$transaction(async (tx) => {
    const conflict = await tx.conflict.findFirst({
      where: { id: data.conflictId, projectId, record: { deletedAt: null } },
      select: { id: true, recordId: true, fieldKey: true, status: true, sides: true, version: true, resolution: true, note: true, record: { select: { version: true } } },
    });
    if (!conflict) throw new AppError("not_found");
    const sides = conflict.sides as unknown as ConflictSide[];
    const chosen = sides[data.side];
    const claimId = chosen?.claimIds[0];
    if (!claimId) throw new AppError("invalid", "That side names no claim.");
    const res = await tx.conflict.updateMany({
      where: { id: conflict.id, version: data.version },
      data: {
        status: "resolved", note: data.note, resolvedById: userId, resolvedAt: new Date(), version: { increment: 1 },
        resolution: json({ side: data.side, claimId, value: chosen.value }),
      },
    });
    if (res.count === 0) throw new AppError("conflict", "This conflict was changed in the meantime; reload it and try again.", { version: conflict.version });
    const before = await snapshot(tx, conflict.recordId);
    await bumpRecord(tx, projectId, conflict.recordId, conflict.record.version);
    // The field takes the chosen side's value, unless the claim is no longer in the record.
    if (await tx.recordClaim.findFirst({ where: { recordId: conflict.recordId, claimId }, select: { id: true } })) {
      await tx.recordField.updateMany({
        where: { recordId: conflict.recordId, fieldKey: conflict.fieldKey },
        data: { chosenClaimId: claimId, ruleOverride: null, version: { increment: 1 } },
      });
    }
    await recompute(tx, projectId, conflict.recordId);
    await audit(tx, access, "record.resolve_conflict", conflict.recordId, before, await snapshot(tx, conflict.recordId), {
      before: { conflict: { id: conflict.id, field: conflict.fieldKey, status: conflict.status, resolution: conflict.resolution, note: conflict.note } },
      after: { conflict: { id: conflict.id, field: conflict.fieldKey, status: "resolved", side: data.side, claimId, value: chosen.value, note: data.note } },
    });
  });
}

async function snapshotOrNotFound(tx: Tx, projectId: string, recordId: string) {
  const r = await tx.record.findFirst({ where: { id: recordId, projectId, deletedAt: null }, select: { id: true } });
  if (!r) throw new AppError("not_found");
  return snapshot(tx, recordId);
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Records a member may see: every one, or (blind project, non-curator) those whose claims they all see. */
async function recordsSeenBy(db: Db, access: ProjectAccess): Promise<Prisma.RecordWhereInput> {
  return visibleRecordsWhere(await claimVisibility(db, access));
}

interface RecordRow {
  id: string;
  seq: number;
  typeName: string;
  status: string;
  date: string;
  place: string;
  actors: string;
  figure: string;
  figureLabel: string;
  numberOfSources: number;
  claimCount: number;
  openConflicts: number;
  updatedAt: Date;
}

export interface RecordList {
  rows: RecordRow[];
  total: number;
  page: number;
  pageSize: number;
  role: Role;
  canCurate: boolean;
  openConflicts: number;
  projectName: string;
  /** Claim types that have records or may have (not archived), for the type filter. */
  types: { id: string; name: string }[];
}

async function projectName(db: Db, projectId: string): Promise<string> {
  return (await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } })).name;
}

const ORDER: Record<RecordListQuery["sort"], Prisma.RecordOrderByWithRelationInput[]> = {
  date: [{ dateStart: { sort: "asc", nulls: "last" } }, { seq: "asc" }],
  "-date": [{ dateStart: { sort: "desc", nulls: "last" } }, { seq: "desc" }],
  seq: [{ seq: "asc" }],
  "-seq": [{ seq: "desc" }],
  sources: [{ numberOfSources: "asc" }, { seq: "asc" }],
  "-sources": [{ numberOfSources: "desc" }, { seq: "asc" }],
  updated: [{ updatedAt: "desc" }],
};

export async function listRecords(userId: string, projectId: string, query: unknown): Promise<RecordList> {
  const q = parseInput(RecordListQuery, query);
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "project.view");
  const where: Prisma.RecordWhereInput = { projectId, deletedAt: null, ...(await recordsSeenBy(db, access)) };
  const and: Prisma.RecordWhereInput[] = [];
  if (q.type) and.push({ claimTypeId: q.type });
  if (q.from) and.push({ dateEnd: { gte: q.from } });
  if (q.to) and.push({ dateStart: { lte: q.to } });
  if (q.country) and.push({ country: q.country });
  if (q.status) and.push({ status: q.status });
  if (q.minSources) and.push({ numberOfSources: { gte: q.minSources } });
  if (q.conflict === "open") and.push({ conflicts: { some: { status: "open" } } });
  if (q.conflict === "none") and.push({ conflicts: { none: { status: "open" } } });
  if (q.actor) {
    const id = (await actorIndex(db, projectId)).resolve(q.actor);
    and.push({ actorKeys: { hasSome: [...(id ? [`id:${id}`] : []), `name:${actorKey(q.actor)}`] } });
  }
  if (and.length) where.AND = and;
  const [total, rows, types, openConflicts, name] = await Promise.all([
    db.record.count({ where }),
    db.record.findMany({
      where, orderBy: ORDER[q.sort], skip: (q.page - 1) * RECORDS_PAGE_SIZE, take: RECORDS_PAGE_SIZE,
      select: {
        id: true, seq: true, claimTypeId: true, status: true, dateStart: true, dateEnd: true, numberOfSources: true, updatedAt: true,
        fields: { select: { fieldKey: true, value: true } },
        _count: { select: { claims: true, conflicts: { where: { status: "open" } } } },
      },
    }),
    loadTypes(db, projectId),
    db.conflict.count({ where: { projectId, status: "open", record: where } }),
    projectName(db, projectId),
  ]);
  return {
    projectName: name, types: [...types.values()].map((t) => ({ id: t.id, name: t.name })),
    total, page: q.page, pageSize: RECORDS_PAGE_SIZE, role: access.role, canCurate: can(access.role, "document.curate"), openConflicts,
    rows: rows.map((r) => {
      const type = types.get(r.claimTypeId)!;
      const def = type.definition;
      const pf = projectionFields(def);
      const value = (key: string) => r.fields.find((f) => f.fieldKey === key)?.value ?? null;
      const fieldOf = (key: string) => def.fields.find((f) => f.key === key);
      return {
        id: r.id, seq: r.seq, typeName: type.name, status: r.status,
        date: r.dateStart ? (r.dateStart === r.dateEnd ? r.dateStart : `${r.dateStart} – ${r.dateEnd}`) : NOT_STATED,
        place: pf.place ? displayValue(fieldOf(pf.place), value(pf.place)) : NOT_STATED,
        actors: pf.actors.map((k) => displayValue(fieldOf(k), value(k))).filter((s) => s !== NOT_STATED).join("; ") || NOT_STATED,
        figure: pf.figure ? displayValue(fieldOf(pf.figure), value(pf.figure)) : NOT_STATED,
        figureLabel: fieldOf(pf.figure)?.label ?? "",
        numberOfSources: r.numberOfSources, claimCount: r._count.claims, openConflicts: r._count.conflicts, updatedAt: r.updatedAt,
      };
    }),
  };
}

export interface RecordClaimView extends ClaimSummary {
  status: string;
  deleted: boolean;
  /** The claim changed (or left approval) since the record last used it. */
  changed: boolean;
  counts: boolean;
}

interface RecordFieldView {
  key: string;
  label: string;
  kind: string;
  value: string;
  rule: CombineRule;
  ruleLabel: string;
  ruleOverride: string | null;
  chosenClaimId: string | null;
  undecided: boolean;
  note: string;
  version: number;
  supporting: string[];
  alternatives: { value: string; claimIds: string[] }[];
}

/** A claim as a conflict names it: enough to link to its passage. */
interface ClaimRef {
  id: string;
  documentId: string;
  documentTitle: string;
  seq: number;
}

export interface ConflictView {
  id: string;
  recordId: string;
  recordSeq: number;
  fieldKey: string;
  fieldLabel: string;
  kind: string;
  message: string;
  sides: { claimIds: string[]; claims: ClaimRef[]; value: string }[];
  status: "open" | "resolved";
  resolution: { side: number; claimId: string; value: string } | null;
  note: string;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  version: number;
}

export interface RecordView {
  id: string;
  seq: number;
  version: number;
  status: string;
  typeName: string;
  claimTypeId: string;
  numberOfSources: number;
  sources: { documentId: string; title: string }[][];
  claims: RecordClaimView[];
  fields: RecordFieldView[];
  conflicts: ConflictView[];
  /** The last RECORD_HISTORY_SIZE events, oldest first; refused attempts for curators only. */
  history: HistoryEntry[];
  role: Role;
  canCurate: boolean;
  projectName: string;
  /** Other live records of the same type (for merging), newest first, at most 200. */
  mergeTargets: { id: string; seq: number; version: number; date: string }[];
}

function conflictView(c: {
  id: string; recordId: string; fieldKey: string; kind: string; message: string; sides: unknown; status: string; resolution: unknown;
  note: string; resolvedAt: Date | null; version: number; resolvedBy: { name: string } | null; record: { seq: number };
}, def: ClaimTypeDefinition | undefined, refs: Map<string, ClaimRef>): ConflictView {
  const f = def?.fields.find((x) => x.key === c.fieldKey);
  const sides = (c.sides as ConflictSide[]).map((s) => ({
    claimIds: s.claimIds, claims: s.claimIds.flatMap((id) => refs.get(id) ?? []), value: displayValue(f, s.value),
  }));
  const r = c.resolution as { side: number; claimId: string; value: unknown } | null;
  return {
    id: c.id, recordId: c.recordId, recordSeq: c.record.seq, fieldKey: c.fieldKey, fieldLabel: f?.label ?? c.fieldKey, kind: c.kind,
    message: c.message, sides, status: c.status as "open" | "resolved",
    resolution: r ? { side: r.side, claimId: r.claimId, value: displayValue(f, r.value) } : null,
    note: c.note, resolvedBy: c.resolvedBy?.name ?? null, resolvedAt: c.resolvedAt, version: c.version,
  };
}

const CONFLICT_SELECT = {
  id: true, recordId: true, fieldKey: true, kind: true, message: true, sides: true, status: true, resolution: true, note: true,
  resolvedAt: true, version: true, resolvedBy: { select: { name: true } }, record: { select: { seq: true, claimTypeId: true } },
} satisfies Prisma.ConflictSelect;

export async function getRecord(userId: string, projectId: string, recordId: string): Promise<RecordView> {
  const id = parseInput(Id, recordId);
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "project.view");
  const record = await db.record.findFirst({
    where: { id, projectId, deletedAt: null, ...(await recordsSeenBy(db, access)) },
    select: {
      id: true, seq: true, version: true, status: true, claimTypeId: true, numberOfSources: true, sources: true,
      claims: { select: { claimVersion: true, claim: { select: CLAIM_SELECT } } },
      fields: true,
      conflicts: { select: CONFLICT_SELECT, orderBy: [{ status: "asc" }, { createdAt: "asc" }] },
    },
  });
  if (!record) throw new AppError("not_found");
  const types = await loadTypes(db, projectId);
  const type = types.get(record.claimTypeId)!;
  const def = type.definition;
  const claims = record.claims
    .map((c) => ({
      ...summarize(c.claim, def), status: c.claim.status, deleted: c.claim.deletedAt !== null,
      changed: c.claim.version !== c.claimVersion || !counts(c.claim), counts: counts(c.claim),
    }))
    .sort((a, b) => (a.documentTitle < b.documentTitle ? -1 : a.documentTitle > b.documentTitle ? 1 : a.seq - b.seq));
  const byKey = new Map(record.fields.map((f) => [f.fieldKey, f]));
  const fields = def.fields.flatMap((f): RecordFieldView[] => {
    const row = byKey.get(f.key);
    if (!row) return [];
    const alternatives = (row.alternatives as { value: unknown; claimIds: string[] }[]).map((a) => ({ value: displayValue(f, a.value), claimIds: a.claimIds }));
    return [{
      key: f.key, label: f.label, kind: f.kind, value: displayValue(f, row.value), rule: row.rule as CombineRule,
      ruleLabel: RULE_LABELS[row.rule as CombineRule] ?? row.rule, ruleOverride: row.ruleOverride, chosenClaimId: row.chosenClaimId,
      undecided: row.undecided, note: row.note, version: row.version, supporting: row.supportingClaimIds, alternatives,
    }];
  });
  const titles = new Map(claims.map((c) => [c.documentId, c.documentTitle]));
  const refs = new Map(claims.map((c) => [c.id, { id: c.id, documentId: c.documentId, documentTitle: c.documentTitle, seq: c.seq }]));
  const canCurate = can(access.role, "document.curate");
  const [history, mergeTargets] = await Promise.all([
    recordHistory(db, access, id, def),
    canCurate
      ? db.record.findMany({ where: { projectId, claimTypeId: record.claimTypeId, deletedAt: null, id: { not: id } }, orderBy: { seq: "desc" }, take: 200, select: { id: true, seq: true, version: true, dateStart: true, dateEnd: true } })
      : Promise.resolve([]),
  ]);
  return {
    id: record.id, seq: record.seq, version: record.version, status: record.status, typeName: type.name, claimTypeId: type.id,
    numberOfSources: record.numberOfSources,
    sources: (record.sources as string[][]).map((group) => group.map((d) => ({ documentId: d, title: titles.get(d) ?? d }))),
    claims, fields,
    conflicts: record.conflicts.map((c) => conflictView(c, def, refs)),
    history,
    role: access.role, canCurate, projectName: await projectName(db, projectId),
    mergeTargets: mergeTargets.map((r) => ({ id: r.id, seq: r.seq, version: r.version, date: r.dateStart ? (r.dateStart === r.dateEnd ? r.dateStart : `${r.dateStart} – ${r.dateEnd}`) : NOT_STATED })),
  };
}

const RECORD_HISTORY_SIZE = 50;
const RECORD_WORDS: Record<string, string> = {
  "record.create": "created the record",
  "record.merge": "merged another record into this one",
  "record.merged_away": "merged this record into another",
  "record.split": "split claims off into a new record",
  "record.detach": "detached a claim",
  "record.refresh": "recomputed the record from its claims as they are now",
  "record.status": "changed the record's status",
  "record.field_rule": "changed a field's rule",
  "record.resolve_conflict": "resolved a conflict",
};
const DENIED_WORDS: Record<string, string> = {
  "record.merge": "merge records", "record.split": "split the record", "record.detach": "detach a claim", "record.refresh": "recompute the record",
  "record.status": "change the record's status", "record.field_rule": "change a field's rule", "record.resolve_conflict": "resolve a conflict",
};
const STATUS_WORDS: Record<string, string> = { confirmed: "Confirmed", final: "Final" };

/**
 * A record's history from its audit events (the last RECORD_HISTORY_SIZE, oldest first): who did
 * what and when, with what changed as claim histories show it (lib/services/history.ts). Claims are
 * named as the member can see them; refused attempts are shown to curators only.
 */
async function recordHistory(db: Db, access: ProjectAccess, recordId: string, def: ClaimTypeDefinition): Promise<HistoryEntry[]> {
  const seesDenied = can(access.role, "document.curate");
  const events = (await db.auditEvent.findMany({
    where: { projectId: access.projectId, objectType: "record", objectId: recordId, ...(seesDenied ? {} : { outcome: "ok" }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RECORD_HISTORY_SIZE,
    select: { id: true, actorId: true, action: true, outcome: true, before: true, after: true, createdAt: true },
  })).reverse();
  const parts = events.map((e) => ({ e, b: asRecord(e.before), a: asRecord(e.after) }));
  const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  const claimIds = [...new Set(parts.flatMap(({ b, a }) => [
    ...ids(a.claimsAdded), ...ids(a.claimsRemoved), ...ids([b.chosenClaimId, a.chosenClaimId, asRecord(a.conflict).claimId]),
  ]))];
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((x): x is string => x !== null))];
  const [claims, users] = await Promise.all([
    db.claim.findMany({
      where: { AND: [{ projectId: access.projectId, id: { in: claimIds } }, visibleClaimsWhere(await claimVisibility(db, access))] },
      select: { id: true, seq: true, document: { select: { title: true } } },
    }),
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }),
  ]);
  const claimLabels = new Map(claims.map((c) => [c.id, `${c.document.title} #${c.seq}`]));
  const claimLabel = (id: unknown) => (typeof id === "string" && claimLabels.get(id)) || "a claim not shown";
  const names = new Map(users.map((u) => [u.id, u.name]));
  const fieldOf = (key: unknown) => def.fields.find((f) => f.key === key);
  const ruleText = (rule: unknown, claimId: unknown) =>
    rule === "curator" ? `${RULE_LABELS.curator} (${claimLabel(claimId)})`
      : rule === "default" ? "Default rule" : RULE_LABELS[rule as CombineRule] ?? String(rule ?? "");

  return parts.map(({ e, b, a }): HistoryEntry => {
    const actorName = e.actorId ? names.get(e.actorId) ?? "a former member" : "the system";
    if (e.outcome === "denied") {
      return { id: e.id, at: e.createdAt, actorName, kind: "denied", what: `tried to ${DENIED_WORDS[e.action] ?? e.action} (refused)`, changes: [] };
    }
    const changes: FieldChange[] = [];
    if ("status" in a) changes.push({ label: "Status", before: STATUS_WORDS[String(b.status)] ?? "", after: STATUS_WORDS[String(a.status)] ?? String(a.status) });
    if ("numberOfSources" in a) changes.push({ label: "Independent sources", before: b.numberOfSources === undefined ? "" : String(b.numberOfSources), after: String(a.numberOfSources) });
    if (a.deleted === true) changes.push({ label: "Record", before: "kept", after: "removed" });
    if (e.action === "record.field_rule") {
      changes.push({ label: `Rule of ${fieldOf(a.field)?.label ?? String(a.field)}`, before: ruleText(b.rule, b.chosenClaimId), after: ruleText(a.rule, a.chosenClaimId) });
    }
    const conflict = asRecord(a.conflict);
    if (conflict.id) {
      const f = fieldOf(conflict.field);
      const was = asRecord(b.conflict);
      const wasValue = asRecord(was.resolution).value;
      changes.push({
        label: `Conflict on ${f?.label ?? String(conflict.field)}`,
        before: was.status === "resolved" ? `resolved: ${displayValue(f, wasValue)}` : "open",
        after: `resolved: ${displayValue(f, conflict.value)} (from ${claimLabel(conflict.claimId)})`,
      });
    }
    changes.push(...fieldChanges(def, { values: asRecord(b.values) }, { values: asRecord(a.values) }, displayValue));
    const added = ids(a.claimsAdded);
    const removed = ids(a.claimsRemoved);
    if (added.length) changes.push({ label: "Claims added", before: "", after: added.map(claimLabel).join(", ") });
    if (removed.length) changes.push({ label: "Claims removed", before: removed.map(claimLabel).join(", "), after: "" });
    const seqOf = (k: string) => (typeof a[k] === "number" ? ` R${a[k]}` : "");
    const what = e.action === "record.merge" ? `merged record${seqOf("mergedSeq")} into this one`
      : e.action === "record.split" ? `split claims off into a new record${seqOf("newSeq")}`
        : e.action === "record.create" && a.splitFrom ? `created the record from claims split off ${typeof a.splitFromSeq === "number" ? `R${a.splitFromSeq}` : "another record"}`
          : RECORD_WORDS[e.action] ?? e.action;
    return {
      id: e.id, at: e.createdAt, actorName, kind: "change", what, changes,
      ...(conflict.id && typeof conflict.note === "string" ? { reason: conflict.note } : {}),
    };
  });
}

export interface ConflictQueue {
  open: ConflictView[];
  resolved: ConflictView[];
  role: Role;
  canCurate: boolean;
  projectName: string;
}

/** The conflicts queue: open conflicts oldest first, then the most recently resolved (at most 200 each). */
export async function listConflicts(userId: string, projectId: string): Promise<ConflictQueue> {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "project.view");
  const record: Prisma.RecordWhereInput = { deletedAt: null, ...(await recordsSeenBy(db, access)) };
  const [open, resolved, types] = await Promise.all([
    db.conflict.findMany({ where: { projectId, status: "open", record }, orderBy: { createdAt: "asc" }, take: 200, select: CONFLICT_SELECT }),
    db.conflict.findMany({ where: { projectId, status: "resolved", record }, orderBy: { resolvedAt: "desc" }, take: 200, select: CONFLICT_SELECT }),
    loadTypes(db, projectId),
  ]);
  // Claims a conflict names that have since left its record are simply not linked.
  const ids = [...new Set([...open, ...resolved].flatMap((c) => (c.sides as ConflictSide[]).flatMap((s) => s.claimIds)))];
  const claims = await db.claim.findMany({
    where: { projectId, id: { in: ids }, recordClaims: { some: {} } },
    select: { id: true, documentId: true, seq: true, document: { select: { title: true } } },
  });
  const refs = new Map(claims.map((c) => [c.id, { id: c.id, documentId: c.documentId, documentTitle: c.document.title, seq: c.seq }]));
  const view = (c: (typeof open)[number]) => conflictView(c, types.get(c.record.claimTypeId)?.definition, refs);
  return {
    open: open.map(view), resolved: resolved.map(view), role: access.role, canCurate: can(access.role, "document.curate"),
    projectName: await projectName(db, projectId),
  };
}
