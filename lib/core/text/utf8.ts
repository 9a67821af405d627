/**
 * Strict UTF-8 reading, byte by byte, following the WHATWG Encoding Standard's
 * UTF-8 decoder (the same rules TextDecoder uses).
 *
 * Why our own reader and not only `TextDecoder({ fatal: true })`: fatal mode says
 * *that* the bytes are invalid but not *where*, and we must report every invalid
 * sequence's byte offset. Following the standard's "maximal subpart" rule means each
 * reported error corresponds to exactly one U+FFFD that a non-fatal TextDecoder would
 * emit, so the report and the text agree.
 *
 * Invariants:
 * - Overlong forms (C0, C1, E0 80..9F, F0 80..8F), surrogates (ED A0..BF) and code
 *   points above U+10FFFF (F4 90.., F5..FF) are invalid.
 * - `decodeUtf8Reporting(b).text` equals `new TextDecoder().decode(b)` (no BOM
 *   stripping) and contains one U+FFFD per entry of `errors`, in order.
 */

/** One step of reading: a whole character, an invalid run, or a valid prefix cut off by the end of input. */
export type Utf8Step =
  | { kind: "char"; codePoint: number; length: number }
  | { kind: "invalid"; length: number }
  | { kind: "truncated"; length: number };

/** Reads one character starting at `pos` (which must be < bytes.length). */
export function readUtf8(bytes: ArrayLike<number>, pos: number): Utf8Step {
  const lead = bytes[pos];
  if (lead <= 0x7f) return { kind: "char", codePoint: lead, length: 1 };
  let needed: number;
  let codePoint: number;
  let lower = 0x80;
  let upper = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) {
    needed = 1;
    codePoint = lead & 0x1f;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    if (lead === 0xe0) lower = 0xa0; // below: overlong
    if (lead === 0xed) upper = 0x9f; // above: UTF-16 surrogates
    needed = 2;
    codePoint = lead & 0x0f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    if (lead === 0xf0) lower = 0x90; // below: overlong
    if (lead === 0xf4) upper = 0x8f; // above: beyond U+10FFFF
    needed = 3;
    codePoint = lead & 0x07;
  } else {
    return { kind: "invalid", length: 1 };
  }
  for (let i = 1; i <= needed; i++) {
    if (pos + i >= bytes.length) return { kind: "truncated", length: i };
    const b = bytes[pos + i];
    if (b < lower || b > upper) return { kind: "invalid", length: i };
    lower = 0x80;
    upper = 0xbf;
    codePoint = (codePoint << 6) | (b & 0x3f);
  }
  return { kind: "char", codePoint, length: needed + 1 };
}

export interface Utf8Error {
  byteOffset: number;
  length: number;
}

export interface Utf8Scan {
  errors: Utf8Error[];
  /** Number of well-formed characters of two or more bytes: evidence that the bytes really are UTF-8. */
  validMultibyte: number;
}

/** Finds every invalid sequence (one per U+FFFD a lenient decoder would emit). */
export function scanUtf8(bytes: Uint8Array, start = 0): Utf8Scan {
  const errors: Utf8Error[] = [];
  let validMultibyte = 0;
  let pos = start;
  while (pos < bytes.length) {
    if (bytes[pos] <= 0x7f) {
      pos++; // fast path: ASCII is the bulk of most documents
      continue;
    }
    const step = readUtf8(bytes, pos);
    if (step.kind === "char") validMultibyte++;
    else errors.push({ byteOffset: pos, length: step.length });
    pos += step.length;
  }
  return { errors, validMultibyte };
}

/** Lenient decode with the errors located; valid stretches go through TextDecoder for speed. */
/** `errors` may be passed when the bytes were just scanned from `start` (saves a second pass). */
export function decodeUtf8Reporting(bytes: Uint8Array, start = 0, errors: Utf8Error[] = scanUtf8(bytes, start).errors): { text: string; errors: Utf8Error[] } {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const parts: string[] = [];
  let pos = start;
  for (const err of errors) {
    parts.push(decoder.decode(bytes.subarray(pos, err.byteOffset)), "\uFFFD");
    pos = err.byteOffset + err.length;
  }
  parts.push(decoder.decode(bytes.subarray(pos)));
  return { text: parts.join(""), errors };
}

export function toHex(bytes: ArrayLike<number>): string {
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += bytes[i].toString(16).padStart(2, "0");
  return out;
}
