import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import { contentHash, prepareText } from "@/lib/core/text";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const corpusBytes = (name: string) => new Uint8Array(fs.readFileSync(path.join(REPO_ROOT, "prisma/demo/corpus", name)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("prepareText", () => {
  it("bytes: BOM, CRLF and NFC are handled and reported", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Cafe\u0301\r\nline two\r\n")]);
    const p = prepareText(bytes, { repair: true });
    expect(p.canonical).toBe("Café\nline two");
    expect(p.original).toBe(p.canonical);
    expect(p.report).toMatchObject({
      encoding: "utf-8",
      bom: true,
      invalidSequences: { count: 0, firstOffsets: [] },
      mojibake: { applied: false, kind: null, replacements: [], unrecoverable: 0 },
      canonical: { newlinesNormalized: 2, normalizationChanged: true, controlsRemoved: 0, bomRemoved: 0 },
      replacementChars: 0,
      warnings: [],
    });
  });

  it("string input is not decoded", () => {
    const p = prepareText("\uFEFFplain\u0000 text", { repair: true });
    expect(p.canonical).toBe("plain text");
    expect(p.report.encoding).toBe("string");
    expect(p.report.canonical.bomRemoved).toBe(1);
    expect(p.report.warnings).toEqual(["Removed 1 invisible control character."]);
  });

  it("invalid UTF-8 is counted, offsets listed, and the � are accounted for", () => {
    const good = utf8("naïve café résumé ".repeat(3));
    const bytes = new Uint8Array([...good, 0xc3, 0x28, ...utf8(" end "), 0xff]);
    const p = prepareText(bytes, { repair: true });
    expect(p.report.encoding).toBe("utf-8");
    expect(p.report.invalidSequences).toEqual({ count: 2, firstOffsets: [good.length, good.length + 7] });
    expect(p.report.replacementChars).toBe(2);
    expect(p.report.warnings).toHaveLength(1);
    expect(p.report.warnings[0]).toContain("2 invalid byte sequences");
  });

  it("legacy encoding produces a warning", () => {
    const p = prepareText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), { repair: true });
    expect(p.canonical).toBe("café");
    expect(p.report.encoding).toBe("windows-1252");
    expect(p.report.warnings[0]).toContain("decoded as windows-1252");
  });

  it("repair is always detected but applied only on request", () => {
    const input = "The group鈥檚 鈥渃ampaign鈥� continued.";
    const off = prepareText(input, { repair: false });
    expect(off.canonical).toBe(input);
    expect(off.report.mojibake).toMatchObject({ applied: false, kind: "utf8-as-gbk", unrecoverable: 1 });
    expect(off.report.warnings[0]).toContain("left as they are");

    const on = prepareText(input, { repair: true });
    expect(on.canonical).toBe("The group’s “campaign\uFFFD continued.");
    expect(on.original).toBe(input);
    expect(on.report.mojibake).toMatchObject({ applied: true, kind: "utf8-as-gbk", unrecoverable: 1 });
    expect(on.report.replacementChars).toBe(1);
    expect(on.report.warnings).toEqual([
      "Repaired 4 characters mis-decoded as GBK (UTF-8 read as GBK). 1 character could not be recovered and is shown as �.",
    ]);
  });

  it("corpus 003 through the whole pipeline", () => {
    const p = prepareText(corpusBytes("003_014557cbd6477717.txt"), { repair: true });
    expect(p.report.encoding).toBe("utf-8");
    expect(p.canonical).toContain("Islamic State’s Khurasan Province");
    expect(p.original).toContain("Islamic State鈥檚 Khurasan Province");
    expect(p.report.replacementChars).toBe(p.report.mojibake.unrecoverable);
    expect(p.report.warnings.join("\n")).toMatch(/^Repaired \d+ characters mis-decoded as GBK .* \d+ characters could not be recovered/);
  });

  it("corpus 000 through the whole pipeline needs no repair", () => {
    const p = prepareText(corpusBytes("000_c81c167527f63df1.txt"), { repair: true });
    expect(p.report.mojibake.applied).toBe(false);
    expect(p.canonical).toBe(p.original);
    expect(p.canonical.startsWith(" Islamic State Khorasan Province")).toBe(true);
  });
});

describe("contentHash", () => {
  it("is the SHA-256 hex of the UTF-8 bytes", async () => {
    const text = "Café — “ISKP” 中文 😀";
    expect(await contentHash(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    expect(await contentHash("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("identical documents from different encodings hash the same after preparation", async () => {
    const a = prepareText(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0d, 0x0a]), { repair: true });
    const b = prepareText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("cafe\u0301\n")]), { repair: true });
    expect(await contentHash(a.canonical)).toBe(await contentHash(b.canonical));
  });
});
