/**
 * The extraction worker's limits, with real threads: a file that needs more memory or time than one
 * import may use fails alone with a clear message, and the next file is read normally.
 */
import { describe, expect, it } from "vitest";
import { extractFile } from "@/lib/import";
import { buildZip, fixture } from "./helpers";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
/** A Word file of `paragraphs` paragraphs of about 1,000 characters each. */
async function bigDocx(paragraphs: number): Promise<Uint8Array> {
  const para = (i: number) => `<w:p><w:r><w:t>${`Paragraph ${i}: `.padEnd(1000, "lorem ipsum dolor ")}</w:t></w:r></w:p>`;
  const body = Array.from({ length: paragraphs }, (_, i) => para(i)).join("");
  return buildZip({ "word/document.xml": `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>` });
}

describe("extraction worker", () => {
  it("fails a file that needs more memory than the worker may use, then reads the next one", async () => {
    // 60 MB of text held by a worker allowed 16 MB of heap: the worker runs out, the caller does not.
    const hungry = await bigDocx(60_000);
    const result = await extractFile({ name: "hungry.docx", bytes: hungry }, { maxTextChars: 50_000_000, workerMemoryMb: 16 });
    expect(result).toEqual({ ok: false, error: { code: "too_large", message: expect.stringMatching(/^hungry\.docx: reading the file needs more than the 16 MB of memory one import may use/) } });
    expect(await extractFile({ name: "sample.docx", bytes: fixture("sample.docx") }, { workerMemoryMb: 16 })).toMatchObject({ ok: true, format: "docx" });
  });

  it("stops a worker that overruns its time, then reads the next file", async () => {
    const slow = await bigDocx(20_000);
    const result = await extractFile({ name: "slow.docx", bytes: slow }, { maxTextChars: 50_000_000, workerTimeoutMs: 1 });
    expect(result).toEqual({ ok: false, error: { code: "timeout", message: expect.stringMatching(/^slow\.docx: reading the file took longer than 0 seconds/) } });
    expect(await extractFile({ name: "text.pdf", bytes: fixture("text.pdf") })).toMatchObject({ ok: true, format: "pdf" });
  });

  it("reads several files at once, more than there are workers", async () => {
    const names = ["sample.docx", "text.pdf", "sample.docx", "text.pdf", "sample.docx"];
    const results = await Promise.all(names.map((name) => extractFile({ name, bytes: fixture(name) })));
    expect(results.map((r) => r.ok)).toEqual(names.map(() => true));
  });
});
