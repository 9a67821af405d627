/** Projects: create (with the default claim types), list the user's projects, the overview page's data. */
import "server-only";
import { z } from "zod";
import { parseInput } from "./input";
import { getDb, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CLAIM_STATUSES, type ClaimStatus } from "@/lib/core/claim-status";
import { newId } from "@/lib/ids";
import { authorize } from "@/lib/auth/authorize";
import { can, type Permission, type Role } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/db/audit";
import { DEFAULT_CLAIM_TYPES } from "@/lib/core/claim-types";
import { insertClaimType } from "./claim-types";
import { claimVisibility, visibleClaimsWhere, visibleRecordsWhere, type ClaimVisibility } from "./claim-visibility";
import { assignmentsByDocument } from "./assignments";
import { withTypeCues } from "@/lib/core/color/palette";

export const CreateProjectInput = z.strictObject({
  name: z.string().trim().min(1, "Give the project a name.").max(120),
  description: z.string().trim().max(2000).default(""),
});

export async function createProject(userId: string, input: unknown): Promise<{ id: string }> {
  const data = parseInput(CreateProjectInput, input);
  const db = await getDb();
  const id = newId();
  await db.$transaction(async (tx) => {
    await tx.project.create({ data: { id, name: data.name, description: data.description } });
    await tx.membership.create({ data: { id: newId(), projectId: id, userId, role: "owner" } });
    // Types are listed by creation (their shortcut keys and underline styles follow that order), so
    // the defaults get one millisecond each: created in one go, they would otherwise tie.
    const start = Date.now();
    for (const [i, def] of DEFAULT_CLAIM_TYPES.entries()) await insertClaimType(tx, id, def, userId, new Date(start + i));
    await recordAuditEvent(tx, { projectId: id, actorId: userId, action: "project.create", objectType: "project", objectId: id, after: data });
  });
  return { id };
}

export interface ProjectListItem {
  id: string;
  name: string;
  description: string;
  role: Role;
  documents: number;
  claims: number;
}

export async function listProjectsForUser(userId: string): Promise<ProjectListItem[]> {
  const db = await getDb();
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: {
      role: true,
      project: {
        select: {
          id: true,
          name: true,
          description: true,
          _count: { select: { documents: true, claims: { where: { deletedAt: null } } } },
        },
      },
    },
  });
  // In a blind project an annotator's count is of the claims they may see, like every other count.
  const claimCounts = await Promise.all(memberships.map(async (m) => {
    const visibility = await claimVisibility(db, { userId, projectId: m.project.id, role: m.role as Role });
    if (visibility.kind === "all") return m.project._count.claims;
    return db.claim.count({ where: { projectId: m.project.id, deletedAt: null, ...visibleClaimsWhere(visibility) } });
  }));
  return memberships.map((m, i) => ({
    id: m.project.id,
    name: m.project.name,
    description: m.project.description,
    role: m.role as Role,
    documents: m.project._count.documents,
    claims: claimCounts[i]!,
  }));
}

/** The project's name behind the given permission: for pages that need no more than that. */
export async function getProject(userId: string, projectId: string, permission: Permission = "project.view") {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, permission);
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, name: true } });
  return { access, project };
}

export async function getProjectOverview(userId: string, projectId: string) {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "project.view");
  // Claim counts are of the claims this member may see (blind annotation).
  const visibility = await claimVisibility(db, access);
  const project = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { id: true, name: true, description: true, createdAt: true, annotationMode: true, annotatorsPerDocument: true, selfApproval: true },
  });
  const [documents, members, claimTypes, assignments] = await Promise.all([
    db.document.findMany({
      where: { projectId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        title: true,
        authors: true,
        publisher: true,
        published: true,
        textLength: true,
        createdAt: true,
        _count: { select: { claims: { where: { deletedAt: null, ...visibleClaimsWhere(visibility) } } } },
      },
    }),
    db.membership.findMany({
      where: { projectId },
      orderBy: { createdAt: "asc" },
      select: { id: true, role: true, version: true, user: { select: { id: true, name: true, email: true } } },
    }),
    // Archived types too: a type's underline is by its place among all of them (withTypeCues).
    db.claimType.findMany({
      where: { projectId },
      orderBy: { createdAt: "asc" },
      select: { id: true, key: true, name: true, color: true, currentVersion: true, archived: true, _count: { select: { claims: { where: { deletedAt: null, ...visibleClaimsWhere(visibility) } } } } },
    }),
    assignmentsByDocument(db, projectId),
  ]);
  const progress = await projectProgress(db, projectId, project.annotatorsPerDocument, documents.length, visibility);
  // E-mail addresses are shown to those who manage members only.
  const showEmails = can(access.role, "member.manage");
  return {
    access,
    project,
    documents: documents.map((d) => ({ ...d, claims: d._count.claims, assignees: assignments.get(d.id) ?? [] })),
    members: members.map((m) => ({
      id: m.id,
      role: m.role as Role,
      version: m.version,
      userId: m.user.id,
      name: m.user.name,
      email: showEmails || m.user.id === userId ? m.user.email : null,
    })),
    claimTypes: withTypeCues(claimTypes).filter((t) => !t.archived).map(({ _count, archived: _archived, ...t }) => ({ ...t, claims: _count.claims })),
    progress,
  };
}

/**
 * The overview's progress figures. A document is done when as many of its assignees as the project
 * asks for per document have marked it done; it is curated when it has claims and every one of them
 * is approved or rejected. Claims, records and conflicts are counted through the member's claim
 * visibility, like every other count (a record shows only if all its claims are visible).
 */
export interface ProjectProgress {
  documents: number;
  annotatorsPerDocument: number;
  done: number;
  curated: number;
  claims: Record<ClaimStatus, number>;
  records: number;
  openConflicts: number;
}

async function projectProgress(db: Db, projectId: string, annotatorsPerDocument: number, documentCount: number, visibility: ClaimVisibility): Promise<ProjectProgress> {
  const visible = { projectId, deletedAt: null, ...visibleClaimsWhere(visibility) };
  const records: Prisma.RecordWhereInput = { projectId, deletedAt: null, ...visibleRecordsWhere(visibility) };
  const [doneRows, statusRows, undecidedRows, byStatus, recordCount, openConflicts] = await Promise.all([
    db.assignment.groupBy({ by: ["documentId"], where: { projectId, state: "done" }, _count: { _all: true } }),
    db.claim.groupBy({ by: ["documentId"], where: visible, _count: { _all: true } }),
    db.claim.groupBy({ by: ["documentId"], where: { ...visible, status: { in: ["draft", "submitted"] } }, _count: { _all: true } }),
    db.claim.groupBy({ by: ["status"], where: visible, _count: { _all: true } }),
    db.record.count({ where: records }),
    db.conflict.count({ where: { projectId, status: "open", record: records } }),
  ]);
  const undecided = new Set(undecidedRows.map((r) => r.documentId));
  const claims = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  for (const r of byStatus) claims[r.status] = r._count._all;
  return {
    documents: documentCount,
    annotatorsPerDocument,
    done: doneRows.filter((r) => r._count._all >= annotatorsPerDocument).length,
    curated: statusRows.filter((r) => r._count._all > 0 && !undecided.has(r.documentId)).length,
    claims,
    records: recordCount,
    openConflicts,
  };
}
