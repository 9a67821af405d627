import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { extractFile, type ExtractResult } from "@/lib/import";
import { fixture, utf8 } from "./helpers";

const run = (name: string, bytes: Uint8Array, limits?: Parameters<typeof extractFile>[1]) => extractFile({ name, bytes }, limits);
const errorOf = (r: ExtractResult) => (r.ok ? null : r.error);

describe("size is checked first", () => {
  it("rejects a file over maxFileBytes before parsing (even a corrupt PDF)", async () => {
    const bytes = fixture("corrupt.pdf");
    expect(await run("corrupt.pdf", bytes, { maxFileBytes: 10 })).toEqual({
      ok: false,
      error: { code: "too_large", message: "corrupt.pdf: the file is 40 bytes; the limit is 10 bytes." },
    });
  });

  it.each<[number, number, string]>([
    [3 * 1024 * 1024, 2 * 1024 * 1024, "the file is 3 MB; the limit is 2 MB."],
    [Math.round(20.4 * 1024 * 1024), 20 * 1024 * 1024, "the file is 20.4 MB; the limit is 20 MB."],
    [5000, 4096, "the file is 5 KB; the limit is 4 KB."],
  ])("names the sizes readably (%i over %i)", async (size, limit, message) => {
    const bytes = new Uint8Array(size).fill(0x61);
    expect(errorOf(await run("big.txt", bytes, { maxFileBytes: limit }))).toEqual({ code: "too_large", message: `big.txt: ${message}` });
  });

  it("checks the size before the file type", async () => {
    expect(errorOf(await run("movie.mp4", new Uint8Array(100), { maxFileBytes: 10 }))?.code).toBe("too_large");
  });

  it("accepts a file exactly at the limit", async () => {
    expect((await run("a.txt", utf8("12345"), { maxFileBytes: 5 })).ok).toBe(true);
  });
});

describe("type and content checks", () => {
  it.each(["photo.png", "sheet.xlsx", "old.doc", "noext", "archive.zip", ""])("unsupported name %j", async (name) => {
    const err = errorOf(await run(name, utf8("hello")));
    expect(err?.code).toBe("unsupported_type");
    expect(err?.message).toMatch(/this file type is not supported\. Upload a \.txt, \.md, \.html, \.pdf or \.docx file\.$/);
  });

  it("fake.pdf (HTML under a .pdf name) is a mismatch", async () => {
    expect(errorOf(await run("fake.pdf", fixture("fake.pdf")))).toEqual({
      code: "content_mismatch",
      message: "fake.pdf: the file says it is a PDF but its content is HTML.",
    });
  });

  it.each<[string, string, string]>([
    ["report.pdf", "sample.docx", "report.pdf: the file says it is a PDF but its content is a ZIP archive."],
    ["report.pdf", "notes.md", "report.pdf: the file says it is a PDF but its content is plain text."],
    ["letter.docx", "text.pdf", "letter.docx: the file says it is a Word document but its content is a PDF."],
    ["letter.docx", "article.html", "letter.docx: the file says it is a Word document but its content is HTML."],
    ["notes.txt", "text.pdf", "notes.txt: the file says it is a text file but its content is a PDF."],
    ["notes.md", "sample.docx", "notes.md: the file says it is a Markdown file but its content is a ZIP archive."],
    ["page.html", "text.pdf", "page.html: the file says it is a web page (HTML) but its content is a PDF."],
  ])("%s holding %s is a mismatch", async (name, source, message) => {
    expect(errorOf(await run(name, fixture(source)))).toEqual({ code: "content_mismatch", message });
  });

  it.each(["notes.txt", "notes.md", "page.html"])("%s holding binary data is a mismatch", async (name) => {
    const err = errorOf(await run(name, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])));
    expect(err).toEqual({ code: "content_mismatch", message: expect.stringMatching(/its content is binary data, not text\.$/) });
  });

  it("a .txt containing HTML is read as text (bytes untouched)", async () => {
    const bytes = fixture("article.html");
    const result = await run("saved-page.txt", bytes);
    expect(result).toMatchObject({ ok: true, format: "txt" });
    if (result.ok) expect(result.bytes).toEqual(bytes);
  });

  it("a .md containing HTML is read as Markdown", async () => {
    expect(await run("page.md", utf8("<!DOCTYPE html><p>hi</p><script>x()</script>"))).toMatchObject({ ok: true, format: "md", text: "hi" });
  });

  it("an .html file without a doctype is still HTML", async () => {
    expect(await run("frag.htm", utf8("<p>one</p><p>two</p>"))).toMatchObject({ ok: true, format: "html", text: "one\n\ntwo" });
  });
});

describe("txt", () => {
  it("returns the very same bytes and a title from the file name", async () => {
    const bytes = fixture("field_notes-2024.txt");
    const result = await run("field_notes-2024.txt", bytes);
    expect(result).toEqual({ ok: true, format: "txt", bytes, metadata: { title: "field notes 2024" }, notes: [] });
    if (result.ok) {
      expect(result.bytes).toBe(bytes);
      expect(result.text).toBeUndefined();
    }
  });

  it("accepts a .txt in UTF-16 without a byte-order mark (the decoder reads it)", async () => {
    const noBom = new Uint8Array([..."An attack in Kabul."].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(await run("c.txt", noBom)).toMatchObject({ ok: true, bytes: noBom });
  });

  it("does not decode: invalid UTF-8 and UTF-16 come back as given", async () => {
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9]);
    const utf16 = new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00]);
    expect(await run("a.txt", latin1)).toMatchObject({ ok: true, bytes: latin1 });
    expect(await run("b.txt", utf16)).toMatchObject({ ok: true, bytes: utf16 });
  });
});

