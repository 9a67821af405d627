/**
 * Annotation imports on one document: a brat `.ann`, W3C Web Annotation JSON or our claims JSONL,
 * stored either as claims (draft, written by the importer) or as suggestions that members accept
 * (a draft claim written by whoever accepts) or reject, one by one or all at once.
 *
 * Every annotation goes through the claim checks of claims.ts: its spans must hold the quoted words
 * in the document's canonical text (Web Annotation and JSONL spans whose position disagrees are
 * re-anchored by quote and context), and its values must pass the claim type's definition. One that
 * fails is listed in the report by its id in the file and nothing of it is stored; the valid ones
 * are written in one transaction, so an import is either wholly written or not at all.
 */
import "server-only";
import { z } from "zod";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/db/audit";
import { CodePointIndex } from "@/lib/core/offsets";
import { parseAnn } from "@/lib/core/formats/brat-ann";
import { bratToClaims } from "@/lib/core/formats/brat";
import { importWebAnnotations } from "@/lib/core/formats/web-annotation-import";
import { anchorTarget } from "@/lib/core/formats/web-annotation-anchor";
import { readClaimsJsonl } from "@/lib/core/formats/jsonl";
import type { ExportClaimType } from "@/lib/core/formats/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Id, parseInput, Version } from "./input";
import { CLAIM_TYPE_SELECT, withCurrentDefinition } from "./claim-types";
import { resolveSpans, validateValues, wordingContext, writeSpans, type StoredSpan } from "./claims";

/**
 * The largest file an import reads. Files travel in a server action, whose body may not exceed
 * 2 MB (lib/server/action-body-limit.ts); this leaves room for the request's own encoding.
 */
export const MAX_IMPORT_BYTES = 1_500_000;

export const IMPORT_FORMATS = ["brat", "web-annotation", "jsonl"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const ImportInput = z.strictObject({
  documentId: Id,
  format: z.enum(IMPORT_FORMATS),
  content: z.string(),
  fileName: z.string().max(255).default(""),
  as: z.enum(["claims", "suggestions"]),
});

export interface ImportReport {
  created: number;
  suggested: number;
  /** Annotations of the file that were not stored, by their id in the file. */
  unresolved: { id: string; reason: string }[];
  /** Type names in the file that match no claim type of the project. */
  unknownTypes: string[];
  /** Stored, but something was kept in the note instead of a field (brat attributes). */
  warnings: { id: string; reason: string }[];
}

/** An annotation read from a file, not yet checked against the document or the claim type. */
interface Candidate {
  id: string;
  claimTypeId: string;
  spans: { start: number; end: number; exact: string }[];
  values: Record<string, unknown>;
  note: string;
}

/** A candidate that passed every check: what a claim or suggestion is written from. */
interface Checked {
  id: string;
  claimTypeId: string;
  claimTypeVersion: number;
  spans: StoredSpan[];
  values: Record<string, unknown>;
  note: string;
}

type ProjectTypes = { list: ExportClaimType[]; byKey: Map<string, ExportClaimType>; byName: Map<string, ExportClaimType> };

const nameKey = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "");

