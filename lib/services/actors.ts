/**
 * The project's actor list: each actor with the names it goes by (its own name included), which
 * reconciliation uses to match spellings across documents ("ISIS-K", "Islamic State Khorasan
 * Province"). A name, compared by actorKey, belongs to one actor of a project at most, so matching
 * never has to pick between two.
 */
import "server-only";
import { z } from "zod";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { Id, parseInput } from "./input";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/db/audit";
import { actorKey, type ProjectActor } from "@/lib/core/reconcile";

const Name = z.string().trim().min(1, "Give the actor a name.").max(200);

const CreateActorInput = z.strictObject({
  name: Name,
  aliases: z.array(z.string().trim().max(200)).max(100).default([]),
});
const DeleteActorInput = z.strictObject({ actorId: Id });

export interface ActorView {
  id: string;
  name: string;
  aliases: string[];
}

/** The actors with their aliases (as the matcher takes them); no authorization: callers have checked. */
export async function loadProjectActors(db: Db | Tx, projectId: string): Promise<ProjectActor[]> {
  const rows = await db.actor.findMany({
    where: { projectId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, aliases: { select: { alias: true }, orderBy: { alias: "asc" } } },
  });
  return rows.map((a) => ({ id: a.id, name: a.name, aliases: a.aliases.map((x) => x.alias) }));
}

export async function listActors(userId: string, projectId: string): Promise<ActorView[]> {
  const db = await getDb();
  await authorize(db, userId, projectId, "project.view");
  const actors = await loadProjectActors(db, projectId);
  return actors.map((a) => ({ id: a.id, name: a.name, aliases: (a.aliases ?? []).filter((x) => x !== a.name) }));
}

export async function createActor(userId: string, projectId: string, input: unknown): Promise<ActorView> {
  const data = parseInput(CreateActorInput, input);
  const db = await getDb();
  await authorize(db, userId, projectId, "document.curate");
  // One row per distinct key; the actor's own name is one of its names.
  const names = new Map<string, string>();
  for (const n of [data.name, ...data.aliases]) {
    const key = actorKey(n);
    if (key !== "" && !names.has(key)) names.set(key, n);
  }
  if (!names.has(actorKey(data.name))) throw new AppError("invalid", "The name must contain letters or digits.");
  const taken = await db.actorAlias.findMany({
    where: { projectId, normalized: { in: [...names.keys()] } },
    select: { alias: true, actor: { select: { name: true } } },
  });
  if (taken.length > 0) {
    throw new AppError("duplicate", `"${taken[0].alias}" already names ${taken[0].actor.name}; a name can belong to one actor only.`);
  }
  const id = newId();
  await db.$transaction(async (tx) => {
    await tx.actor.create({ data: { id, projectId, name: data.name } });
    await tx.actorAlias.createMany({
      data: [...names].map(([normalized, alias]) => ({ id: newId(), projectId, actorId: id, alias, normalized })),
    });
    await recordAuditEvent(tx, {
      projectId, actorId: userId, action: "actor.create", objectType: "actor", objectId: id,
      after: { name: data.name, aliases: [...names.values()] },
    });
  });
  return { id, name: data.name, aliases: [...names.values()].filter((x) => x !== data.name) };
}

export async function deleteActor(userId: string, projectId: string, input: unknown): Promise<void> {
  const data = parseInput(DeleteActorInput, input);
  const db = await getDb();
  await authorize(db, userId, projectId, "document.curate");
  const actor = await db.actor.findFirst({ where: { id: data.actorId, projectId }, select: { name: true, aliases: { select: { alias: true } } } });
  if (!actor) throw new AppError("not_found");
  await db.$transaction(async (tx) => {
    await tx.actor.delete({ where: { id: data.actorId } });
    await recordAuditEvent(tx, {
      projectId, actorId: userId, action: "actor.delete", objectType: "actor", objectId: data.actorId,
      before: { name: actor.name, aliases: actor.aliases.map((a) => a.alias) },
    });
  });
}
