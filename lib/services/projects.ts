/** Projects: create (with the default claim types), list the user's projects, the overview page's data. */
import "server-only";
import { z } from "zod";
import { parseInput } from "./input";
import { getDb } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { authorize } from "@/lib/auth/authorize";
import { can, type Permission, type Role } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/db/audit";
import { DEFAULT_CLAIM_TYPES } from "@/lib/core/claim-types";
import { insertClaimType } from "./claim-types";
import { claimVisibility, visibleClaimsWhere } from "./claim-visibility";
import { assignmentsByDocument } from "./assignments";

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
    for (const def of DEFAULT_CLAIM_TYPES) await insertClaimType(tx, id, def, userId);
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
    db.claimType.findMany({
      where: { projectId, archived: false },
      orderBy: { createdAt: "asc" },
      select: { id: true, key: true, name: true, color: true, currentVersion: true, _count: { select: { claims: { where: { deletedAt: null, ...visibleClaimsWhere(visibility) } } } } },
    }),
    assignmentsByDocument(db, projectId),
  ]);
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
    claimTypes: claimTypes.map((t) => ({ ...t, claims: t._count.claims })),
  };
}