async function projectTypes(db: Db, projectId: string): Promise<ProjectTypes> {
  const rows = await db.claimType.findMany({ where: { projectId, archived: false }, orderBy: { createdAt: "asc" }, select: CLAIM_TYPE_SELECT });
  const list = rows.map(withCurrentDefinition).map((t) => ({ id: t.id, definition: t.definition, version: t.currentVersion }));
  const byName = new Map<string, ExportClaimType>();
  for (const t of list) byName.set(nameKey(t.definition.name), t);
  for (const t of list) byName.set(nameKey(t.definition.key), t);
  return { list, byKey: new Map(list.map((t) => [t.definition.key, t])), byName };
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The file's annotations as candidates; what cannot become one goes to the report. */
function readCandidates(format: ImportFormat, content: string, text: string, documentId: string, types: ProjectTypes, report: ImportReport): Candidate[] {
  const unknown = new Set<string>();
  const out: Candidate[] = [];
  const typeFor = (id: string, names: string[]) => {
    for (const n of names) {
      const t = types.byKey.get(n) ?? types.byName.get(nameKey(n));
      if (t) return t;
    }
    for (const n of names) unknown.add(n);
    report.unresolved.push({ id, reason: names.length ? `"${names.join('", "')}" is not a claim type of this project` : "the annotation names no claim type" });
    return null;
  };
  if (format === "brat") {
    const parsed = parseAnn(content, text);
    const broken = new Set<string>();
    for (const is of parsed.issues) {
      if (is.id?.startsWith("T")) broken.add(is.id);
      report.unresolved.push({ id: is.id ?? `line ${is.line}`, reason: is.message });
    }
    for (const u of parsed.unsupported) report.unresolved.push({ id: u.id ?? `line ${u.line}`, reason: `brat ${u.kind}s are not imported` });
    const { claims, issues } = bratToClaims({ ...parsed, entities: parsed.entities.filter((e) => !broken.has(e.id)) }, text, types.list);
    for (const is of issues) if (!is.id.startsWith("T")) report.warnings.push({ id: is.id, reason: is.message });
    for (const c of claims) {
      const t = c.typeKey === null ? typeFor(c.bratId, [c.typeName]) : types.byKey.get(c.typeKey)!;
      if (t) out.push({ id: c.bratId, claimTypeId: t.id, spans: c.spans, values: c.values, note: c.note });
    }
  } else if (format === "web-annotation") {
    const result = importWebAnnotations(content, text);
    if (!result.ok) throw new AppError("invalid", result.error.message);
    for (const u of result.unresolved) report.unresolved.push({ id: u.annotationId, reason: u.message });
    for (const a of result.anchored) {
      const t = typeFor(a.annotationId, a.typeKey ? [a.typeKey] : a.tags);
      if (t) out.push({ id: a.annotationId, claimTypeId: t.id, spans: a.spans.map(({ start, end, exact }) => ({ start, end, exact })), values: a.values ?? {}, note: a.note ?? "" });
    }
  } else {
    const result = readClaimsJsonl(content);
    if (!result.ok) throw new AppError("invalid", `The file is not a claims JSONL file: line ${result.issues[0]!.line}: ${result.issues[0]!.message}`);
    // A file from this project names the document; one from elsewhere names its own, and is taken whole.
    const mine = result.items.some((c) => c.documentId === documentId);
    const index = new CodePointIndex(text);
    for (const c of result.items) {
      if (mine && c.documentId !== documentId) {
        report.unresolved.push({ id: c.id, reason: "the claim belongs to another document" });
        continue;
      }
      const t = typeFor(c.id, [c.typeKey]);
      if (!t) continue;
      const spans: Candidate["spans"] = [];
      for (const s of c.spans) {
        const anchor = anchorTarget(text, index, { start: s.start, end: s.end }, { exact: s.exact, prefix: s.prefix, suffix: s.suffix });
        if (!anchor.ok) {
          report.unresolved.push({ id: c.id, reason: anchor.message });
          break;
        }
        spans.push({ start: anchor.start, end: anchor.end, exact: anchor.exact });
      }
      if (spans.length === c.spans.length) out.push({ id: c.id, claimTypeId: t.id, spans, values: c.values, note: c.note });
    }
  }
  report.unknownTypes = [...unknown];
  return out;
}

/** The claim checks of claims.ts on one candidate: spans against the text, values against the type. */
async function check(projectId: string, doc: { text: string; published: string }, types: ProjectTypes, c: Candidate): Promise<Checked> {
  const type = types.list.find((t) => t.id === c.claimTypeId)!;
  const spans = resolveSpans(doc.text, c.spans);
  const values = await validateValues(projectId, c.claimTypeId, type.version, c.values, wordingContext(doc, spans));
  if (c.note.length > 5000) throw new AppError("invalid", "The note is longer than 5,000 characters.");
  return { id: c.id, claimTypeId: c.claimTypeId, claimTypeVersion: type.version, spans, values, note: c.note };
}

/** Writes one draft claim in the caller's transaction, numbered like createClaim; returns its id. */
async function insertClaim(tx: Tx, projectId: string, documentId: string, contentHash: string, userId: string, c: Checked, action: string) {
  const bumped = await tx.document.updateMany({
    where: { id: documentId, contentHash },
    data: { claimSeq: { increment: 1 }, claimsVersion: { increment: 1 } },
  });
  if (bumped.count === 0) throw new AppError("conflict", "The document's text changed during the import. Reload it and import again.");
  const { claimSeq: seq } = await tx.document.findUniqueOrThrow({ where: { id: documentId }, select: { claimSeq: true } });
  const id = newId();
  await tx.claim.create({
    data: {
      id, seq, projectId, documentId, claimTypeId: c.claimTypeId, claimTypeVersion: c.claimTypeVersion,
      values: c.values as Prisma.InputJsonValue, note: c.note, authorId: userId,
    },
  });
  await writeSpans(tx, id, c.spans);
  await recordAuditEvent(tx, {
    projectId, actorId: userId, action, objectType: "claim", objectId: id,
    after: { claimTypeId: c.claimTypeId, spans: c.spans, values: c.values, note: c.note },
  });
  return id;
}

async function loadDocument(db: Db, projectId: string, documentId: string) {
  const doc = await db.document.findFirst({ where: { id: documentId, projectId }, select: { id: true, text: true, published: true, contentHash: true } });
  if (!doc) throw new AppError("not_found", "That document does not exist in this project.");
  return doc;
}

export async function importAnnotations(userId: string, projectId: string, input: unknown): Promise<ImportReport> {
  const db = await getDb();
  await authorize(db, userId, projectId, "import.annotations");
  const data = parseInput(ImportInput, input);
  // Measured before anything is parsed: an oversized file is refused whole.
  if (Buffer.byteLength(data.content, "utf8") > MAX_IMPORT_BYTES) {
    throw new AppError("too_large", `The file is larger than ${MAX_IMPORT_BYTES / 1_000_000} MB; split it and import the parts one by one.`);
  }
  const doc = await loadDocument(db, projectId, data.documentId);
  const types = await projectTypes(db, projectId);
  const report: ImportReport = { created: 0, suggested: 0, unresolved: [], unknownTypes: [], warnings: [] };
  const checked: Checked[] = [];
  for (const c of readCandidates(data.format, data.content, doc.text, doc.id, types, report)) {
    try {
      checked.push(await check(projectId, doc, types, c));
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== "invalid") throw err;
      report.unresolved.push({ id: c.id, reason: message(err) });
    }
  }
  if (checked.length === 0) return report;
  const source = { format: data.format, fileName: data.fileName };
  await db.$transaction(async (tx) => {
    if (data.as === "claims") {
      for (const c of checked) await insertClaim(tx, projectId, doc.id, doc.contentHash, userId, c, "claim.create");
      report.created = checked.length;
    } else {
      await tx.suggestion.createMany({
        data: checked.map((c) => ({
          id: newId(), projectId, documentId: doc.id, claimTypeId: c.claimTypeId, claimTypeVersion: c.claimTypeVersion,
          spans: c.spans as unknown as Prisma.InputJsonValue, values: c.values as Prisma.InputJsonValue, note: c.note,
          source: { ...source, annotationId: c.id }, importedById: userId,
        })),
      });
      report.suggested = checked.length;
    }
    await recordAuditEvent(tx, {
      projectId, actorId: userId, action: "annotations.import", objectType: "document", objectId: doc.id,
      after: { ...source, as: data.as, created: report.created, suggested: report.suggested, unresolved: report.unresolved.length },
    });
  });
  return report;
}

