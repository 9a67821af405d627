/**
 * Bibliographic metadata found in an upload, and the one place it is cleaned.
 * Invariants of every value cleanMetadata returns: trimmed, single-line, no control characters,
 * no markup (tags are removed and any remaining "<" or ">" dropped), within its length limit;
 * `published` is ISO (YYYY, YYYY-MM or YYYY-MM-DD) and a real calendar date; `url` is absolute
 * http(s); `language` is a canonical BCP 47 tag. A value that cannot meet its rule is left out.
 */
import { DOCUMENT_LIMITS } from "@/lib/core/document-limits";
import { isPublishedDate } from "@/lib/core/values/published";

export type ExtractedMetadata = {
  title?: string;
  authors?: string[];
  publisher?: string;
  published?: string;
  url?: string;
  language?: string;
};

/** Raw values as found in a file, before cleaning; authors may still need splitting. */
export type RawMetadata = {
  title?: string | null;
  authors?: (string | null | undefined)[];
  publisher?: string | null;
  published?: string | null;
  url?: string | null;
  language?: string | null;
};

const { title: MAX_TITLE, author: MAX_AUTHOR, authors: MAX_AUTHORS, publisher: MAX_PUBLISHER, url: MAX_URL, language: MAX_LANGUAGE } = DOCUMENT_LIMITS;

/** Trims, removes markup and control characters, collapses whitespace and limits the length. */
export function cleanValue(value: string | null | undefined, maxLength: number): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value
    .replace(/<[^>]*>/g, " ") // tags
    .replace(/[<>]/g, "") // stray angle brackets, so no partial tag survives
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\uFEFF]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!text) return undefined;
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}

/**
 * The ISO date at the start of a value: "2024-04-18T07:00Z" -> "2024-04-18", "2024-04" -> "2024-04",
 * PDF dates "D:20240418093000Z" -> "2024-04-18". Years outside 1000-2999 and impossible dates are rejected.
 */
export function normalizeDate(value: string | null | undefined): string | undefined {
  if (typeof value !== "string") return undefined;
  const v = value.trim();
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(v);
  const iso = pdf ?? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d-])/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})(?!\d)/.exec(v);
  if (!iso) return undefined;
  const [, ys, ms, ds] = iso;
  const y = Number(ys);
  if (y < 1000 || y > 2999) return undefined;
  // The parts found, in the stored form; whether it is a real date is published.ts's rule.
  const date = ms ? (ds ? `${ys}-${ms}-${ds}` : `${ys}-${ms}`) : ys!;
  return isPublishedDate(date) ? date : undefined;
}

/** A canonical BCP 47 tag ("en_gb" -> "en-GB"), or undefined if the value is not one. */
export function normalizeLanguage(value: string | null | undefined): string | undefined {
  const v = typeof value === "string" ? value.trim().replace(/_/g, "-") : "";
  // BCP 47 allows 5-8 letter primary subtags but none is registered; "english" is a word, not a tag.
  if (!v || v.length > MAX_LANGUAGE || !/^[a-z]{2,3}(?:-|$)/i.test(v)) return undefined;
  try {
    return Intl.getCanonicalLocales(v)[0];
  } catch {
    return undefined;
  }
}

/** An absolute http(s) URL in its normalized form, or undefined. */
export function normalizeUrl(value: string | null | undefined): string | undefined {
  const v = typeof value === "string" ? value.trim() : "";
  if (!v || v.length > MAX_URL) return undefined;
  try {
    const url = new URL(v);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    const href = url.href;
    return href.length <= MAX_URL && !/[<>"\s]/.test(href) ? href : undefined;
  } catch {
    return undefined;
  }
}

/** Splits author fields that list several people with ";" (the separator Word, PDF and DC use). */
function cleanAuthors(values: (string | null | undefined)[] | undefined): string[] | undefined {
  const out: string[] = [];
  for (const v of values ?? []) {
    if (typeof v !== "string") continue;
    for (const part of v.split(";")) {
      const name = cleanValue(part, MAX_AUTHOR);
      if (name && !out.includes(name) && !/^https?:\/\//i.test(name)) out.push(name);
    }
  }
  return out.length ? out.slice(0, MAX_AUTHORS) : undefined;
}

export function cleanMetadata(raw: RawMetadata): ExtractedMetadata {
  const out: ExtractedMetadata = {};
  const title = cleanValue(raw.title, MAX_TITLE);
  if (title) out.title = title;
  const authors = cleanAuthors(raw.authors);
  if (authors) out.authors = authors;
  const publisher = cleanValue(raw.publisher, MAX_PUBLISHER);
  if (publisher) out.publisher = publisher;
  const published = normalizeDate(raw.published);
  if (published) out.published = published;
  const url = normalizeUrl(raw.url);
  if (url) out.url = url;
  const language = normalizeLanguage(raw.language);
  if (language) out.language = language;
  return out;
}

/** "field_notes-2024.txt" -> "field notes 2024": the name without its extension, separators as spaces. */
export function titleFromFileName(name: string): string | undefined {
  const base = name.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return cleanValue(stem.replace(/[_-]+/g, " "), MAX_TITLE);
}
