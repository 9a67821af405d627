/**
 * The append-only audit log: every change to a claim, claim type, document, membership or project
 * writes one event in the same transaction as the change; refused attempts are logged too.
 *
 * Invariants: rows are only ever inserted (the database refuses UPDATE, DELETE and TRUNCATE on
 * "AuditEvent" with a trigger, on both engines); events carry ids but no foreign keys, so they outlive
 * what they name. Denied attempts are written at most DENIED_EVENTS_PER_WINDOW per user and instance
 * in DENIED_EVENTS_WINDOW_MS, so a flood of refused requests (pages are not behind the action rate
 * limit) cannot cheaply fill the table; the ones past the cap are counted and that count is written
 * on the user's next recorded denial, so the log still says they happened.
 */
import "server-only";
import type { Db, Tx } from "./client";
import { newId } from "@/lib/ids";
import { SlidingWindowLimiter } from "@/lib/core/rate-limit";
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

/** Far above what a person clicking around produces, far below what a script can send. */
export const DENIED_EVENTS_PER_WINDOW = 30;
export const DENIED_EVENTS_WINDOW_MS = 10 * 60_000;

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

interface DeniedState {
  limiter: SlidingWindowLimiter;
  unrecorded: Map<string, number>;
}

// One per process (kept across dev reloads like the action limiter); `Date.now()` is read per call.
const denied = ((globalThis as unknown as { __attestDeniedAudit?: DeniedState }).__attestDeniedAudit ??= {
  limiter: new SlidingWindowLimiter(DENIED_EVENTS_PER_WINDOW, DENIED_EVENTS_WINDOW_MS, () => Date.now()),
  unrecorded: new Map(),
});

/**
 * Records a refused attempt by `actorId` on the project id exactly as it was asked for (it may name
 * no project at all: the caller answers the same either way), or on one object of a project the actor
 * is a member of (a claim, a record: it then shows in that object's history), with what the actor saw
 * of it in `before`. Past the per-user cap it only counts.
 */
export async function recordDeniedAttempt(db: Db | Tx, e: {
  actorId: string; projectId: string; action: string; objectType?: string; objectId?: string; before?: unknown;
}): Promise<void> {
  if (denied.limiter.take(e.actorId) > 0) {
    denied.unrecorded.set(e.actorId, (denied.unrecorded.get(e.actorId) ?? 0) + 1);
    return;
  }
  const skipped = denied.unrecorded.get(e.actorId) ?? 0;
  denied.unrecorded.delete(e.actorId);
  await recordAuditEvent(db, {
    projectId: e.projectId,
    actorId: e.actorId,
    action: e.action,
    objectType: e.objectType ?? "project",
    objectId: e.objectId ?? e.projectId,
    outcome: "denied",
    before: e.before,
    after: skipped > 0 ? { unrecordedDenials: skipped } : undefined,
  });
}
