/**
 * Claims: create, edit, delete (soft, undoable) and list. Quotes are always taken from the document's
 * canonical text on the server; a client-sent quote is only a check that both sides mean the same words.
 * Every write carries the version it was based on; a stale version is a conflict, never an overwrite.
 */
import "server-only";
import { z } from "zod";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { Id, parseInput, Version } from "./input";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { authorize, type ProjectAccess } from "@/lib/auth/authorize";
import { canDeleteClaim, canEditClaim, claimChangePermission } from "@/lib/auth/permissions";
import { statusAfterEdit, type ClaimStatus } from "@/lib/core/claim-status";
import { writeDecision } from "./review";
import { recordAuditEvent } from "@/lib/db/audit";
import { CodePointIndex, makeSelector, sliceCp, validateSpan } from "@/lib/core/offsets";
import { applyDerivedFields, validateClaimValues, type ValuesContext } from "@/lib/core/claim-types";
import { referenceFromPublished } from "@/lib/core/values";
import { findDefinition } from "./claim-types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ALL_CLAIMS, claimVisibility, seesWholeDocument, visibleClaimsWhere, type ClaimVisibility } from "./claim-visibility";

/** A claim cites at most this many separate passages; more is almost certainly a mistake. */
export const MAX_SPANS_PER_CLAIM = 20;

const SpanInput = z.strictObject({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  /** What the client believes the words are; must equal the canonical text between the offsets. */
  exact: z.string().max(100_000).optional(),
});


export const CreateClaimInput = z.strictObject({
  documentId: Id,
  claimTypeId: Id,
  spans: z.array(SpanInput).min(1, "Select the words that support the claim.").max(MAX_SPANS_PER_CLAIM),
  values: z.record(z.string(), z.unknown()).default({}),
  note: z.string().max(5000).default(""),
  idempotencyKey: z.string().min(8).max(100).optional(),
});

export const UpdateClaimInput = z.strictObject({
  claimId: Id,
  version: Version,
  spans: z.array(SpanInput).min(1).max(MAX_SPANS_PER_CLAIM).optional(),
  values: z.record(z.string(), z.unknown()).optional(),
  note: z.string().max(5000).optional(),
});

export const DeleteClaimInput = z.strictObject({ claimId: Id, version: Version });

/** A claim by id, or by its number within a document (what the reading view knows). */
const ClaimRef = z.union([z.strictObject({ claimId: Id }), z.strictObject({ documentId: Id, seq: z.number().int().positive() })]);

