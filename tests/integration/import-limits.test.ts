/**
 * Uploads that once could take the server down, against a real database: Word files built to
 * exhaust memory (190 MiB of XML; 100 million characters of text) fail with clear messages while
 * another user's import and document page keep answering; the text cap holds for every source;
 * NUL in a file's text or name is handled, never a 500; an upload declaring 500 MB is refused from
 * its declared size without its body being read.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useTestDatabase, testEngines } from "../support/db";
import { makeUser, makeProject, corpusFile, makeDocument } from "../support/factories";
import { failure } from "../support/errors";
import type { OpenDatabase } from "@/lib/db/engine";
import { importDocument } from "@/lib/services/documents";
import { getDocumentPage } from "@/lib/services/document-page";
import { getDb } from "@/lib/db/client";
import { POST } from "@/app/api/projects/[projectId]/documents/route";
import { hugeXmlDocx, longTextDocx } from "../fixtures/import/hostile-docx";

let hugeXml: Uint8Array;
let longText: Uint8Array;

beforeAll(async () => {
  [hugeXml, longText] = await Promise.all([hugeXmlDocx(), longTextDocx()]);
}, 120_000);

describe.each(testEngines())("import limits on %s", (engine) => {
  let db: OpenDatabase;
  let attacker: { id: string };
  let other: { id: string };
  let attackerProject: string;
  let otherProject: string;
  let otherDocument: string;

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    attacker = await makeUser("Uploader");
    other = await makeUser("Colleague");
    attackerProject = (await makeProject(attacker.id)).id;
    otherProject = (await makeProject(other.id)).id;
    otherDocument = (await makeDocument(other.id, otherProject, "A short report on the northern corridor.")).documentId;
  });
  afterAll(async () => db?.close());
  afterEach(() => {
    delete process.env.ATTEST_MAX_TEXT_CHARS;
  });

  it.each([
    ["huge-xml.docx", () => hugeXml],
    ["long-text.docx", () => longText],
  ])("refuses %s with a clear message while another user's import and page succeed", async (fileName, bytes) => {
    const [hostile, imported, page] = await Promise.allSettled([
      importDocument(attacker.id, attackerProject, { fileName, bytes: bytes() }),
      importDocument(other.id, otherProject, corpusFile("001")),
      getDocumentPage(other.id, otherProject, otherDocument),
    ]);
    expect(hostile.status).toBe("rejected");
    const err = await failure(Promise.reject((hostile as PromiseRejectedResult).reason));
    expect(err.code).toBe("too_large");
    expect(err.message).toBe(`${fileName}: the document has more than 5,000,000 characters of text, the limit for one document. Split it into parts and import them separately.`);
    if (imported.status === "rejected") throw imported.reason;
    expect(imported).toMatchObject({ status: "fulfilled", value: { documentId: expect.any(String) } });
    if (page.status === "rejected") throw page.reason;
    // Nothing of the hostile file was stored.
    expect(await (await getDb()).document.count({ where: { projectId: attackerProject } })).toBe(0);
    await (await getDb()).document.deleteMany({ where: { projectId: otherProject, id: { not: otherDocument } } });
  }, 120_000);

  it("holds text files and pasted text to the configured text cap", async () => {
    process.env.ATTEST_MAX_TEXT_CHARS = "1000";
    const text = "Convoy report. ".repeat(100);
    const fromFile = await failure(importDocument(attacker.id, attackerProject, { fileName: "long.txt", bytes: new TextEncoder().encode(text) }));
    expect(fromFile).toMatchObject({ code: "too_large", message: expect.stringMatching(/^long\.txt: the document has more than 1,000 characters of text/) });
    const pasted = await failure(importDocument(attacker.id, attackerProject, { fileName: "Pasted", pastedText: text }));
    expect(pasted).toMatchObject({ code: "too_large", message: expect.stringMatching(/^Pasted: the document has more than 1,000 characters/) });
    expect(await importDocument(attacker.id, attackerProject, { fileName: "short.txt", pastedText: text.slice(0, 900) })).toMatchObject({ documentId: expect.any(String) });
  });

  it("imports a Unicode text with a NUL, removing and reporting it, under a name stripped of NUL and overrides", async () => {
    const text = "Report 👩🏽‍🔬 from the café (e\u0301) — שלום עולם, مرحبا.\u0000 Next line 🇺🇦.\n";
    const out = await importDocument(attacker.id, attackerProject, { fileName: "uni\u0000code\u202E.txt", bytes: new TextEncoder().encode(text) });
    expect(out.report.changes.join(" ")).toContain("1 control character (U+0000) removed");
    const stored = await (await getDb()).document.findFirst({ where: { id: out.documentId, projectId: attackerProject }, select: { text: true, sourceFileName: true } });
    expect(stored).toEqual({ text: text.replace("\u0000", "").normalize("NFC"), sourceFileName: "unicode.txt" });
  });

  it("answers 413 from the declared size without reading the body", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const req = new NextRequest(`http://localhost/api/projects/${attackerProject}/documents`, {
      method: "POST",
      headers: { origin: "http://localhost", host: "localhost", "content-length": String(500 * 1024 * 1024), "content-type": "multipart/form-data; boundary=x" },
      body,
      duplex: "half",
      // Node needs `duplex` for a streamed body; the DOM RequestInit type does not know it yet.
    } as unknown as ConstructorParameters<typeof NextRequest>[1]);
    const res = await POST(req, { params: Promise.resolve({ projectId: attackerProject }) });
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    expect(await res.json()).toEqual({ error: { code: "too_large", message: "The file is larger than the 20 MB limit." } });
    // The stream may be primed once by the runtime; a read of the body would pull hundreds of times.
    expect(pulled).toBeLessThanOrEqual(1);
  });
});
