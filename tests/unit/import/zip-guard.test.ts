import { randomBytes } from "node:crypto";
import { mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, type ImportLimits } from "@/lib/import/limits";
import { guardZip, listZipEntries, unsafeEntryName, type ZipPolicy } from "@/lib/import/zip-guard";
import { readZipEntry } from "@/lib/import/zip-entry-stream";
import { bytesSource, fileSource } from "@/lib/import/zip-source";
import { verifyZipSizes } from "@/lib/import/zip-verify";
import { buildZip, fixture, MINIMAL_DOCUMENT_XML, patchCentral, patchEocdCount } from "./helpers";

const limits = (over: Partial<ImportLimits> = {}): ImportLimits => ({ ...DEFAULT_LIMITS, ...over });
const docx = (extra: Record<string, string | Uint8Array> = {}, store = false) =>
  buildZip({ "word/document.xml": MINIMAL_DOCUMENT_XML, ...extra }, store);

describe("unsafeEntryName", () => {
  it.each<[string, RegExp | null]>([
    ["word/document.xml", null],
    ["word/media/image1.png", null],
    ["a..b.xml", null],
    ["word/embeddings/Microsoft_Excel_Worksheet.xlsx", null],
    ["word/embeddings/Embedded_Document.docx", null],
    ["../evil.txt", /leaves the archive/],
    ["word/../../evil", /leaves the archive/],
    ["word\\..\\evil", /leaves the archive/],
    ["/etc/passwd", /absolute path/],
    ["\\windows\\system32", /absolute path/],
    ["C:/evil", /absolute path/],
    ["a\u0000b", /NUL/],
    ["inner.zip", /nested archive/],
    ["word/media/other.docx", /nested archive/],
    ["payload.tar", /nested archive/],
    ["payload.GZ", /nested archive/],
    ["word/embeddings/x.zip", /nested archive/],
    ["word/embeddings/sub/x.xlsx", /nested archive/],
  ])("%s", (name, expected) => {
    const reason = unsafeEntryName(name);
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toMatch(expected);
  });
});

describe("guardZip on the fixtures", () => {
  it("accepts a real small .docx and lists its entries", () => {
    const result = guardZip(fixture("sample.docx"), limits());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.entries.map((e) => e.name).sort()).toEqual(["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml"]);
      expect(result.entries.every((e) => e.method === 8 && e.uncompressedSize > 0)).toBe(true);
    }
  });

  it("rejects the zip bomb by its compression ratio, from the central directory alone", () => {
    expect(guardZip(fixture("bomb.docx"), limits())).toMatchObject({ ok: false, code: "archive_too_large", detail: expect.stringMatching(/padding\.bin is compressed \d+:1/) });
  });

  it("rejects the zip bomb by total expanded size when the ratio limit is lifted", () => {
    const result = guardZip(fixture("bomb.docx"), limits({ maxCompressionRatio: 1e6, maxExpandedBytes: 10 * 1024 * 1024 }));
    expect(result).toMatchObject({ ok: false, code: "archive_too_large", detail: expect.stringMatching(/expand to more than 10 MB/) });
  });

  it("rejects a ../ path", () => {
    expect(guardZip(fixture("traversal.docx"), limits())).toMatchObject({ ok: false, code: "archive_too_large", detail: expect.stringContaining("../evil.txt") });
  });
});

