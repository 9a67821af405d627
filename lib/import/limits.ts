/**
 * Resource limits for extracting uploaded files. Every limit is checked before or during the work it
 * bounds (file size before parsing, archive sizes before decompressing, decompressed bytes and text
 * length while streaming), and PDF and Word files are read in a worker thread with its own memory
 * and time budget, so a hostile upload costs at most what these numbers allow and fails alone.
 */
export type ImportLimits = {
  /** Largest upload accepted, in bytes, checked before any parsing. */
  maxFileBytes: number;
  /** Largest total uncompressed size of an archive's entries (a .docx is a ZIP archive). */
  maxExpandedBytes: number;
  /** Most entries an archive may list. */
  maxArchiveEntries: number;
  /** Largest uncompressed:compressed ratio of one archive entry; deflate bombs run near 1000:1. */
  maxCompressionRatio: number;
  /** Wall-clock budget for reading a PDF, in milliseconds. */
  pdfTimeoutMs: number;
  /** Most pages a PDF may have. */
  maxPdfPages: number;
  /** Most characters (code points) of text one document may have, whatever its format. */
  maxTextChars: number;
  /** Wall-clock budget of the extraction worker (PDF, Word), in milliseconds; it is stopped after it. */
  workerTimeoutMs: number;
  /** Heap budget of the extraction worker, in mebibytes; a file needing more fails alone. */
  workerMemoryMb: number;
};

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxFileBytes: 20 * MB,
  maxExpandedBytes: 200 * MB,
  maxArchiveEntries: 2000,
  // Real Word parts compress 5-20:1; 200:1 leaves room for very repetitive XML and still stops bombs.
  maxCompressionRatio: 200,
  pdfTimeoutMs: 30_000,
  // A 1000-page text PDF extracts in a few seconds; more than that is rarely a single source document.
  maxPdfPages: 1000,
  // Five million characters is about 2,000 pages of dense prose: more than any one report, and a
  // document page that still opens (the page carries the whole text).
  maxTextChars: 5_000_000,
  // Past the PDF budget, so a slow PDF gets its own clearer message first.
  workerTimeoutMs: 45_000,
  // The text cap (5M characters is ~10 MB as UTF-16, a few times that while parsing) plus pdf.js and
  // the 20 MB upload with room to spare; far below what would threaten the server.
  workerMemoryMb: 512,
});

/** Upper bound for ATTEST_MAX_UPLOAD_MB: the whole upload is held in memory, several times over while parsing. */
const MAX_CONFIGURABLE_UPLOAD_MB = 1024;

/** Upper bound for ATTEST_MAX_TEXT_CHARS: the page carries the whole text, and the worker holds it several times. */
const MAX_CONFIGURABLE_TEXT_CHARS = 50_000_000;

/** A positive decimal number from the environment, or null when missing, malformed or out of (0, max]. */
function positiveSetting(raw: string | undefined, max: number): number | null {
  const value = raw?.trim();
  if (!value || !/^\d+(\.\d+)?$/.test(value)) return null;
  const n = Number(value);
  return n > 0 && n <= max ? n : null;
}

/**
 * Limits with the settings applied: `ATTEST_MAX_UPLOAD_MB` (a positive number of mebibytes, decimals
 * allowed) to maxFileBytes, `ATTEST_MAX_TEXT_CHARS` (a positive whole number) to maxTextChars.
 * A missing, empty, non-numeric, non-positive or absurdly large value keeps the default.
 */
export function limitsFromEnv(env: Record<string, string | undefined>): ImportLimits {
  const limits: ImportLimits = { ...DEFAULT_LIMITS };
  const mb = positiveSetting(env.ATTEST_MAX_UPLOAD_MB, MAX_CONFIGURABLE_UPLOAD_MB);
  if (mb !== null) limits.maxFileBytes = Math.floor(mb * MB);
  const chars = positiveSetting(env.ATTEST_MAX_TEXT_CHARS, MAX_CONFIGURABLE_TEXT_CHARS);
  if (chars !== null && Number.isInteger(chars)) limits.maxTextChars = chars;
  return limits;
}

/** Fills the limits a caller did not give from the defaults. */
export function resolveLimits(partial?: Partial<ImportLimits>): ImportLimits {
  const out: ImportLimits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(out) as (keyof ImportLimits)[]) {
    const v = partial?.[key];
    if (typeof v === "number" && Number.isFinite(v) && v > 0) out[key] = v;
  }
  return out;
}
