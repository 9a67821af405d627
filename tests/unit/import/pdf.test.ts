import { describe, expect, it } from "vitest";
import { extractFile } from "@/lib/import";
import { fixture } from "./helpers";

const pdf = (name: string, limits?: Parameters<typeof extractFile>[1]) => extractFile({ name, bytes: fixture(name) }, limits);

/** A valid PDF with `pages` pages of text, built like the fixture generator does. */
function manyPagesPdf(pages: number): Uint8Array {
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"];
  const kids: string[] = [];
  for (let i = 0; i < pages; i++) {
    const content = `BT /F1 12 Tf 72 720 Td (Page ${i + 1}) Tj ET`;
    kids.push(`${objects.length + 1} 0 R`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length + 2} 0 R >>`);
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(" ")}] /Count ${pages} >>`;
  let out = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

describe("pdf extraction", () => {
  it("reads both pages of text.pdf, pages separated by a blank line", async () => {
    const result = await pdf("text.pdf");
    expect(result).toMatchObject({ ok: true, format: "pdf" });
    if (!result.ok) return;
    expect(result.text).toBe(
      "Attack report\n\nThe attack on 18 April killed 12 people.\nWitnesses said the market was crowded at the time.\n\nPage two continues the report.\nAid groups counted 40 injured.",
    );
    expect(result.bytes).toBeUndefined();
    expect(result.notes).toContain("Text read from 2 PDF pages.");
  });

  it("reads the Info dictionary: title, authors split on ';', creation date, catalog language", async () => {
    const result = await pdf("text.pdf");
    expect(result.ok && result.metadata).toEqual({ title: "Attack report", authors: ["Jane Doe", "John Roe"], published: "2024-04-18", language: "en-GB" });
  });

  it("a PDF with no text layer is empty, with the scanned-image hint", async () => {
    expect(await pdf("scanned.pdf")).toEqual({
      ok: false,
      error: { code: "empty", message: "scanned.pdf: the PDF has no text layer (scanned image?). Run it through OCR first." },
    });
  });

  it("a truncated PDF is malformed", async () => {
    expect(await pdf("corrupt.pdf")).toEqual({
      ok: false,
      error: { code: "malformed", message: "corrupt.pdf: the PDF is damaged or not a valid PDF and cannot be read." },
    });
  });

  it("an encrypted PDF is malformed, and the message says so", async () => {
    const result = await pdf("encrypted.pdf");
    expect(result).toMatchObject({ ok: false, error: { code: "malformed", message: expect.stringMatching(/^encrypted\.pdf: the PDF is encrypted \(password-protected\)/) } });
  });

  it("enforces maxPdfPages", async () => {
    expect(await pdf("text.pdf", { maxPdfPages: 1 })).toEqual({
      ok: false,
      error: { code: "too_large", message: "text.pdf: the PDF has 2 pages; the limit is 1." },
    });
    expect((await pdf("text.pdf", { maxPdfPages: 2 })).ok).toBe(true);
  });

  it("enforces pdfTimeoutMs", async () => {
    const bytes = manyPagesPdf(400);
    // Sanity: the same file reads fine with the default budget.
    const full = await extractFile({ name: "long.pdf", bytes });
    expect(full.ok && full.text!.endsWith("Page 400")).toBe(true);
    const result = await extractFile({ name: "long.pdf", bytes }, { pdfTimeoutMs: 5 });
    expect(result).toMatchObject({ ok: false, error: { code: "timeout", message: expect.stringMatching(/^long\.pdf: reading the PDF took longer than/) } });
  });

  it("does not detach or change the caller's bytes", async () => {
    const bytes = fixture("text.pdf");
    const copy = bytes.slice();
    await extractFile({ name: "text.pdf", bytes });
    expect(bytes).toEqual(copy);
  });

  it("handles several PDFs at once", async () => {
    const results = await Promise.all(["text.pdf", "scanned.pdf", "corrupt.pdf", "text.pdf"].map((n) => pdf(n)));
    expect(results.map((r) => (r.ok ? "ok" : r.error.code))).toEqual(["ok", "empty", "malformed", "ok"]);
  });
});
