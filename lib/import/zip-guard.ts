/**
 * The one walker of a ZIP archive's central directory, for every archive we open (a .docx on import,
 * a project backup on restore), run before anything is decompressed. It reads the End Of Central
 * Directory record, walks every central directory entry and rejects: too many entries, a total
 * declared uncompressed size over the limit, an entry compressed more than the allowed ratio, unsafe
 * names ("..", absolute paths, NUL), nested archives, symbolic links, duplicate names, encrypted
 * entries, unknown compression methods, ZIP64 and multi-disk archives, and entries that point outside
 * the file. A policy adds what the caller's kind of archive needs: required entries (a .docx must
 * contain word/document.xml), a closed list of allowed names, refusing backslashes.
 * The declared sizes can lie; every entry is held to its declared size while it inflates
 * (zip-entry-stream.ts, zip-verify.ts).
 */
import type { ImportLimits } from "./limits";
import type { ZipSource } from "./zip-source";

export type ZipEntryInfo = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

export type ZipGuardFailure = { code: "archive_too_large" | "malformed"; detail: string };
export type ZipGuardResult = { ok: true; entries: ZipEntryInfo[] } | ({ ok: false } & ZipGuardFailure);

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const CENTRAL_HEADER_SIZE = 46;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_UTF8_NAME = 0x0800;
const ZIP64_MARKER_32 = 0xffffffff;
const ZIP64_MARKER_16 = 0xffff;
/** Entries smaller than this are not ratio-checked: tiny runs of repeated XML compress absurdly well and harm nobody. */
const RATIO_CHECK_MIN_BYTES = 64 * 1024;
/** Archives that would be a second layer of expansion. Office files are ZIPs too. */
const NESTED_ARCHIVE = /\.(zip|docx|docm|dotx|xlsx|xlsm|pptx|pptm|odt|ods|odp|jar|7z|rar|gz|tgz|bz2|xz|zst|tar|cab)$/i;
/**
 * Word stores embedded charts and objects as Office files under word/embeddings/. They are never
 * opened here (only word/document.xml and docProps/core.xml are read) and their sizes still count, so they are allowed there.
 */
const OFFICE_EMBEDDING = /^word\/embeddings\/[^/]+\.(xlsx|xlsm|docx|docm|pptx|pptm)$/i;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const MADE_BY_UNIX = 3;

const fail = (code: ZipGuardFailure["code"], detail: string): ZipGuardResult => ({ ok: false, code, detail });

/** What one kind of archive must and may hold, and the limits it is held to. */
export type ZipPolicy = {
  maxEntries: number;
  maxExpandedBytes: number;
  maxCompressionRatio: number;
  /** Entries that must be present, each with the detail given when it is missing. */
  required: readonly { name: string; missing: string }[];
  /** When set, any other name is refused. */
  allowed?: ReadonlySet<string>;
  /** Refuse names with a backslash (a separator on Windows, never in an archive we write). */
  refuseBackslash?: boolean;
  /** The detail for an encrypted entry, in the archive's own terms. */
  encrypted: string;
  /** The detail for ZIP64, which no archive of this kind needs. */
  zip64: string;
};

function docxPolicy(limits: ImportLimits): ZipPolicy {
  return {
    maxEntries: limits.maxArchiveEntries,
    maxExpandedBytes: limits.maxExpandedBytes,
    maxCompressionRatio: limits.maxCompressionRatio,
    required: [{ name: "word/document.xml", missing: "this is not a Word document (word/document.xml is missing)." }],
    encrypted: "the document is password-protected.",
    zip64: "the archive uses ZIP64, which a Word document never needs.",
  };
}

/** The bytes at the end of an archive that can hold its End Of Central Directory record (and comment). */
const tailLength = (size: number) => Math.min(size, EOCD_SIZE + MAX_COMMENT);

type Directory = { total: number; cdOffset: number; cdSize: number };

function findEocd(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let i = last; i >= first; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE && i + EOCD_SIZE + view.getUint16(i + 20, true) <= view.byteLength) {
      return i;
    }
  }
  return -1;
}

/** Where the central directory lies, read from the archive's last `tail.byteLength` bytes. */
function locateDirectory(tail: Uint8Array, size: number, policy: ZipPolicy): Directory | ZipGuardResult {
  if (size < EOCD_SIZE) return fail("malformed", "the archive is truncated, or not a zip archive.");
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const at = findEocd(view);
  if (at < 0) return fail("malformed", "the archive is damaged, or not a zip archive (no central directory).");
  const eocd = size - tail.byteLength + at;
  if (view.getUint16(at + 4, true) !== 0 || view.getUint16(at + 6, true) !== 0) {
    return fail("malformed", "multi-part archives are not supported.");
  }
  const total = view.getUint16(at + 10, true);
  const cdSize = view.getUint32(at + 12, true);
  const cdOffset = view.getUint32(at + 16, true);
  if (total === ZIP64_MARKER_16 || cdSize === ZIP64_MARKER_32 || cdOffset === ZIP64_MARKER_32) return fail("malformed", policy.zip64);
  if (total > policy.maxEntries) {
    return fail("archive_too_large", `the archive has ${total} entries; the limit is ${policy.maxEntries}.`);
  }
  if (cdOffset + cdSize > eocd) return fail("malformed", "the archive's central directory is out of bounds.");
  // Each entry's header is at most 46 bytes plus three 16-bit lengths: a larger directory is not one.
  if (cdSize > total * (CENTRAL_HEADER_SIZE + 3 * 0xffff)) return fail("malformed", "the archive's central directory is damaged.");
  return { total, cdOffset, cdSize };
}

