/**
 * The name of an uploaded file as Attest keeps it: stored with the document, shown in reports and
 * echoed in error messages. A browser sends whatever the user's file system allows (and a script
 * sends anything), so before the name is used:
 * - only the last path segment is kept (`C:\fakepath\a.pdf`, `../../a.pdf` -> `a.pdf`);
 * - control characters (C0 with NUL, DEL, C1) and bidirectional formatting characters (embeddings,
 *   overrides, isolates, marks) are removed: they cannot be stored in PostgreSQL text (NUL) or can
 *   make a name read differently from what it is (`report\u202Efdp.exe`);
 * - lone surrogates become U+FFFD, the name is NFC-normalized and trimmed;
 * - the name is bounded to MAX_FILE_NAME_LENGTH code points, keeping the extension (it decides the
 *   reader).
 * sanitizeLabel applies the same cleaning without the path rule (a pasted text's title may contain `/`).
 * Invariant: sanitizeFileName(sanitizeFileName(x)) === sanitizeFileName(x). The result may be empty.
 */

/** Longest kept name, in code points: what common file systems allow for one name. */
export const MAX_FILE_NAME_LENGTH = 255;
/** Longest extension kept whole when a name is shortened. */
const MAX_KEPT_EXTENSION = 16;

const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/** ALM, LRM, RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI. */
const BIDI_FORMATTING = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A short user-given label (a file name, a pasted text's title) without controls or bidi formatting. */
export function sanitizeLabel(text: unknown): string {
  if (typeof text !== "string") return "";
  return shorten(text.toWellFormed().replace(CONTROLS, "").replace(BIDI_FORMATTING, "").normalize("NFC").trim());
}

export function sanitizeFileName(name: unknown): string {
  if (typeof name !== "string") return "";
  return sanitizeLabel(name.split(/[\\/]/).pop() ?? "");
}

/** Cuts the stem so that stem + extension fit the limit; never splits a surrogate pair. */
function shorten(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= MAX_FILE_NAME_LENGTH) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? Array.from(name.slice(dot)) : [];
  const kept = ext.length > 0 && ext.length <= MAX_KEPT_EXTENSION ? ext : [];
  const stem = chars.slice(0, MAX_FILE_NAME_LENGTH - kept.length).join("").trimEnd();
  return stem + kept.join("");
}
