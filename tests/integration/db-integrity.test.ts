/**
 * The database keeps the integrity the services keep, so a bug or a hand-written query cannot break
 * it: authors exist, a claim's document, claim type and claim type version belong to the claim's own
 * project, span offsets are forward intervals, counters are in range. Deleting a project still takes
 * everything it owns with it, and leaves its audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { makeUser, makeProject, makeDocument, claimTypeByKey } from "../support/factories";
import type { OpenDatabase } from "@/lib/db/engine";
import { newId } from "@/lib/ids";
import { createClaim } from "@/lib/services/claims";

describe.each(testEngines())("database integrity on %s", (engine) => {
  let db: OpenDatabase;
  let alice: { id: string };
  let projectA: string, projectB: string, docA: string, docB: string, typeA: string, typeB: string;

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    alice = await makeUser("Alice");
    projectA = (await makeProject(alice.id, "A")).id;
    projectB = (await makeProject(alice.id, "B")).id;
    docA = (await makeDocument(alice.id, projectA)).documentId;
    docB = (await makeDocument(alice.id, projectB)).documentId;
    typeA = (await claimTypeByKey(alice.id, projectA, "attack")).id;
    typeB = (await claimTypeByKey(alice.id, projectB, "attack")).id;
  });
  afterAll(async () => db?.close());

  /** Inserts a claim row directly (no service checks), numbered past the document's counter. */
  async function insertClaim(row: { projectId: string; documentId: string; claimTypeId: string; claimTypeVersion?: number; authorId?: string; seq?: number }) {
    const id = newId();
    await db.prisma.claim.create({
      data: {
        id, projectId: row.projectId, documentId: row.documentId, claimTypeId: row.claimTypeId, claimTypeVersion: row.claimTypeVersion ?? 1,
        seq: row.seq ?? 1000 + Math.floor(Math.random() * 1_000_000), values: {}, authorId: row.authorId ?? alice.id,
      },
    });
    return id;
  }

  const insertSpan = (claimId: string, start: number, end: number, ordinal = 0) =>
    db.prisma.$executeRawUnsafe(
      `INSERT INTO "ClaimSpan" (id, "claimId", ordinal, start, "end", exact, prefix, suffix) VALUES ($1, $2, $3, $4, $5, '', '', '')`,
      newId(), claimId, ordinal, start, end,
    );

  it("accepts a claim whose document, type and version are its project's", async () => {
    const id = await insertClaim({ projectId: projectA, documentId: docA, claimTypeId: typeA });
    await insertSpan(id, 0, 6);
    expect(await db.prisma.claimSpan.count({ where: { claimId: id } })).toBe(1);
  });

  it("refuses a claim whose document or claim type belongs to another project", async () => {
    await expect(insertClaim({ projectId: projectA, documentId: docB, claimTypeId: typeA })).rejects.toThrow(/Claim_documentId_projectId_fkey/);
    await expect(insertClaim({ projectId: projectA, documentId: docA, claimTypeId: typeB })).rejects.toThrow(/Claim_claimTypeId_projectId_fkey/);
    // Moving an existing claim to another project is refused the same way.
    const id = await insertClaim({ projectId: projectA, documentId: docA, claimTypeId: typeA });
    await expect(db.prisma.$executeRawUnsafe(`UPDATE "Claim" SET "projectId" = $1 WHERE id = $2`, projectB, id)).rejects.toThrow(/Claim_(documentId|claimTypeId)_projectId_fkey/);
  });

  it("refuses a claim type version that does not exist", async () => {
    await expect(insertClaim({ projectId: projectA, documentId: docA, claimTypeId: typeA, claimTypeVersion: 9 })).rejects.toThrow(/Claim_claimTypeId_claimTypeVersion_fkey/);
  });

  it("refuses authors and creators who are not users", async () => {
    await expect(insertClaim({ projectId: projectA, documentId: docA, claimTypeId: typeA, authorId: newId() })).rejects.toThrow(/Claim_authorId_fkey/);
    await expect(db.prisma.$executeRawUnsafe(`UPDATE "Document" SET "createdById" = $1 WHERE id = $2`, newId(), docA)).rejects.toThrow(/Document_createdById_fkey/);
    await expect(db.prisma.$executeRawUnsafe(`UPDATE "ClaimTypeVersion" SET "createdById" = $1 WHERE "claimTypeId" = $2`, newId(), typeA)).rejects.toThrow(/ClaimTypeVersion_createdById_fkey/);
  });

  it("refuses spans that are not forward intervals from 0", async () => {
    const id = await insertClaim({ projectId: projectA, documentId: docA, claimTypeId: typeA });
    await expect(insertSpan(id, 5, 5)).rejects.toThrow(/ClaimSpan_offsets_check/);
    await expect(insertSpan(id, 6, 2)).rejects.toThrow(/ClaimSpan_offsets_check/);
    await expect(insertSpan(id, -1, 3)).rejects.toThrow(/ClaimSpan_offsets_check/);
    await expect(insertSpan(id, 0, 3, -1)).rejects.toThrow(/ClaimSpan_ordinal_check/);
    expect(await db.prisma.claimSpan.count({ where: { claimId: id } })).toBe(0);
  });

  it("refuses counters and versions out of range", async () => {
    await expect(insertClaim({ projectId: projectA, documentId: docA, claimTypeId: typeA, seq: 0 })).rejects.toThrow(/Claim_seq_check/);
    await expect(db.prisma.$executeRawUnsafe(`UPDATE "Document" SET "claimSeq" = -1 WHERE id = $1`, docA)).rejects.toThrow(/Document_counters_check/);
    await expect(db.prisma.$executeRawUnsafe(`UPDATE "ClaimType" SET "currentVersion" = 0 WHERE id = $1`, typeA)).rejects.toThrow(/ClaimType_version_check/);
    await expect(db.prisma.$executeRawUnsafe(`UPDATE "Project" SET "version" = 0 WHERE id = $1`, projectA)).rejects.toThrow(/Project_version_check/);
  });

  it("refuses deleting an author or a claim type still in use", async () => {
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM "User" WHERE id = $1`, alice.id)).rejects.toThrow(/(Claim_authorId|Document_createdById)_fkey/);
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM "ClaimType" WHERE id = $1`, typeA)).rejects.toThrow(/Claim_claimTypeId_(projectId|claimTypeVersion)_fkey/);
  });

  it("deletes a project with everything it owns, and keeps its audit trail", async () => {
    const owner = await makeUser("Leaving");
    const projectId = (await makeProject(owner.id, "Short-lived")).id;
    const documentId = (await makeDocument(owner.id, projectId)).documentId;
    const claimTypeId = (await claimTypeByKey(owner.id, projectId, "attack")).id;
    const claim = await createClaim(owner.id, projectId, { documentId, claimTypeId, spans: [{ start: 0, end: 6 }] });
    const auditBefore = await db.prisma.auditEvent.count({ where: { projectId } });
    expect(auditBefore).toBeGreaterThanOrEqual(3);

    await db.prisma.$executeRawUnsafe(`DELETE FROM "Project" WHERE id = $1`, projectId);

    expect(await db.prisma.claim.count({ where: { id: claim.id } })).toBe(0);
    expect(await db.prisma.claimSpan.count({ where: { claimId: claim.id } })).toBe(0);
    expect(await db.prisma.document.count({ where: { projectId } })).toBe(0);
    expect(await db.prisma.claimType.count({ where: { projectId } })).toBe(0);
    expect(await db.prisma.claimTypeVersion.count({ where: { claimTypeId } })).toBe(0);
    expect(await db.prisma.membership.count({ where: { projectId } })).toBe(0);
    expect(await db.prisma.auditEvent.count({ where: { projectId } })).toBe(auditBefore);
    // The other projects are untouched.
    expect(await db.prisma.document.count({ where: { id: { in: [docA, docB] } } })).toBe(2);
  });
});
