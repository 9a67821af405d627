import { describe, expect, it } from "vitest";
import { defaultDecode } from "@/lib/import/decode";

describe("defaultDecode", () => {
  it.each<[string, number[], string]>([
    ["UTF-8", [0x63, 0x61, 0x66, 0xc3, 0xa9], "café"],
    ["UTF-8 BOM stripped", [0xef, 0xbb, 0xbf, 0x68, 0x69], "hi"],
    ["UTF-16 LE BOM", [0xff, 0xfe, 0x68, 0x00, 0xe9, 0x00], "hé"],
    ["UTF-16 BE BOM", [0xfe, 0xff, 0x00, 0x68, 0x00, 0xe9], "hé"],
    ["invalid UTF-8 falls back to Latin-1", [0x63, 0x61, 0x66, 0xe9], "café"],
    ["the fallback maps every byte to the same code point (ISO-8859-1)", [0x93, 0x68, 0x69, 0xff], "\u0093hi\u00ff"],
    ["empty", [], ""],
  ])("%s", (_name, bytes, expected) => {
    expect(defaultDecode(new Uint8Array(bytes))).toBe(expected);
  });
});
