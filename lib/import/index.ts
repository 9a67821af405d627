/**
 * Reading uploaded files (.txt, .md, .html, .pdf, .docx) into text and metadata, on the server.
 * Node-only (pdf.js, htmlparser2, zlib, worker threads); framework-free. Decoding .txt bytes is the caller's job
 * (lib/core/text); Markdown and HTML are decoded with the same decoder (or one the caller passes).
 */
export { extractFile, type Decode, type ExtractInput, type ExtractResult } from "./extract";
export { DEFAULT_LIMITS, limitsFromEnv, resolveLimits, type ImportLimits } from "./limits";
export { ImportError, type ImportErrorCode, type ImportErrorInfo } from "./errors";
export { sniffFormat, formatFromFileName, type FileFormat, type SniffedFormat } from "./sniff";
export { cleanMetadata, titleFromFileName, type ExtractedMetadata } from "./metadata";
export { guardZip, type ZipEntryInfo, type ZipGuardResult } from "./zip-guard";
export { sanitizeFileName, sanitizeLabel, MAX_FILE_NAME_LENGTH } from "./file-name";
export { textLengthProblem } from "./text-limit";
