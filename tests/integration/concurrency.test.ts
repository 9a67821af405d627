/**
 * Threat: lost work when several people edit the same claims at once. Randomized interleavings of
 * 2-8 simulated users doing create / edit / delete / restore against the real database; afterwards:
 * every acknowledged write is what the database holds, versions only went up, every live claim has
 * spans, and the audit log holds exactly one event per successful change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { useTestDatabase, testEngines } from "../support/db";
import { makeUser, makeProject, makeDocument, claimTypeByKey, addMemberWithRole } from "../support/factories";
import type { OpenDatabase } from "@/lib/db/engine";
import { AppError } from "@/lib/errors";
import { createClaim, deleteClaim, restoreClaim, updateClaim } from "@/lib/services/claims";

type Op = { user: number; kind: "create" | "edit" | "delete" | "restore"; target: number; note: string };

const op = (users: number) =>
  fc.record({
    user: fc.nat(users - 1),
    kind: fc.constantFrom("create", "edit", "edit", "delete", "restore") as fc.Arbitrary<Op["kind"]>,
    target: fc.nat(20),
    note: fc.string({ maxLength: 12 }),
  });

describe.each(testEngines())("concurrent editing on %s", (engine) => {
  let db: OpenDatabase;
  let projectId: string, docId: string, typeId: string;
  const users: { id: string }[] = [];

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    const owner = await makeUser("Owner");
    users.push(owner);
    projectId = (await makeProject(owner.id)).id;
    docId = (await makeDocument(owner.id, projectId)).documentId;
    typeId = (await claimTypeByKey(owner.id, projectId, "attack")).id;
    for (let i = 1; i < 8; i++) {
      const u = await makeUser(`Editor${i}`);
      await addMemberWithRole(owner.id, projectId, u.email, "editor");
      users.push(u);
    }
  });
  afterAll(async () => db?.close());

  it("loses no acknowledged write and audits every success", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 8 }), fc.array(op(8), { minLength: 4, maxLength: 24 }), fc.scheduler(), async (nUsers, ops, s) => {
        // What each user last read of each claim (id and version), as a client would hold it.
        const known: { id: string; version: number }[] = [];
        const acknowledged = new Map<string, { version: number; note?: string; deleted: boolean }>();
        // A few claims exist before the users start, so their operations contend for the same ones.
        for (let i = 0; i < 3; i++) {
          const c = await createClaim(users[0]!.id, projectId, { documentId: docId, claimTypeId: typeId, spans: [{ start: 0, end: 6 }] });
          known.push({ id: c.id, version: c.version });
          acknowledged.set(c.id, { version: c.version, note: c.note, deleted: false });
        }
        let successes = 0;
        // Two successful writes based on one version of a claim would mean one overwrote the other.
        const basedOn = new Set<string>();
        const claimBase = (id: string, version: number) => {
          const key = `${id}@${version}`;
          expect(basedOn.has(key), `two writes succeeded on ${key}`).toBe(false);
          basedOn.add(key);
        };
        // Answers may arrive out of commit order; the newest version acknowledged is what must be stored.
        const ack = (id: string, state: { version: number; note?: string; deleted: boolean }) => {
          const prev = acknowledged.get(id);
          if (!prev || state.version > prev.version) acknowledged.set(id, { ...prev, ...state });
        };
        const auditBefore = await db.prisma.auditEvent.count({ where: { objectType: "claim", outcome: "ok" } });
        const run = async (o: Op) => {
          const userId = users[o.user % nUsers]!.id;
          const t = known.length ? known[o.target % known.length] : undefined;
          try {
            if (o.kind === "create" || !t) {
              const c = await createClaim(userId, projectId, { documentId: docId, claimTypeId: typeId, spans: [{ start: 0, end: 6 }], note: o.note });
              known.push({ id: c.id, version: c.version });
              ack(c.id, { version: c.version, note: c.note, deleted: false });
            } else if (o.kind === "edit") {
              const base = t.version;
              const c = await updateClaim(userId, projectId, { claimId: t.id, version: base, note: o.note });
              claimBase(t.id, base);
              t.version = Math.max(t.version, c.version);
              ack(c.id, { version: c.version, note: c.note, deleted: false });
            } else if (o.kind === "delete") {
              const base = t.version;
              const r = await deleteClaim(userId, projectId, { claimId: t.id, version: base });
              claimBase(t.id, base);
              t.version = Math.max(t.version, r.version);
              ack(t.id, { version: r.version, deleted: true });
            } else {
              const base = t.version;
              const c = await restoreClaim(userId, projectId, { claimId: t.id, version: base });
              claimBase(t.id, base);
              t.version = Math.max(t.version, c.version);
              ack(c.id, { version: c.version, note: c.note, deleted: false });
            }
            successes++;
          } catch (err) {
            if (!(err instanceof AppError) || !["conflict", "not_found"].includes(err.code)) throw err;
          }
        };
        // The scheduler releases the operations in a random order; their database calls then interleave.
        const all = Promise.all(ops.map((o) => s.schedule(Promise.resolve(o)).then(run)));
        await s.waitAll();
        await all;
        // Every acknowledged state is the stored state, unless a later acknowledged write replaced it.
        for (const [id, a] of acknowledged) {
          const row = await db.prisma.claim.findUniqueOrThrow({ where: { id }, include: { spans: true } });
          expect(row.version).toBe(a.version);
          expect(row.deletedAt !== null).toBe(a.deleted);
          if (!a.deleted && a.note !== undefined) expect(row.note).toBe(a.note);
          expect(row.spans.length).toBeGreaterThan(0);
        }
        const auditAfter = await db.prisma.auditEvent.count({ where: { objectType: "claim", outcome: "ok" } });
        expect(auditAfter - auditBefore).toBe(successes);
      }),
      { numRuns: engine === "pglite" ? 15 : 25 },
    );
  }, 120_000);
});
