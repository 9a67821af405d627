/**
 * Curation of a document: its annotators' claims aligned side by side, and the curator's decision on
 * each group of overlapping claims (a unit).
 *
 * Opening a document for curation: in a blind project, from then on every member sees every claim
 * on it (claim-visibility.ts reads `Document.curationOpenedAt` on each request). Opening is a change
 * to the document, so it names the document version it was decided on and bumps it; it is recorded
 * in the audit log. There is no closing: claims once shown cannot be unseen. A blind project's
 * document is curated only once opened; an open project's at any time.
 *
 * Units are the label units of lib/core/agreement (connected groups of overlapping evidence over all
 * annotators). A unit's verdict: `agree` (every annotator has one claim there, of one type, with
 * agreeing fields by the agreement module's field rules), `disagree` (with the differences field by
 * field), `single` (one annotator only).
 *
 * A curated claim is an ordinary claim written by the curator, approved, linked to every claim of the
 * unit (ClaimSource, at the version seen). Accept copies one claim; merge takes the spans of one and
 * each field from any claim of the unit's type, then optional edits. Reject rejects the unit's claims
 * through the review transitions, with decision rows. A unit is done when all its claims are sources
 * of a live curated claim, or all are rejected. Undo soft-deletes the curated claim (the sources are
 * free again) or reopens a rejected unit's claims.
 *
 * Each decision names the unit's claims with the versions read; in one transaction it first bumps the
 * document's claims counter (which also serializes concurrent curators of the document), then rebuilds
 * the units and refuses with `conflict` when the unit changed, a claim changed, or the unit was
 * decided meanwhile.
 */
import "server-only";
import { z } from "zod";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { authorize, type ProjectAccess } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/db/audit";
import { buildLabelUnits, isEmptyValue, valuesAgree, type AgreementClaim } from "@/lib/core/agreement";
import { applyDerivedFields, ClaimTypeDefinitionSchema, validateClaimValues, type ClaimTypeDefinition, type FieldDefinition } from "@/lib/core/claim-types";
import { formatFieldValue } from "@/lib/core/claim-types/field-display";
import { reviewTransition, type ClaimStatus, type ReviewAction } from "@/lib/core/claim-status";
import { sliceCp } from "@/lib/core/offsets";
import { referenceFromPublished } from "@/lib/core/values";
import type { Prisma } from "@/lib/generated/prisma/client";
import { claimVisibility, visibleClaimsWhere } from "./claim-visibility";
import { writeDecision } from "./review";
import { Id, parseInput, Version } from "./input";

const OpenInput = z.strictObject({ documentId: Id, version: Version });

export interface CurationState {
  documentId: string;
  version: number;
  curationOpenedAt: Date;
}

export async function openForCuration(userId: string, projectId: string, documentId: string, version: number): Promise<CurationState> {
  const db = await getDb();
  await authorize(db, userId, projectId, "document.curate");
  const data = parseInput(OpenInput, { documentId, version });
  const doc = await db.document.findFirst({ where: { id: data.documentId, projectId }, select: { version: true, curationOpenedAt: true } });
  if (!doc) throw new AppError("not_found");
  // Asked twice (two editors, a double click): the state asked for already holds.
  if (doc.curationOpenedAt) return { documentId: data.documentId, version: doc.version, curationOpenedAt: doc.curationOpenedAt };
  return db.$transaction(async (tx) => {
    const at = new Date();
    const res = await tx.document.updateMany({
      where: { id: data.documentId, projectId, version: data.version, curationOpenedAt: null },
      data: { curationOpenedAt: at, version: { increment: 1 }, updatedAt: at },
    });
    if (res.count === 0) throw new AppError("conflict", "This document changed after you opened it. Reload it and try again.");
    await recordAuditEvent(tx, {
      projectId, actorId: userId, action: "document.openCuration", objectType: "document", objectId: data.documentId,
      before: { version: data.version, curationOpenedAt: null }, after: { version: data.version + 1, curationOpenedAt: at },
    });
    return { documentId: data.documentId, version: data.version + 1, curationOpenedAt: at };
  });
}

