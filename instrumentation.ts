/**
 * Runs once when the server starts: opens the database (applying pending migrations) so a broken
 * database stops the start-up with a clear message, then prepares the demo project if wanted.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDb } = await import("./lib/db/client");
  try {
    await getDb();
  } catch (err) {
    console.error(`\n[attest] cannot open the database: ${err instanceof Error ? err.message : String(err)}\n`);
    throw err;
  }
  const { ensureDemo } = await import("./lib/demo/seed");
  await ensureDemo();
}
