import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import { contentHash, prepareText } from "@/lib/core/text";
import { canonicalToSource, sourceToCanonical } from "@/lib/core/text/source-map";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const corpusBytes = (name: string) => new Uint8Array(fs.readFileSync(path.join(REPO_ROOT, "prisma/demo/corpus", name)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("prepareText", () => {
  it("bytes: BOM, CRLF and NFC are handled and reported, with positions in the decoded source", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Cafe\u0301\r\nline two\r\n")]);
    const p = prepareText(bytes, { repair: true });
    expect(p.canonical).toBe("Café\nline two\n");
    expect(p.original).toBe(p.canonical);
    expect(p.report).toMatchObject({
      obtained: "UTF-8 text with a byte order mark",
      encoding: "utf-8",
      bom: true,
      invalidSequences: { count: 0, firstOffsets: [] },
      mojibake: { applied: false, kind: null, replacements: [], unrecoverable: 0 },
      canonical: { changes: [{ kind: "crlf", count: 2, firstOffsets: [5, 15] }, { kind: "nfc", count: 1, firstOffsets: [3] }] },
      offsets: "map",
      replacementChars: 0,
      warnings: [],
    });
    expect(p.report.changes).toEqual([
      "The byte order mark at the start of the file was read as the encoding's signature, not as text; offsets count from the character after it.",
      "2 CRLF line breaks converted to LF, at offsets 5, 15.",
      "1 character normalized to Unicode NFC (e.g. e + combining accent -> é), at offset 3.",
      "Offsets in the stored text differ from the source's after the first change; the document keeps a map between the two.",
    ]);
    // "line" starts at 7 in the decoded source ("Cafe\u0301\r\n") and at 5 in the stored text.
    expect(sourceToCanonical(p.map, 7)).toBe(5);
    expect(canonicalToSource(p.map, 5)).toBe(7);
  });

  it("string input is not decoded; the caller says how the text was obtained", () => {
    const p = prepareText("\uFEFFplain\u0000 text", { repair: true, obtained: "pasted text" });
    expect(p.canonical).toBe("plain text");
    expect(p.report.obtained).toBe("pasted text");
    expect(p.report.canonical.changes).toEqual([
      { kind: "control", count: 1, firstOffsets: [6], codes: ["U+0000"] },
      { kind: "bom", count: 1, firstOffsets: [0] },
    ]);
    expect(p.report.changes.slice(0, 2)).toEqual([
      "1 control character (U+0000) removed, at offset 6.",
      "1 U+FEFF (byte order mark or zero-width no-break space) removed, at offset 0.",
    ]);
    expect(p.report.warnings).toEqual([]);
  });

  it("text that needed no change says so and has no map", () => {
    const p = prepareText(utf8("\n\nTitle\n\nBody.\n"), { repair: true });
    expect(p.canonical).toBe("\n\nTitle\n\nBody.\n");
    expect(p.map).toBeNull();
    expect(p.report.offsets).toBe("identity");
    expect(p.report.changes).toEqual([
      "Canonical form: nothing needed changing (line breaks, control characters, Unicode normalization).",
      "Offsets in the stored text equal the source's.",
    ]);
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
    // The map goes through the repair: "continued" is at 24 in the decoded text, 23 in the stored one.
    expect(input.indexOf("continued")).toBe(24);
    expect(on.canonical.indexOf("continued")).toBe(23);
    expect(sourceToCanonical(on.map, 24)).toBe(23);
    expect(on.report.offsets).toBe("map");
    // Kept as decoded, the text has its own report: the repair is declined, not done.
    expect(on.originalMap).toBeNull();
    expect(on.originalReport.mojibake.applied).toBe(false);
    expect(on.originalReport.replacementChars).toBe(1);
    expect(on.originalReport.warnings.join(" ")).toContain("the repair was declined");
    expect(on.report.mojibake).toMatchObject({ applied: true, kind: "utf8-as-gbk", unrecoverable: 1 });
    expect(on.report.replacementChars).toBe(1);
    expect(on.report.warnings).toEqual([
      "Repaired 4 characters mis-decoded as GBK (UTF-8 read as GBK). 1 character could not be recovered and is shown as � (at character 21).",
    ]);
  });

  it("corpus 003 through the whole pipeline", () => {
    const p = prepareText(corpusBytes("003_014557cbd6477717.txt"), { repair: true });
    expect(p.report.encoding).toBe("utf-8");
    expect(p.canonical).toContain("Islamic State’s Khurasan Province");
    expect(p.original).toContain("Islamic State鈥檚 Khurasan Province");
    expect(p.report.replacementChars).toBe(p.report.mojibake.unrecoverable);
    // Offsets map from the file's text through the repair: a phrase lands on the same words.
    const decoded = new TextDecoder().decode(corpusBytes("003_014557cbd6477717.txt"));
    const source = Array.from(decoded);
    const stored = Array.from(p.canonical);
    const at = source.join("").indexOf("Khurasan Province");
    const cpAt = Array.from(decoded.slice(0, at)).length;
    const start = sourceToCanonical(p.map, cpAt);
    expect(stored.slice(start, start + 17).join("")).toBe("Khurasan Province");
    expect(p.report.offsets).toBe("map");
    const last = source.length;
    expect(sourceToCanonical(p.map, last)).toBe(stored.length);
    expect(p.report.warnings.join("\n")).toMatch(/^Repaired \d+ characters mis-decoded as GBK .* \d+ characters could not be recovered/);
  });

  it("corpus 000 through the whole pipeline needs no repair", () => {
    const p = prepareText(corpusBytes("000_c81c167527f63df1.txt"), { repair: true });
    expect(p.report.mojibake.applied).toBe(false);
    expect(p.canonical).toBe(p.original);
    expect(p.canonical.startsWith(" Islamic State Khorasan Province")).toBe(true);
    // Leading and trailing white space are content: the stored text is the file's text.
    expect(p.canonical).toBe(new TextDecoder().decode(corpusBytes("000_c81c167527f63df1.txt")));
    expect(p.map).toBeNull();
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
