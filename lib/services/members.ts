/** Project membership: owners add members by e-mail, change roles and remove members. */
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { authorize } from "@/lib/auth/authorize";
import { ROLES } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/db/audit";
import type { Tx } from "@/lib/db/client";
import { Id, parseInput, Version } from "./input";

export const AddMemberInput = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid e-mail address.")),
  role: z.enum(ROLES),
});

export const ChangeRoleInput = z.strictObject({
  membershipId: Id,
  role: z.enum(ROLES),
  version: Version,
});

export async function addMember(userId: string, projectId: string, input: unknown) {
  const db = await getDb();
  await authorize(db, userId, projectId, "member.manage");
  const { email, role } = parseInput(AddMemberInput, input);
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new AppError("not_found", "No account uses that e-mail address. Ask them to sign up first.");
  const existing = await db.membership.findUnique({ where: { projectId_userId: { projectId, userId: user.id } }, select: { id: true } });
  if (existing) throw new AppError("duplicate", "That person is already a member.");
  const id = newId();
  await db.$transaction(async (tx) => {
    await tx.membership.create({ data: { id, projectId, userId: user.id, role } });
    await recordAuditEvent(tx, { projectId, actorId: userId, action: "member.add", objectType: "membership", objectId: id, after: { userId: user.id, role } });
  });
  return { id };
}

/**
 * Call inside the transaction that demotes or removes an owner, before the change: locks the project
 * row so concurrent owner changes of one project run one after the other, then refuses when the
 * change would leave no owner (counted after earlier changes have committed).
 */
async function keepAnOwner(tx: Tx, projectId: string, membershipId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${projectId} FOR UPDATE`;
  const others = await tx.membership.count({ where: { projectId, role: "owner", NOT: { id: membershipId } } });
  if (others === 0) throw new AppError("invalid", "A project needs at least one owner.");
}

export async function changeMemberRole(userId: string, projectId: string, input: unknown) {
  const db = await getDb();
  await authorize(db, userId, projectId, "member.manage");
  const { membershipId, role, version } = parseInput(ChangeRoleInput, input);
  const current = await db.membership.findFirst({ where: { id: membershipId, projectId }, select: { role: true, version: true } });
  if (!current) throw new AppError("not_found");
  await db.$transaction(async (tx) => {
    if (current.role === "owner" && role !== "owner") await keepAnOwner(tx, projectId, membershipId);
    const res = await tx.membership.updateMany({ where: { id: membershipId, projectId, version }, data: { role, version: { increment: 1 } } });
    if (res.count === 0) throw new AppError("conflict");
    await recordAuditEvent(tx, { projectId, actorId: userId, action: "member.role", objectType: "membership", objectId: membershipId, before: { role: current.role }, after: { role } });
  });
}

export async function removeMember(userId: string, projectId: string, id: string) {
  const db = await getDb();
  await authorize(db, userId, projectId, "member.manage");
  const membershipId = parseInput(Id, id);
  const current = await db.membership.findFirst({ where: { id: membershipId, projectId }, select: { role: true, userId: true } });
  if (!current) throw new AppError("not_found");
  await db.$transaction(async (tx) => {
    if (current.role === "owner") await keepAnOwner(tx, projectId, membershipId);
    const res = await tx.membership.deleteMany({ where: { id: membershipId, projectId } });
    if (res.count === 0) throw new AppError("not_found");
    await recordAuditEvent(tx, { projectId, actorId: userId, action: "member.remove", objectType: "membership", objectId: membershipId, before: current });
  });
}
