import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { decodeBytes } from "@/lib/core/text/decode";
import { decodeUtf8Reporting, scanUtf8 } from "@/lib/core/text/utf8";

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | number[])[]) => {
  const out: number[] = [];
  for (const p of parts) out.push(...p);
  return new Uint8Array(out);
};
const utf16 = (s: string, le: boolean) => {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out.push(...(le ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
  }
  return out;
};
/** Enough well-formed multi-byte UTF-8 that a few bad bytes count as damage, not another encoding. */
const VALID_PADDING = "naïve café résumé — “quoted” ".repeat(4);

describe("BOMs", () => {
  it.each([
    ["UTF-8", concat([0xef, 0xbb, 0xbf], utf8("héllo")), "utf-8"],
    ["UTF-16 LE", concat([0xff, 0xfe], utf16("héllo ✓", true)), "utf-16le"],
    ["UTF-16 BE", concat([0xfe, 0xff], utf16("héllo ✓", false)), "utf-16be"],
  ])("%s BOM is detected, used and stripped", (_name, bytes, encoding) => {
    const r = decodeBytes(bytes);
    expect(r.encoding).toBe(encoding);
    expect(r.bom).toBe(true);
    expect(r.text.startsWith("h")).toBe(true);
    expect(r.text).not.toContain("\uFEFF");
    expect(r.invalidSequences).toEqual([]);
  });

  it("a BOM-only file is empty text", () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({ text: "", encoding: "utf-8", bom: true, invalidSequences: [] });
  });

  it("offsets after a UTF-8 BOM count from the start of the file", () => {
    const r = decodeBytes(concat([0xef, 0xbb, 0xbf], utf8(VALID_PADDING), [0xc3, 0x28]));
    const offset = 3 + utf8(VALID_PADDING).length;
    expect(r.invalidSequences).toEqual([{ byteOffset: offset, bytes: "c3" }]);
  });

  it("odd trailing byte and lone surrogate in UTF-16 are reported", () => {
    const bytes = concat([0xff, 0xfe], utf16("ab", true), [0x00, 0xd8], utf16("c", true), [0x41]);
    const r = decodeBytes(bytes);
    expect(r.invalidSequences).toEqual([
      { byteOffset: 6, bytes: "00d8" },
      { byteOffset: 10, bytes: "41" },
    ]);
    expect(r.text).toBe("ab\uFFFDc\uFFFD");
  });
});

describe("UTF-16 without BOM (NUL pattern)", () => {
  it.each([
    ["utf-16le", true],
    ["utf-16be", false],
  ])("%s", (encoding, le) => {
    const text = "Plain English text, line one.\nLine two.";
    const r = decodeBytes(new Uint8Array(utf16(text, le)));
    expect(r).toEqual({ text, encoding, bom: false, invalidSequences: [] });
  });

  it("UTF-8 with an occasional NUL is not mistaken for UTF-16", () => {
    const r = decodeBytes(utf8("abc\u0000def ghi jkl"));
    expect(r.encoding).toBe("utf-8");
  });
});

