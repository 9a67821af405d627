/**
 * The fallback byte -> string decoder for Markdown and HTML when the caller gives none.
 * The real one (encoding detection, mojibake repair) lives in lib/core/text and is passed in by
 * the caller; this one only has to be correct for UTF-8 and UTF-16 with a BOM, and lossless
 * (never throwing) for everything else, which it reads as ISO-8859-1: every byte becomes the code
 * point of the same value, so nothing is lost and the caller's repair step can still see the bytes.
 */
import { Buffer } from "node:buffer";

export type Decode = (bytes: Uint8Array) => string;

export const defaultDecode: Decode = (bytes) => {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    // ignoreBOM: false (the default) strips a leading UTF-8 BOM; fatal makes invalid UTF-8 throw.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Buffer's "latin1" is true ISO-8859-1; WHATWG TextDecoder("latin1") would be windows-1252.
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  }
};
