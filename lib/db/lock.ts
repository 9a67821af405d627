/**
 * An exclusive lock on the embedded database's data directory. PGlite has no locking of its own and
 * two processes on one directory silently lose data, so the second process must refuse to start.
 * The lock file holds the owner's pid; a lock whose pid is no longer alive is stale and taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync, mkdirSync } from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock or throws DataDirLockedError; returns a function that releases it. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "attest.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(file, "utf8").trim() === String(process.pid)) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number.parseInt(readFileSync(file, "utf8").trim(), 10);
      if (owner === process.pid) return () => {};
      if (Number.isFinite(owner) && owner > 0 && isAlive(owner)) {
        throw new DataDirLockedError(
          `The embedded database in ${dir} is in use by another Attest process (pid ${owner}). ` +
            `Stop that process, or set DATABASE_URL to run several instances on one PostgreSQL server.`,
        );
      }
      unlinkSync(file); // stale: its owner is gone
    }
  }
  throw new DataDirLockedError(`Could not lock ${dir}.`);
}
