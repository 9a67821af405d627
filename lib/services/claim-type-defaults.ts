/**
 * Field defaults per project and claim type (Perpetrators = ISKP): read with the document page and
 * the claim-types page, set one field at a time by editors and owners. Each value is checked with
 * the field's own value schema against the type's current definition (lib/core/claim-types/
 * fast-tagging.ts); every change carries the version it was based on and writes an audit event.
 * The claim form applies them and marks them as defaults: nothing is applied on the server.
 */
import "server-only";
import { z } from "zod";
import { Id, parseInput } from "./input";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/db/audit";
import { checkFieldDefault, validDefaults } from "@/lib/core/claim-types";
import { CLAIM_TYPE_SELECT, withCurrentDefinition } from "./claim-types";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A claim type's defaults: `version` 0 while none was ever set. */
export type FieldDefaults = { version: number; values: Record<string, unknown> };

/** Every claim type's defaults in a project, by claim type id, as the current definitions accept them. */
export async function fieldDefaultsOf(db: Db | Tx, projectId: string, types: { id: string; definition: Parameters<typeof validDefaults>[0] }[]): Promise<Record<string, FieldDefaults>> {
  const rows = await db.claimTypeDefaults.findMany({ where: { projectId }, select: { claimTypeId: true, version: true, values: true } });
  const byType = new Map(rows.map((r) => [r.claimTypeId, r]));
  return Object.fromEntries(types.map((t) => {
    const row = byType.get(t.id);
    return [t.id, { version: row?.version ?? 0, values: row ? validDefaults(t.definition, row.values) : {} }];
  }));
}

export async function listFieldDefaults(userId: string, projectId: string): Promise<Record<string, FieldDefaults>> {
  const db = await getDb();
  await authorize(db, userId, projectId, "project.view");
  const types = await db.claimType.findMany({ where: { projectId }, select: CLAIM_TYPE_SELECT });
  return fieldDefaultsOf(db, projectId, types.map(withCurrentDefinition));
}

const SetFieldDefaultInput = z.strictObject({
  claimTypeId: Id,
  /** The defaults' version as read; 0 when the type had none. */
  version: z.number().int().nonnegative(),
  field: z.string().min(1).max(40),
  /** The new default, or null to remove it. */
  value: z.unknown(),
});

/** Sets (or, with value null, removes) one field's default; returns the type's defaults after the change. */
export async function setFieldDefault(userId: string, projectId: string, input: unknown): Promise<FieldDefaults> {
  const db = await getDb();
  await authorize(db, userId, projectId, "claimType.defaults");
  const { claimTypeId, version, field, value } = parseInput(SetFieldDefaultInput, input);
  const row = await db.claimType.findFirst({ where: { id: claimTypeId, projectId }, select: CLAIM_TYPE_SELECT });
  if (!row) throw new AppError("not_found");
  const type = withCurrentDefinition(row);
  const removing = value === null || value === undefined;
  let checked: unknown = null;
  if (!removing) {
    const r = checkFieldDefault(type.definition, field, value);
    if (!r.ok) throw new AppError("invalid", r.message);
    checked = r.value;
  }
  const stale = () => new AppError("conflict", `Someone else changed the defaults of ${type.name}. Reload to see them.`);
  return db.$transaction(async (tx) => {
    const current = await tx.claimTypeDefaults.findFirst({ where: { claimTypeId, projectId }, select: { id: true, version: true, values: true } });
    if ((current?.version ?? 0) !== version) throw stale();
    const before = (current?.values ?? {}) as Record<string, unknown>;
    // Removing a default the field does not have changes nothing: no new version, no audit event.
    if (removing && !(field in before)) return { version, values: validDefaults(type.definition, before) };
    const after = { ...before };
    if (removing) delete after[field];
    else after[field] = checked;
    const data = { values: after as Prisma.InputJsonValue, updatedById: userId, updatedAt: new Date() };
    if (!current) {
      // The unique claim type id makes a concurrent first write fail: the later one is a conflict.
      try {
        await tx.claimTypeDefaults.create({ data: { id: newId(), projectId, claimTypeId, ...data } });
      } catch (err) {
        if ((err as { code?: string }).code === "P2002") throw stale();
        throw err;
      }
    } else {
      const res = await tx.claimTypeDefaults.updateMany({ where: { id: current.id, projectId, version }, data: { ...data, version: { increment: 1 } } });
      if (res.count === 0) throw stale();
    }
    await recordAuditEvent(tx, {
      projectId, actorId: userId, action: "claimType.defaults", objectType: "claimType", objectId: claimTypeId,
      before: { field, value: before[field] ?? null }, after: { field, value: removing ? null : checked, version: version + 1 },
    });
    return { version: version + 1, values: validDefaults(type.definition, after) };
  });
}