const DecideInput = z.strictObject({
  documentId: Id,
  /** The suggestions to decide, each at the version read; all pending ones of the document when left out. */
  suggestions: z.array(z.strictObject({ suggestionId: Id, version: Version })).min(1).max(1000).optional(),
});

export interface SuggestionView {
  id: string;
  claimTypeId: string;
  claimTypeName: string;
  spans: StoredSpan[];
  values: Record<string, unknown>;
  note: string;
  source: { format: string; fileName: string; annotationId: string };
  version: number;
  createdAt: Date;
}

const SUGGESTION_SELECT = {
  id: true, claimTypeId: true, spans: true, values: true, note: true, source: true, version: true, createdAt: true,
} as const;

/** By where the first span starts, so a bulk accept numbers the claims in reading order. */
function inReadingOrder<T extends { id: string; spans: unknown }>(rows: T[]): T[] {
  const start = (r: T) => (r.spans as StoredSpan[])[0]?.start ?? 0;
  return [...rows].sort((a, b) => start(a) - start(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The document's pending suggestions, in reading order. */
export async function listSuggestions(userId: string, projectId: string, input: unknown): Promise<SuggestionView[]> {
  const db = await getDb();
  await authorize(db, userId, projectId, "project.view");
  const { documentId } = parseInput(z.strictObject({ documentId: Id }), input);
  await loadDocument(db, projectId, documentId);
  const rows = await db.suggestion.findMany({ where: { projectId, documentId, status: "pending" }, select: SUGGESTION_SELECT });
  const types = await db.claimType.findMany({ where: { projectId, id: { in: [...new Set(rows.map((r) => r.claimTypeId))] } }, select: { id: true, name: true } });
  const names = new Map(types.map((t) => [t.id, t.name]));
  return inReadingOrder(rows).map((r) => ({ ...r, claimTypeName: names.get(r.claimTypeId) ?? "", spans: r.spans as unknown as StoredSpan[], values: r.values as Record<string, unknown>, source: r.source as SuggestionView["source"] }));
}

export interface DecisionReport {
  decided: number;
  /** Suggestions left pending, with why (a bulk decision goes on past them). */
  failed: { suggestionId: string; reason: string }[];
}

/** The pending suggestions a decision names (all of the document's when it names none). */
async function pendingFor(db: Db, projectId: string, data: z.infer<typeof DecideInput>) {
  const rows = await db.suggestion.findMany({
    where: { projectId, documentId: data.documentId, status: "pending", ...(data.suggestions ? { id: { in: data.suggestions.map((s) => s.suggestionId) } } : {}) },
    select: SUGGESTION_SELECT,
  });
  if (!data.suggestions) return inReadingOrder(rows);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const ref of data.suggestions) {
    const row = byId.get(ref.suggestionId);
    if (!row) {
      const decided = await db.suggestion.findFirst({ where: { id: ref.suggestionId, projectId, documentId: data.documentId }, select: { status: true } });
      if (!decided) throw new AppError("not_found");
      throw new AppError("conflict", `This suggestion was already ${decided.status}; reload the list.`);
    }
    if (row.version !== ref.version) throw new AppError("conflict", "This suggestion changed after you opened it; reload the list.");
  }
  return inReadingOrder(rows);
}

/** Marks one suggestion decided, guarded by the version read; a lost race undoes the whole decision. */
async function decide(tx: Tx, projectId: string, row: { id: string; version: number }, userId: string, status: "accepted" | "rejected", acceptedClaimId: string | null) {
  const res = await tx.suggestion.updateMany({
    where: { id: row.id, projectId, status: "pending", version: row.version },
    data: { status, decidedById: userId, decidedAt: new Date(), acceptedClaimId, version: { increment: 1 } },
  });
  if (res.count === 0) throw new AppError("conflict", "Someone decided on these suggestions in the meantime; reload the list.");
}

/**
 * Accepts suggestions: each becomes a draft claim written by the accepting member, checked like
 * a new claim against the claim type's current version. One that no longer passes (the type was
 * archived or changed) stays pending and is reported; the others are accepted in one transaction.
 */
export async function acceptSuggestions(userId: string, projectId: string, input: unknown): Promise<DecisionReport> {
  const db = await getDb();
  await authorize(db, userId, projectId, "claim.create");
  const data = parseInput(DecideInput, input);
  const doc = await loadDocument(db, projectId, data.documentId);
  const rows = await pendingFor(db, projectId, data);
  const types = await projectTypes(db, projectId);
  const report: DecisionReport = { decided: 0, failed: [] };
  const ready: { row: (typeof rows)[number]; checked: Checked }[] = [];
  for (const row of rows) {
    if (!types.list.some((t) => t.id === row.claimTypeId)) {
      report.failed.push({ suggestionId: row.id, reason: "Its claim type is archived." });
      continue;
    }
    const spans = (row.spans as unknown as StoredSpan[]).map(({ start, end, exact }) => ({ start, end, exact }));
    try {
      ready.push({ row, checked: await check(projectId, doc, types, { id: row.id, claimTypeId: row.claimTypeId, spans, values: row.values as Record<string, unknown>, note: row.note }) });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== "invalid") throw err;
      report.failed.push({ suggestionId: row.id, reason: message(err) });
    }
  }
  // Naming one suggestion is a single decision: its failure is the answer, not a line in a report.
  if (data.suggestions?.length === 1 && report.failed.length === 1) throw new AppError("invalid", report.failed[0]!.reason);
  if (ready.length === 0) return report;
  await db.$transaction(async (tx) => {
    for (const { row, checked } of ready) {
      const claimId = await insertClaim(tx, projectId, doc.id, doc.contentHash, userId, checked, "claim.create");
      await decide(tx, projectId, row, userId, "accepted", claimId);
      await recordAuditEvent(tx, { projectId, actorId: userId, action: "suggestion.accept", objectType: "suggestion", objectId: row.id, after: { claimId } });
    }
  });
  report.decided = ready.length;
  return report;
}

/** Rejects suggestions (all pending ones of the document when none are named), in one transaction. */
export async function rejectSuggestions(userId: string, projectId: string, input: unknown): Promise<DecisionReport> {
  const db = await getDb();
  await authorize(db, userId, projectId, "claim.create");
  const data = parseInput(DecideInput, input);
  await loadDocument(db, projectId, data.documentId);
  const rows = await pendingFor(db, projectId, data);
  await db.$transaction(async (tx) => {
    for (const row of rows) {
      await decide(tx, projectId, row, userId, "rejected", null);
      await recordAuditEvent(tx, { projectId, actorId: userId, action: "suggestion.reject", objectType: "suggestion", objectId: row.id });
    }
  });
  return { decided: rows.length, failed: [] };
}
