/**
 * Document assignments: editors give documents to the members who annotate them (one at a time or
 * many documents to many members at once; assigning twice changes nothing), and each annotator marks
 * their own progress. Every read and write is scoped by the authorized project; an assignment of
 * someone else is, to an annotator, simply not found.
 */
import "server-only";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { authorize } from "@/lib/auth/authorize";
import { can, type Role } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/db/audit";
import { Id, parseInput, Version } from "./input";

export const ASSIGNMENT_STATES = ["not_started", "in_progress", "done"] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

/** Bounds of one bulk request: a page of documents and a team, far above what one click selects. */
const MAX_DOCUMENTS_PER_REQUEST = 500;
const MAX_MEMBERS_PER_REQUEST = 50;

export const AssignInput = z.strictObject({
  documentIds: z.array(Id).min(1, "Select at least one document.").max(MAX_DOCUMENTS_PER_REQUEST),
  userIds: z.array(Id).min(1, "Choose at least one member.").max(MAX_MEMBERS_PER_REQUEST),
});

export const UnassignInput = z.strictObject({ assignmentId: Id });

export const UpdateOwnAssignmentInput = z.strictObject({
  assignmentId: Id,
  state: z.enum(ASSIGNMENT_STATES),
  version: Version,
});

/** Who can be given documents: the roles that may write claims. */
export function canBeAssigned(role: Role): boolean {
  return can(role, "claim.create");
}

const asState = (s: string): AssignmentState => (ASSIGNMENT_STATES as readonly string[]).includes(s) ? (s as AssignmentState) : "not_started";

/**
 * Assigns every given document to every given member. Documents outside the project are not found;
 * members outside it are not found either, and members whose role cannot annotate are refused.
 * Pairs already assigned are left as they are (with their progress).
 */
export async function assignDocuments(userId: string, projectId: string, input: unknown): Promise<{ created: number; alreadyAssigned: number }> {
  const db = await getDb();
  await authorize(db, userId, projectId, "document.assign");
  const data = parseInput(AssignInput, input);
  const documentIds = [...new Set(data.documentIds)];
  const userIds = [...new Set(data.userIds)];
  const [documents, members] = await Promise.all([
    db.document.count({ where: { projectId, id: { in: documentIds } } }),
    db.membership.findMany({ where: { projectId, userId: { in: userIds } }, select: { userId: true, role: true, user: { select: { name: true } } } }),
  ]);
  if (documents !== documentIds.length || members.length !== userIds.length) throw new AppError("not_found");
  const cannot = members.filter((m) => !canBeAssigned(m.role as Role));
  if (cannot.length > 0) {
    throw new AppError("invalid", `Only annotators, editors and owners can be assigned documents (not ${cannot.map((m) => m.user.name).join(", ")}).`);
  }
  const rows = documentIds.flatMap((documentId) => userIds.map((assignee) => ({ id: newId(), projectId, documentId, userId: assignee, assignedById: userId })));
  return db.$transaction(async (tx) => {
    // Concurrent requests for the same pair are fine: the unique (document, user) key keeps one.
    const created = await tx.assignment.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true, documentId: true, userId: true } });
    for (const a of created) {
      await recordAuditEvent(tx, { projectId, actorId: userId, action: "assignment.create", objectType: "assignment", objectId: a.id, after: { documentId: a.documentId, userId: a.userId } });
    }
    return { created: created.length, alreadyAssigned: rows.length - created.length };
  });
}

export async function unassignDocument(userId: string, projectId: string, input: unknown): Promise<void> {
  const db = await getDb();
  await authorize(db, userId, projectId, "document.assign");
  const { assignmentId } = parseInput(UnassignInput, input);
  await db.$transaction(async (tx) => {
    const current = await tx.assignment.findFirst({ where: { id: assignmentId, projectId }, select: { documentId: true, userId: true, state: true } });
    if (!current) throw new AppError("not_found");
    const res = await tx.assignment.deleteMany({ where: { id: assignmentId, projectId } });
    if (res.count === 0) throw new AppError("not_found");
    await recordAuditEvent(tx, { projectId, actorId: userId, action: "assignment.delete", objectType: "assignment", objectId: assignmentId, before: current });
  });
}

/** The annotator marks their own assignment; anyone else's is not found. */
export async function updateOwnAssignment(userId: string, projectId: string, input: unknown): Promise<{ state: AssignmentState; version: number }> {
  const db = await getDb();
  await authorize(db, userId, projectId, "assignment.updateOwn");
  const { assignmentId, state, version } = parseInput(UpdateOwnAssignmentInput, input);
  return db.$transaction(async (tx) => {
    const current = await tx.assignment.findFirst({ where: { id: assignmentId, projectId, userId }, select: { state: true } });
    if (!current) throw new AppError("not_found");
    const res = await tx.assignment.updateMany({ where: { id: assignmentId, projectId, userId, version }, data: { state, version: { increment: 1 }, updatedAt: new Date() } });
    if (res.count === 0) throw new AppError("conflict", "This assignment changed in the meantime. Reload to see it.");
    await recordAuditEvent(tx, { projectId, actorId: userId, action: "assignment.state", objectType: "assignment", objectId: assignmentId, before: { state: current.state }, after: { state } });
    return { state, version: version + 1 };
  });
}

export interface MyWorkItem {
  assignmentId: string;
  documentId: string;
  title: string;
  state: AssignmentState;
  version: number;
  assignedAt: Date;
}

/**
 * The document to work on next: the first in progress (finish what was started), else the first not
 * started, in the order they were assigned; null when everything is done.
 */
export function nextAssignment<T extends { state: AssignmentState }>(items: readonly T[]): T | null {
  return items.find((i) => i.state === "in_progress") ?? items.find((i) => i.state === "not_started") ?? null;
}

/** The member's own assignments in this project, oldest first, and the next one to open. */
export async function listMyWork(userId: string, projectId: string) {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "assignment.updateOwn");
  const [project, rows] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, name: true } }),
    db.assignment.findMany({
      where: { projectId, userId },
      // Documents assigned together come in the project's document order.
      orderBy: [{ createdAt: "asc" }, { document: { createdAt: "asc" } }, { documentId: "asc" }],
      select: { id: true, documentId: true, state: true, version: true, createdAt: true, document: { select: { title: true } } },
    }),
  ]);
  const items: MyWorkItem[] = rows.map((r) => ({
    assignmentId: r.id,
    documentId: r.documentId,
    title: r.document.title,
    state: asState(r.state),
    version: r.version,
    assignedAt: r.createdAt,
  }));
  return { access, project, items, next: nextAssignment(items) };
}

export interface DocumentAssignee {
  assignmentId: string;
  userId: string;
  name: string;
  state: AssignmentState;
}

/** Every assignment of the project grouped by document, for the overview (the caller has authorized). */
export async function assignmentsByDocument(db: Db, projectId: string): Promise<Map<string, DocumentAssignee[]>> {
  const rows = await db.assignment.findMany({
    where: { projectId },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
    select: { id: true, documentId: true, userId: true, state: true, membership: { select: { user: { select: { name: true } } } } },
  });
  const byDocument = new Map<string, DocumentAssignee[]>();
  for (const r of rows) {
    const list = byDocument.get(r.documentId) ?? [];
    list.push({ assignmentId: r.id, userId: r.userId, name: r.membership.user.name, state: asState(r.state) });
    byDocument.set(r.documentId, list);
  }
  return byDocument;
}
