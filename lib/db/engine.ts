/**
 * Opens the database: a PostgreSQL server when a URL is given, otherwise embedded PGlite in a data
 * directory of the project. Both get the same migrations (lib/db/migrate.ts) and the same Prisma client.
 */
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations, readMigrations, type SqlRunner } from "./migrate";
import { lockDataDir } from "./lock";

export type Engine = "pglite" | "postgres";

export interface OpenDatabase {
  prisma: PrismaClient;
  engine: Engine;
  close(): Promise<void>;
}

export type DatabaseConfig =
  | { engine: "postgres"; url: string }
  | { engine: "pglite"; dataDir: string | null /* null = in memory */; lock?: boolean };

/** PGlite has one connection: transactions queue behind each other, so allow them to wait longer. */
const PGLITE_TRANSACTION_OPTIONS = { maxWait: 20_000, timeout: 60_000 };
const SERVER_TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 20_000 };

/**
 * The embedded engine's shared buffers: 16 MB instead of PostgreSQL's 128 MB. PGlite runs inside
 * this process, so its buffers are this process's memory and never shrink; its data directory is
 * ordinary files, which the operating system caches anyway. Measured (bench:export): a large
 * project's tables are many times larger than the buffers either way, and exports read as fast as
 * with 32 MB.
 */
const PGLITE_OPTIONS = { startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"] };

/**
 * Statistics gathered on opening: a sample of 3,000 rows per table (PostgreSQL's default target of
 * 100 samples 30,000). The planner needs row counts and rough distributions to page by id through
 * the indexes; the export's pages got the same plans from the smaller sample, and the memory the
 * engine allocates for a sample is never given back (about 40 MB more resident with the default).
 */
const PGLITE_ANALYZE = "SET default_statistics_target = 10; ANALYZE; RESET default_statistics_target";

/** PGlite and its transactions offer the same query/exec pair; a transaction cannot nest. */
type PgliteQueryable = Pick<PGlite, "query" | "exec">;

export function pgliteRunner(db: PGlite): SqlRunner {
  const wrap = (q: PgliteQueryable, transaction: SqlRunner["transaction"]): SqlRunner => ({
    query: async (sql, params) => (await q.query(sql, params)).rows as never[],
    exec: async (sql) => void (await q.exec(sql)),
    transaction,
  });
  const noNesting = () => Promise.reject(new Error("nested transaction"));
  return wrap(db, async (fn) => {
    await db.transaction((tx) => fn(wrap(tx, noNesting)));
  });
}

function pgRunner(client: pg.PoolClient): SqlRunner {
  const runner: SqlRunner = {
    async query(sql, params) {
      return (await client.query(sql, params as unknown[])).rows;
    },
    async exec(sql) {
      await client.query(sql);
    },
    async transaction(fn) {
      await client.query("BEGIN");
      try {
        await fn({ ...runner, transaction: () => Promise.reject(new Error("nested transaction")) });
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      }
    },
  };
  return runner;
}

export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  const migrations = readMigrations();
  if (config.engine === "postgres") {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    // An idle connection dropped by the server (restart, failover, admin) must not crash the process:
    // the pool replaces it on the next query.
    pool.on("error", (err) => console.error(`[attest] PostgreSQL connection lost: ${err.message}`));
    const client = await pool.connect();
    try {
      await applyMigrations(pgRunner(client), migrations, { advisoryLock: true });
    } finally {
      client.release();
    }
    const prisma = new PrismaClient({
      adapter: new PrismaPg(pool),
      transactionOptions: SERVER_TRANSACTION_OPTIONS,
    });
    return {
      prisma,
      engine: "postgres",
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const release = config.dataDir && config.lock !== false ? lockDataDir(config.dataDir) : () => {};
  try {
    const pglite = config.dataDir ? new PGlite(config.dataDir, PGLITE_OPTIONS) : new PGlite();
    await pglite.waitReady;
    await applyMigrations(pgliteRunner(pglite), migrations, { advisoryLock: false });
    // The embedded engine has no autovacuum, so nothing else gathers the planner's statistics: without
    // them, paging a large project's claims by id took twice as long (bench:export). It samples a
    // bounded number of rows per table (PGLITE_ANALYZE); an in-memory database starts empty and skips it.
    if (config.dataDir) await pglite.exec(PGLITE_ANALYZE);
    const prisma = new PrismaClient({
      adapter: new PrismaPGlite(pglite),
      transactionOptions: PGLITE_TRANSACTION_OPTIONS,
    });
    return {
      prisma,
      engine: "pglite",
      async close() {
        await prisma.$disconnect();
        await pglite.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
