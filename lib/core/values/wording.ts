/** Dashes of every kind (hyphens, en and em dashes, minus signs, small and full-width forms). */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/** The form the quantity and date parsers read: every dash as "-", white space runs as one space, trimmed. */
export function normalizeWording(raw: string): string {
  return raw.replace(DASHES, "-").replace(/\s+/g, " ").trim();
}
