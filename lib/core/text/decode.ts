/**
 * Turns the bytes of an imported document into a JS string, saying which encoding was
 * used and where bytes could not be decoded.
 *
 * Order of decisions:
 * 1. A BOM (UTF-8, UTF-16 LE, UTF-16 BE) decides the encoding; it is not part of the text.
 * 2. Without a BOM, UTF-16 is recognised from its NUL pattern (ASCII-range text in
 *    UTF-16 has a zero in every other byte).
 * 3. Strict UTF-8. If the bytes are *mostly* valid UTF-8 (see MOSTLY_UTF8_*), they are
 *    decoded as UTF-8 anyway and each invalid sequence becomes one U+FFFD, reported.
 * 4. Otherwise chardet guesses a legacy encoding, decoded with iconv-lite; when the guess
 *    is weak or unusable, Windows-1252 (the de-facto encoding of Latin text).
 *
 * Invariant: every U+FFFD the decoder itself produces has an entry in
 * `invalidSequences` (U+FFFD already present in valid input is content, not an error).
 * Runs in the browser: Uint8Array + TextDecoder only, no Buffer.
 */
import chardet from "chardet";
import iconv from "iconv-lite";
import { decodeCp1252 } from "./codepages";
import { decodeUtf8Reporting, scanUtf8, toHex, type Utf8Error } from "./utf8";

export interface InvalidSequence {
  byteOffset: number;
  /** The offending bytes, lower-case hex without separators (e.g. "c3"). */
  bytes: string;
}

export interface DecodeResult {
  text: string;
  encoding: string;
  bom: boolean;
  invalidSequences: InvalidSequence[];
}

/**
 * Invalid sequences may make up at most this share of all non-ASCII sequences for the
 * bytes to still count as UTF-8 with damage (rather than another encoding): a legacy
 * single-byte text has almost no well-formed multi-byte sequences, so its share is ~1.
 */
export const MOSTLY_UTF8_MAX_INVALID_SHARE = 0.2;
/** chardet confidence (0..100) below which its guess is not trusted and Windows-1252 is used. */
export const LEGACY_MIN_CONFIDENCE = 50;
/** UTF-16 without BOM: share of even (BE) or odd (LE) bytes that must be NUL... */
export const UTF16_NUL_MIN_SHARE = 0.4;
/** ...while the other half has at most this share of NULs. */
export const UTF16_NUL_MAX_OTHER_SHARE = 0.05;
/** How many leading bytes to inspect for the UTF-16 NUL pattern. */
const UTF16_SNIFF_BYTES = 4096;

/** chardet names mapped to the names we report; ISO-8859-1 is read as its superset Windows-1252, as browsers do. */
const CHARDET_NAMES: Record<string, string> = {
  "ISO-8859-1": "windows-1252",
  GB18030: "gb18030",
  Big5: "big5",
  Shift_JIS: "shift_jis",
  "EUC-JP": "euc-jp",
  "EUC-KR": "euc-kr",
  "KOI8-R": "koi8-r",
};

function utf16Decode(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be", start: number, bom: boolean): DecodeResult {
  const invalidSequences: InvalidSequence[] = [];
  const end = start + Math.floor((bytes.length - start) / 2) * 2;
  for (let i = start; i < end; i += 2) {
    const unit = encoding === "utf-16le" ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const j = i + 2;
      const next = j < end ? (encoding === "utf-16le" ? bytes[j] | (bytes[j + 1] << 8) : (bytes[j] << 8) | bytes[j + 1]) : -1;
      if (next >= 0xdc00 && next <= 0xdfff) i += 2;
      else invalidSequences.push({ byteOffset: i, bytes: toHex(bytes.subarray(i, i + 2)) });
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      invalidSequences.push({ byteOffset: i, bytes: toHex(bytes.subarray(i, i + 2)) });
    }
  }
  if (end < bytes.length) invalidSequences.push({ byteOffset: end, bytes: toHex(bytes.subarray(end)) });
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(start));
  return { text, encoding, bom, invalidSequences };
}

