import { describe, expect, it } from "vitest";
import { extractFile } from "@/lib/import";
import { DocxTextCollector, MalformedXml, TextTooLong } from "@/lib/import/formats/docx-text";
import { buildZip, patchCentral } from "./helpers";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml"';
const docXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;

/** Feeds the XML in pieces of `size` characters, as the inflater would. */
function collect(xml: string, maxChars = 1_000_000, size = 7): string {
  const c = new DocxTextCollector(maxChars);
  for (let i = 0; i < xml.length; i += size) c.write(xml.slice(i, i + size));
  return c.end();
}

describe("Word main-part reader", () => {
  it.each<[string, string, string]>([
    ["text of runs, one blank line after each paragraph", "<w:p><w:r><w:t>One </w:t></w:r><w:r><w:t>two</w:t></w:r></w:p><w:p><w:r><w:t>Three</w:t></w:r></w:p>", "One two\n\nThree\n\n"],
    ["tabs, breaks and special hyphens inside runs", "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:noBreakHyphen/><w:softHyphen/></w:r></w:p>", "a\tb\nc\u2011\u00ad\n\n"],
    ["tab stops in paragraph properties are not text", '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>x</w:t></w:r></w:p>', "x\n\n"],
    ["deleted runs and field instructions are skipped, field results kept", '<w:p><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>kept</w:t></w:r></w:p>', "kept\n\n"],
    ["insertions, hyperlinks and content controls are read", '<w:p><w:ins><w:r><w:t>in </w:t></w:r></w:ins><w:hyperlink r:id="x"><w:r><w:t>link </w:t></w:r></w:hyperlink><w:sdt><w:sdtPr><w:r><w:t>NO</w:t></w:r></w:sdtPr><w:sdtContent><w:r><w:t>sdt</w:t></w:r></w:sdtContent></w:sdt></w:p>', "in link sdt\n\n"],
    ["alternate content is read once, through its fallback", "<w:p><mc:AlternateContent><mc:Choice><w:r><w:t>choice</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>fallback</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>", "fallback\n\n"],
    ["a VML text box's paragraphs are read", "<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>", "boxed\n\n"],
    ["a deleted paragraph mark runs into the next paragraph", "<w:p><w:pPr><w:rPr><w:del/></w:rPr></w:pPr><w:r><w:t>first </w:t></w:r></w:p><w:p><w:r><w:t>second</w:t></w:r></w:p>", "first second\n\n"],
    ["a deleted table row is skipped", "<w:tbl><w:tr><w:trPr><w:del/></w:trPr><w:tc><w:p><w:r><w:t>old</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>new</w:t></w:r></w:p></w:tc></w:tr></w:tbl>", "new\n\n"],
    ["empty paragraphs add no more blank lines", "<w:p/><w:p><w:r><w:t>a</w:t></w:r></w:p><w:p/><w:p/><w:p><w:r><w:t>b</w:t></w:r></w:p>", "a\n\nb\n\n"],
    ["entities are decoded, symbols kept unless private-use glyphs", '<w:p><w:r><w:t>A &amp; B &lt;C&gt;</w:t><w:sym w:font="Symbol" w:char="03B1"/><w:sym w:font="Wingdings" w:char="F0E0"/></w:r></w:p>', "A & B <C>\u03b1\n\n"],
  ])("%s", (_name, body, expected) => {
    expect(collect(docXml(body))).toBe(expected);
  });

  it("stops as soon as the text passes the cap", () => {
    const c = new DocxTextCollector(10);
    c.write(docXml("<w:p><w:r><w:t>12345</w:t></w:r></w:p>").slice(0, -20));
    expect(() => c.write("<w:p><w:r><w:t>6789012</w:t></w:r></w:p>")).toThrow(TextTooLong);
  });

  it("counts the cap in code points, not UTF-16 units", () => {
    expect(collect(docXml("<w:p><w:r><w:t>😀😀😀</w:t></w:r></w:p>"), 5)).toBe("😀😀😀\n\n");
  });

  it.each([
    ["an element left open", "<w:document><w:body><w:p>"],
    ["a closing tag that does not match", `<w:document ${W}><w:body><w:p><w:r><w:t>x</w:r></w:p></w:body></w:document>`],
  ])("refuses XML with %s", (_name, xml) => {
    expect(() => collect(xml)).toThrow(MalformedXml);
  });
});

describe("Word extraction limits", () => {
  it("refuses a document over the text cap with a clear message, and reads it under a higher cap", async () => {
    const body = Array.from({ length: 50 }, (_, i) => `<w:p><w:r><w:t>Paragraph ${i} of the report.</w:t></w:r></w:p>`).join("");
    const bytes = await buildZip({ "word/document.xml": docXml(body) });
    expect(await extractFile({ name: "long.docx", bytes }, { maxTextChars: 500 })).toEqual({
      ok: false,
      error: { code: "too_large", message: "long.docx: the document has more than 500 characters of text, the limit for one document. Split it into parts and import them separately." },
    });
    expect(await extractFile({ name: "long.docx", bytes }, { maxTextChars: 5000 })).toMatchObject({ ok: true, format: "docx" });
  });

  it("refuses a lying main part while streaming it", async () => {
    const xml = docXml("<w:p><w:r><w:t>" + "word ".repeat(100_000) + "</w:t></w:r></w:p>");
    const zip = patchCentral(await buildZip({ "word/document.xml": xml }), "word/document.xml", { uncompressedSize: 2000 });
    expect(await extractFile({ name: "lying.docx", bytes: zip })).toMatchObject({ ok: false, error: { code: "archive_too_large", message: expect.stringContaining("beyond its declared size") } });
  });
});
