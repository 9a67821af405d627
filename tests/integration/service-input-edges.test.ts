/**
 * Input a user can send that PostgreSQL cannot store, or ids that cannot name anything: each gets a
 * clear answer from the one input parser (`invalid`, `not_found`), never a database error (a 500).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { makeUser, makeProject, makeDocument, claimTypeByKey } from "../support/factories";
import { failure } from "../support/errors";
import type { OpenDatabase } from "@/lib/db/engine";
import { createClaim, getClaimForEditing, updateClaim } from "@/lib/services/claims";
import { updateDocumentMetadata } from "@/lib/services/documents";
import { createProject } from "@/lib/services/projects";

describe.each(testEngines())("service input edges on %s", (engine) => {
  let db: OpenDatabase;
  let userId: string, projectId: string, docId: string, attackId: string;

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    userId = (await makeUser("Edges")).id;
    projectId = (await makeProject(userId)).id;
    docId = (await makeDocument(userId, projectId, "On 18 April 2022 an attack in Kabul killed 12 people.")).documentId;
    attackId = (await claimTypeByKey(userId, projectId, "attack")).id;
  });
  afterAll(async () => db?.close());

  it("refuses a NUL in a note, a value or a name with a clear message", async () => {
    const note = await failure(createClaim(userId, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 0, end: 2 }], note: "a\u0000b" }));
    expect(note.code).toBe("invalid");
    expect(note.message).toMatch(/NUL/);
    const value = await failure(createClaim(userId, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 0, end: 2 }], values: { weapon: "gun\u0000" } }));
    expect(value.code).toBe("invalid");
    expect((await failure(createProject(userId, { name: "P\u0000" }))).code).toBe("invalid");
    expect((await failure(updateDocumentMetadata(userId, projectId, docId, 1, { title: "T\u0000" }))).code).toBe("invalid");
    // Nothing was half-saved: the document has no claims, and its metadata is unchanged.
    expect(await db.prisma.claim.count({ where: { documentId: docId } })).toBe(0);
    expect((await db.prisma.document.findUniqueOrThrow({ where: { id: docId } })).version).toBe(1);
  });

  it("answers a malformed id as not found, like a missing one", async () => {
    for (const bad of ["a\u0000b", "", "../etc", "x".repeat(65), "id with spaces"]) {
      expect((await failure(getClaimForEditing(userId, projectId, { claimId: bad }))).code, JSON.stringify(bad)).toBe("not_found");
      expect((await failure(updateClaim(userId, projectId, { claimId: bad, version: 1, note: "n" }))).code, JSON.stringify(bad)).toBe("not_found");
    }
  });
});
