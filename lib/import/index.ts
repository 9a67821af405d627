/**
 * Reading uploaded files (.txt, .md, .html, .pdf, .docx) into text and metadata, on the server.
 * Node-only (pdf.js, htmlparser2, zlib, worker threads); framework-free. Decoding .txt bytes is the caller's job
 * (lib/core/text); Markdown and HTML are decoded with the same decoder (or one the caller passes).
 */
export { extractFile, type ExtractResult } from "./extract";
export { limitsFromEnv } from "./limits";
export { sniffFormat } from "./sniff";
export { titleFromFileName, type ExtractedMetadata } from "./metadata";
export { sanitizeFileName, sanitizeLabel, MAX_FILE_NAME_LENGTH } from "./file-name";
export { textLengthProblem } from "./text-limit";
