/**
 * A zip archive written as a stream, so an export of any size leaves the server in chunks and
 * never sits whole in memory: each entry is read from an async source, deflated as it comes
 * (node:zlib, with the pipe's backpressure) and its CRC-32 and sizes counted on the way.
 *
 * Layout (APPNOTE 6.3): every local header sets general-purpose bit 3, so its CRC and sizes are
 * zero and a data descriptor after the entry's data gives them; bit 11 marks names as UTF-8. The
 * central directory at the end repeats each entry with its real CRC, sizes and offset, which is
 * what readers (unzip, jszip, our own zip guard) go by. What is kept in memory is that directory:
 * one small record per entry, not the data.
 *
 * Limits, stated rather than worked around: no ZIP64, so an entry must stay under 4 GiB both
 * before and after compression, the archive under 4 GiB in all and under 65,535 entries. Passing
 * one throws ZipLimitError before a wrong size or offset could be written (a truncated download,
 * never a corrupt archive that looks whole).
 */
import { Readable, Transform, pipeline } from "node:stream";
import { createDeflateRaw, crc32, constants } from "node:zlib";

export type ZipSource = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

export type ZipEntry = {
  /** Path inside the archive: relative, "/" between folders, no "." or ".." segments. */
  name: string;
  data: ZipSource;
  /** Written as the entry's DOS time; the archive's `modified` unless given. */
  modified?: Date;
};

export type ZipOptions = {
  /** The time stamped on entries; a fixed value makes the archive reproducible byte for byte. */
  modified?: Date;
  /** zlib level 0-9; 6 is zlib's own balance of speed and size. */
  level?: number;
};

export class ZipLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipLimitError";
  }
}

const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
/** Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8. */
const FLAGS = (1 << 3) | (1 << 11);
const METHOD_DEFLATE = 8;
/** 2.0: deflate and data descriptors. */
const VERSION_NEEDED = 20;
/** Made by Unix (3) with spec 2.0, so readers take the external attributes as Unix modes. */
const VERSION_MADE_BY = (3 << 8) | VERSION_NEEDED;
/** A regular file, rw-r--r--. */
const EXTERNAL_ATTRIBUTES = (0o100644 << 16) >>> 0;
const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;
const encoder = new TextEncoder();

type Written = { name: Uint8Array; time: number; date: number; crc: number; compressed: number; size: number; offset: number };

/** A name that is safe to unpack anywhere: relative, no parent segments, no backslashes or controls. */
function checkName(name: string): Uint8Array {
  const segments = name.split("/");
  const bad =
    name === "" || name.startsWith("/") || name.includes("\\") || /[\u0000-\u001f]/.test(name) ||
    segments.some((s) => s === "" || s === "." || s === "..");
  if (bad) throw new Error(`zip entry name not allowed: ${JSON.stringify(name)}`);
  const bytes = encoder.encode(name);
  if (bytes.length > 0xffff) throw new Error("zip entry name too long");
  return bytes;
}

/** DOS date and time (local fields, 2-second precision), read in UTC so the bytes do not depend on the server's zone. */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

function localHeader(e: Written): Uint8Array {
  const b = Buffer.alloc(30 + e.name.length);
  b.writeUInt32LE(LOCAL_SIGNATURE, 0);
  b.writeUInt16LE(VERSION_NEEDED, 4);
  b.writeUInt16LE(FLAGS, 6);
  b.writeUInt16LE(METHOD_DEFLATE, 8);
  b.writeUInt16LE(e.time, 10);
  b.writeUInt16LE(e.date, 12);
  // CRC, compressed and uncompressed sizes (14..25) stay zero: the data descriptor has them.
  b.writeUInt16LE(e.name.length, 26);
  b.writeUInt16LE(0, 28);
  b.set(e.name, 30);
  return b;
}

function dataDescriptor(e: Written): Uint8Array {
  const b = Buffer.alloc(16);
  b.writeUInt32LE(DESCRIPTOR_SIGNATURE, 0);
  b.writeUInt32LE(e.crc, 4);
  b.writeUInt32LE(e.compressed, 8);
  b.writeUInt32LE(e.size, 12);
  return b;
}

