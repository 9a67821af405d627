/**
 * Checks a ZIP archive (a .docx) from its central directory alone, before anything is decompressed.
 * It reads the End Of Central Directory record, walks every central directory entry and rejects:
 * too many entries, a total declared uncompressed size over the limit, an entry compressed more
 * than the allowed ratio, unsafe names ("..", absolute paths, NUL), nested archives, duplicate
 * names, encrypted entries, unknown compression methods, ZIP64 and multi-disk archives, and
 * entries that point outside the file. A .docx must also contain word/document.xml.
 * The declared sizes can lie; every entry is held to its declared size while it inflates
 * (zip-entry-stream.ts, zip-verify.ts).
 */
import type { ImportLimits } from "./limits";

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
const REQUIRED_PART = "word/document.xml";

const fail = (code: ZipGuardFailure["code"], detail: string): ZipGuardResult => ({ ok: false, code, detail });

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

/** Why a name is unsafe to hold in an archive we open, or null if it is fine. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes("\u0000")) return "a name with a NUL character";
  if (/^[\\/]/.test(name) || /^[a-zA-Z]:/.test(name)) return `an absolute path (${name})`;
  if (name.split(/[\\/]/).includes("..")) return `a path that leaves the archive (${name})`;
  if (NESTED_ARCHIVE.test(name) && !OFFICE_EMBEDDING.test(name)) return `a nested archive (${name})`;
  return null;
}

export function guardZip(bytes: Uint8Array, limits: ImportLimits): ZipGuardResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < EOCD_SIZE) return fail("malformed", "the archive is truncated.");
  const eocd = findEocd(view);
  if (eocd < 0) return fail("malformed", "the archive is damaged (no central directory).");
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) {
    return fail("malformed", "multi-part archives are not supported.");
  }
  const total = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (total === ZIP64_MARKER_16 || cdSize === ZIP64_MARKER_32 || cdOffset === ZIP64_MARKER_32) {
    return fail("malformed", "the archive uses ZIP64, which a Word document never needs.");
  }
  if (total > limits.maxArchiveEntries) {
    return fail("archive_too_large", `the archive has ${total} entries; the limit is ${limits.maxArchiveEntries}.`);
  }
  if (cdOffset + cdSize > eocd) return fail("malformed", "the archive's central directory is out of bounds.");

  const entries: ZipEntryInfo[] = [];
  const seen = new Set<string>();
  let expanded = 0;
  let p = cdOffset;
  for (let n = 0; n < total; n++) {
    if (p + CENTRAL_HEADER_SIZE > eocd || view.getUint32(p, true) !== CENTRAL_SIGNATURE) {
      return fail("malformed", "the archive's central directory is damaged.");
    }
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    if (p + CENTRAL_HEADER_SIZE + nameLen > eocd) return fail("malformed", "the archive's central directory is damaged.");
    const rawName = bytes.subarray(p + CENTRAL_HEADER_SIZE, p + CENTRAL_HEADER_SIZE + nameLen);
    const name = new TextDecoder(flags & FLAG_UTF8_NAME ? "utf-8" : "latin1").decode(rawName);
    p += CENTRAL_HEADER_SIZE + nameLen + extraLen + commentLen;

    const unsafe = unsafeEntryName(name);
    if (unsafe) return fail("archive_too_large", `the archive contains ${unsafe}.`);
    if (seen.has(name)) return fail("malformed", `the archive lists ${name} twice.`);
    seen.add(name);
    if (flags & FLAG_ENCRYPTED) return fail("malformed", "the document is password-protected.");
    if (method !== METHOD_STORED && method !== METHOD_DEFLATE) {
      return fail("malformed", `the archive uses an unsupported compression method (${method}).`);
    }
    if (compressedSize === ZIP64_MARKER_32 || uncompressedSize === ZIP64_MARKER_32 || localHeaderOffset === ZIP64_MARKER_32) {
      return fail("malformed", "the archive uses ZIP64, which a Word document never needs.");
    }
    if (localHeaderOffset + compressedSize > cdOffset) return fail("malformed", `the entry ${name} is out of bounds.`);
    if (uncompressedSize > RATIO_CHECK_MIN_BYTES && uncompressedSize / Math.max(compressedSize, 1) > limits.maxCompressionRatio) {
      const ratio = Math.round(uncompressedSize / Math.max(compressedSize, 1));
      return fail("archive_too_large", `the entry ${name} is compressed ${ratio}:1 (limit ${limits.maxCompressionRatio}:1), which looks like a zip bomb.`);
    }
    expanded += uncompressedSize;
    if (expanded > limits.maxExpandedBytes) {
      const mb = Math.round(limits.maxExpandedBytes / (1024 * 1024));
      return fail("archive_too_large", `the archive would expand to more than ${mb} MB.`);
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
  }
  if (!seen.has(REQUIRED_PART)) return fail("malformed", "this is not a Word document (word/document.xml is missing).");
  return { ok: true, entries };
}
