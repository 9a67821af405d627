/**
 * A document's metadata as people enter it (import form, details form) and as files give it: one
 * schema, each field checked on its own so a bad value read from a file can be dropped alone.
 */
import { z } from "zod";
import { isPublishedDate } from "@/lib/core/values";
import { DOCUMENT_LIMITS as LIMITS } from "@/lib/core/document-limits";

const PUBLISHED_MESSAGE = "Use YYYY, YYYY-MM or YYYY-MM-DD (a real date) for the publication date.";

/** The metadata fields, each checked on its own (no defaults: an absent field stays absent). */
export const MetadataFields = {
  title: z.string().trim().min(1, "Give the document a title.").max(LIMITS.title),
  authors: z.array(z.string().trim().min(1).max(LIMITS.author)).max(LIMITS.authors),
  publisher: z.string().trim().max(LIMITS.publisher),
  published: z
    .string()
    .trim()
    .max(LIMITS.published, PUBLISHED_MESSAGE)
    .refine((v) => v === "" || isPublishedDate(v), PUBLISHED_MESSAGE),
  url: z
    .string()
    .trim()
    .max(LIMITS.url)
    .refine((v) => v === "" || /^https?:\/\//i.test(v), "Use an http(s) address."),
  language: z
    .string()
    .trim()
    .max(LIMITS.language)
    .refine((v) => v === "" || /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(v), "Use a language tag such as en or ar."),
};

export const DocumentMetadataInput = z.strictObject({
  title: MetadataFields.title,
  authors: MetadataFields.authors.default([]),
  publisher: MetadataFields.publisher.default(""),
  published: MetadataFields.published.default(""),
  url: MetadataFields.url.default(""),
  language: MetadataFields.language.default(""),
});
export type DocumentMetadata = z.infer<typeof DocumentMetadataInput>;

/** Metadata given with an upload: each field given overrides what the file says; a field that does not validate is refused. */
export const ImportMetadataInput = z.strictObject(MetadataFields).partial();