/** Every entry of the central directory `cd` (its bytes, nothing else), held to the policy. */
function walkDirectory(cd: Uint8Array, dir: Directory, policy: ZipPolicy): ZipGuardResult {
  const view = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
  const entries: ZipEntryInfo[] = [];
  const seen = new Set<string>();
  let expanded = 0;
  let p = 0;
  for (let n = 0; n < dir.total; n++) {
    if (p + CENTRAL_HEADER_SIZE > cd.byteLength || view.getUint32(p, true) !== CENTRAL_SIGNATURE) {
      return fail("malformed", "the archive's central directory is damaged.");
    }
    const madeBy = view.getUint16(p + 4, true);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const external = view.getUint32(p + 38, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    if (p + CENTRAL_HEADER_SIZE + nameLen > cd.byteLength) return fail("malformed", "the archive's central directory is damaged.");
    const rawName = cd.subarray(p + CENTRAL_HEADER_SIZE, p + CENTRAL_HEADER_SIZE + nameLen);
    const name = new TextDecoder(flags & FLAG_UTF8_NAME ? "utf-8" : "latin1").decode(rawName);
    p += CENTRAL_HEADER_SIZE + nameLen + extraLen + commentLen;

    const unsafe = policy.refuseBackslash && name.includes("\\") ? `a name with a backslash (${name})` : unsafeEntryName(name);
    if (unsafe) return fail("archive_too_large", `the archive contains ${unsafe}.`);
    if (madeBy >> 8 === MADE_BY_UNIX && ((external >>> 16) & S_IFMT) === S_IFLNK) {
      return fail("malformed", `the archive contains a symbolic link (${name}).`);
    }
    if (seen.has(name)) return fail("malformed", `the archive lists ${name} twice.`);
    seen.add(name);
    if (policy.allowed && !policy.allowed.has(name)) return fail("malformed", `the archive contains an unknown entry (${name}).`);
    if (flags & FLAG_ENCRYPTED) return fail("malformed", policy.encrypted);
    if (method !== METHOD_STORED && method !== METHOD_DEFLATE) {
      return fail("malformed", `the archive uses an unsupported compression method (${method}).`);
    }
    if (compressedSize === ZIP64_MARKER_32 || uncompressedSize === ZIP64_MARKER_32 || localHeaderOffset === ZIP64_MARKER_32) {
      return fail("malformed", policy.zip64);
    }
    if (localHeaderOffset + compressedSize > dir.cdOffset) return fail("malformed", `the entry ${name} is out of bounds.`);
    if (uncompressedSize > RATIO_CHECK_MIN_BYTES && uncompressedSize / Math.max(compressedSize, 1) > policy.maxCompressionRatio) {
      const ratio = Math.round(uncompressedSize / Math.max(compressedSize, 1));
      return fail("archive_too_large", `the entry ${name} is compressed ${ratio}:1 (limit ${policy.maxCompressionRatio}:1), which looks like a zip bomb.`);
    }
    expanded += uncompressedSize;
    if (expanded > policy.maxExpandedBytes) {
      const mb = Math.round(policy.maxExpandedBytes / (1024 * 1024));
      return fail("archive_too_large", `the archive would expand to more than ${mb} MB.`);
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
  }
  for (const r of policy.required) if (!seen.has(r.name)) return fail("malformed", r.missing);
  return { ok: true, entries };
}

/** Why a name is unsafe to hold in an archive we open, or null if it is fine. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes("\u0000")) return "a name with a NUL character";
  if (/^[\\/]/.test(name) || /^[a-zA-Z]:/.test(name)) return `an absolute path (${name})`;
  if (name.split(/[\\/]/).includes("..")) return `a path that leaves the archive (${name})`;
  if (NESTED_ARCHIVE.test(name) && !OFFICE_EMBEDDING.test(name)) return `a nested archive (${name})`;
  return null;
}

/** The archive's entries, read from `source` (its tail, then its central directory only). */
export async function listZipEntries(source: ZipSource, policy: ZipPolicy): Promise<ZipGuardResult> {
  const tailSize = tailLength(source.size);
  const dir = locateDirectory(await source.read(source.size - tailSize, tailSize), source.size, policy);
  if ("ok" in dir) return dir;
  return walkDirectory(await source.read(dir.cdOffset, dir.cdSize), dir, policy);
}

/** A .docx held in memory: the same walk, synchronous, under the import limits. */
export function guardZip(bytes: Uint8Array, limits: ImportLimits): ZipGuardResult {
  const policy = docxPolicy(limits);
  const dir = locateDirectory(bytes.subarray(bytes.byteLength - tailLength(bytes.byteLength)), bytes.byteLength, policy);
  if ("ok" in dir) return dir;
  return walkDirectory(bytes.subarray(dir.cdOffset, dir.cdOffset + dir.cdSize), dir, policy);
}