/** Longest rejection reason, as in review. */
const MAX_REASON = 2000;
/** Characters of text shown either side of a unit. */
const CONTEXT = 120;

const SourceRef = z.strictObject({ claimId: Id, version: Version });
const UnitRef = { documentId: Id, sources: z.array(SourceRef).min(1).max(200) };
const AcceptInput = z.strictObject({ ...UnitRef, claimId: Id });
const MergeInput = z.strictObject({
  ...UnitRef,
  /** The claim whose type and evidence the curated claim takes. */
  spansFrom: Id,
  /** Per field key, the unit claim whose value is taken (default: `spansFrom`). */
  fields: z.record(z.string().max(100), Id).default({}),
  /** Values typed by the curator, as in the claim form; they win over `fields`. */
  edits: z.record(z.string().max(100), z.unknown()).default({}),
  note: z.string().max(5000).default(""),
});
const RejectInput = z.strictObject({ ...UnitRef, reason: z.string().max(MAX_REASON) });
const ReopenInput = z.strictObject(UnitRef);
const UndoInput = z.strictObject({ documentId: Id, claimId: Id, version: Version });
const ViewInput = z.strictObject({ documentId: Id });

export type CurationVerdict = "agree" | "disagree" | "single";

export interface CurationField {
  key: string;
  label: string;
  /** The value as shown (formatFieldValue). */
  text: string;
}

export interface CurationClaim {
  id: string;
  seq: number;
  version: number;
  annotatorId: string;
  claimTypeId: string;
  typeName: string;
  status: ClaimStatus;
  spans: { start: number; end: number; exact: string }[];
  fields: CurationField[];
  /** The stored values, which a merge's edit starts from. */
  values: Record<string, unknown>;
}

/** One field (or the claim type) on which the unit's claims differ. */
export interface CurationDifference {
  key: string;
  label: string;
  /** Per annotator with a claim there (first claim), what it says. */
  values: { annotatorId: string; text: string }[];
}

export interface CurationUnit {
  /** Stable while the unit's claims are the same: their ids, sorted. */
  key: string;
  start: number;
  end: number;
  before: string;
  quote: string;
  after: string;
  /** Per annotator, in the view's annotator order, their claims in the unit. */
  columns: CurationClaim[][];
  verdict: CurationVerdict;
  differences: CurationDifference[];
  /** Annotators of the document with no claim in the unit. */
  missing: string[];
  /** Decided: the live curated claim made from it, or its claims rejected; null while open. */
  done: { kind: "curated"; claimId: string; version: number; seq: number; typeName: string; fields: CurationField[] } | { kind: "rejected" } | null;
  /** The unit's claims with the versions read: what a decision on it names. */
  sources: { claimId: string; version: number }[];
}

export interface CurationView {
  projectName: string;
  /** The member's role, for the project's section links. */
  role: ProjectAccess["role"];
  documentId: string;
  title: string;
  blind: boolean;
  opened: boolean;
  annotators: { id: string; name: string }[];
  units: CurationUnit[];
  curated: number;
  /** Fields of each claim type in the document, for merge choices and edits. */
  fieldsByType: Record<string, FieldDefinition[]>;
  /** The document's publication date: what a merge's typed dates and figures are read against. */
  published: string;
  /**
   * The document's text, for the text before a claim's evidence (the other half of that context);
   * sent with the first view only (the text does not change, the board keeps it).
   */
  text?: string;
}

const CLAIM_SELECT = {
  id: true, seq: true, version: true, authorId: true, claimTypeId: true, claimTypeVersion: true, values: true, status: true,
  spans: { select: { start: true, end: true, exact: true, prefix: true, suffix: true }, orderBy: { ordinal: "asc" } },
  claimType: { select: { currentVersion: true } },
  curatedFrom: { select: { sourceClaimId: true } },
} as const;

type ClaimRow = Prisma.ClaimGetPayload<{ select: typeof CLAIM_SELECT }>;

interface DocRow {
  id: string;
  title: string;
  text: string;
  published: string;
  curationOpenedAt: Date | null;
}