describe("guardZip rules", () => {
  it("rejects more entries than the limit", async () => {
    const zip = await docx({ "a.xml": "a", "b.xml": "b" });
    expect(guardZip(zip, limits({ maxArchiveEntries: 2 }))).toMatchObject({ ok: false, code: "archive_too_large", detail: expect.stringContaining("3 entries") });
    expect(guardZip(zip, limits({ maxArchiveEntries: 3 })).ok).toBe(true);
  });

  it("rejects an EOCD that claims more entries than the limit before walking them", async () => {
    const zip = patchEocdCount(await docx(), 65000);
    expect(guardZip(zip, limits())).toMatchObject({ ok: false, code: "archive_too_large" });
  });

  it("does not ratio-check small entries (tiny repetitive XML is normal)", async () => {
    const zip = await docx({ "word/styles.xml": " ".repeat(60_000) });
    expect(guardZip(zip, limits()).ok).toBe(true);
  });

  it("ratio-checks entries over 64 KB", async () => {
    const zip = await docx({ "word/styles.xml": " ".repeat(70_000) });
    expect(guardZip(zip, limits())).toMatchObject({ ok: false, code: "archive_too_large", detail: expect.stringContaining("word/styles.xml") });
  });

  it("rejects a declared uncompressed size that pushes the total over the limit", async () => {
    const zip = patchCentral(await docx({ "big.bin": "x" }, true), "big.bin", { uncompressedSize: 0xfffffffe });
    expect(guardZip(zip, limits({ maxCompressionRatio: Number.MAX_VALUE }))).toMatchObject({ ok: false, code: "archive_too_large" });
  });

  it("rejects a nested archive", async () => {
    const inner = await buildZip({ "x.txt": "x" });
    expect(guardZip(await docx({ "word/media/inner.zip": inner }), limits())).toMatchObject({ ok: false, code: "archive_too_large", detail: expect.stringContaining("nested archive") });
  });

  it("allows an Office embedding under word/embeddings/", async () => {
    const inner = await buildZip({ "xl/workbook.xml": "<workbook/>" });
    expect(guardZip(await docx({ "word/embeddings/Microsoft_Excel_Worksheet.xlsx": inner }), limits()).ok).toBe(true);
  });

  it.each<[string, Parameters<typeof patchCentral>[2], RegExp]>([
    ["an encrypted entry", { flags: 0x0001 }, /password-protected/],
    ["an unsupported compression method", { method: 14 }, /compression method \(14\)/],
    ["a ZIP64 size marker", { uncompressedSize: 0xffffffff }, /ZIP64/],
  ])("rejects %s as malformed", async (_name, patch, detail) => {
    const zip = patchCentral(await docx(), "word/document.xml", patch);
    expect(guardZip(zip, limits())).toMatchObject({ ok: false, code: "malformed", detail: expect.stringMatching(detail) });
  });

  it("rejects an archive without word/document.xml", async () => {
    expect(guardZip(await buildZip({ "content.xml": "<x/>" }), limits())).toMatchObject({ ok: false, code: "malformed", detail: expect.stringContaining("word/document.xml is missing") });
  });

  it("rejects duplicate names", async () => {
    const zip = await buildZip({ "word/document.xml": MINIMAL_DOCUMENT_XML, "word/documentXxml": "x" });
    // Make the second name identical to the first in both headers, as a crafted archive would.
    const bytes = Buffer.from(zip);
    let at = bytes.indexOf("word/documentXxml");
    while (at >= 0) {
      bytes.write("word/document.xml", at, "latin1");
      at = bytes.indexOf("word/documentXxml", at + 1);
    }
    expect(guardZip(new Uint8Array(bytes), limits())).toMatchObject({ ok: false, code: "malformed", detail: expect.stringContaining("twice") });
  });

  it.each<[string, (z: Uint8Array) => Uint8Array]>([
    ["too short", () => new Uint8Array(10)],
    ["no end of central directory", (z) => z.slice(0, z.length - 22)],
    ["central directory cut off", (z) => new Uint8Array([...z.slice(0, 60), ...z.slice(z.length - 22)])],
  ])("rejects a damaged archive: %s", async (_name, damage) => {
    expect(guardZip(damage(await docx()), limits())).toMatchObject({ ok: false, code: "malformed" });
  });
});

describe("verifyZipSizes", () => {
  it("accepts entries whose real sizes match the central directory", async () => {
    const zip = fixture("sample.docx");
    const guard = guardZip(zip, limits());
    if (!guard.ok) throw new Error("guard failed");
    expect(await verifyZipSizes(zip, guard.entries)).toBeNull();
  });

  it("catches an entry that inflates beyond its declared size (lying central directory)", async () => {
    // 5 MB of zeros declared as 1 KB: the guard's ratio and total checks see nothing wrong.
    const zip = patchCentral(await docx({ "word/media/zeros.bin": new Uint8Array(5 * 1024 * 1024) }), "word/media/zeros.bin", { uncompressedSize: 1024 });
    const guard = guardZip(zip, limits());
    expect(guard.ok).toBe(true);
    if (!guard.ok) return;
    expect(await verifyZipSizes(zip, guard.entries)).toMatchObject({ code: "archive_too_large", detail: expect.stringContaining("beyond its declared size") });
  });

  it("catches an entry that inflates to less than declared", async () => {
    const zip = patchCentral(await docx({ "a.xml": "abc".repeat(100) }), "a.xml", { uncompressedSize: 301 });
    const guard = guardZip(zip, limits());
    if (!guard.ok) throw new Error("guard failed");
    expect(await verifyZipSizes(zip, guard.entries)).toMatchObject({ code: "malformed" });
  });

  it("catches corrupt deflate data", async () => {
    const zip = await docx({ "a.xml": "some text that deflates ".repeat(20) });
    const guard = guardZip(zip, limits());
    if (!guard.ok) throw new Error("guard failed");
    const entry = guard.entries.find((e) => e.name === "a.xml")!;
    const damaged = zip.slice();
    const dataStart = entry.localHeaderOffset + 30 + "a.xml".length;
    damaged.fill(0xff, dataStart, dataStart + entry.compressedSize);
    expect(await verifyZipSizes(damaged, guard.entries)).toMatchObject({ code: "malformed" });
  });

  it("catches a stored entry whose sizes disagree", async () => {
    const zip = patchCentral(await docx({ "a.xml": "abc" }, true), "a.xml", { uncompressedSize: 2 });
    const guard = guardZip(zip, limits());
    if (!guard.ok) throw new Error("guard failed");
    expect(await verifyZipSizes(zip, guard.entries)).toMatchObject({ code: "malformed" });
  });
});

