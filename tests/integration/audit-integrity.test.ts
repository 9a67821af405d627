/**
 * Threat: someone rewrites history (edits or removes audit rows, through the app or a stray query),
 * or probes projects they are not in without leaving a trace. The database refuses every UPDATE,
 * DELETE and TRUNCATE of audit rows; a non-member's attempt is recorded and answered exactly like an
 * attempt on a project that does not exist; a flood of refused attempts writes a bounded number of rows.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { makeUser, makeProject, makeDocument, claimTypeByKey } from "../support/factories";
import { failure } from "../support/errors";
import type { OpenDatabase } from "@/lib/db/engine";
import { newId } from "@/lib/ids";
import { toActionError } from "@/lib/errors";
import { DENIED_EVENTS_PER_WINDOW, DENIED_EVENTS_WINDOW_MS } from "@/lib/db/audit";
import { getProjectOverview } from "@/lib/services/projects";
import { createClaim } from "@/lib/services/claims";

describe.each(testEngines())("the audit log on %s", (engine) => {
  let db: OpenDatabase;
  let owner: { id: string };
  let projectId: string, documentId: string, typeId: string;

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    owner = await makeUser("Owner");
    projectId = (await makeProject(owner.id, "Audited")).id;
    documentId = (await makeDocument(owner.id, projectId)).documentId;
    typeId = (await claimTypeByKey(owner.id, projectId, "attack")).id;
    await createClaim(owner.id, projectId, { documentId, claimTypeId: typeId, spans: [{ start: 0, end: 6 }] });
  });
  afterAll(async () => db?.close());
  afterEach(() => vi.useRealTimers());

  const rowsOf = () => db.prisma.$queryRawUnsafe<{ id: string; action: string; outcome: string }[]>(`SELECT id, action, outcome FROM "AuditEvent" ORDER BY id`);

  it("refuses UPDATE, DELETE and TRUNCATE of audit rows, and keeps accepting new ones", async () => {
    const before = await rowsOf();
    expect(before.length).toBeGreaterThan(2); // project, document, claim at least
    const victim = before[0]!.id;
    await expect(db.prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "outcome" = 'denied' WHERE id = $1`, victim)).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "after" = NULL`)).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE id = $1`, victim)).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    // Through the client too: the app has no path around the trigger.
    await expect(db.prisma.auditEvent.update({ where: { id: victim }, data: { action: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await rowsOf()).toEqual(before);

    const id = newId();
    await db.prisma.$executeRawUnsafe(`INSERT INTO "AuditEvent" (id, action, "objectType", "objectId") VALUES ($1, 'test.insert', 'test', 'x')`, id);
    expect((await rowsOf()).length).toBe(before.length + 1);
  });

  it("records a non-member's attempt, answering exactly as for a project that does not exist", async () => {
    const outsider = await makeUser("Outsider");
    const missing = newId();
    const onReal = await failure(getProjectOverview(outsider.id, projectId));
    const onMissing = await failure(getProjectOverview(outsider.id, missing));
    expect(toActionError(onReal)).toEqual(toActionError(onMissing));
    expect(onReal.code).toBe("not_found");
    const claimInput = { documentId, claimTypeId: typeId, spans: [{ start: 0, end: 6 }] };
    expect(toActionError(await failure(createClaim(outsider.id, projectId, claimInput)))).toEqual(
      toActionError(await failure(createClaim(outsider.id, missing, claimInput))),
    );

    const events = await db.prisma.auditEvent.findMany({ where: { actorId: outsider.id } });
    expect(events.map((e) => [e.projectId, e.action, e.outcome, e.objectType, e.objectId]).sort()).toEqual([
      [projectId, "project.view", "denied", "project", projectId],
      [missing, "project.view", "denied", "project", missing],
      [projectId, "claim.create", "denied", "project", projectId],
      [missing, "claim.create", "denied", "project", missing],
    ].sort());
    // Nothing about the project is copied into the event.
    expect(events.every((e) => e.before === null && e.after === null)).toBe(true);
  });

  it("does not record ids that cannot name a project", async () => {
    const outsider = await makeUser("Prober");
    expect((await failure(getProjectOverview(outsider.id, "../etc/passwd"))).code).toBe("not_found");
    expect((await failure(getProjectOverview(outsider.id, "x".repeat(65)))).code).toBe("not_found");
    expect(await db.prisma.auditEvent.count({ where: { actorId: outsider.id } })).toBe(0);
  });

  it("writes at most a bounded number of denials per user, and counts the rest on the next one", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const flooder = await makeUser("Flooder");
    const extra = 7;
    for (let i = 0; i < DENIED_EVENTS_PER_WINDOW + extra; i++) {
      expect((await failure(getProjectOverview(flooder.id, newId()))).code).toBe("not_found");
    }
    expect(await db.prisma.auditEvent.count({ where: { actorId: flooder.id } })).toBe(DENIED_EVENTS_PER_WINDOW);
    // Another user is not held back by the flood.
    const bystander = await makeUser("Bystander");
    await failure(getProjectOverview(bystander.id, projectId));
    expect(await db.prisma.auditEvent.count({ where: { actorId: bystander.id } })).toBe(1);

    vi.setSystemTime(Date.now() + DENIED_EVENTS_WINDOW_MS + 1000);
    const probe = newId();
    expect((await failure(getProjectOverview(flooder.id, probe))).code).toBe("not_found");
    const last = await db.prisma.auditEvent.findFirstOrThrow({ where: { actorId: flooder.id, projectId: probe } });
    expect(last.after).toEqual({ unrecordedDenials: extra });
    expect(await db.prisma.auditEvent.count({ where: { actorId: flooder.id } })).toBe(DENIED_EVENTS_PER_WINDOW + 1);
  });
});