describe("empty files", () => {
  it.each<[string, number[]]>([
    ["zero bytes .txt", []],
    ["whitespace-only .txt", [0x20, 0x0a, 0x09, 0x0d]],
    ["BOM only .txt", [0xef, 0xbb, 0xbf]],
    ["UTF-16 whitespace .txt", [0xff, 0xfe, 0x20, 0x00, 0x0a, 0x00]],
  ])("%s", async (_n, bytes) => {
    expect(errorOf(await run("empty.txt", new Uint8Array(bytes)))).toEqual({ code: "empty", message: "empty.txt: the file is empty." });
  });

  it.each(["a.pdf", "a.docx", "a.md", "a.html"])("zero bytes %s is empty, not a mismatch", async (name) => {
    expect(errorOf(await run(name, new Uint8Array()))?.code).toBe("empty");
  });

  it.each<[string, string]>([
    ["only-script.html", "<!DOCTYPE html><html><body><script>alert(1)</script><nav>menu</nav></body></html>"],
    ["only-image.md", "![pic](a.png)"],
  ])("%s has no readable text", async (name, content) => {
    expect(errorOf(await run(name, utf8(content)))).toEqual({ code: "empty", message: `${name}: the file contains no readable text.` });
  });
});

describe("decoding for md and html", () => {
  it("uses the caller's decoder when given", async () => {
    const seen: Uint8Array[] = [];
    const decode = (b: Uint8Array) => {
      seen.push(b);
      return "# Decoded by caller";
    };
    const bytes = utf8("# ignored");
    expect(await extractFile({ name: "x.md", bytes, decode })).toMatchObject({ ok: true, text: "Decoded by caller", metadata: { title: "Decoded by caller" } });
    expect(seen).toEqual([bytes]);
  });

  it("defaults to UTF-8 with BOM stripping", async () => {
    expect(await run("x.md", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("# Caf\u00e9")]))).toMatchObject({ ok: true, text: "Caf\u00e9" });
  });

  it("falls back to Latin-1 for invalid UTF-8", async () => {
    expect(await run("x.html", new Uint8Array([...utf8("<p>caf"), 0xe9, ...utf8("</p>")]))).toMatchObject({ ok: true, text: "caf\u00e9" });
  });

  it("a decoder that throws gives malformed, not an exception", async () => {
    const decode = () => {
      throw new Error("boom");
    };
    expect(errorOf(await extractFile({ name: "x.md", bytes: utf8("hi"), decode }))).toEqual({ code: "malformed", message: "x.md: the text could not be decoded." });
  });
});

describe("error messages and robustness", () => {
  it("names the file by its last path segment, without control characters", async () => {
    const err = errorOf(await run("C:\\fakepath\\re\u0007port.pdf", fixture("fake.pdf")));
    expect(err?.message).toMatch(/^report\.pdf: /);
  });

  it("shortens very long file names in messages", async () => {
    const name = `${"x".repeat(300)}.png`;
    const err = errorOf(await run(name, utf8("a")));
    expect(err!.message.indexOf(":")).toBeLessThanOrEqual(80);
  });

  it("never throws for invalid input objects", async () => {
    // @ts-expect-error -- deliberately wrong shapes, as untyped callers could send
    expect(errorOf(await extractFile({ name: "a.txt", bytes: "text" }))?.code).toBe("malformed");
    // @ts-expect-error -- deliberately wrong shapes
    expect(errorOf(await extractFile(null))?.code).toBe("malformed");
  });

  it("never throws and always names the file, for any bytes under any supported name (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("a.txt", "a.md", "a.html", "a.pdf", "a.docx"),
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.uint8Array({ maxLength: 300 }).map((b) => new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, ...b])),
          fc.uint8Array({ maxLength: 300 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
          fc.string({ maxLength: 200 }).map((s) => utf8(`<!DOCTYPE html>${s}`)),
        ),
        async (name, bytes) => {
          const result = await extractFile({ name, bytes });
          if (!result.ok) expect(result.error.message.startsWith(`${name}: `)).toBe(true);
          else if (name !== "a.txt") expect(typeof result.text).toBe("string");
        },
      ),
      { numRuns: 150 },
    );
  });

  it("html and md metadata values never contain markup (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), async (s) => {
        const esc = s.replace(/"/g, "&quot;");
        const html = `<!DOCTYPE html><html lang="${esc}"><head><title>${s}</title><meta name="author" content="${esc}"><meta property="og:site_name" content="${esc}"></head><body><p>x</p></body></html>`;
        const result = await run("p.html", utf8(html));
        if (!result.ok) return;
        for (const v of [result.metadata.title, result.metadata.publisher, ...(result.metadata.authors ?? [])]) {
          if (v !== undefined) expect(v).not.toMatch(/[<>]/);
        }
      }),
      { numRuns: 100 },
    );
  });
});
