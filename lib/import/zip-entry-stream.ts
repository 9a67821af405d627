/**
 * Reads one archive entry (as listed by zip-guard.ts) as a stream of decompressed chunks, holding
 * the exact size its central directory declares as a hard cap: inflation stops the moment the
 * output would pass it, so a lying entry costs at most one chunk beyond its declared size and the
 * whole part is never held in memory. The guard has already bounded the sum of declared sizes
 * (maxExpandedBytes), so everything read from one archive is bounded by that sum. The archive is
 * bytes in memory or any ZipSource (a file read by offset), and its compressed data is read a chunk
 * at a time too.
 * Failures are ZipEntryError: `archive_too_large` when an entry inflates beyond its declared size,
 * `malformed` when it is damaged, shorter than declared, or not valid deflate data.
 */
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import type { ZipEntryInfo, ZipGuardFailure } from "./zip-guard";
import { bytesSource, type ZipSource } from "./zip-source";

const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const METHOD_STORED = 0;
/** Size of the decompressed chunks handed to the reader (and of the compressed slices read). */
const CHUNK_BYTES = 64 * 1024;

export class ZipEntryError extends Error {
  constructor(readonly failure: ZipGuardFailure) {
    super(failure.detail);
    this.name = "ZipEntryError";
  }
}

const damaged = (entry: ZipEntryInfo) => new ZipEntryError({ code: "malformed", detail: `the entry ${entry.name} is damaged.` });

/** Where the entry's compressed bytes start, located through its local header (whose name/extra lengths may differ from the central one). */
async function dataStart(source: ZipSource, entry: ZipEntryInfo): Promise<number> {
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_SIZE > source.size) throw damaged(entry);
  const header = await source.read(at, LOCAL_HEADER_SIZE);
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (view.getUint32(0, true) !== LOCAL_SIGNATURE) throw damaged(entry);
  const start = at + LOCAL_HEADER_SIZE + view.getUint16(26, true) + view.getUint16(28, true);
  if (start + entry.compressedSize > source.size) throw damaged(entry);
  return start;
}

async function* compressed(source: ZipSource, start: number, length: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < length; at += CHUNK_BYTES) yield await source.read(start + at, Math.min(CHUNK_BYTES, length - at));
}

/** Decompressed chunks of `entry`, in order; throws ZipEntryError unless it is exactly its declared size. */
export async function* readZipEntry(archive: Uint8Array | ZipSource, entry: ZipEntryInfo): AsyncGenerator<Uint8Array> {
  const source = archive instanceof Uint8Array ? bytesSource(archive) : archive;
  const start = await dataStart(source, entry);
  if (entry.method === METHOD_STORED) {
    if (entry.compressedSize !== entry.uncompressedSize) throw damaged(entry);
    yield* compressed(source, start, entry.compressedSize);
    return;
  }
  const input = Readable.from(compressed(source, start, entry.compressedSize), { objectMode: false });
  const inflate = createInflateRaw({ chunkSize: CHUNK_BYTES });
  input.on("error", (err) => inflate.destroy(err));
  input.pipe(inflate);
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
    input.destroy();
    inflate.destroy();
  }
  if (total !== entry.uncompressedSize) throw damaged(entry);
}
