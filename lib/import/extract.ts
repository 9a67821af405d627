/**
 * The one entry point for reading an upload: checks, in this order, size (before any parsing),
 * that the extension names a supported type, that the content matches the extension, then
 * extracts text and metadata with the reader for that type.
 * PDF and Word files are read in a worker thread (worker/run-in-worker.ts), so a file built to exhaust
 * memory or time fails alone; every format's text is held to limits.maxTextChars.
 * Invariants: never throws or rejects for any input; a failure is `{ ok: false, error }` whose
 * message starts with the file's name; .txt bytes come back untouched (the caller decodes them);
 * metadata is always cleaned (see metadata.ts).
 */
import { decodeBytes } from "@/lib/core/text";

/** Byte -> string decoding for Markdown and HTML. */
export type Decode = (bytes: Uint8Array) => string;
import { formatSize, ImportError, importError, type ImportErrorInfo } from "./errors";
import { resolveLimits, type ImportLimits } from "./limits";
import { cleanMetadata, titleFromFileName, type ExtractedMetadata, type RawMetadata } from "./metadata";
import { formatFromFileName, sniffFormat, type FileFormat, type SniffedFormat } from "./sniff";
import { extractHtml } from "./formats/html";
import { extractMarkdown } from "./formats/markdown";
import { checkTextLength } from "./text-limit";
import { extractInWorker } from "./worker/run-in-worker";

export type ExtractInput = {
  name: string;
  bytes: Uint8Array;
  /** Byte -> string decoding for Markdown and HTML; defaults to lib/core/text's decoder (BOM, strict UTF-8, detection). */
  decode?: Decode;
};

export type ExtractResult =
  | {
      ok: true;
      format: FileFormat;
      text?: string;
      bytes?: Uint8Array;
      metadata: ExtractedMetadata;
      notes: string[];
      /** How the text was obtained, for the import report ("text layer of a 12-page PDF"); absent for .txt, whose bytes are the text. */
      obtained?: string;
    }
  | { ok: false; error: ImportErrorInfo };

const CLAIMED: Record<FileFormat, string> = {
  txt: "a text file",
  md: "a Markdown file",
  html: "a web page (HTML)",
  pdf: "a PDF",
  docx: "a Word document",
};
const ACTUAL: Record<SniffedFormat, string> = {
  pdf: "a PDF",
  zip: "a ZIP archive",
  html: "HTML",
  text: "plain text",
  binary: "binary data, not text",
};
/** What content each claimed type accepts. A .txt or .md holding HTML is still read as written. */
const ACCEPTS: Record<FileFormat, SniffedFormat[]> = {
  txt: ["text", "html"],
  md: ["text", "html"],
  html: ["text", "html"],
  pdf: ["pdf"],
  docx: ["zip"],
};

/** Bytes that are white space in any of the encodings read here (NUL: the other half of UTF-16). */
const BLANK_BYTES = new Set([0x00, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0]);

/** True when the bytes hold nothing but white space and byte-order marks (stops at the first other byte). */
function blankBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf) i += 2;
    else if ((b === 0xff && bytes[i + 1] === 0xfe) || (b === 0xfe && bytes[i + 1] === 0xff)) i += 1;
    else if (!BLANK_BYTES.has(b)) return false;
  }
  return true;
}

/**
 * OLE compound files (magic D0 CF 11 E0 A1 B1 1A E1) are what Word writes for an encrypted .docx
 * and for legacy .doc; worth telling apart from random binary data, because the fix is different.
 */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const isOleContainer = (bytes: Uint8Array) => OLE_MAGIC.every((b, i) => bytes[i] === b);

type Extracted = { text?: string; bytes?: Uint8Array; raw: RawMetadata; notes: string[]; obtained?: string };

/** How each reader obtains its text, for the import report. */
export function obtainedText(format: Exclude<FileFormat, "txt">, pages = 0): string {
  switch (format) {
    case "md":
      return "text of a Markdown file (formatting removed)";
    case "html":
      return "main text of a web page (HTML)";
    case "pdf":
      return `text layer of a ${pages}-page PDF`;
    case "docx":
      return "Word document body text";
  }
}

async function extractByFormat(format: FileFormat, input: ExtractInput, limits: ImportLimits): Promise<Extracted> {
  const { name, bytes } = input;
  switch (format) {
    case "txt":
      return { bytes, raw: { title: titleFromFileName(name) }, notes: [] };
    case "md":
    case "html": {
      let source: string;
      try {
        source = input.decode ? input.decode(bytes) : decodeBytes(bytes).text;
      } catch {
        throw importError("malformed", name, "the text could not be decoded.");
      }
      const result = format === "md" ? extractMarkdown(source) : extractHtml(source);
      if (!result.text.trim()) throw importError("empty", name, "the file contains no readable text.");
      checkTextLength(result.text, name, limits);
      return { ...result, obtained: obtainedText(format) };
    }
    // PDF and Word readers run in a worker thread with their own memory and time limits.
    case "pdf": {
      const { pages, ...result } = await extractInWorker("pdf", name, bytes, limits);
      return { ...result, obtained: obtainedText(format, pages) };
    }
    case "docx": {
      const { text, raw, notes } = await extractInWorker("docx", name, bytes, limits);
      return { text, raw, notes, obtained: obtainedText(format) };
    }
  }
}

async function run(input: ExtractInput, partialLimits: Partial<ImportLimits> | undefined): Promise<ExtractResult> {
  const limits = resolveLimits(partialLimits);
  const name = typeof input?.name === "string" ? input.name : "";
  if (!(input?.bytes instanceof Uint8Array)) throw importError("malformed", name, "no file content was received.");
  const { bytes } = input;
  if (bytes.byteLength > limits.maxFileBytes) {
    throw importError("too_large", name, `the file is ${formatSize(bytes.byteLength)}; the limit is ${formatSize(limits.maxFileBytes)}.`);
  }
  const format = formatFromFileName(name);
  if (!format) throw importError("unsupported_type", name, "this file type is not supported. Upload a .txt, .md, .html, .pdf or .docx file.");
  if (bytes.byteLength === 0) throw importError("empty", name, "the file is empty.");
  const sniffed = sniffFormat(bytes);
  if (format === "docx" && isOleContainer(bytes)) {
    throw importError("malformed", name, "this is a password-protected Word document or an old .doc file. Save it as .docx without a password and upload it again.");
  }
  if (!ACCEPTS[format].includes(sniffed)) {
    throw importError("content_mismatch", name, `the file says it is ${CLAIMED[format]} but its content is ${ACTUAL[sniffed]}.`);
  }
  if ((sniffed === "text" || sniffed === "html") && blankBytes(bytes)) throw importError("empty", name, "the file is empty.");
  const { text, bytes: outBytes, raw, notes, obtained } = await extractByFormat(format, { ...input, name }, limits);
  const result: ExtractResult = { ok: true, format, metadata: cleanMetadata(raw), notes };
  if (obtained !== undefined) result.obtained = obtained;
  if (text !== undefined) result.text = text;
  if (outBytes !== undefined) result.bytes = outBytes;
  return result;
}

export async function extractFile(input: ExtractInput, limits?: Partial<ImportLimits>): Promise<ExtractResult> {
  try {
    return await run(input, limits);
  } catch (err) {
    if (err instanceof ImportError) return { ok: false, error: err.toInfo() };
    // Anything else is a parser failing on content it did not expect: report it as unreadable, never crash the caller.
    const name = typeof input?.name === "string" ? input.name : "";
    return { ok: false, error: importError("malformed", name, "the file could not be read.").toInfo() };
  }
}
