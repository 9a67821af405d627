/**
 * Claim types: versioned definitions (zod-validated). Editing a type writes a new version; existing
 * claims keep the version they were written with and are validated against it.
 */
import "server-only";
import { z } from "zod";
import { Id, parseInput, Version } from "./input";
import { getDb, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/db/audit";
import { ClaimTypeDefinitionSchema, type ClaimTypeDefinition } from "@/lib/core/claim-types";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface ClaimTypeView {
  id: string;
  key: string;
  name: string;
  color: string;
  currentVersion: number;
  version: number;
  archived: boolean;
  definition: ClaimTypeDefinition;
}

function parseDefinition(raw: unknown): ClaimTypeDefinition {
  return ClaimTypeDefinitionSchema.parse(raw);
}

/** The select and mapping that give a claim type with the definition of its current version. */
export const CLAIM_TYPE_SELECT = {
  id: true, key: true, name: true, color: true, currentVersion: true, version: true, archived: true,
  // The current version is always the latest one written: only that definition is loaded.
  versions: { select: { version: true, definition: true }, orderBy: { version: "desc" }, take: 1 },
} as const;

export function withCurrentDefinition<T extends { currentVersion: number; versions: { version: number; definition: unknown }[] }>({ versions, ...t }: T) {
  return { ...t, definition: parseDefinition(versions.find((v) => v.version === t.currentVersion)!.definition) };
}

export async function listClaimTypes(userId: string, projectId: string, opts: { includeArchived?: boolean } = {}): Promise<ClaimTypeView[]> {
  const db = await getDb();
  await authorize(db, userId, projectId, "project.view");
  const types = await db.claimType.findMany({
    where: { projectId, ...(opts.includeArchived ? {} : { archived: false }) },
    orderBy: { createdAt: "asc" },
    select: CLAIM_TYPE_SELECT,
  });
  return types.map(withCurrentDefinition);
}

/** Definitions of a project's claim types, every version, for validating claims against their own version. */
export async function findDefinition(projectId: string, claimTypeId: string, version: number): Promise<ClaimTypeDefinition | null> {
  const db = await getDb();
  const row = await db.claimTypeVersion.findFirst({
    where: { claimTypeId, version, claimType: { projectId } },
    select: { definition: true },
  });
  return row ? parseDefinition(row.definition) : null;
}

/** Writes a new claim type and its first version (in the caller's transaction); returns its id. */
export async function insertClaimType(tx: Tx, projectId: string, def: ClaimTypeDefinition, userId: string, createdAt: Date = new Date()): Promise<string> {
  const id = newId();
  await tx.claimType.create({ data: { id, projectId, key: def.key, name: def.name, color: def.color, createdAt } });
  await tx.claimTypeVersion.create({ data: { id: newId(), claimTypeId: id, version: 1, definition: def as unknown as Prisma.InputJsonValue, createdById: userId } });
  return id;
}

export async function createClaimType(userId: string, projectId: string, input: unknown): Promise<{ id: string }> {
  const db = await getDb();
  await authorize(db, userId, projectId, "claimType.manage");
  const def = parseInput(ClaimTypeDefinitionSchema, input);
  const clash = await db.claimType.findUnique({ where: { projectId_key: { projectId, key: def.key } }, select: { id: true } });
  if (clash) throw new AppError("duplicate", `A claim type with the key “${def.key}” exists.`);
  const id = await db.$transaction(async (tx) => {
    const created = await insertClaimType(tx, projectId, def, userId);
    await recordAuditEvent(tx, { projectId, actorId: userId, action: "claimType.create", objectType: "claimType", objectId: created, after: def });
    return created;
  });
  return { id };
}

export const UpdateClaimTypeInput = z.strictObject({
  claimTypeId: Id,
  version: Version,
  definition: z.unknown(),
});

export async function updateClaimType(userId: string, projectId: string, input: unknown): Promise<{ currentVersion: number; version: number }> {
  const db = await getDb();
  await authorize(db, userId, projectId, "claimType.manage");
  const { claimTypeId, version, definition } = parseInput(UpdateClaimTypeInput, input);
  const def = parseInput(ClaimTypeDefinitionSchema, definition);
  const current = await db.claimType.findFirst({ where: { id: claimTypeId, projectId }, select: { key: true, currentVersion: true } });
  if (!current) throw new AppError("not_found");
  if (current.key !== def.key) throw new AppError("invalid", "A claim type's key cannot change once created.");
  const next = current.currentVersion + 1;
  return db.$transaction(async (tx) => {
    const res = await tx.claimType.updateMany({
      where: { id: claimTypeId, projectId, version },
      data: { name: def.name, color: def.color, currentVersion: next, version: { increment: 1 }, updatedAt: new Date() },
    });
    if (res.count === 0) throw new AppError("conflict", "Someone else changed this claim type. Reload to see their version.");
    await tx.claimTypeVersion.create({ data: { id: newId(), claimTypeId, version: next, definition: def as unknown as Prisma.InputJsonValue, createdById: userId } });
    await recordAuditEvent(tx, { projectId, actorId: userId, action: "claimType.update", objectType: "claimType", objectId: claimTypeId, after: { version: next, definition: def } });
    return { currentVersion: next, version: version + 1 };
  });
}

const ArchiveInput = z.strictObject({ claimTypeId: Id, version: Version, archived: z.boolean() });

export async function setClaimTypeArchived(userId: string, projectId: string, id: string, at: number, archive: boolean) {
  const db = await getDb();
  await authorize(db, userId, projectId, "claimType.manage");
  const { claimTypeId, version, archived } = parseInput(ArchiveInput, { claimTypeId: id, version: at, archived: archive });
  return db.$transaction(async (tx) => {
    const res = await tx.claimType.updateMany({ where: { id: claimTypeId, projectId, version }, data: { archived, version: { increment: 1 }, updatedAt: new Date() } });
    if (res.count === 0) {
      const exists = await tx.claimType.count({ where: { id: claimTypeId, projectId } });
      throw new AppError(exists ? "conflict" : "not_found");
    }
    await recordAuditEvent(tx, { projectId, actorId: userId, action: archived ? "claimType.archive" : "claimType.restore", objectType: "claimType", objectId: claimTypeId });
    return { version: version + 1 };
  });
}
