import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DOCUMENT_LIMITS } from "@/lib/core/document-limits";
import {
  cleanMetadata,
  cleanValue,
  normalizeDate,
  normalizeLanguage,
  normalizeUrl,
  titleFromFileName,
} from "@/lib/import/metadata";

describe("cleanValue", () => {
  it.each<[string, string | null | undefined, string | undefined]>([
    ["trims", "  Title  ", "Title"],
    ["collapses inner whitespace and newlines", "A\n\n  long\ttitle", "A long title"],
    ["removes tags", "<b>Bold</b> title<script>x</script>", "Bold title x"],
    ["drops stray angle brackets", "a <b c > d <", "a d"],
    ["removes control characters", "a\u0000b\u0007c\u009fd", "a b c d"],
    ["removes a BOM and line separators", "\uFEFFa\u2028b", "a b"],
    ["empty becomes undefined", "   ", undefined],
    ["markup-only becomes undefined", "<br/>", undefined],
    ["null is undefined", null, undefined],
    ["undefined is undefined", undefined, undefined],
  ])("%s", (_name, input, expected) => {
    expect(cleanValue(input, 100)).toBe(expected);
  });

  it("limits the length with an ellipsis", () => {
    const out = cleanValue("word ".repeat(100), 20)!;
    expect(out.length).toBeLessThanOrEqual(20);
    expect(out.endsWith("…")).toBe(true);
  });

  it("never returns markup, control characters or outer whitespace (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), fc.integer({ min: 1, max: 80 }), (s, max) => {
        const out = cleanValue(s, max);
        if (out === undefined) return;
        expect(out).not.toMatch(/[<>\u0000-\u001f\u007f-\u009f]/);
        expect(out).toBe(out.trim());
        expect(out.length).toBeLessThanOrEqual(max);
      }),
    );
  });
});

describe("normalizeDate", () => {
  it.each<[string, string | undefined]>([
    ["2024", "2024"],
    ["2024-04", "2024-04"],
    ["2024-04-18", "2024-04-18"],
    ["2024-04-19T07:00:00Z", "2024-04-19"],
    ["2024-04-19 07:00", "2024-04-19"],
    ["  2024-04-18  ", "2024-04-18"],
    ["20240418", "2024-04-18"],
    ["D:20240418093000Z", "2024-04-18"],
    ["D:20240418093000+02'00'", "2024-04-18"],
    ["D:2024", "2024"],
    ["D:202404", "2024-04"],
    ["2024-02-29", "2024-02-29"],
    ["2023-02-29", undefined],
    ["2024-13-01", undefined],
    ["2024-00", undefined],
    ["2024-04-31", undefined],
    ["2024-4-1", undefined],
    ["0999-01-01", undefined],
    ["3000", undefined],
    ["18 April 2024", undefined],
    ["April 2024", undefined],
    ["", undefined],
    ["202404181", undefined],
  ])("%s -> %s", (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });
});

describe("normalizeLanguage", () => {
  it.each<[string, string | undefined]>([
    ["en", "en"],
    ["EN-gb", "en-GB"],
    ["en_GB", "en-GB"],
    ["zh-hant-tw", "zh-Hant-TW"],
    [" fr ", "fr"],
    ["english", undefined],
    ["e", undefined],
    ["", undefined],
    ["en-<script>", undefined],
  ])("%s -> %s", (input, expected) => {
    expect(normalizeLanguage(input)).toBe(expected);
  });
});

describe("normalizeUrl", () => {
  it.each<[string, string | undefined]>([
    ["https://example.org/a", "https://example.org/a"],
    ["  http://Example.org  ", "http://example.org/"],
    ["https://example.org/a b", "https://example.org/a%20b"],
    ["javascript:alert(1)", undefined],
    ["data:text/html,<script>", undefined],
    ["ftp://example.org/x", undefined],
    ["/relative/path", undefined],
    ["not a url", undefined],
    [`https://example.org/${"a".repeat(3000)}`, undefined],
  ])("%s -> %s", (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });
});

describe("cleanMetadata", () => {
  it("cleans every field and leaves out what fails its rule", () => {
    expect(
      cleanMetadata({
        title: " <em>Report</em>\n title ",
        authors: ["Jane Doe; John Roe", "  ", null, "Jane Doe", "https://example.org/author/x"],
        publisher: "<b>Example</b> News",
        published: "D:20240418",
        url: "javascript:alert(1)",
        language: "en_us",
      }),
    ).toEqual({ title: "Report title", authors: ["Jane Doe", "John Roe"], publisher: "Example News", published: "2024-04-18", language: "en-US" });
  });

  it("returns an empty object when nothing is usable", () => {
    expect(cleanMetadata({ title: " ", authors: [], published: "soon", url: "", language: "??" })).toEqual({});
  });

  it("keeps at most the authors the metadata schema accepts", () => {
    const authors = Array.from({ length: DOCUMENT_LIMITS.authors + 10 }, (_, i) => `Author ${i}`);
    expect(cleanMetadata({ authors }).authors).toEqual(authors.slice(0, DOCUMENT_LIMITS.authors));
  });
});

describe("titleFromFileName", () => {
  it.each<[string, string | undefined]>([
    ["field_notes-2024.txt", "field notes 2024"],
    ["my__report--final.txt", "my report final"],
    ["C:\\fakepath\\weekly_update.txt", "weekly update"],
    ["no-extension", "no extension"],
    [".txt", ".txt"],
    ["___.txt", undefined],
  ])("%s -> %s", (input, expected) => {
    expect(titleFromFileName(input)).toBe(expected);
  });
});
