/**
 * The audit log keeps a claim's whole state on every change: delete and restore events carry the
 * state before and after (values, spans, note, status, version, deletion time), like create and
 * update, so a deleted claim can be reconstructed from the log alone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { makeUser, makeProject, makeDocument, claimTypeByKey } from "../support/factories";
import type { OpenDatabase } from "@/lib/db/engine";
import { createClaim, deleteClaim, restoreClaim } from "@/lib/services/claims";

type State = { version: number; deletedAt: string | null; values: Record<string, unknown>; note: string; status: string; spans: { exact: string; start: number }[] };

describe.each(testEngines())("claim audit content on %s", (engine) => {
  let db: OpenDatabase;
  let userId: string, projectId: string, docId: string, attackId: string;

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    userId = (await makeUser("Auditor")).id;
    projectId = (await makeProject(userId)).id;
    docId = (await makeDocument(userId, projectId, "On 18 April 2022 an attack in Kabul killed 12 people, officials said.")).documentId;
    attackId = (await claimTypeByKey(userId, projectId, "attack")).id;
  });
  afterAll(async () => db?.close());

  async function eventsFor(claimId: string) {
    const rows = await db.prisma.auditEvent.findMany({ where: { objectType: "claim", objectId: claimId }, orderBy: { createdAt: "asc" } });
    return rows.map((r) => ({ action: r.action, before: r.before as State | null, after: r.after as State | null }));
  }

  it("delete and restore record the claim's state before and after", async () => {
    const fatalities = { raw: "12 people", low: 12, best: 12, high: 12, qualifier: "exact", unit: "people" };
    const claim = await createClaim(userId, projectId, {
      documentId: docId, claimTypeId: attackId, spans: [{ start: 36, end: 51, exact: "killed 12 peopl" }],
      values: { fatalities }, note: "from the lead",
    });
    await deleteClaim(userId, projectId, { claimId: claim.id, version: 1 });
    await restoreClaim(userId, projectId, { claimId: claim.id, version: 2 });

    const [, del, restore] = await eventsFor(claim.id);
    expect(del!.action).toBe("claim.delete");
    expect(del!.before).toMatchObject({ version: 1, deletedAt: null, note: "from the lead", status: "draft", values: { fatalities } });
    expect(del!.before!.spans.map((s) => s.exact)).toEqual(["killed 12 peopl"]);
    expect(del!.after).toMatchObject({ version: 2, note: "from the lead", values: { fatalities } });
    expect(typeof del!.after!.deletedAt).toBe("string");

    expect(restore!.action).toBe("claim.restore");
    expect(restore!.before).toMatchObject({ version: 2, values: { fatalities } });
    expect(restore!.before!.deletedAt).toBe(del!.after!.deletedAt);
    expect(restore!.after).toMatchObject({ version: 3, deletedAt: null, note: "from the lead", values: { fatalities } });
    expect(restore!.after!.spans.map((s) => s.start)).toEqual([36]);
  });
});
