import { describe, expect, it } from "vitest";
import { extractFile } from "@/lib/import";
import { buildZip, fixture, MINIMAL_DOCUMENT_XML, patchCentral } from "./helpers";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
const extract = async (name: string, bytes: Uint8Array) => extractFile({ name, bytes });

describe("docx extraction", () => {
  it("reads the sample document's paragraphs separated by a blank line, and its core properties", async () => {
    const result = await extract("sample.docx", fixture("sample.docx"));
    expect(result).toMatchObject({
      ok: true,
      format: "docx",
      text: "The convoy reached the border on 3 May.\n\nOfficials said 7 trucks were turned back.",
      metadata: { title: "Field notes & findings", authors: ["Amina Okafor"], published: "2023-11-05", language: "fr-FR" },
    });
    if (result.ok) expect(result.bytes).toBeUndefined();
  });

  it.each<[string, string, RegExp]>([
    ["bomb.docx", "archive_too_large", /^bomb\.docx: .*zip bomb/],
    ["traversal.docx", "archive_too_large", /^traversal\.docx: .*\.\.\/evil\.txt/],
  ])("rejects %s before extracting", async (name, code, message) => {
    const result = await extract(name, fixture(name));
    expect(result).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
  });

  it("rejects a lying central directory (an entry inflating beyond its declared size)", async () => {
    const zip = patchCentral(
      await buildZip({ "word/document.xml": MINIMAL_DOCUMENT_XML, "word/media/zeros.bin": new Uint8Array(4 * 1024 * 1024) }),
      "word/media/zeros.bin",
      { uncompressedSize: 100 },
    );
    expect(await extract("lying.docx", zip)).toMatchObject({ ok: false, error: { code: "archive_too_large" } });
  });

  it("recognises a password-protected (OLE container) Word file", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]);
    expect(await extract("locked.docx", ole)).toMatchObject({ ok: false, error: { code: "malformed", message: expect.stringMatching(/^locked\.docx: this is a password-protected Word document or an old \.doc file/) } });
  });

  it("reports a ZIP that is not a Word document as malformed", async () => {
    const zip = await buildZip({ "content.xml": "<office/>" });
    expect(await extract("odt-renamed.docx", zip)).toMatchObject({ ok: false, error: { code: "malformed", message: expect.stringContaining("word/document.xml is missing") } });
  });

  it("reports broken document XML as malformed", async () => {
    const zip = await buildZip({ "word/document.xml": "<w:document><w:body><w:p>" });
    expect(await extract("broken.docx", zip)).toMatchObject({ ok: false, error: { code: "malformed", message: expect.stringMatching(/^broken\.docx: /) } });
  });

  it("reports a document with no text as empty", async () => {
    const zip = await buildZip({ "word/document.xml": docXml("<w:p></w:p><w:p><w:r><w:t>   </w:t></w:r></w:p>") });
    expect(await extract("blank.docx", zip)).toMatchObject({ ok: false, error: { code: "empty" } });
  });

  it("collapses empty paragraphs to a single blank line and keeps text without core.xml", async () => {
    const zip = await buildZip({ "word/document.xml": docXml(para("One") + "<w:p/><w:p/>" + para("Two  ")) });
    const result = await extract("plain.docx", zip);
    expect(result).toMatchObject({ ok: true, text: "One\n\nTwo", metadata: {} });
  });

  it("cleans markup and splits authors in core properties", async () => {
    const core = `<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dc="y" xmlns:dcterms="z"><dc:title>  &lt;b&gt;Bold&lt;/b&gt; title </dc:title><dc:creator>A. One; B. Two</dc:creator><dcterms:created>not a date</dcterms:created></cp:coreProperties>`;
    const zip = await buildZip({ "word/document.xml": docXml(para("Body")), "docProps/core.xml": core });
    const result = await extract("meta.docx", zip);
    expect(result).toMatchObject({ ok: true, metadata: { title: "Bold title", authors: ["A. One", "B. Two"] } });
    if (result.ok) expect(result.metadata.published).toBeUndefined();
  });

  it("ignores a damaged core.xml instead of failing the import", async () => {
    const zip = await buildZip({ "word/document.xml": docXml(para("Body")), "docProps/core.xml": "<<<not xml" });
    expect(await extract("meta.docx", zip)).toMatchObject({ ok: true, text: "Body" });
  });
});
