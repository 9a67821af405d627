/**
 * Resource limits for extracting uploaded files. Every limit is checked before the work it bounds
 * (file size before parsing, archive sizes before decompressing), so a hostile upload costs at most
 * what these numbers allow.
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
});

/** Upper bound for ATTEST_MAX_UPLOAD_MB: the whole upload is held in memory, several times over while parsing. */
const MAX_CONFIGURABLE_UPLOAD_MB = 1024;

/**
 * Limits with `ATTEST_MAX_UPLOAD_MB` (a positive number of mebibytes, decimals allowed) applied to
 * maxFileBytes. A missing, empty, non-numeric, non-positive or absurdly large value keeps the default.
 */
export function limitsFromEnv(env: Record<string, string | undefined>): ImportLimits {
  const limits: ImportLimits = { ...DEFAULT_LIMITS };
  const raw = env.ATTEST_MAX_UPLOAD_MB?.trim();
  if (raw && /^\d+(\.\d+)?$/.test(raw)) {
    const mb = Number(raw);
    if (mb > 0 && mb <= MAX_CONFIGURABLE_UPLOAD_MB) limits.maxFileBytes = Math.floor(mb * MB);
  }
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
