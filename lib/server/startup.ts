/**
 * Server start-up (Node runtime only): open the database, which applies pending migrations, and stop
 * the process with a clear message if that fails (a half-migrated or locked database must not serve);
 * then prepare the demo project if wanted.
 */
import { getDb } from "@/lib/db/client";
import { ensureDemo } from "@/lib/demo/seed";

export async function startServer(): Promise<void> {
  try {
    await getDb();
  } catch (err) {
    console.error(`\n[attest] cannot open the database: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
  try {
    await ensureDemo();
  } catch (err) {
    console.error(`\n[attest] the demo project could not be prepared: ${err instanceof Error ? err.message : String(err)}\n`);
  }
}