export interface StoredSpan {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface ClaimView {
  id: string;
  /** the claim's number within its document */
  seq: number;
  documentId: string;
  claimTypeId: string;
  claimTypeVersion: number;
  values: Record<string, unknown>;
  note: string;
  status: ClaimStatus;
  authorId: string;
  authorName: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  spans: StoredSpan[];
}

/** Turns requested offsets into stored spans (quote, prefix, suffix from the canonical text). */
export function resolveSpans(text: string, spans: z.infer<typeof SpanInput>[]): StoredSpan[] {
  const index = new CodePointIndex(text);
  const out = spans.map((s, i) => {
    const sel = makeSelector(text, index, s.start, s.end);
    // Without a quote from the client, the span is checked for its bounds only.
    const check = validateSpan(text, index, { start: s.start, end: s.end, exact: s.exact ?? sel.exact });
    if (!check.ok && check.reason === "exact-mismatch") {
      throw new AppError("invalid", `Span ${i + 1}: the selected words do not match the document at those offsets. Reload the document and select again.`);
    }
    if (!check.ok) throw new AppError("invalid", `Span ${i + 1} (${s.start}-${s.end}) is outside the document (length ${index.length}).`);
    if (sel.exact.trim() === "") throw new AppError("invalid", `Span ${i + 1} covers only white space.`);
    return { start: sel.start, end: sel.end, exact: sel.exact, prefix: sel.prefix, suffix: sel.suffix };
  });
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

const CLAIM_SELECT = {
  id: true, seq: true, documentId: true, claimTypeId: true, claimTypeVersion: true, values: true, note: true, status: true,
  authorId: true, version: true, createdAt: true, updatedAt: true,
  spans: { select: { start: true, end: true, exact: true, prefix: true, suffix: true }, orderBy: { ordinal: "asc" } },
} as const;

type ClaimRow = Prisma.ClaimGetPayload<{ select: typeof CLAIM_SELECT }>;

function toView(row: ClaimRow, authorName: string): ClaimView {
  return { ...row, values: row.values as Record<string, unknown>, status: row.status, authorName };
}

/** Every change to a document's claims bumps its counter, in the same transaction. */
async function bumpClaimsVersion(tx: Tx, documentId: string) {
  await tx.document.update({ where: { id: documentId }, data: { claimsVersion: { increment: 1 } }, select: { id: true } });
}

export async function writeSpans(tx: Tx, claimId: string, spans: StoredSpan[]) {
  await tx.claimSpan.createMany({ data: spans.map((s, ordinal) => ({ id: newId(), claimId, ordinal, ...s })) });
}

/**
 * What quantity and date wording is read against, exactly as the claim form reads it: the
 * publication date, and the canonical text before the claim's first span (offsets are code points).
 */
export function wordingContext(doc: { text: string; published: string }, spans: { start: number }[]): ValuesContext {
  const first = Math.min(...spans.map((s) => s.start));
  return { reference: referenceFromPublished(doc.published), before: sliceCp(doc.text, 0, Number.isFinite(first) ? first : 0) };
}

/**
 * Values checked against the claim type's version, wording re-read on the server (a client can send
 * anything). On update `context.previous` holds the stored values: fields left as they were are not
 * re-read, so a claim saved under an older parser can still be edited (values-schema.ts).
 */
export async function validateValues(projectId: string, claimTypeId: string, version: number, values: Record<string, unknown>, context: ValuesContext) {
  const def = await findDefinition(projectId, claimTypeId, version);
  if (!def) throw new AppError("not_found", "That claim type does not exist in this project.");
  const result = validateClaimValues(def, applyDerivedFields(def, values), context);
  if (!result.ok) {
    const first = result.issues[0]!;
    const label = def.fields.find((f) => f.key === first.field)?.label ?? first.field;
    throw new AppError("invalid", label ? `${label}: ${first.message}` : first.message, result.issues);
  }
  return result.values as Record<string, unknown>;
}

export async function createClaim(userId: string, projectId: string, input: unknown): Promise<ClaimView> {
  const db = await getDb();
  await authorize(db, userId, projectId, "claim.create");
  const data = parseInput(CreateClaimInput, input);
  const replay = async () => {
    // A retry with the same key answers with the claim the first attempt saved.
    if (!data.idempotencyKey) return null;
    const prior = await db.claim.findUnique({ where: { authorId_idempotencyKey: { authorId: userId, idempotencyKey: data.idempotencyKey } }, select: { id: true } });
    return prior ? loadClaimView(db, projectId, { id: prior.id }) : null;
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const [doc, type] = await Promise.all([
    db.document.findFirst({ where: { id: data.documentId, projectId }, select: { text: true, contentHash: true, published: true } }),
    db.claimType.findFirst({ where: { id: data.claimTypeId, projectId, archived: false }, select: { currentVersion: true } }),
  ]);
  if (!doc) throw new AppError("not_found", "That document does not exist in this project.");
  if (!type) throw new AppError("not_found", "That claim type does not exist in this project.");
  const spans = resolveSpans(doc.text, data.spans);
  const values = await validateValues(projectId, data.claimTypeId, type.currentVersion, data.values, wordingContext(doc, spans));
  const id = newId();
  try {
    await db.$transaction(async (tx) => {
      // Numbering and the change counter in one row update, which also serializes concurrent creates;
      // only while the text is the one the spans were resolved against (revertToOriginalText may race us).
      const bumped = await tx.document.updateMany({
        where: { id: data.documentId, contentHash: doc.contentHash },
        data: { claimSeq: { increment: 1 }, claimsVersion: { increment: 1 } },
      });
      if (bumped.count === 0) throw new AppError("conflict", "The document's text changed while you were selecting. Reload it and select again.");
      const { claimSeq: seq } = await tx.document.findUniqueOrThrow({ where: { id: data.documentId }, select: { claimSeq: true } });
      await tx.claim.create({
        data: {
          id, seq, projectId, documentId: data.documentId, claimTypeId: data.claimTypeId, claimTypeVersion: type.currentVersion,
          values: values as Prisma.InputJsonValue, note: data.note, authorId: userId, idempotencyKey: data.idempotencyKey ?? null,
        },
      });
      await writeSpans(tx, id, spans);
      await recordAuditEvent(tx, { projectId, actorId: userId, action: "claim.create", objectType: "claim", objectId: id, after: { claimTypeId: data.claimTypeId, spans, values, note: data.note } });
    });
  } catch (err) {
    // Two retries with one idempotency key raced: the loser returns the winner's claim.
    if ((err as { code?: string }).code === "P2002") {
      const winner = await replay();
      if (winner) return winner;
    }
    throw err;
  }
  return loadClaimView(db, projectId, { id });
}

/**
 * A live claim of an already authorized project, by id or by its number in a document. A claim
 * hidden by `visibility` (blind annotation) answers not_found, exactly like a missing one; writes
 * check visibility before they change anything (assertClaimVisible), so reloading after one needs none.
 */
async function loadClaimView(
  db: Db, projectId: string, where: { id: string } | { documentId: string; seq: number }, visibility: ClaimVisibility = ALL_CLAIMS,
): Promise<ClaimView> {
  const row = await db.claim.findFirst({ where: { ...where, projectId, deletedAt: null, ...visibleClaimsWhere(visibility) }, select: CLAIM_SELECT });
  if (!row) throw new AppError("not_found");
  const author = await db.user.findUnique({ where: { id: row.authorId }, select: { name: true } });
  return toView(row, author?.name ?? "");
}

/**
 * Refuses a change to a claim the member may not see (blind annotation) as not_found, before any
 * permission check: `forbidden` would tell an annotator that someone else's claim exists.
 */
async function assertClaimVisible(db: Db, access: ProjectAccess, claim: { authorId: string; documentId: string }) {
  const visibility = await claimVisibility(db, access);
  if (visibility.kind === "all" || claim.authorId === visibility.userId) return;
  const doc = await db.document.findFirst({ where: { id: claim.documentId, projectId: access.projectId }, select: { curationOpenedAt: true } });
  if (!doc || !seesWholeDocument(visibility, doc.curationOpenedAt)) throw new AppError("not_found");
}

async function loadForWrite(tx: Tx, projectId: string, claimId: string) {
  return tx.claim.findFirst({
    where: { id: claimId, projectId, deletedAt: null },
    select: { ...CLAIM_SELECT, document: { select: { text: true, published: true } } },
  });
}

export async function updateClaim(userId: string, projectId: string, input: unknown): Promise<ClaimView> {
  const db = await getDb();
  // Refuses a role that may edit no claim before anything is loaded; then the claim's own rule.
  const access = await authorize(db, userId, projectId, "claim.editOwn");
  const data = parseInput(UpdateClaimInput, input);
  const current = await loadForWrite(db, projectId, data.claimId);
  if (!current) throw new AppError("not_found");
  await assertClaimVisible(db, access, current);
  if (!canEditClaim(access.role, userId, current.authorId)) await authorize(db, userId, projectId, claimChangePermission("edit", userId, current.authorId));
  if (current.version !== data.version) throw conflict(current);
  const spans = data.spans ? resolveSpans(current.document.text, data.spans) : undefined;
  const values = data.values
    ? await validateValues(projectId, current.claimTypeId, current.claimTypeVersion, data.values, {
        ...wordingContext(current.document, spans ?? current.spans),
        previous: current.values as Record<string, unknown>,
      })
    : undefined;
  // An approval is bound to the version approved: the edited claim goes back to review.
  const status = statusAfterEdit(current.status);
  await db.$transaction(async (tx) => {
    const res = await tx.claim.updateMany({
      // The status read is part of the guard: a decision does not bump the version, so an approval
      // landing between our read and this write must not survive on the edited content.
      where: { id: data.claimId, projectId, version: data.version, status: current.status, deletedAt: null },
      data: {
        ...(values ? { values: values as Prisma.InputJsonValue } : {}),
        ...(data.note !== undefined ? { note: data.note } : {}),
        ...(status !== current.status ? { status } : {}),
        version: { increment: 1 },
        updatedAt: new Date(),
      },
    });
    if (res.count === 0) {
      const latest = await loadForWrite(tx, projectId, data.claimId);
      if (!latest) throw new AppError("not_found", "This claim was deleted in the meantime.");
      throw conflict(latest);
    }
    if (spans) {
      await tx.claimSpan.deleteMany({ where: { claimId: data.claimId } });
      await writeSpans(tx, data.claimId, spans);
    }
    if (status !== current.status) {
      await writeDecision(tx, {
        projectId, claimId: data.claimId, claimVersion: current.version + 1, actorId: userId,
        fromStatus: current.status, toStatus: status, reason: "edited after approval",
      });
    }
    await bumpClaimsVersion(tx, current.documentId);
    await recordAuditEvent(tx, {
      projectId, actorId: userId, action: "claim.update", objectType: "claim", objectId: data.claimId,
      before: { version: current.version, values: current.values, spans: current.spans, note: current.note },
      after: { version: current.version + 1, values: values ?? current.values, spans: spans ?? current.spans, note: data.note ?? current.note },
    });
  });
  return loadClaimView(db, projectId, { id: data.claimId });
}

/** What a delete or restore event records as the claim's state, like create and update do. */
const AUDITED_CLAIM_SELECT = {
  authorId: true, documentId: true, claimTypeId: true, claimTypeVersion: true, version: true, deletedAt: true,
  values: true, note: true, status: true,
  spans: { select: { start: true, end: true, exact: true, prefix: true, suffix: true }, orderBy: { ordinal: "asc" } },
} as const;

function auditState(c: Prisma.ClaimGetPayload<{ select: typeof AUDITED_CLAIM_SELECT }>) {
  const { authorId: _author, documentId: _doc, ...state } = c;
  return state;
}

function conflict(latest: ClaimRow): AppError {
  const { document: _doc, ...rest } = latest as ClaimRow & { document?: unknown };
  return new AppError("conflict", "Someone else saved this claim after you opened it. Compare with their version and re-apply your change.", { current: rest });
}

export async function deleteClaim(userId: string, projectId: string, input: unknown): Promise<{ claimId: string; version: number }> {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "claim.deleteOwn");
  const data = parseInput(DeleteClaimInput, input);
  const current = await db.claim.findFirst({ where: { id: data.claimId, projectId, deletedAt: null }, select: AUDITED_CLAIM_SELECT });
  if (!current) throw new AppError("not_found");
  await assertClaimVisible(db, access, current);
  if (!canDeleteClaim(access.role, userId, current.authorId)) await authorize(db, userId, projectId, claimChangePermission("delete", userId, current.authorId));
  return db.$transaction(async (tx) => {
    const deletedAt = new Date();
    const res = await tx.claim.updateMany({
      where: { id: data.claimId, projectId, version: data.version, deletedAt: null },
      data: { deletedAt, version: { increment: 1 }, updatedAt: deletedAt },
    });
    if (res.count === 0) throw new AppError("conflict", "This claim changed after you opened it; reload before deleting.");
    await bumpClaimsVersion(tx, current.documentId);
    await recordAuditEvent(tx, {
      projectId, actorId: userId, action: "claim.delete", objectType: "claim", objectId: data.claimId,
      before: auditState(current), after: { ...auditState(current), version: data.version + 1, deletedAt },
    });
    return { claimId: data.claimId, version: data.version + 1 };
  });
}

/** Undo of a delete: brings the claim back exactly as it was, with a new version. */
export async function restoreClaim(userId: string, projectId: string, input: unknown): Promise<ClaimView> {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "claim.deleteOwn");
  const data = parseInput(DeleteClaimInput, input);
  const current = await db.claim.findFirst({ where: { id: data.claimId, projectId }, select: AUDITED_CLAIM_SELECT });
  if (!current || !current.deletedAt) throw new AppError("not_found");
  await assertClaimVisible(db, access, current);
  if (!canDeleteClaim(access.role, userId, current.authorId)) await authorize(db, userId, projectId, claimChangePermission("delete", userId, current.authorId));
  await db.$transaction(async (tx) => {
    const res = await tx.claim.updateMany({
      where: { id: data.claimId, projectId, version: data.version, NOT: { deletedAt: null } },
      data: { deletedAt: null, version: { increment: 1 }, updatedAt: new Date() },
    });
    if (res.count === 0) throw new AppError("conflict");
    await bumpClaimsVersion(tx, current.documentId);
    await recordAuditEvent(tx, {
      projectId, actorId: userId, action: "claim.restore", objectType: "claim", objectId: data.claimId,
      before: auditState(current), after: { ...auditState(current), version: data.version + 1, deletedAt: null },
    });
  });
  return loadClaimView(db, projectId, { id: data.claimId });
}

/** A claim with the claim-type definition it was written against, for the edit panel. */
export async function getClaimForEditing(userId: string, projectId: string, input: unknown) {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "project.view");
  const ref = parseInput(ClaimRef, input);
  const where = "claimId" in ref ? { id: ref.claimId } : { documentId: ref.documentId, seq: ref.seq };
  const claim = await loadClaimView(db, projectId, where, await claimVisibility(db, access));
  const definition = await findDefinition(projectId, claim.claimTypeId, claim.claimTypeVersion);
  if (!definition) throw new AppError("not_found");
  return { claim, definition };
}