/** UTF-16 without a byte-order mark, recognised by where its NUL bytes fall (ASCII-heavy text). */
export function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, UTF16_SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs >= UTF16_NUL_MIN_SHARE && evenNul / pairs <= UTF16_NUL_MAX_OTHER_SHARE) return "utf-16le";
  if (evenNul / pairs >= UTF16_NUL_MIN_SHARE && oddNul / pairs <= UTF16_NUL_MAX_OTHER_SHARE) return "utf-16be";
  return null;
}

function utf8Result(bytes: Uint8Array, start: number, bom: boolean, scanned?: Utf8Error[]): DecodeResult {
  const { text, errors } = decodeUtf8Reporting(bytes, start, scanned);
  const invalidSequences = errors.map((e) => ({
    byteOffset: e.byteOffset,
    bytes: toHex(bytes.subarray(e.byteOffset, e.byteOffset + e.length)),
  }));
  return { text, encoding: "utf-8", bom, invalidSequences };
}

/** Chooses a legacy encoding: chardet's best usable guess, else Windows-1252. */
export function guessLegacyEncoding(bytes: Uint8Array): string {
  for (const match of chardet.analyse(bytes)) {
    if (match.confidence < LEGACY_MIN_CONFIDENCE) break; // matches come best first
    const name = CHARDET_NAMES[match.name] ?? match.name.toLowerCase();
    if (/^(utf|ascii)/.test(name)) continue; // strict UTF-8 already failed
    if (iconv.encodingExists(name)) return name;
  }
  return "windows-1252";
}

/** Decodes with iconv-lite and locates its U+FFFD by re-encoding the valid characters between them. */
function legacyDecode(bytes: Uint8Array, encoding: string): DecodeResult {
  const text = iconv.decode(bytes, encoding);
  const invalidSequences: InvalidSequence[] = [];
  if (text.includes("\uFFFD")) {
    let pos = 0;
    const chars = Array.from(text);
    for (let c = 0; c < chars.length; c++) {
      if (chars[c] !== "\uFFFD") {
        pos += iconv.encode(chars[c], encoding).length;
        continue;
      }
      // The bad bytes end where the next character's encoding starts (at most 4 bytes on).
      const next = c + 1 < chars.length && chars[c + 1] !== "\uFFFD" ? iconv.encode(chars[c + 1], encoding) : null;
      let len = 1;
      while (next && len < 4 && pos + len < bytes.length && !next.every((b, k) => bytes[pos + len + k] === b)) len++;
      invalidSequences.push({ byteOffset: pos, bytes: toHex(bytes.subarray(pos, pos + len)) });
      pos += len;
    }
  }
  return { text, encoding, bom: false, invalidSequences };
}

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8Result(bytes, 3, true);
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16Decode(bytes, "utf-16le", 2, true);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16Decode(bytes, "utf-16be", 2, true);

  const utf16 = sniffUtf16(bytes);
  if (utf16) return utf16Decode(bytes, utf16, 0, false);

  const scan = scanUtf8(bytes);
  if (scan.errors.length === 0) return utf8Result(bytes, 0, false, scan.errors);
  const invalidShare = scan.errors.length / (scan.errors.length + scan.validMultibyte);
  if (invalidShare <= MOSTLY_UTF8_MAX_INVALID_SHARE) return utf8Result(bytes, 0, false, scan.errors);

  const encoding = guessLegacyEncoding(bytes);
  if (encoding === "windows-1252") {
    const { text, invalidOffsets } = decodeCp1252(bytes);
    const invalidSequences = invalidOffsets.map((o) => ({ byteOffset: o, bytes: toHex([bytes[o]]) }));
    return { text, encoding, bom: false, invalidSequences };
  }
  return legacyDecode(bytes, encoding);
}