/** The zip with the entry `name` marked as a Unix symbolic link in its central header. */
function asSymlink(zip: Uint8Array, name: string): Uint8Array {
  const bytes = Buffer.from(zip);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
    if (bytes.subarray(at + 46, at + 46 + view.getUint16(at + 28, true)).toString("utf8") !== name) continue;
    view.setUint16(at + 4, (3 << 8) | 20, true);
    view.setUint32(at + 38, (0o120777 << 16) >>> 0, true);
    return new Uint8Array(bytes);
  }
  throw new Error(`${name} is not in the archive`);
}

const policy = (over: Partial<ZipPolicy> = {}): ZipPolicy => ({
  maxEntries: 10, maxExpandedBytes: 1024 * 1024, maxCompressionRatio: 100, required: [], encrypted: "encrypted", zip64: "zip64", ...over,
});

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts).toString("utf8");
}

describe("one walker over any zip source", () => {
  it("lists the same entries from bytes in memory, a byte source and a file, and reads them from the file", async () => {
    // Text that barely compresses, over several of the reader's chunks.
    const notesText = randomBytes(150_000).toString("base64");
    const zip = await docx({ "notes.txt": notesText });
    const dir = await mkdtemp(path.join(tmpdir(), "zip-source-"));
    try {
      const file = path.join(dir, "a.zip");
      await writeFile(file, zip);
      const handle = await open(file, "r");
      try {
        const fromFile = await listZipEntries(fileSource(handle, zip.byteLength), policy());
        const fromBytes = await listZipEntries(bytesSource(zip), policy());
        const guarded = guardZip(zip, limits());
        expect(fromFile).toEqual(guarded);
        expect(fromBytes).toEqual(guarded);
        if (!fromFile.ok) throw new Error("walk failed");
        const notes = fromFile.entries.find((e) => e.name === "notes.txt")!;
        expect(await collect(readZipEntry(fileSource(handle, zip.byteLength), notes))).toBe(notesText);
        expect(await collect(readZipEntry(zip, notes))).toBe(notesText);
      } finally {
        await handle.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a read outside the source", async () => {
    const source = bytesSource(new Uint8Array(10));
    await expect(source.read(8, 4)).rejects.toThrow(RangeError);
    await expect(source.read(-1, 2)).rejects.toThrow(RangeError);
  });

  it("holds an archive to the caller's policy: required entries, allowed names, backslashes", async () => {
    const zip = await buildZip({ "a.jsonl": "{}", "b.jsonl": "{}" });
    expect(await listZipEntries(bytesSource(zip), policy({ required: [{ name: "c.jsonl", missing: "c.jsonl is missing" }] }))).toMatchObject({ ok: false, detail: "c.jsonl is missing" });
    expect(await listZipEntries(bytesSource(zip), policy({ allowed: new Set(["a.jsonl"]) }))).toMatchObject({ ok: false, detail: expect.stringContaining("unknown entry (b.jsonl)") });
    expect(await listZipEntries(bytesSource(zip), policy({ allowed: new Set(["a.jsonl", "b.jsonl"]), required: [{ name: "a.jsonl", missing: "" }] }))).toMatchObject({ ok: true });
    const slashed = await buildZip({ "a\\b.jsonl": "{}" });
    expect(await listZipEntries(bytesSource(slashed), policy({ refuseBackslash: true }))).toMatchObject({ ok: false, detail: expect.stringContaining("backslash") });
    expect((await listZipEntries(bytesSource(slashed), policy())).ok).toBe(true);
    expect(await listZipEntries(bytesSource(zip), policy({ maxEntries: 1 }))).toMatchObject({ ok: false, code: "archive_too_large" });
  });

  it("refuses a symbolic link, in a backup and in a Word document alike", async () => {
    const zip = asSymlink(await docx({ "word/media/link": "/etc/passwd" }), "word/media/link");
    expect(guardZip(zip, limits())).toMatchObject({ ok: false, detail: expect.stringContaining("symbolic link (word/media/link)") });
    expect(await listZipEntries(bytesSource(zip), policy())).toMatchObject({ ok: false, detail: expect.stringContaining("symbolic link") });
  });

  it("says that something which is not a zip archive is not one", async () => {
    expect(await listZipEntries(bytesSource(new TextEncoder().encode("hello")), policy())).toMatchObject({ ok: false, code: "malformed", detail: expect.stringContaining("not a zip archive") });
    expect(await listZipEntries(bytesSource(new Uint8Array(4096)), policy())).toMatchObject({ ok: false, code: "malformed", detail: expect.stringContaining("not a zip archive") });
  });
});
