import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createTestDatabase, testEngines } from "../support/db";
import { PGlite } from "@electric-sql/pglite";
import { pgliteRunner, type OpenDatabase } from "@/lib/db/engine";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";

describe.each(testEngines())("migrations on %s", (engine) => {
  let db: OpenDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("records every migration in _prisma_migrations with Prisma's checksum", async () => {
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: Date | null }[]>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const file = path.join(process.cwd(), "prisma", "migrations", row.migration_name, "migration.sql");
      expect(row.checksum).toBe(createHash("sha256").update(readFileSync(file)).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("creates the tables the schema describes", async () => {
    const user = await db.prisma.user.create({ data: { id: "u1", email: "a@example.org", name: "A", passwordHash: "x" } });
    expect(user.email).toBe("a@example.org");
    expect(await db.prisma.user.count()).toBe(1);
  });
});

describe("the integrity migration on a database that already has data", () => {
  const INTEGRITY = "20261126010000_integrity_and_append_only_audit";

  it("applies over existing rows, which then keep their guarantees", async () => {
    const db = new PGlite();
    const r = pgliteRunner(db);
    const all = readMigrations();
    const cut = all.findIndex((m) => m.name === INTEGRITY);
    expect(cut).toBeGreaterThan(0);
    await applyMigrations(r, all.slice(0, cut), { advisoryLock: false });
    await db.exec(`
      INSERT INTO "User" (id, email, name, "passwordHash") VALUES ('u1', 'u1@example.org', 'U', 'x');
      INSERT INTO "Project" (id, name) VALUES ('p1', 'P');
      INSERT INTO "Document" (id, "projectId", title, authors, text, "textLength", "contentHash", "sourceFormat", "importReport", "createdById", "claimSeq")
        VALUES ('d1', 'p1', 'D', '{}', 'Some text', 9, 'h', 'txt', '{}', 'u1', 1);
      INSERT INTO "ClaimType" (id, "projectId", key, name, color) VALUES ('t1', 'p1', 'attack', 'Attack', '#123456');
      INSERT INTO "ClaimTypeVersion" (id, "claimTypeId", version, definition, "createdById") VALUES ('v1', 't1', 1, '{}', 'u1');
      INSERT INTO "Claim" (id, "projectId", "documentId", "claimTypeId", "claimTypeVersion", seq, values, "authorId") VALUES ('c1', 'p1', 'd1', 't1', 1, 1, '{}', 'u1');
      INSERT INTO "ClaimSpan" (id, "claimId", ordinal, start, "end", exact, prefix, suffix) VALUES ('s1', 'c1', 0, 0, 4, 'Some', '', ' text');
      INSERT INTO "AuditEvent" (id, action, "objectType", "objectId") VALUES ('a1', 'claim.create', 'claim', 'c1');
    `);
    expect(await applyMigrations(r, all, { advisoryLock: false })).toContain(INTEGRITY);
    expect((await db.query(`SELECT count(*)::int AS n FROM "ClaimSpan"`)).rows).toEqual([{ n: 1 }]);
    await expect(db.query(`DELETE FROM "AuditEvent" WHERE id = 'a1'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE "Claim" SET "authorId" = 'nobody' WHERE id = 'c1'`)).rejects.toThrow(/Claim_authorId_fkey/);
    await db.close();
  });
});
