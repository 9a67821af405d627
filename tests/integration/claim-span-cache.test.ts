/**
 * The copy of a claim's spans on its own row ("spanCache", which exports read) is the database's to
 * keep: whatever writes ClaimSpan rows (the claim services, a restore, hand-written SQL), the copy is
 * equal to them, in ordinal order, after the statement; a claim without spans has none. Databases
 * that had claims before the column existed get it filled by the migration.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { useTestDatabase, testEngines } from "../support/db";
import { makeUser, makeProject, makeDocument, claimTypeByKey } from "../support/factories";
import { pgliteRunner, type OpenDatabase } from "@/lib/db/engine";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { newId } from "@/lib/ids";
import { createClaim, updateClaim } from "@/lib/services/claims";

type CachedSpan = [number, number, string, string, string];

describe.each(testEngines())("the claim's copy of its spans on %s", (engine) => {
  let db: OpenDatabase;
  let user: { id: string };
  let projectId: string, docId: string, attackId: string;

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    user = await makeUser("Alice");
    projectId = (await makeProject(user.id, "Spans")).id;
    docId = (await makeDocument(user.id, projectId, "Kabul, 18 April: an attack killed 12 people, officials said.")).documentId;
    attackId = (await claimTypeByKey(user.id, projectId, "attack")).id;
  });
  afterAll(async () => db?.close());

  const cacheOf = async (claimId: string) =>
    (await db.prisma.$queryRawUnsafe<{ c: CachedSpan[] | null }[]>(`SELECT "spanCache" AS c FROM "Claim" WHERE id = $1`, claimId))[0].c;
  /** The claim's ClaimSpan rows, in ordinal order, in the copy's shape. */
  const spansOf = async (claimId: string): Promise<CachedSpan[]> =>
    (await db.prisma.claimSpan.findMany({ where: { claimId }, orderBy: { ordinal: "asc" } })).map((s) => [s.start, s.end, s.exact, s.prefix, s.suffix]);

  it("holds the spans a new claim is saved with, in ordinal order", async () => {
    const claim = await createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 34, end: 43 }, { start: 0, end: 5 }] });
    const cache = await cacheOf(claim.id);
    expect(cache).toEqual(await spansOf(claim.id));
    // The service numbers spans in text order, whatever order they came in.
    expect(cache?.map((s) => s[2])).toEqual(["Kabul", "12 people"]);
  });

  it("follows an edit of the spans, and is untouched by an edit of anything else", async () => {
    const claim = await createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 0, end: 5 }] });
    const edited = await updateClaim(user.id, projectId, { claimId: claim.id, version: claim.version, spans: [{ start: 7, end: 15 }] });
    expect((await cacheOf(claim.id))?.map((s) => s[2])).toEqual(["18 April"]);
    await updateClaim(user.id, projectId, { claimId: claim.id, version: edited.version, note: "checked" });
    expect(await cacheOf(claim.id)).toEqual(await spansOf(claim.id));
  });

  it("follows hand-written inserts, updates and deletes of span rows, several claims at once", async () => {
    const a = await createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 0, end: 5 }] });
    const b = await createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 7, end: 15 }] });
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "ClaimSpan" (id, "claimId", ordinal, start, "end", exact, prefix, suffix) VALUES ($1, $2, 1, 34, 43, '12 people', 'killed ', ', officials'), ($3, $4, 1, 20, 26, 'attack', 'an ', ' killed')`,
      newId(), a.id, newId(), b.id,
    );
    expect(await cacheOf(a.id)).toEqual(await spansOf(a.id));
    expect(await cacheOf(b.id)).toEqual(await spansOf(b.id));
    expect((await cacheOf(b.id))?.length).toBe(2);

    await db.prisma.$executeRawUnsafe(`UPDATE "ClaimSpan" SET exact = upper(exact) WHERE "claimId" IN ($1, $2)`, a.id, b.id);
    expect((await cacheOf(a.id))?.map((s) => s[2])).toEqual(["KABUL", "12 PEOPLE"]);
    expect(await cacheOf(b.id)).toEqual(await spansOf(b.id));

    // A span moved from one claim to another changes both copies.
    await db.prisma.$executeRawUnsafe(`UPDATE "ClaimSpan" SET "claimId" = $1, ordinal = 2 WHERE "claimId" = $2 AND ordinal = 1`, a.id, b.id);
    expect((await cacheOf(a.id))?.length).toBe(3);
    expect((await cacheOf(b.id))?.map((s) => s[2])).toEqual(["18 APRIL"]);

    await db.prisma.$executeRawUnsafe(`DELETE FROM "ClaimSpan" WHERE "claimId" = $1 AND ordinal > 0`, a.id);
    expect(await cacheOf(a.id)).toEqual(await spansOf(a.id));
    await db.prisma.$executeRawUnsafe(`DELETE FROM "ClaimSpan" WHERE "claimId" = $1`, b.id);
    expect(await cacheOf(b.id)).toBeNull();
  });

  it("keeps a claim's version and update time: the copy is no edit", async () => {
    const claim = await createClaim(user.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [{ start: 0, end: 5 }] });
    await db.prisma.$executeRawUnsafe(`UPDATE "ClaimSpan" SET prefix = 'x' WHERE "claimId" = $1`, claim.id);
    const row = await db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true, updatedAt: true } });
    expect(row.version).toBe(claim.version);
    expect(row.updatedAt.toISOString()).toBe(new Date(claim.updatedAt).toISOString());
    expect((await cacheOf(claim.id))?.[0][3]).toBe("x");
  });
});

describe("the span copy's migration on a database that already has claims", () => {
  const SPAN_CACHE = "20261126120000_claim_span_cache";

  it("fills the copy of every existing claim's spans, and leaves claims without spans empty", async () => {
    const pg = new PGlite();
    const r = pgliteRunner(pg);
    const all = readMigrations();
    const cut = all.findIndex((m) => m.name === SPAN_CACHE);
    expect(cut).toBeGreaterThan(0);
    await applyMigrations(r, all.slice(0, cut), { advisoryLock: false });
    await pg.exec(`
      INSERT INTO "User" (id, email, name, "passwordHash") VALUES ('u1', 'u1@example.org', 'U', 'x');
      INSERT INTO "Project" (id, name) VALUES ('p1', 'P');
      INSERT INTO "Document" (id, "projectId", title, authors, text, "textLength", "contentHash", "sourceFormat", "importReport", "createdById", "claimSeq")
        VALUES ('d1', 'p1', 'D', '{}', 'Some text here', 14, 'h', 'txt', '{}', 'u1', 2);
      INSERT INTO "ClaimType" (id, "projectId", key, name, color) VALUES ('t1', 'p1', 'attack', 'Attack', '#123456');
      INSERT INTO "ClaimTypeVersion" (id, "claimTypeId", version, definition, "createdById") VALUES ('v1', 't1', 1, '{}', 'u1');
      INSERT INTO "Claim" (id, "projectId", "documentId", "claimTypeId", "claimTypeVersion", seq, values, "authorId") VALUES
        ('c1', 'p1', 'd1', 't1', 1, 1, '{}', 'u1'), ('c2', 'p1', 'd1', 't1', 1, 2, '{}', 'u1');
      INSERT INTO "ClaimSpan" (id, "claimId", ordinal, start, "end", exact, prefix, suffix) VALUES
        ('s2', 'c1', 1, 10, 14, 'here', 'text ', ''), ('s1', 'c1', 0, 0, 4, 'Some', '', ' text');
    `);
    expect(await applyMigrations(r, all, { advisoryLock: false })).toContain(SPAN_CACHE);
    const rows = (await pg.query<{ id: string; c: CachedSpan[] | null }>(`SELECT id, "spanCache" AS c FROM "Claim" ORDER BY id`)).rows;
    expect(rows).toEqual([
      { id: "c1", c: [[0, 4, "Some", "", " text"], [10, 14, "here", "text ", ""]] },
      { id: "c2", c: null },
    ]);
    await pg.close();
  });
});
