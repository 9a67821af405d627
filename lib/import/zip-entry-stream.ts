/**
 * Reads one archive entry (as listed by zip-guard.ts) as a stream of decompressed chunks, holding
 * the exact size its central directory declares as a hard cap: inflation stops the moment the
 * output would pass it, so a lying entry costs at most one chunk beyond its declared size and the
 * whole part is never held in memory. The guard has already bounded the sum of declared sizes
 * (maxExpandedBytes), so everything read from one archive is bounded by that sum.
 * Failures are ZipEntryError: `archive_too_large` when an entry inflates beyond its declared size,
 * `malformed` when it is damaged, shorter than declared, or not valid deflate data.
 */
import { createInflateRaw } from "node:zlib";
import type { ZipEntryInfo, ZipGuardFailure } from "./zip-guard";

const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const METHOD_STORED = 0;
/** Size of the decompressed chunks handed to the reader (and of the slices of a stored entry). */
const CHUNK_BYTES = 64 * 1024;

export class ZipEntryError extends Error {
  constructor(readonly failure: ZipGuardFailure) {
    super(failure.detail);
    this.name = "ZipEntryError";
  }
}

const damaged = (entry: ZipEntryInfo) => new ZipEntryError({ code: "malformed", detail: `the entry ${entry.name} is damaged.` });

/** The entry's compressed bytes, located through its local header (whose name/extra lengths may differ from the central one). */
function entryData(bytes: Uint8Array, entry: ZipEntryInfo): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_SIZE > bytes.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw damaged(entry);
  const start = at + LOCAL_HEADER_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw damaged(entry);
  return bytes.subarray(start, end);
}

/** Decompressed chunks of `entry`, in order; throws ZipEntryError unless it is exactly its declared size. */
export async function* readZipEntry(bytes: Uint8Array, entry: ZipEntryInfo): AsyncGenerator<Uint8Array> {
  const data = entryData(bytes, entry);
  if (entry.method === METHOD_STORED) {
    if (entry.compressedSize !== entry.uncompressedSize) throw damaged(entry);
    for (let at = 0; at < data.byteLength; at += CHUNK_BYTES) yield data.subarray(at, at + CHUNK_BYTES);
    return;
  }
  const inflate = createInflateRaw({ chunkSize: CHUNK_BYTES });
  inflate.end(data);
  let total = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.byteLength;
      if (total > entry.uncompressedSize) {
        throw new ZipEntryError({ code: "archive_too_large", detail: `the entry ${entry.name} expands beyond its declared size, which looks like a zip bomb.` });
      }
      yield chunk;
    }
  } catch (err) {
    if (err instanceof ZipEntryError) throw err;
    throw new ZipEntryError({ code: "malformed", detail: `the entry ${entry.name} cannot be decompressed.` });
  } finally {
    inflate.destroy();
  }
  if (total !== entry.uncompressedSize) throw damaged(entry);
}
