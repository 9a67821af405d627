/**
 * Import against a real database: the five sample reports (one mis-decoded) stored with the source's
 * offsets, an offset map where canonicalization changed them, a report that says what changed and how
 * the text was obtained, duplicates refused with a link to the existing document, the repair declinable
 * (and the report then describing the text shown), metadata given at import, metadata edits versioned,
 * text frozen once annotated.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { useTestDatabase, testEngines } from "../support/db";
import { makeUser, makeProject, corpusFile, claimTypeByKey } from "../support/factories";
import type { OpenDatabase } from "@/lib/db/engine";
import { failure } from "../support/errors";
import { getDocumentPage } from "@/lib/services/document-page";
import { importDocument, updateDocumentMetadata, revertToOriginalText } from "@/lib/services/documents";
import { createClaim, deleteClaim } from "@/lib/services/claims";
import { getDb } from "@/lib/db/client";
import { canonicalToSource, sourceToCanonical, type SourceMap } from "@/lib/core/text";

/** Code-point index of a phrase in a text. */
const cpIndexOf = (text: string, phrase: string) => {
  const at = text.indexOf(phrase);
  return at < 0 ? -1 : Array.from(text.slice(0, at)).length;
};


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

  const stored = async (documentId: string) =>
    (await getDb()).document.findFirstOrThrow({ where: { id: documentId }, select: { text: true, sourceMap: true, importReport: true, originalImport: true } });

  it("stores sample 001 with the source file's offsets, and its report says exactly what canonicalization changed", async () => {
    const p = (await makeProject(user.id, "offsets 001")).id;
    const file = corpusFile("001");
    const source = new TextDecoder().decode(file.bytes);
    expect(source.startsWith("\n\n")).toBe(true); // the blank lines that used to be trimmed away
    const out = await importDocument(user.id, p, file);
    const { document } = await getDocumentPage(user.id, p, out.documentId);
    for (const phrase of ["Islamic State in Khorasan Province (ISKP)", "AT A GLANCE", "Overview"]) {
      expect(cpIndexOf(document.text, phrase)).toBeGreaterThanOrEqual(0);
      expect(cpIndexOf(document.text, phrase)).toBe(cpIndexOf(source, phrase));
    }
    expect(cpIndexOf(document.text, "Islamic State in Khorasan Province (ISKP)")).toBe(2);
    expect(document.text).toBe(source);
    expect(out.report.canonical.changes).toEqual([]);
    expect(out.report.offsets).toBe("identity");
    expect(out.report.changes).toEqual([
      "Canonical form: nothing needed changing (line breaks, control characters, Unicode normalization).",
      "Offsets in the stored text equal the source's.",
    ]);
    expect(out.report.obtained).toBe("UTF-8 text");
    expect((await stored(out.documentId)).sourceMap).toBeNull();
  });

  it("reports each change of a CRLF file with counts and first positions, and maps source offsets to stored ones", async () => {
    const p = (await makeProject(user.id, "offsets crlf")).id;
    const source = "\r\nFirst line\r\n\r\nSecond e\u0301 line\u0007 here\r\nThird line\r\n";
    const out = await importDocument(user.id, p, { fileName: "windows.txt", bytes: new TextEncoder().encode(source) });
    expect(out.report.canonical.changes).toEqual([
      { kind: "crlf", count: 5, firstOffsets: [0, 12, 14, 36, 48] },
      { kind: "control", count: 1, firstOffsets: [30], codes: ["U+0007"] },
      { kind: "nfc", count: 1, firstOffsets: [23] },
    ]);
    expect(out.report.changes).toEqual([
      "5 CRLF line breaks converted to LF, at offsets 0, 12, 14, 36, 48.",
      "1 control character (U+0007) removed, at offset 30.",
      "1 character normalized to Unicode NFC (e.g. e + combining accent -> é), at offset 23.",
      "Offsets in the stored text differ from the source's after the first change; the document keeps a map between the two.",
    ]);
    const row = await stored(out.documentId);
    expect(row.text).toBe("\nFirst line\n\nSecond é line here\nThird line\n");
    const map = row.sourceMap as unknown as SourceMap;
    expect(map).not.toBeNull();
    for (const phrase of ["First line", "Second", "é line", " here", "Third line"]) {
      const s = cpIndexOf(source, phrase === "é line" ? "e\u0301 line" : phrase);
      const c = cpIndexOf(row.text, phrase);
      expect(sourceToCanonical(map, s)).toBe(c);
      // Where a character was removed just before, the stored offset has two source counterparts.
      expect(canonicalToSource(map, c, "forward")).toBe(s);
      expect(canonicalToSource(map, c, "backward")).toBe(phrase === " here" ? s - 1 : s);
    }
    // The end of the file maps to the end of the stored text.
    expect(sourceToCanonical(map, Array.from(source).length)).toBe(Array.from(row.text).length);
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
    // The stored map goes from the file's text, through the repair, to the stored text.
    const source = new TextDecoder().decode(corpusFile("003").bytes);
    const before = await stored(out.documentId);
    expect(before.importReport).toMatchObject({ mojibake: { applied: true }, offsets: "map" });
    const map = before.sourceMap as unknown as SourceMap;
    const at = cpIndexOf(source, "Khurasan Province");
    const c = sourceToCanonical(map, at);
    expect(Array.from(document.text).slice(c, c + 17).join("")).toBe("Khurasan Province");
    expect(before.originalImport).toMatchObject({ report: { mojibake: { applied: false } } });

    const back = await revertToOriginalText(user.id, projectId, out.documentId, document.version);
    const after = await getDocumentPage(user.id, projectId, out.documentId);
    expect(after.document.version).toBe(back.version);
    expect(after.document.text).toContain("State鈥檚");
    // The stored report now describes the text shown: the repair declined, not done.
    const now = await stored(out.documentId);
    const report = now.importReport as { mojibake: { applied: boolean }; warnings: string[]; offsets: string };
    expect(report.mojibake.applied).toBe(false);
    expect(report.warnings.join(" ")).toContain("the repair was declined");
    expect(report.warnings.join(" ")).not.toMatch(/^Repaired /m);
    expect(report.offsets).toBe("identity");
    expect(now.sourceMap).toBeNull();
    expect(now.originalImport).toBeNull();
    expect(cpIndexOf(now.text, "Khurasan Province")).toBe(cpIndexOf(source, "Khurasan Province"));
  });

  it("says how Word and pasted texts were obtained instead of an encoding", async () => {
    const p = (await makeProject(user.id, "obtained")).id;
    const docx = new Uint8Array(readFileSync(path.join(process.cwd(), "tests/fixtures/import/sample.docx")));
    expect((await importDocument(user.id, p, { fileName: "sample.docx", bytes: docx })).report.obtained).toBe("Word document body text");
    expect((await importDocument(user.id, p, { fileName: "Pasted", pastedText: "Some pasted words." })).report.obtained).toBe("pasted text");
    const pdf = new Uint8Array(readFileSync(path.join(process.cwd(), "tests/fixtures/import/text.pdf")));
    expect((await importDocument(user.id, p, { fileName: "text.pdf", bytes: pdf })).report.obtained).toMatch(/^text layer of a \d+-page PDF$/);
  });

  it("takes metadata given with the upload over the file's, and returns what the file said", async () => {
    const p = (await makeProject(user.id, "metadata at import")).id;
    const docx = new Uint8Array(readFileSync(path.join(process.cwd(), "tests/fixtures/import/sample.docx")));
    const out = await importDocument(user.id, p, { fileName: "sample.docx", bytes: docx }, {
      metadata: { title: "Given title", publisher: "Given publisher", published: "2015-01", url: "https://example.org/r" },
    });
    expect(out.fromFile.title).toBeTruthy();
    expect(out.metadata).toMatchObject({ title: "Given title", publisher: "Given publisher", published: "2015-01", url: "https://example.org/r" });
    const { document } = await getDocumentPage(user.id, p, out.documentId);
    expect(document).toMatchObject({ title: "Given title", published: "2015-01", publishedPrecision: "month" });
    // Not given: the file's value stays.
    expect(document.authors).toEqual(out.fromFile.authors ?? []);
    const err = await failure(importDocument(user.id, p, { fileName: "x.txt", pastedText: "Other words." }, { metadata: { published: "January 2015" } }));
    expect(err.code).toBe("invalid");
    expect(err.message).toContain("YYYY");
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

  it("refuses metadata given with the upload that does not validate, naming the problem", async () => {
    // Given by a person, a bad value is refused rather than dropped (a value read from a file that
    // does not validate is left out on its own: see lib/import/metadata.ts and mergeMetadata).
    const err = await failure(importDocument(user.id, projectId, { fileName: "kept.txt", pastedText: "Metadata that partly fails." }, {
      metadata: { title: "Kept title", authors: ["A. Author"], url: "ftp://not-http.example/x", language: "en" },
    }));
    expect(err.code).toBe("invalid");
    expect(err.message).toContain("http(s)");
    const out = await importDocument(user.id, projectId, { fileName: "kept.txt", pastedText: "Metadata that partly fails." }, {
      metadata: { title: "Kept title", authors: ["A. Author"], language: "en" },
    });
    const { document } = await getDocumentPage(user.id, projectId, out.documentId);
    expect(document).toMatchObject({ title: "Kept title", authors: ["A. Author"], url: "", language: "en" });
    expect((await failure(importDocument(user.id, projectId, { fileName: "d.txt", pastedText: "Impossible date." }, { metadata: { published: "2015-02-30" } }))).code).toBe("invalid");
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
    expect((await failure(revertToOriginalText(user.id, projectId, out.documentId, "2" as unknown as number))).code).toBe("invalid");
  });

  it("freezes the text once the document has a claim", async () => {
    const p3 = (await makeProject(user.id, "frozen")).id;
    const out = await importDocument(user.id, p3, corpusFile("003"));
    const attack = await claimTypeByKey(user.id, p3, "attack");
    await createClaim(user.id, p3, { documentId: out.documentId, claimTypeId: attack.id, spans: [{ start: 0, end: 10 }] });
    expect((await failure(revertToOriginalText(user.id, p3, out.documentId, 1))).code).toBe("conflict");
  });

  it("keeps the text frozen after its only claim is deleted, and the page no longer offers the original", async () => {
    const p4 = (await makeProject(user.id, "frozen after delete")).id;
    const out = await importDocument(user.id, p4, corpusFile("003"));
    const attack = await claimTypeByKey(user.id, p4, "attack");
    const claim = await createClaim(user.id, p4, { documentId: out.documentId, claimTypeId: attack.id, spans: [{ start: 0, end: 10 }] });
    await deleteClaim(user.id, p4, { claimId: claim.id, version: claim.version });
    const { document } = await getDocumentPage(user.id, p4, out.documentId);
    expect(document).toMatchObject({ hasOriginal: true, annotated: true });
    const err = await failure(revertToOriginalText(user.id, p4, out.documentId, document.version));
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