interface Loaded {
  doc: DocRow;
  blind: boolean;
  annotators: string[];
  claims: Map<string, ClaimRow>;
  /** Source claim id -> the live curated claim made from it. */
  curatedBy: Map<string, ClaimRow>;
  defs: Map<string, ClaimTypeDefinition>;
  units: { start: number; end: number; claimIds: string[] }[];
}

const defKey = (typeId: string, version: number) => `${typeId}@${version}`;

/** The document (in the project), refused as not curatable while a blind project has not opened it. */
async function loadDocument(db: Db | Tx, projectId: string, documentId: string): Promise<{ doc: DocRow; blind: boolean }> {
  const doc = await db.document.findFirst({
    where: { id: documentId, projectId },
    select: { id: true, title: true, text: true, published: true, curationOpenedAt: true, project: { select: { annotationMode: true } } },
  });
  if (!doc) throw new AppError("not_found");
  const blind = doc.project.annotationMode === "blind";
  if (blind && !doc.curationOpenedAt) {
    throw new AppError("invalid", "This project annotates blind: open the document for curation first (on the document page), so that every claim on it can be seen.");
  }
  const { project: _p, ...rest } = doc;
  return { doc: rest, blind };
}

/** Everything a view or a decision needs, read through the claim-visibility rule. */
async function loadUnits(db: Db | Tx, access: ProjectAccess, documentId: string): Promise<Loaded> {
  const { doc, blind } = await loadDocument(db, access.projectId, documentId);
  const visibility = await claimVisibility(db, access);
  const [rows, assigned] = await Promise.all([
    db.claim.findMany({ where: { projectId: access.projectId, documentId, deletedAt: null, ...visibleClaimsWhere(visibility) }, select: CLAIM_SELECT, orderBy: { seq: "asc" } }),
    db.assignment.findMany({ where: { projectId: access.projectId, documentId }, select: { userId: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const claims = new Map<string, ClaimRow>();
  const curatedBy = new Map<string, ClaimRow>();
  for (const r of rows) {
    // A claim with sources is a curated claim: the curator's result, not an annotator's version.
    if (r.curatedFrom.length > 0) for (const s of r.curatedFrom) curatedBy.set(s.sourceClaimId, r);
    else claims.set(r.id, r);
  }
  const annotators = [...new Set([...assigned.map((a) => a.userId), ...[...claims.values()].map((c) => c.authorId)])];
  const defs = new Map<string, ClaimTypeDefinition>();
  const wanted = new Set<string>();
  for (const c of [...claims.values(), ...curatedBy.values()]) {
    wanted.add(defKey(c.claimTypeId, c.claimTypeVersion));
    wanted.add(defKey(c.claimTypeId, c.claimType.currentVersion));
  }
  // Read on the caller's connection: inside a decision's transaction another one may have to wait for it.
  const versions = await db.claimTypeVersion.findMany({
    where: { claimType: { projectId: access.projectId }, OR: [...wanted].map((k) => ({ claimTypeId: k.split("@")[0], version: Number(k.split("@")[1]) })) },
    select: { claimTypeId: true, version: true, definition: true },
  });
  for (const v of versions) defs.set(defKey(v.claimTypeId, v.version), ClaimTypeDefinitionSchema.parse(v.definition));
  const input: AgreementClaim[] = [...claims.values()].map((c) => ({
    claimId: c.id, annotatorId: c.authorId, documentId, typeKey: c.claimTypeId, spans: c.spans, values: c.values as Record<string, unknown>,
  }));
  const units = buildLabelUnits(input, annotators).map((u) => ({ start: u.start, end: u.end, claimIds: u.claimIds }));
  return { doc, blind, annotators, claims, curatedBy, defs, units };
}

function fieldsOf(l: Loaded, c: ClaimRow): FieldDefinition[] {
  return (l.defs.get(defKey(c.claimTypeId, c.claimTypeVersion)) ?? l.defs.get(defKey(c.claimTypeId, c.claimType.currentVersion)))?.fields ?? [];
}

function typeName(l: Loaded, c: ClaimRow): string {
  return l.defs.get(defKey(c.claimTypeId, c.claimType.currentVersion))?.name ?? l.defs.get(defKey(c.claimTypeId, c.claimTypeVersion))?.name ?? "";
}

function claimView(l: Loaded, c: ClaimRow): CurationClaim {
  const values = c.values as Record<string, unknown>;
  return {
    id: c.id, seq: c.seq, version: c.version, annotatorId: c.authorId, claimTypeId: c.claimTypeId, typeName: typeName(l, c), status: c.status,
    spans: c.spans.map((s) => ({ start: s.start, end: s.end, exact: s.exact })),
    fields: fieldsOf(l, c).map((f) => ({ key: f.key, label: f.label, text: formatFieldValue(f, values[f.key]).text })),
    values,
  };
}

/** Whether two stored values of a field say the same: both unstated, or agreeing by the agreement rules. */
function sameValue(f: FieldDefinition, a: unknown, b: unknown): boolean {
  const ea = isEmptyValue(a);
  const eb = isEmptyValue(b);
  if (ea || eb) return ea && eb;
  return valuesAgree(f.kind, a, b);
}

function unitDone(l: Loaded, rows: ClaimRow[]): CurationUnit["done"] {
  const curated = rows.map((r) => l.curatedBy.get(r.id));
  if (curated.every((c) => c !== undefined)) {
    const result = claimView(l, curated[0]!);
    return { kind: "curated", claimId: result.id, version: result.version, seq: result.seq, typeName: result.typeName, fields: result.fields };
  }
  if (rows.every((r) => r.status === "rejected")) return { kind: "rejected" };
  return null;
}

function buildView(l: Loaded, names: Map<string, string>, access: ProjectAccess, projectName: string): CurationView {
  const units = l.units.map((u): CurationUnit => {
    const rows = u.claimIds.map((id) => l.claims.get(id)!);
    const columns = l.annotators.map((a) => rows.filter((r) => r.authorId === a));
    const present = columns.map((col, i) => ({ col, annotatorId: l.annotators[i] })).filter((x) => x.col.length > 0);
    const firsts = present.map((x) => ({ annotatorId: x.annotatorId, claim: x.col[0] }));
    const differences: CurationDifference[] = [];
    if (present.length > 1) {
      if (new Set(firsts.map((x) => x.claim.claimTypeId)).size > 1) {
        differences.push({ key: "_type", label: "Claim type", values: firsts.map((x) => ({ annotatorId: x.annotatorId, text: typeName(l, x.claim) })) });
      } else {
        for (const f of fieldsOf(l, firsts[0].claim)) {
          const vals = firsts.map((x) => (x.claim.values as Record<string, unknown>)[f.key]);
          if (vals.every((v) => sameValue(f, vals[0], v))) continue;
          differences.push({ key: f.key, label: f.label, values: firsts.map((x, i) => ({ annotatorId: x.annotatorId, text: formatFieldValue(f, vals[i]).text })) });
        }
      }
    }
    const missing = l.annotators.filter((_, i) => columns[i].length === 0);
    const several = present.some((x) => x.col.length > 1);
    const verdict: CurationVerdict = present.length <= 1 ? "single" : differences.length === 0 && missing.length === 0 && !several ? "agree" : "disagree";
    const index = l.doc.text;
    return {
      key: [...u.claimIds].sort().join("."),
      start: u.start, end: u.end,
      before: sliceCp(index, Math.max(0, u.start - CONTEXT), u.start),
      quote: sliceCp(index, u.start, u.end),
      after: sliceCp(index, u.end, Math.min(cpCount(index), u.end + CONTEXT)),
      columns: columns.map((col) => col.map((c) => claimView(l, c))),
      verdict, differences, missing,
      done: unitDone(l, rows),
      sources: rows.map((r) => ({ claimId: r.id, version: r.version })),
    };
  });
  const fieldsByType: CurationView["fieldsByType"] = {};
  for (const c of l.claims.values()) {
    fieldsByType[c.claimTypeId] ??= fieldsOf(l, c);
  }
  return {
    projectName, role: access.role,
    documentId: l.doc.id, title: l.doc.title, blind: l.blind, opened: l.doc.curationOpenedAt !== null,
    annotators: l.annotators.map((id) => ({ id, name: names.get(id) ?? "" })),
    units, curated: units.filter((u) => u.done !== null).length, fieldsByType, published: l.doc.published,
  };
}

function cpCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

async function namesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** The document's claims aligned into units, with verdicts and what is already decided. */
export async function curationView(userId: string, projectId: string, documentId: string): Promise<CurationView> {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "document.curate");
  const data = parseInput(ViewInput, { documentId });
  const view = await reload(db, access, data.documentId);
  const doc = await db.document.findUniqueOrThrow({ where: { id: data.documentId }, select: { text: true } });
  return { ...view, text: doc.text };
}

type UnitSources = z.infer<typeof SourceRef>[];

const STALE = "This passage changed after you opened it (a claim was added, edited or curated). Reload and decide again.";

/**
 * Inside the decision's transaction: bumps the document's claims counter first (the row lock makes
 * concurrent decisions on one document wait, so what is read next is current), then finds the unit
 * named by `sources` exactly as it is now.
 */
async function lockUnit(tx: Tx, access: ProjectAccess, documentId: string, sources: UnitSources, open: boolean) {
  const bumped = await tx.document.updateMany({ where: { id: documentId, projectId: access.projectId }, data: { claimsVersion: { increment: 1 } } });
  if (bumped.count === 0) throw new AppError("not_found");
  const l = await loadUnits(tx, access, documentId);
  for (const s of sources) {
    if (l.claims.has(s.claimId)) continue;
    const exists = await tx.claim.findFirst({ where: { id: s.claimId, projectId: access.projectId, documentId }, select: { id: true } });
    if (!exists) throw new AppError("not_found");
    throw new AppError("conflict", STALE);
  }
  const unit = l.units.find((u) => u.claimIds.includes(sources[0].claimId));
  if (!unit) throw new AppError("conflict", STALE);
  const wanted = new Set(sources.map((s) => s.claimId));
  if (unit.claimIds.length !== wanted.size || unit.claimIds.some((id) => !wanted.has(id))) throw new AppError("conflict", STALE);
  if (sources.some((s) => l.claims.get(s.claimId)!.version !== s.version)) throw new AppError("conflict", STALE);
  const rows = unit.claimIds.map((id) => l.claims.get(id)!);
  const done = unitDone(l, rows);
  if (open && done) throw new AppError("conflict", "This passage was already decided. Reload to see the decision.");
  return { l, unit, rows, done };
}

async function createCurated(
  tx: Tx, access: ProjectAccess, documentId: string, rows: ClaimRow[],
  c: { claimTypeId: string; claimTypeVersion: number; values: Record<string, unknown>; spans: ClaimRow["spans"]; note: string; how: "accept" | "merge" },
): Promise<string> {
  const { projectId, userId } = access;
  const doc = await tx.document.update({ where: { id: documentId }, data: { claimSeq: { increment: 1 } }, select: { claimSeq: true } });
  const id = newId();
  await tx.claim.create({
    data: {
      id, seq: doc.claimSeq, projectId, documentId, claimTypeId: c.claimTypeId, claimTypeVersion: c.claimTypeVersion,
      values: c.values as Prisma.InputJsonValue, note: c.note, authorId: userId, status: "approved",
    },
  });
  await tx.claimSpan.createMany({ data: c.spans.map((s, ordinal) => ({ id: newId(), claimId: id, ordinal, ...s })) });
  await tx.claimSource.createMany({ data: rows.map((r) => ({ id: newId(), projectId, claimId: id, sourceClaimId: r.id, sourceVersion: r.version })) });
  // The curated claim's approval is the curation itself: the history says so.
  await writeDecision(tx, { projectId, claimId: id, claimVersion: 1, actorId: userId, fromStatus: "draft", toStatus: "approved", reason: `curated (${c.how})` });
  await recordAuditEvent(tx, {
    projectId, actorId: userId, action: "claim.curate", objectType: "claim", objectId: id,
    after: { how: c.how, claimTypeId: c.claimTypeId, spans: c.spans, values: c.values, note: c.note, sources: rows.map((r) => ({ claimId: r.id, version: r.version })) },
  });
  return id;
}

async function reload(db: Db, access: ProjectAccess, documentId: string): Promise<CurationView> {
  const loaded = await loadUnits(db, access, documentId);
  const project = await db.project.findUniqueOrThrow({ where: { id: access.projectId }, select: { name: true } });
  return buildView(loaded, await namesOf(db, loaded.annotators), access, project.name);
}

/** Accepts one annotator's version of a unit as the curated claim. */
export async function acceptVersion(userId: string, projectId: string, input: unknown): Promise<CurationView> {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "document.curate");
  const data = parseInput(AcceptInput, input);
  if (!data.sources.some((s) => s.claimId === data.claimId)) throw new AppError("invalid", "The accepted claim is not one of this passage's claims.");
  await loadDocument(db, projectId, data.documentId);
  await db.$transaction(async (tx) => {
    const { rows } = await lockUnit(tx, access, data.documentId, data.sources, true);
    const chosen = rows.find((r) => r.id === data.claimId)!;
    if (chosen.status === "rejected") throw new AppError("invalid", "A rejected claim cannot be accepted; reopen it first.");
    await createCurated(tx, access, data.documentId, rows, {
      claimTypeId: chosen.claimTypeId, claimTypeVersion: chosen.claimTypeVersion, values: chosen.values as Record<string, unknown>,
      spans: chosen.spans, note: "", how: "accept",
    });
  });
  return reload(db, access, data.documentId);
}

/** Merges a unit: the evidence of one claim, each field from a claim of the unit, then the curator's edits. */
export async function mergeVersions(userId: string, projectId: string, input: unknown): Promise<CurationView> {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "document.curate");
  const data = parseInput(MergeInput, input);
  await loadDocument(db, projectId, data.documentId);
  await db.$transaction(async (tx) => {
    const { l, rows } = await lockUnit(tx, access, data.documentId, data.sources, true);
    const base = rows.find((r) => r.id === data.spansFrom);
    if (!base) throw new AppError("invalid", "The evidence must come from one of this passage's claims.");
    const def = l.defs.get(defKey(base.claimTypeId, base.claimTypeVersion));
    if (!def) throw new AppError("not_found");
    const known = new Set(def.fields.map((f) => f.key));
    for (const key of [...Object.keys(data.fields), ...Object.keys(data.edits)]) {
      if (!known.has(key)) throw new AppError("invalid", `${def.name} has no field "${key}".`);
    }
    const copied: Record<string, unknown> = {};
    for (const f of def.fields) {
      const fromId = data.fields[f.key] ?? base.id;
      const from = rows.find((r) => r.id === fromId);
      if (!from) throw new AppError("invalid", `${f.label}: the value must come from one of this passage's claims.`);
      if (from.claimTypeId !== base.claimTypeId) throw new AppError("invalid", `${f.label}: that claim is of another type.`);
      const v = (from.values as Record<string, unknown>)[f.key];
      if (v !== undefined) copied[f.key] = v;
    }
    const values = { ...copied, ...data.edits };
    const first = Math.min(...base.spans.map((s) => s.start));
    // Copied values are stored forms already; only what the curator typed is read as wording.
    const checked = validateClaimValues(def, applyDerivedFields(def, values), {
      reference: referenceFromPublished(l.doc.published), before: sliceCp(l.doc.text, 0, first), previous: copied,
    });
    if (!checked.ok) {
      const issue = checked.issues[0]!;
      const label = def.fields.find((f) => f.key === issue.field)?.label ?? issue.field;
      throw new AppError("invalid", label ? `${label}: ${issue.message}` : issue.message, checked.issues);
    }
    await createCurated(tx, access, data.documentId, rows, {
      claimTypeId: base.claimTypeId, claimTypeVersion: base.claimTypeVersion, values: checked.values as Record<string, unknown>,
      spans: base.spans, note: data.note, how: "merge",
    });
  });
  return reload(db, access, data.documentId);
}

/** Moves each claim of a unit through the review transition `action`, with decision rows and audit events. */
async function transitionUnit(userId: string, projectId: string, data: { documentId: string; sources: UnitSources }, action: ReviewAction, reason: string) {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "document.curate");
  await loadDocument(db, projectId, data.documentId);
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { selfApproval: true } });
  await db.$transaction(async (tx) => {
    const { rows, done } = await lockUnit(tx, access, data.documentId, data.sources, action === "reject");
    if (action === "reopen" && done?.kind !== "rejected") throw new AppError("conflict", "This passage's claims are not all rejected. Reload to see its state.");
    const target: ClaimStatus = action === "reject" ? "rejected" : "submitted";
    for (const r of rows) {
      if (r.status === target) continue;
      const t = reviewTransition(r.status, action, { reviewer: can(access.role, "claim.review"), author: r.authorId === userId, selfApproval: project.selfApproval }, reason);
      if (!t.ok) {
        const which = `Claim #${r.seq}: `;
        if (t.reason === "role" || t.reason === "own_claim") throw new AppError("forbidden", which + t.message);
        if (t.reason === "state" && r.status === "draft") throw new AppError("invalid", `${which}its author has not submitted it for review yet, so it cannot be rejected.`);
        throw new AppError(t.reason === "reason_required" ? "invalid" : "conflict", which + t.message);
      }
      const res = await tx.claim.updateMany({ where: { id: r.id, projectId, version: r.version, status: r.status, deletedAt: null }, data: { status: t.to, updatedAt: new Date() } });
      if (res.count === 0) throw new AppError("conflict", STALE);
      await writeDecision(tx, { projectId, claimId: r.id, claimVersion: r.version, actorId: userId, fromStatus: r.status, toStatus: t.to, reason });
      await recordAuditEvent(tx, {
        projectId, actorId: userId, action: `claim.${action}`, objectType: "claim", objectId: r.id,
        before: { status: r.status, version: r.version }, after: { status: t.to, version: r.version, curation: true, ...(reason ? { reason } : {}) },
      });
    }
  });
  return reload(db, access, data.documentId);
}

