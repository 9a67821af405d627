/**
 * Real databases for integration tests: a fresh in-memory PGlite, or a scratch database on the
 * PostgreSQL server named by TEST_DATABASE_URL (created here, dropped on close).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type OpenDatabase } from "@/lib/db/engine";
import { setDatabaseForTests } from "@/lib/db/client";

export type TestEngine = "pglite" | "postgres";

/** The engines this run covers: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): TestEngine[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export async function createTestDatabase(engine: TestEngine): Promise<OpenDatabase> {
  if (engine === "pglite") return openDatabase({ engine: "pglite", dataDir: null });
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `attest_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ engine: "postgres", url: url.toString() });
  return {
    ...db,
    async close() {
      await db.close();
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      // Connections may take a moment to finish closing; drop politely first, force only at the end.
      for (let attempt = 0; ; attempt++) {
        try {
          await again.query(`DROP DATABASE IF EXISTS ${name}${attempt >= 30 ? " WITH (FORCE)" : ""}`);
          break;
        } catch (err) {
          if (attempt >= 30) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await again.end();
    },
  };
}

/** Opens a test database and installs it as the app's database for this test file. */
export async function useTestDatabase(engine: TestEngine): Promise<OpenDatabase> {
  const db = await createTestDatabase(engine);
  setDatabaseForTests(db);
  return db;
}
