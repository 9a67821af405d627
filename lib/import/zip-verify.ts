/**
 * Confirms that every entry the zip guard accepted really is the size its central directory
 * declares, by inflating it with an output cap of exactly that size. A crafted archive can
 * declare 1 KB and expand to gigabytes; JSZip (used by mammoth) trusts the declared sizes, so
 * this check must pass before the archive is handed to it. Memory use is bounded by the largest
 * declared entry, which the guard has already bounded; inflation runs on libuv's thread pool.
 */
import { inflateRaw } from "node:zlib";
import { promisify } from "node:util";
import type { ZipEntryInfo, ZipGuardFailure } from "./zip-guard";

const inflateRawAsync = promisify(inflateRaw);
const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;

/** The entry's compressed bytes, located through its local header (whose name/extra lengths may differ from the central one). */
function entryData(bytes: Uint8Array, view: DataView, entry: ZipEntryInfo): Uint8Array | null {
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_SIZE > bytes.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE) return null;
  const start = at + LOCAL_HEADER_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  return end <= bytes.byteLength ? bytes.subarray(start, end) : null;
}

async function inflatedSize(data: Uint8Array, cap: number): Promise<number | "over"> {
  try {
    // maxOutputLength must be at least 1; an entry declared empty may inflate to 0 bytes under that cap.
    const out = await inflateRawAsync(data, { maxOutputLength: Math.max(cap, 1) });
    return out.byteLength;
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return "over";
    throw err;
  }
}

export async function verifyZipSizes(bytes: Uint8Array, entries: ZipEntryInfo[]): Promise<ZipGuardFailure | null> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of entries) {
    const data = entryData(bytes, view, entry);
    if (!data) return { code: "malformed", detail: `the entry ${entry.name} is damaged.` };
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) return { code: "malformed", detail: `the entry ${entry.name} is damaged.` };
      continue;
    }
    let size: number | "over";
    try {
      size = await inflatedSize(data, entry.uncompressedSize);
    } catch {
      return { code: "malformed", detail: `the entry ${entry.name} cannot be decompressed.` };
    }
    if (size === "over") {
      return { code: "archive_too_large", detail: `the entry ${entry.name} expands beyond its declared size, which looks like a zip bomb.` };
    }
    if (size !== entry.uncompressedSize) return { code: "malformed", detail: `the entry ${entry.name} is damaged.` };
  }
  return null;
}
