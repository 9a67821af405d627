/**
 * Import against a real database: the five sample reports (one mis-decoded), duplicates refused with
 * a link to the existing document, the repair declinable, metadata edits versioned, text frozen once
 * annotated.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { makeUser, makeProject, corpusFile, claimTypeByKey } from "../support/factories";
import type { OpenDatabase } from "@/lib/db/engine";
import { failure } from "../support/errors";
import { getDocumentPage } from "@/lib/services/document-page";
import { importDocument, updateDocumentMetadata, useOriginalText } from "@/lib/services/documents";
import { createClaim, deleteClaim } from "@/lib/services/claims";


describe.each(testEngines())("documents on %s", (engine) => {
  let db: OpenDatabase;
  let user: { id: string };
  let projectId: string;

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    user = await makeUser("Importer");
    projectId = (await makeProject(user.id)).id;
  });
  afterAll(async () => db?.close());

  it("imports every sample report with a canonical text and a report", async () => {
    for (const prefix of ["000", "001", "002", "004"]) {
      const out = await importDocument(user.id, projectId, corpusFile(prefix));
      const { document } = await getDocumentPage(user.id, projectId, out.documentId);
      expect(document.text.length).toBeGreaterThan(1000);
      expect(document.text).not.toMatch(/[\r\u0000\uFEFF]/);
      expect(document.textLength).toBe(Array.from(document.text).length);
      expect(out.report.mojibake.applied).toBe(false);
    }
  });

  it("repairs the mis-decoded report 003, reports what changed, and can go back to the original", async () => {
    const out = await importDocument(user.id, projectId, corpusFile("003"));
    expect(out.report.mojibake.applied).toBe(true);
    expect(out.report.mojibake.unrecoverable).toBeGreaterThan(0);
    expect(out.report.warnings.join(" ")).toMatch(/could not be recovered/);
    const { document } = await getDocumentPage(user.id, projectId, out.documentId);
    expect(document.text).toContain("Islamic State’s Khurasan Province");
    expect(document.text).not.toContain("鈥");
    expect(document.hasOriginal).toBe(true);
    const back = await useOriginalText(user.id, projectId, out.documentId, document.version);
    const after = await getDocumentPage(user.id, projectId, out.documentId);
    expect(after.document.version).toBe(back.version);
    expect(after.document.text).toContain("State鈥檚");
  });

  it("reports how an HTML file was decoded, as for a text file", async () => {
    // "Café in Kabul." saved as windows-1252: é is the single byte 0xE9.
    const html = new Uint8Array([...new TextEncoder().encode("<!doctype html><html><body><p>Caf"), 0xe9, ...new TextEncoder().encode(" in Kabul.</p></body></html>")]);
    const out = await importDocument(user.id, projectId, { fileName: "legacy.html", bytes: html });
    expect(out.report.encoding).toBe("windows-1252");
    expect(out.report.warnings.join(" ")).toContain("decoded as windows-1252");
    const { document } = await getDocumentPage(user.id, projectId, out.documentId);
    expect(document.text).toBe("Café in Kabul.");
  });

  it("drops a prefilled metadata value that does not validate and keeps the others", async () => {
    const out = await importDocument(user.id, projectId, { fileName: "kept.txt", pastedText: "Metadata that partly fails." }, {
      metadata: { title: "Kept title", authors: ["A. Author"], url: "ftp://not-http.example/x", language: "en" },
    });
    const { document } = await getDocumentPage(user.id, projectId, out.documentId);
    expect(document).toMatchObject({ title: "Kept title", authors: ["A. Author"], url: "", language: "en" });
  });

  it("refuses an identical document with a link to the existing one", async () => {
    const first = await importDocument(user.id, projectId, { fileName: "a.txt", pastedText: "Same words.\r\nSame words again." });
    const err = await failure(importDocument(user.id, projectId, { fileName: "b.txt", pastedText: "Same words.\nSame words again.\n" }));
    expect(err.code).toBe("duplicate");
    expect((err.details as { documentId: string }).documentId).toBe(first.documentId);
  });

  it("keeps the text as decoded when the user declines the repair", async () => {
    const p2 = (await makeProject(user.id, "no repair")).id;
    const out = await importDocument(user.id, p2, corpusFile("003"), { repair: false });
    const { document } = await getDocumentPage(user.id, p2, out.documentId);
    expect(document.text).toContain("State鈥檚");
    expect(out.report.mojibake.applied).toBe(false);
    expect(out.report.mojibake.kind).toBe("utf8-as-gbk");
  });

  it("versions metadata edits and refuses a stale one", async () => {
    const out = await importDocument(user.id, projectId, { fileName: "meta.txt", pastedText: "Metadata test text." });
    const v2 = await updateDocumentMetadata(user.id, projectId, out.documentId, 1, { title: "Edited", authors: ["A. Author"], published: "2022-05", language: "en" });
    expect(v2.version).toBe(2);
    const { document } = await getDocumentPage(user.id, projectId, out.documentId);
    expect(document).toMatchObject({ title: "Edited", authors: ["A. Author"], published: "2022-05", publishedPrecision: "month" });
    expect((await failure(updateDocumentMetadata(user.id, projectId, out.documentId, 1, { title: "Stale" }))).code).toBe("conflict");
    expect((await failure(updateDocumentMetadata(user.id, projectId, out.documentId, 2, { title: "Bad date", published: "May 2022" }))).code).toBe("invalid");
    // Arguments arrive from the network as whatever the caller sent: a bad version is refused as invalid.
    expect((await failure(updateDocumentMetadata(user.id, projectId, out.documentId, Number("x"), { title: "NaN" }))).code).toBe("invalid");
    expect((await failure(useOriginalText(user.id, projectId, out.documentId, "2" as unknown as number))).code).toBe("invalid");
  });

  it("freezes the text once the document has a claim", async () => {
    const p3 = (await makeProject(user.id, "frozen")).id;
    const out = await importDocument(user.id, p3, corpusFile("003"));
    const attack = await claimTypeByKey(user.id, p3, "attack");
    await createClaim(user.id, p3, { documentId: out.documentId, claimTypeId: attack.id, spans: [{ start: 0, end: 10 }] });
    expect((await failure(useOriginalText(user.id, p3, out.documentId, 1))).code).toBe("conflict");
  });

  it("keeps the text frozen after its only claim is deleted, and the page no longer offers the original", async () => {
    const p4 = (await makeProject(user.id, "frozen after delete")).id;
    const out = await importDocument(user.id, p4, corpusFile("003"));
    const attack = await claimTypeByKey(user.id, p4, "attack");
    const claim = await createClaim(user.id, p4, { documentId: out.documentId, claimTypeId: attack.id, spans: [{ start: 0, end: 10 }] });
    await deleteClaim(user.id, p4, { claimId: claim.id, version: claim.version });
    const { document } = await getDocumentPage(user.id, p4, out.documentId);
    expect(document).toMatchObject({ hasOriginal: true, annotated: true });
    const err = await failure(useOriginalText(user.id, p4, out.documentId, document.version));
    expect(err.code).toBe("conflict");
    expect(err.message).toMatch(/already has claims/);
  });

  it("gives a clear error for empty text and for content that contradicts the file name", async () => {
    expect((await failure(importDocument(user.id, projectId, { fileName: "blank.txt", pastedText: " \n\n " }))).code).toBe("invalid");
    const html = new TextEncoder().encode("<!doctype html><html><body>not a pdf</body></html>");
    const err = await failure(importDocument(user.id, projectId, { fileName: "report.pdf", bytes: html }));
    expect(err.message).toContain("report.pdf");
  });
});