/** Rejects every claim of a unit, with the reason (required). */
export async function rejectUnit(userId: string, projectId: string, input: unknown): Promise<CurationView> {
  const data = parseInput(RejectInput, input);
  const reason = data.reason.trim();
  if (!reason) throw new AppError("invalid", "Say why this passage's claims are rejected.");
  return transitionUnit(userId, projectId, data, "reject", reason);
}

/** Undo of a rejected unit: its claims go back to review. */
export async function reopenUnit(userId: string, projectId: string, input: unknown): Promise<CurationView> {
  const data = parseInput(ReopenInput, input);
  return transitionUnit(userId, projectId, data, "reopen", "");
}

/** Undo of a curation: the curated claim is deleted (soft), its sources are free again. */
export async function undoCuration(userId: string, projectId: string, input: unknown): Promise<CurationView> {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "document.curate");
  const data = parseInput(UndoInput, input);
  await loadDocument(db, projectId, data.documentId);
  const curated = await db.claim.findFirst({
    where: { id: data.claimId, projectId, documentId: data.documentId, deletedAt: null, curatedFrom: { some: {} } },
    select: { version: true, status: true, curatedFrom: { select: { sourceClaimId: true } } },
  });
  if (!curated) throw new AppError("not_found");
  await db.$transaction(async (tx) => {
    const deletedAt = new Date();
    const res = await tx.claim.updateMany({
      where: { id: data.claimId, projectId, version: data.version, deletedAt: null },
      data: { deletedAt, version: { increment: 1 }, updatedAt: deletedAt },
    });
    if (res.count === 0) throw new AppError("conflict", "The curated claim changed after you opened it. Reload and try again.");
    await tx.document.update({ where: { id: data.documentId }, data: { claimsVersion: { increment: 1 } }, select: { id: true } });
    await recordAuditEvent(tx, {
      projectId, actorId: userId, action: "claim.uncurate", objectType: "claim", objectId: data.claimId,
      before: { version: data.version, deletedAt: null, sources: curated.curatedFrom.map((s) => s.sourceClaimId) },
      after: { version: data.version + 1, deletedAt },
    });
  });
  return reload(db, access, data.documentId);
}
