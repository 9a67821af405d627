/**
 * Where an archive's bytes are read from, by offset: an array already in memory, or a file on disk
 * (a restore's upload, streamed there first), so an archive of any size is read a piece at a time.
 */
import type { FileHandle } from "node:fs/promises";

export interface ZipSource {
  readonly size: number;
  /** Exactly `length` bytes from `offset`; a range past the end is an error. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

function checkRange(size: number, offset: number, length: number): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > size) {
    throw new RangeError(`read of ${length} bytes at ${offset} is outside the archive (${size} bytes)`);
  }
}

/** Bytes in memory; reads are views, never copies. */
export function bytesSource(bytes: Uint8Array): ZipSource {
  return {
    size: bytes.byteLength,
    async read(offset, length) {
      checkRange(bytes.byteLength, offset, length);
      return bytes.subarray(offset, offset + length);
    },
  };
}

/** An open file of `size` bytes; the caller closes the handle. */
export function fileSource(handle: FileHandle, size: number): ZipSource {
  return {
    size,
    async read(offset, length) {
      checkRange(size, offset, length);
      const out = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(out, done, length - done, offset + done);
        if (bytesRead === 0) throw new RangeError("the archive file ended early");
        done += bytesRead;
      }
      return out;
    },
  };
}
