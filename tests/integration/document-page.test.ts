/**
 * The document page's claims come from a per-instance cache checked against the document's
 * claimsVersion: every claim change must show up on the next read, whichever instance made it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { makeUser, makeProject, makeDocument, claimTypeByKey } from "../support/factories";
import type { OpenDatabase } from "@/lib/db/engine";
import { createClaim, deleteClaim, updateClaim } from "@/lib/services/claims";
import { getDocumentPage } from "@/lib/services/document-page";
import { unpackClaims } from "@/lib/core/packed-claims";
import { newId } from "@/lib/ids";

describe.each(testEngines())("document page data on %s", (engine) => {
  let db: OpenDatabase;
  let user: { id: string };
  let projectId: string, docId: string, attackId: string;

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    user = await makeUser("Reader");
    projectId = (await makeProject(user.id)).id;
    docId = (await makeDocument(user.id, projectId)).documentId;
    attackId = (await claimTypeByKey(user.id, projectId, "attack")).id;
  });
  afterAll(async () => db?.close());

  const claimsNow = async () => unpackClaims((await getDocumentPage(user.id, projectId, docId)).claims);

  it("reflects every create, edit and delete on the next read", async () => {
    expect(await claimsNow()).toEqual([]);
    const a = await createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 20, end: 30 }] });
    const b = await createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 0, end: 6 }, { start: 40, end: 45 }] });
    // The page addresses claims by their number in the document: #1, #2, ...
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect((await claimsNow()).map((c) => [c.id, c.spans])).toEqual([["2", [[0, 6], [40, 45]]], ["1", [[20, 30]]]]);
    await updateClaim(user.id, projectId, { claimId: a.id, version: 1, spans: [{ start: 50, end: 55 }] });
    expect((await claimsNow()).find((c) => c.id === "1")).toMatchObject({ version: 2, spans: [[50, 55]] });
    await deleteClaim(user.id, projectId, { claimId: b.id, version: 1 });
    expect((await claimsNow()).map((c) => c.id)).toEqual(["1"]);
  });

  it("sees a change made by another instance (the counter moved, the cache is not used)", async () => {
    const before = await claimsNow();
    // Another instance writes a claim directly and bumps the counter in its own transaction.
    const id = newId();
    await db.prisma.$transaction(async (tx) => {
      const { claimSeq: seq } = await tx.document.update({ where: { id: docId }, data: { claimSeq: { increment: 1 } }, select: { claimSeq: true } });
      await tx.claim.create({ data: { id, seq, projectId, documentId: docId, claimTypeId: attackId, claimTypeVersion: 1, values: {}, authorId: user.id } });
      await tx.claimSpan.create({ data: { id: newId(), claimId: id, ordinal: 0, start: 1, end: 4, exact: "x", prefix: "", suffix: "" } });
      await tx.document.update({ where: { id: docId }, data: { claimsVersion: { increment: 1 } } });
    });
    const after = await claimsNow();
    expect(after.length).toBe(before.length + 1);
    const seq = (await db.prisma.claim.findUniqueOrThrow({ where: { id } })).seq;
    expect(after.some((c) => c.id === String(seq))).toBe(true);
  });
});
