/**
 * Tells what an upload really is from its first bytes, and what its name claims it is.
 * sniffFormat never decodes more than the first SNIFF_WINDOW bytes, so it is cheap on any input.
 */
import { sniffUtf16 } from "@/lib/core/text";

export type SniffedFormat = "pdf" | "zip" | "html" | "text" | "binary";
export type FileFormat = "txt" | "md" | "html" | "pdf" | "docx";

/** How much of the file the content checks look at. */
const SNIFF_WINDOW = 8192;
/**
 * Share of control bytes (NUL included; tab/newline/CR/FF/ESC excluded) above which a file is not text.
 * The content is judged as a whole: a text file with a stray NUL or two is still text (the canonical
 * policy removes those controls and reports them), while real binary data is full of them.
 */
const MAX_CONTROL_SHARE = 0.1;
/** Characters after the BOM and leading whitespace that must start an HTML document. */
const HTML_STARTS = ["<!doctype html", "<html"];

const startsWith = (bytes: Uint8Array, prefix: number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04", a local file header
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

function looksLikeHtml(start: string): boolean {
  const head = start.replace(/^\uFEFF/, "").trimStart().slice(0, 32).toLowerCase();
  return HTML_STARTS.some((p) => head.startsWith(p) && /^[\s>]?$/.test(head.charAt(p.length) || ""));
}

function isBinary(window: Uint8Array): boolean {
  let controls = 0;
  for (const b of window) {
    // Tab, LF, VT, FF, CR and ESC appear in real text files (ESC in old terminal logs).
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) {
      controls++;
    }
  }
  return window.length > 0 && controls / window.length > MAX_CONTROL_SHARE;
}

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (startsWith(bytes, PDF_MAGIC)) return "pdf";
  if (startsWith(bytes, ZIP_MAGIC)) return "zip";
  const window = bytes.subarray(0, SNIFF_WINDOW);
  // UTF-16 text is full of NUL bytes; with a BOM, or recognised as the decoder does without one, it is text.
  const bom = startsWith(window, UTF16LE_BOM) ? "utf-16le" : startsWith(window, UTF16BE_BOM) ? "utf-16be" : null;
  const utf16 = bom ?? sniffUtf16(window);
  if (utf16) {
    const head = new TextDecoder(utf16).decode(window.subarray(bom ? 2 : 0, 256));
    return looksLikeHtml(head) ? "html" : "text";
  }
  if (isBinary(window)) return "binary";
  const start = startsWith(window, UTF8_BOM) ? window.subarray(3, 256) : window.subarray(0, 256);
  return looksLikeHtml(new TextDecoder("latin1").decode(start)) ? "html" : "text";
}

const EXTENSIONS: Record<string, FileFormat> = {
  txt: "txt",
  text: "txt",
  md: "md",
  markdown: "md",
  html: "html",
  htm: "html",
  pdf: "pdf",
  docx: "docx",
};

/** The format a file name claims by its extension (case-insensitive), or null if it is not one we read. */
export function formatFromFileName(name: string): FileFormat | null {
  const base = name.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  if (dot <= 0 || dot === base.length - 1) return null; // ".md" alone is a hidden file, not a Markdown one
  return EXTENSIONS[base.slice(dot + 1).trim().toLowerCase()] ?? null;
}
