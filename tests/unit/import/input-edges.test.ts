/**
 * Input edges: NUL and other controls in text files, hostile file names, quotes sent decomposed.
 */
import { describe, expect, it } from "vitest";
import { extractFile, MAX_FILE_NAME_LENGTH, sanitizeFileName, sanitizeLabel, sniffFormat } from "@/lib/import";
import { prepareText } from "@/lib/core/text";
import { CodePointIndex, validateSpan } from "@/lib/core/offsets";
import { utf8 } from "./helpers";

/** Emoji (with ZWJ and skin tone), a combining mark, Hebrew and Arabic, and one NUL. */
const UNICODE_WITH_NUL = "Report 👩🏽‍🔬 from the café (e\u0301) — שלום עולם, مرحبا بالعالم.\u0000 Next line 🇺🇦.\n";

describe("controls in text files", () => {
  it("imports a Unicode text with one NUL, removing the NUL and reporting it", async () => {
    const bytes = utf8(UNICODE_WITH_NUL);
    expect(sniffFormat(bytes)).toBe("text");
    const result = await extractFile({ name: "unicode.txt", bytes });
    expect(result).toMatchObject({ ok: true, format: "txt" });
    if (!result.ok) return;
    const prepared = prepareText(result.bytes!, { repair: true });
    expect(prepared.canonical).not.toContain("\u0000");
    expect(prepared.canonical).toBe(UNICODE_WITH_NUL.replace("\u0000", "").normalize("NFC"));
    const control = prepared.report.canonical.changes.find((c) => c.kind === "control");
    expect(control).toMatchObject({ count: 1, codes: ["U+0000"] });
    expect(prepared.report.changes.join(" ")).toContain("1 control character (U+0000) removed");
  });

  it("removes and reports several kinds of controls scattered through a text", () => {
    const text = "Alpha\u0007 beta\u0000 gamma\u001b[0m delta\u0085 end\n".repeat(20);
    expect(sniffFormat(utf8(text))).toBe("text");
    const prepared = prepareText(utf8(text), { repair: false });
    expect(prepared.canonical).toBe("Alpha beta gamma[0m delta end\n".repeat(20));
    expect(prepared.report.canonical.changes.find((c) => c.kind === "control")).toMatchObject({ count: 80, codes: ["U+0007", "U+0000", "U+001B", "U+0085"] });
  });

  it.each<[string, Uint8Array]>([
    ["a PNG header", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])],
    ["records separated by NULs throughout", utf8("field\u0000\u0000x\u0000".repeat(200))],
    ["random-looking bytes with many controls", new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
  ])("still refuses binary data: %s", async (_name, bytes) => {
    expect(sniffFormat(bytes)).toBe("binary");
    expect(await extractFile({ name: "data.txt", bytes })).toMatchObject({ ok: false, error: { code: "content_mismatch" } });
  });
});

describe("file names", () => {
  it.each<[string, string, string]>([
    ["NUL and other controls", "rep\u0000ort\u0007\u009b.txt", "report.txt"],
    ["path separators (only the last segment is kept)", "..\\..\\etc/passwd/notes.md", "notes.md"],
    ["a Windows browser's fake path", "C:\\fakepath\\report.pdf", "report.pdf"],
    ["bidi overrides and isolates", "invoice\u202Efdp.exe\u202C\u2066\u2069.txt", "invoicefdp.exe.txt"],
    ["bidi marks", "\u200Freport\u200E\u061C.pdf", "report.pdf"],
    ["NFD becomes NFC, outer spaces trimmed", "  cafe\u0301.txt  ", "caf\u00e9.txt"],
    ["a lone surrogate becomes U+FFFD", "a\ud800b.txt", "a\ufffdb.txt"],
    ["nothing left", "\u0000\u202E/", ""],
  ])("%s", (_name, raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
    expect(sanitizeFileName(sanitizeFileName(raw))).toBe(expected);
  });

  it("bounds the length and keeps the extension", () => {
    const long = `${"a".repeat(300)}😀${"b".repeat(300)}.docx`;
    const clean = sanitizeFileName(long);
    expect(Array.from(clean)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(clean.endsWith(".docx")).toBe(true);
    expect(sanitizeFileName(clean)).toBe(clean);
  });

  it("keeps slashes in a pasted text's title", () => {
    expect(sanitizeLabel("Report 1/2\u0000 \u202Eon the border")).toBe("Report 1/2 on the border");
  });

  it("echoes a sanitized name in error messages, never a NUL or an override", async () => {
    const result = await extractFile({ name: "evil\u0000\u202E.exe", bytes: utf8("x") });
    expect(result).toEqual({ ok: false, error: { code: "unsupported_type", message: expect.stringMatching(/^evil\.exe: this file type is not supported/) } });
  });
});

describe("quotes sent decomposed", () => {
  const text = "Le café de la gare a fermé à 18 h.".normalize("NFC");
  const index = new CodePointIndex(text);
  const start = text.indexOf("café");

  it("accepts a quote sent in NFD that matches the NFC text", () => {
    const nfd = "café de la gare a fermé".normalize("NFD");
    expect(nfd).not.toBe(nfd.normalize("NFC"));
    expect(validateSpan(text, index, { start, end: start + 23, exact: nfd })).toEqual({ ok: true });
  });

  it("still refuses a quote that names other characters", () => {
    expect(validateSpan(text, index, { start, end: start + 4, exact: "cafe" })).toMatchObject({ ok: false, reason: "exact-mismatch" });
  });
});