describe("strict UTF-8 validation", () => {
  // [name, bytes, expected errors as [offset, hex]]: one error per U+FFFD (WHATWG maximal subparts).
  const cases: [string, number[], [number, string][]][] = [
    ["C3 28: lead byte without continuation", [0x61, 0xc3, 0x28, 0x62], [[1, "c3"]]],
    ["C0 AF: overlong '/'", [0xc0, 0xaf], [[0, "c0"], [1, "af"]]],
    ["E0 80 80: overlong 3-byte", [0xe0, 0x80, 0x80], [[0, "e0"], [1, "80"], [2, "80"]]],
    ["ED A0 80: UTF-16 surrogate", [0x41, 0xed, 0xa0, 0x80], [[1, "ed"], [2, "a0"], [3, "80"]]],
    ["F4 90 80 80: above U+10FFFF", [0xf4, 0x90, 0x80, 0x80], [[0, "f4"], [1, "90"], [2, "80"], [3, "80"]]],
    ["F5: never a lead byte", [0x41, 0xf5, 0x41], [[1, "f5"]]],
    ["FF", [0xff], [[0, "ff"]]],
    ["80: lone continuation byte", [0x41, 0x42, 0x80], [[2, "80"]]],
    ["E2 82 at end: truncated 3-byte", [0x41, 0xe2, 0x82], [[1, "e282"]]],
    ["F0 9F 98 then ASCII: truncated 4-byte", [0xf0, 0x9f, 0x98, 0x41], [[0, "f09f98"]]],
  ];

  it.each(cases)("%s", (_name, raw, expected) => {
    const bytes = new Uint8Array(raw);
    const { text, errors } = decodeUtf8Reporting(bytes);
    const hex = (o: number, l: number) => Array.from(bytes.subarray(o, o + l), (b) => b.toString(16).padStart(2, "0")).join("");
    expect(errors.map((e) => [e.byteOffset, hex(e.byteOffset, e.length)])).toEqual(expected);
    // Same text as the platform's lenient decoder: every U+FFFD is one reported error.
    expect(text).toBe(new TextDecoder().decode(bytes));
    expect(text.match(/\uFFFD/g)?.length).toBe(expected.length);
  });

  it.each(cases)("decodeBytes keeps mostly-valid UTF-8 and reports %s", (_name, raw, expected) => {
    const prefix = utf8(VALID_PADDING);
    const r = decodeBytes(concat(prefix, raw));
    expect(r.encoding).toBe("utf-8");
    expect(r.invalidSequences).toEqual(expected.map(([o, bytes]) => ({ byteOffset: prefix.length + o, bytes })));
    expect(r.text.startsWith(VALID_PADDING)).toBe(true);
  });

  it("accepts well-formed 1- to 4-byte characters", () => {
    const s = "A é € 𝄞 😀 中文";
    expect(scanUtf8(utf8(s))).toEqual({ errors: [], validMultibyte: 6 });
    expect(decodeBytes(utf8(s))).toEqual({ text: s, encoding: "utf-8", bom: false, invalidSequences: [] });
  });

  it("a literal U+FFFD in valid UTF-8 is content, not an error", () => {
    expect(decodeBytes(utf8("lost: \uFFFD")).invalidSequences).toEqual([]);
  });
});

describe("legacy encodings", () => {
  it.each([
    ["caf\\xE9", [0x63, 0x61, 0x66, 0xe9], "café"],
    ["smart quotes 93/94 and euro 80", [0x93, 0x68, 0x69, 0x94, 0x20, 0x80, 0x35], "“hi” €5"],
    ["German", Array.from(iconv.encode("Größe, Übermaß und schöne Grüße.", "windows-1252")), "Größe, Übermaß und schöne Grüße."],
  ])("windows-1252: %s", (_name, raw, expected) => {
    const r = decodeBytes(new Uint8Array(raw));
    expect(r).toEqual({ text: expected, encoding: "windows-1252", bom: false, invalidSequences: [] });
  });

  it("windows-1252 undefined bytes become reported U+FFFD", () => {
    const r = decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x81, 0x41, 0x9d]));
    expect(r.encoding).toBe("windows-1252");
    expect(r.text).toBe("café\uFFFDA\uFFFD");
    expect(r.invalidSequences).toEqual([
      { byteOffset: 4, bytes: "81" },
      { byteOffset: 6, bytes: "9d" },
    ]);
  });

  it("GBK bytes of real Chinese are detected and decoded", () => {
    const chinese = "中华人民共和国是一个历史悠久的国家。我们今天去公园散步，天气非常好，大家都很高兴。";
    const r = decodeBytes(new Uint8Array(iconv.encode(chinese, "gbk")));
    expect(r.encoding).toBe("gb18030");
    expect(r.text).toBe(chinese);
    expect(r.invalidSequences).toEqual([]);
  });

  it("bytes that are mostly invalid UTF-8 are not decoded as UTF-8", () => {
    // One accidental valid pair (C3 A9) among many Latin-1 bytes.
    const bytes = new Uint8Array(iconv.encode("Ça fait très longtemps, garçon. À bientôt, élève! Ã©", "latin1"));
    expect(decodeBytes(bytes).encoding).toBe("windows-1252");
  });
});
