/**
 * The append-only audit log: every change to a claim, claim type, document, membership or project
 * writes one event in the same transaction as the change; refused attempts are logged too.
 */
import "server-only";
import type { Db, Tx } from "./client";
import { newId } from "@/lib/ids";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditInput {
  projectId: string | null;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  outcome?: "ok" | "denied";
  before?: unknown;
  after?: unknown;
}

const asJson = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

export async function recordAuditEvent(db: Db | Tx, e: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      id: newId(),
      projectId: e.projectId,
      actorId: e.actorId,
      action: e.action,
      objectType: e.objectType,
      objectId: e.objectId,
      outcome: e.outcome ?? "ok",
      before: asJson(e.before),
      after: asJson(e.after),
    },
  });
}
