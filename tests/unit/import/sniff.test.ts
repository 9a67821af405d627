import { describe, expect, it } from "vitest";
import { formatFromFileName, sniffFormat, type SniffedFormat } from "@/lib/import/sniff";
import { fixture, utf8 } from "./helpers";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...utf8(p)] : p)));
const utf16le = (s: string) => [0xff, 0xfe, ...[...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])];
const utf16be = (s: string) => [0xfe, 0xff, ...[...s].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])];

describe("sniffFormat", () => {
  it.each<[string, Uint8Array, SniffedFormat]>([
    ["%PDF- magic", bytes("%PDF-1.7\n..."), "pdf"],
    ["%PDF without dash is not a PDF", bytes("%PDF"), "text"],
    ["PDF magic must be at offset 0", bytes(" %PDF-1.4"), "text"],
    ["ZIP local header magic", bytes([0x50, 0x4b, 0x03, 0x04, 0, 0]), "zip"],
    ["empty ZIP (EOCD only) is not a ZIP with entries", bytes([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]), "binary"],
    ["<!DOCTYPE html>", bytes("<!DOCTYPE html><html></html>"), "html"],
    ["<!doctype html> lower case", bytes("<!doctype html>"), "html"],
    ["<html> start", bytes("<html lang=en><body>x"), "html"],
    ["HTML after UTF-8 BOM and whitespace", bytes([0xef, 0xbb, 0xbf], "\n\t  <HTML>"), "html"],
    ["HTML in UTF-16 LE with BOM", bytes(utf16le("<!DOCTYPE html><p>x")), "html"],
    ["text in UTF-16 BE with BOM (NULs allowed)", bytes(utf16be("hello world")), "text"],
    ["text in UTF-16 LE without a BOM (as the decoder recognises it)", bytes(utf16le("Kabul, 18 April: an attack on a school.").slice(2)), "text"],
    ["HTML in UTF-16 BE without a BOM", bytes(utf16be("<!DOCTYPE html><p>hello</p>").slice(2)), "html"],
    ["<htmlx> is not html", bytes("<htmlx>"), "text"],
    ["HTML later in the file is text (a .txt quoting HTML)", bytes("Notes\n<html><body>"), "text"],
    ["plain ASCII", bytes("Just some words.\r\n"), "text"],
    ["Latin-1 high bytes are text", bytes([0x63, 0x61, 0x66, 0xe9, 0x0a]), "text"],
    ["empty input is text", bytes(), "text"],
    ["a NUL that is a seventh of a tiny file makes it binary", bytes("abc", [0], "def"), "binary"],
    ["one NUL in a longer text stays text (the canonical policy removes it)", bytes("Field notes, day one.", [0], " The road was closed at noon."), "text"],
    ["NULs throughout make it binary", bytes(...Array.from({ length: 50 }, () => ["ab", [0, 0], "c", [0]] as (number[] | string)[]).flat()), "binary"],
    ["many control bytes make it binary", bytes([1, 2, 3, 4, 5, 6, 7, 8], "abcdefghij"), "binary"],
    ["a few control bytes (tab, FF, ESC) stay text", bytes("a\tb\fc\x1b[0m", "d".repeat(50)), "text"],
    ["NUL after the first 8 KB is not looked at", bytes("a".repeat(8192), [0]), "text"],
  ])("%s", (_name, input, expected) => {
    expect(sniffFormat(input)).toBe(expected);
  });

  it.each<[string, SniffedFormat]>([
    ["text.pdf", "pdf"],
    ["fake.pdf", "html"],
    ["sample.docx", "zip"],
    ["article.html", "html"],
    ["notes.md", "text"],
  ])("fixture %s sniffs as %s", (name, expected) => {
    expect(sniffFormat(fixture(name))).toBe(expected);
  });
});

describe("formatFromFileName", () => {
  it.each<[string, ReturnType<typeof formatFromFileName>]>([
    ["notes.txt", "txt"],
    ["NOTES.TXT", "txt"],
    ["readme.text", "txt"],
    ["post.md", "md"],
    ["post.markdown", "md"],
    ["page.html", "html"],
    ["page.HTM", "html"],
    ["report.pdf", "pdf"],
    ["letter.docx", "docx"],
    ["archive.tar.pdf", "pdf"],
    ["C:\\fakepath\\report.pdf", "pdf"],
    ["dir/sub/report.docx", "docx"],
    ["letter.doc", null],
    ["sheet.xlsx", null],
    ["image.png", null],
    ["no-extension", null],
    ["trailing-dot.", null],
    [".md", null],
    ["", null],
    ["report.pdf/", null],
  ])("%s -> %s", (name, expected) => {
    expect(formatFromFileName(name)).toBe(expected);
  });
});
