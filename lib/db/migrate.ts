/**
 * Applies prisma/migrations/<name>/migration.sql in name order, on PGlite or a PostgreSQL server,
 * and records each in Prisma's own `_prisma_migrations` table (same DDL; checksum = sha256 hex of the
 * file bytes), so `prisma migrate deploy` run elsewhere sees the same history and agrees with it.
 *
 * Invariants: one transaction per migration; a migration recorded as started but not finished makes
 * every later start refuse, with a message naming it (the same rule Prisma applies); on a server the
 * whole run holds a session advisory lock so several app instances starting at once migrate once.
 */
import { createHash, randomUUID } from "node:crypto";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";

/** The minimal SQL surface both engines offer. `exec` runs a script of several statements. */
export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
  /** Runs `fn` inside one transaction on the same connection. */
  transaction(fn: (tx: SqlRunner) => Promise<void>): Promise<void>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** Advisory lock key for the migration run ("attest-m" as ASCII, fits a bigint). */
const MIGRATION_LOCK_KEY = 0x61747465_73742d6dn.toString();

const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export function migrationsDir(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");
}

export function readMigrations(dir = migrationsDir()): Migration[] {
  if (!existsSync(dir)) throw new Error(`Migrations folder not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

export class MigrationError extends Error {}

/** Applies pending migrations; returns the names applied in this run. */
export async function applyMigrations(
  db: SqlRunner,
  migrations: Migration[],
  opts: { advisoryLock: boolean },
): Promise<string[]> {
  if (opts.advisoryLock) await db.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
  try {
    await db.exec(MIGRATIONS_TABLE_DDL);
    const rows = await db.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) {
      throw new MigrationError(
        `Migration "${failed.migration_name}" failed earlier and was not rolled back. ` +
          `Fix the database, then mark it resolved (prisma migrate resolve) before starting again.`,
      );
    }
    const done = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) {
        // As Prisma does: an applied migration whose file changed since is reported, not re-run.
        if (done.get(m.name) !== m.checksum) console.warn(`[attest] migration "${m.name}" was modified after it was applied.`);
        continue;
      }
      await applyOne(db, m);
      applied.push(m.name);
    }
    return applied;
  } finally {
    if (opts.advisoryLock) await db.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
  }
}

async function applyOne(db: SqlRunner, m: Migration): Promise<void> {
  const id = randomUUID();
  try {
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
        [id, m.checksum, m.name],
      );
      await tx.exec(m.sql);
      await tx.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    });
  } catch (err) {
    // The transaction rolled the half-applied migration back; record the failure so a restart refuses.
    const message = err instanceof Error ? err.message : String(err);
    await db.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count) VALUES ($1, $2, $3, $4, now(), 0)`,
      [id, m.checksum, m.name, message],
    );
    throw new MigrationError(`Migration "${m.name}" failed: ${message}`);
  }
}
