/**
 * Confirms that every entry the zip guard accepted really is the size its central directory
 * declares, by streaming it through readZipEntry (which stops at the declared size) and discarding
 * the output. A crafted archive can declare 1 KB and expand to gigabytes; this check costs CPU time
 * proportional to the declared sizes (already bounded by the guard) and memory of one chunk.
 * Entries the caller reads itself (through readZipEntry, with the same checks) can be skipped.
 */
import type { ZipEntryInfo, ZipGuardFailure } from "./zip-guard";
import { readZipEntry, ZipEntryError } from "./zip-entry-stream";

export async function verifyZipSizes(bytes: Uint8Array, entries: ZipEntryInfo[], skip: ReadonlySet<string> = new Set()): Promise<ZipGuardFailure | null> {
  for (const entry of entries) {
    if (skip.has(entry.name)) continue;
    try {
      for await (const chunk of readZipEntry(bytes, entry)) void chunk;
    } catch (err) {
      if (err instanceof ZipEntryError) return err.failure;
      throw err;
    }
  }
  return null;
}
