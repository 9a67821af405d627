import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createTestDatabase, testEngines } from "../support/db";
import type { OpenDatabase } from "@/lib/db/engine";

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
