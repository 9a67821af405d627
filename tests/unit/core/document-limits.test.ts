import { describe, expect, it } from "vitest";
import { DOCUMENT_LIMITS } from "@/lib/core/document-limits";
import { cleanMetadata, titleFromFileName } from "@/lib/import/metadata";
import { DocumentMetadataInput, ImportMetadataInput } from "@/lib/services/document-metadata";

/** Words long enough that every field overflows its limit. */
const long = (n: number) => "word ".repeat(Math.ceil(n / 5) + 20);

describe("document metadata limits: the import cleaner and the schema agree", () => {
  it("keeps from an overlong file value only what the schema then accepts, at the limit", () => {
    const cleaned = cleanMetadata({
      title: long(DOCUMENT_LIMITS.title),
      publisher: long(DOCUMENT_LIMITS.publisher),
      authors: Array.from({ length: DOCUMENT_LIMITS.authors + 10 }, (_, i) => `${i} ${long(DOCUMENT_LIMITS.author)}`),
      url: `https://example.org/${"a".repeat(DOCUMENT_LIMITS.url - 30)}`,
      language: "en-GB",
      published: "2024-04-18T07:00Z",
    });
    expect(cleaned.title).toHaveLength(DOCUMENT_LIMITS.title);
    expect(cleaned.publisher).toHaveLength(DOCUMENT_LIMITS.publisher);
    expect(cleaned.authors).toHaveLength(DOCUMENT_LIMITS.authors);
    for (const a of cleaned.authors!) expect(a.length).toBeLessThanOrEqual(DOCUMENT_LIMITS.author);
    expect(cleaned.authors!.some((a) => a.length === DOCUMENT_LIMITS.author)).toBe(true);
    expect(ImportMetadataInput.safeParse(cleaned).success).toBe(true);
    expect(DocumentMetadataInput.safeParse(cleaned).success).toBe(true);
  });

  it("refuses in the schema one character more than the cleaner keeps", () => {
    const cases: [string, Record<string, unknown>][] = [
      ["title", { title: "t".repeat(DOCUMENT_LIMITS.title + 1) }],
      ["publisher", { title: "T", publisher: "p".repeat(DOCUMENT_LIMITS.publisher + 1) }],
      ["author", { title: "T", authors: ["a".repeat(DOCUMENT_LIMITS.author + 1)] }],
      ["authors", { title: "T", authors: Array.from({ length: DOCUMENT_LIMITS.authors + 1 }, (_, i) => `A${i}`) }],
      ["url", { title: "T", url: `https://example.org/${"a".repeat(DOCUMENT_LIMITS.url)}` }],
    ];
    for (const [name, input] of cases) expect(DocumentMetadataInput.safeParse(input).success, name).toBe(false);
  });

  it("gives a title from a file name within the title limit", () => {
    const title = titleFromFileName(`${"report_".repeat(200)}.pdf`)!;
    expect(title).toHaveLength(DOCUMENT_LIMITS.title);
    expect(DocumentMetadataInput.safeParse({ title }).success).toBe(true);
  });

  it("refuses a URL the schema would refuse", () => {
    expect(cleanMetadata({ url: `https://example.org/${"a".repeat(DOCUMENT_LIMITS.url)}` }).url).toBeUndefined();
  });
});
