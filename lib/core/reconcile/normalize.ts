/**
 * Name normalization for matching: two spellings that differ only in case, width, punctuation,
 * hyphens or spacing compare equal. Used for actor names, admin names and place names.
 */

/** Punctuation and symbols, hyphens and dashes included; removed without a space so "IS-KP" = "ISKP". */
const PUNCT = /[\p{P}\p{S}]/gu;

/** NFKC, case-folded, punctuation and hyphens removed, white space collapsed and trimmed. */
export function normalizeName(raw: string): string {
  return raw.normalize("NFKC").toLowerCase().replace(PUNCT, "").replace(/\s+/g, " ").trim();
}

/** A readable string from a stored value, or null when it is not a non-blank string. */
export function readString(v: unknown): string | null {
  return typeof v === "string" && v.trim() !== "" ? v : null;
}

/** The object, or null when the value is not a plain record. */
export function asRecord(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}
