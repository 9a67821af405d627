/**
 * Platform guarantees: migrations refuse to continue after a failure, the embedded data directory is
 * locked to one process, and the auth secret is generated once and kept (sign-in policy: sign-in-policy.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync, existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations, readMigrations, MigrationError } from "@/lib/db/migrate";
import { pgliteRunner } from "@/lib/db/engine";
import { lockDataDir, DataDirLockedError } from "@/lib/db/lock";
import { useTestDatabase } from "../support/db";
import type { OpenDatabase } from "@/lib/db/engine";
import { getAuthSecret, configuredSecretProblem } from "@/lib/server/auth/secret";

const runner = pgliteRunner;

describe("migrations", () => {
  it("applies pending migrations once, then nothing", async () => {
    const db = new PGlite();
    const r = runner(db);
    const all = readMigrations();
    expect(await applyMigrations(r, all, { advisoryLock: false })).toEqual(all.map((m) => m.name));
    expect(await applyMigrations(r, all, { advisoryLock: false })).toEqual([]);
    await db.close();
  });

  it("rolls back a failing migration, records it, and refuses every later start", async () => {
    const db = new PGlite();
    const r = runner(db);
    const bad = { name: "20990101000000_bad", sql: 'CREATE TABLE "Half" (id int); SELECT no_such_function();', checksum: "x".repeat(64) };
    await expect(applyMigrations(r, [bad], { advisoryLock: false })).rejects.toBeInstanceOf(MigrationError);
    const tables = await db.query(`SELECT to_regclass('"Half"') AS t`);
    expect((tables.rows[0] as { t: unknown }).t).toBeNull(); // nothing half-applied
    await expect(applyMigrations(r, readMigrations(), { advisoryLock: false })).rejects.toThrow(/failed earlier/);
    await db.close();
  });
});

describe("embedded data directory lock", () => {
  it("refuses a second process while the first is alive, and takes over a stale lock", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "attest-lock-"));
    writeFileSync(path.join(dir, "attest.lock"), String(process.ppid)); // a live process that is not us
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/DATABASE_URL/);
    writeFileSync(path.join(dir, "attest.lock"), "999999999"); // no such process
    const release = lockDataDir(dir);
    expect(readFileSync(path.join(dir, "attest.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(path.join(dir, "attest.lock"))).toBe(false);
  });
});

describe("the auth secret", () => {
  let db: OpenDatabase;
  beforeAll(async () => {
    db = await useTestDatabase("pglite");
  });
  afterAll(async () => db?.close());

  it("generates the auth secret once and refuses a short configured one", async () => {
    const saved = process.env.NEXTAUTH_SECRET;
    delete process.env.NEXTAUTH_SECRET;
    const a = await getAuthSecret();
    expect(a.length).toBeGreaterThanOrEqual(32);
    const row = await db.prisma.setting.findUniqueOrThrow({ where: { key: "auth_secret" } });
    expect(row.value).toBe(a);
    if (saved !== undefined) process.env.NEXTAUTH_SECRET = saved;
    expect(configuredSecretProblem("changeme")).toMatch(/guessable/);
    expect(configuredSecretProblem("x".repeat(32))).toBeNull();
  });
});