function centralHeader(e: Written): Uint8Array {
  const b = Buffer.alloc(46 + e.name.length);
  b.writeUInt32LE(CENTRAL_SIGNATURE, 0);
  b.writeUInt16LE(VERSION_MADE_BY, 4);
  b.writeUInt16LE(VERSION_NEEDED, 6);
  b.writeUInt16LE(FLAGS, 8);
  b.writeUInt16LE(METHOD_DEFLATE, 10);
  b.writeUInt16LE(e.time, 12);
  b.writeUInt16LE(e.date, 14);
  b.writeUInt32LE(e.crc, 16);
  b.writeUInt32LE(e.compressed, 20);
  b.writeUInt32LE(e.size, 24);
  b.writeUInt16LE(e.name.length, 28);
  // extra (30), comment (32), disk (34), internal attributes (36) stay zero.
  b.writeUInt32LE(EXTERNAL_ATTRIBUTES, 38);
  b.writeUInt32LE(e.offset, 42);
  b.set(e.name, 46);
  return b;
}

function endOfDirectory(count: number, size: number, offset: number): Uint8Array {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(END_SIGNATURE, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(size, 12);
  b.writeUInt32LE(offset, 16);
  return b;
}

function toBytes(chunk: string | Uint8Array): Uint8Array {
  return typeof chunk === "string" ? encoder.encode(chunk) : chunk;
}

async function* chunksOf(source: ZipSource): AsyncGenerator<Uint8Array> {
  if (typeof source === "string" || source instanceof Uint8Array) {
    yield toBytes(source);
    return;
  }
  for await (const chunk of source as AsyncIterable<string | Uint8Array>) {
    const bytes = toBytes(chunk);
    if (bytes.length > 0) yield bytes;
  }
}

/** One entry's data deflated, counting CRC and size of what goes in and the size of what comes out. */
async function* deflateEntry(source: ZipSource, e: Written, level: number): AsyncGenerator<Uint8Array> {
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      e.crc = crc32(chunk, e.crc);
      e.size += chunk.length;
      if (e.size > MAX_32) return done(new ZipLimitError(`the file ${new TextDecoder().decode(e.name)} passes 4 GiB, the limit of this zip writer`));
      done(null, chunk);
    },
  });
  const deflate = createDeflateRaw({ level, strategy: constants.Z_DEFAULT_STRATEGY });
  // pipeline forwards an error from any stage to the deflate stream read below, and tears the
  // source down (its generator's return) when the reader stops early.
  pipeline(Readable.from(chunksOf(source), { objectMode: false }), count, deflate, () => {});
  for await (const out of deflate as AsyncIterable<Buffer>) {
    e.compressed += out.length;
    if (e.compressed > MAX_32) throw new ZipLimitError("a compressed file passes 4 GiB, the limit of this zip writer");
    yield out;
  }
}

/**
 * The archive as byte chunks: each entry's local header, deflated data and data descriptor, then
 * the central directory. Entries are read one after another, each only when the consumer pulls.
 */
export async function* zipStream(entries: Iterable<ZipEntry> | AsyncIterable<ZipEntry>, options: ZipOptions = {}): AsyncGenerator<Uint8Array> {
  const stamp = options.modified ?? new Date();
  const level = options.level ?? 6;
  const written: Written[] = [];
  const names = new Set<string>();
  let offset = 0;
  const advance = (n: number) => {
    offset += n;
    if (offset > MAX_32) throw new ZipLimitError("the archive passes 4 GiB, the limit of this zip writer");
  };

  for await (const entry of entries) {
    if (names.has(entry.name)) throw new Error(`zip entry name used twice: ${JSON.stringify(entry.name)}`);
    if (written.length === MAX_ENTRIES) throw new ZipLimitError(`more than ${MAX_ENTRIES} files, the limit of this zip writer`);
    names.add(entry.name);
    const e: Written = { name: checkName(entry.name), ...dosDateTime(entry.modified ?? stamp), crc: 0, compressed: 0, size: 0, offset };
    written.push(e);
    const head = localHeader(e);
    advance(head.length);
    yield head;
    for await (const out of deflateEntry(entry.data, e, level)) {
      advance(out.length);
      yield out;
    }
    const tail = dataDescriptor(e);
    advance(tail.length);
    yield tail;
  }

  const directoryStart = offset;
  for (const e of written) {
    const head = centralHeader(e);
    advance(head.length);
    yield head;
  }
  yield endOfDirectory(written.length, offset - directoryStart, directoryStart);
}
