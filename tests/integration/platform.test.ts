/**
 * Platform guarantees: migrations refuse to continue after a failure, the embedded data directory is
 * locked to one process, sign-in is throttled by policy, and the auth secret is generated once and kept.
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
import { checkCredentials, signUp, THROTTLE } from "@/lib/services/users";
import { getAuthSecret, configuredSecretProblem } from "@/lib/auth/secret";

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

describe("sign-in throttling and the auth secret", () => {
  let db: OpenDatabase;
  beforeAll(async () => {
    db = await useTestDatabase("pglite");
  });
  afterAll(async () => db?.close());

  it("accepts the right password, refuses a wrong one, and throttles after the per-account limit", async () => {
    const user = await signUp({ name: "Target", email: "target@example.org", password: "a strong passphrase" });
    expect(JSON.stringify(user)).not.toContain("scrypt");
    expect(await checkCredentials({ email: "target@example.org", password: "a strong passphrase" }, "10.0.0.1")).toMatchObject({ ok: true });
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      expect(await checkCredentials({ email: "TARGET@example.org", password: `wrong ${i}` }, `10.0.1.${i}`)).toEqual({ ok: false, reason: "invalid" });
    }
    // Now even the right password is refused, from any address, and the attempt is recorded.
    expect(await checkCredentials({ email: "target@example.org", password: "a strong passphrase" }, "10.9.9.9")).toEqual({ ok: false, reason: "throttled" });
    expect(await db.prisma.loginAttempt.count({ where: { email: "target@example.org" } })).toBe(THROTTLE.perAccount + 2);
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { email: "target@example.org" } });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(stored.passwordHash).not.toContain("a strong passphrase");
  });

  it("refuses weak passwords and duplicate accounts at sign-up", async () => {
    await expect(signUp({ name: "W", email: "weak@example.org", password: "short" })).rejects.toThrow(/10 characters/);
    await expect(signUp({ name: "W", email: "weak@example.org", password: "password123" })).rejects.toThrow(/too common/);
    await expect(signUp({ name: "T", email: "Target@Example.org", password: "another passphrase" })).rejects.toThrow(/exists/);
  });

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
