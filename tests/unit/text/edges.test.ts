/**
 * Texts that keep their edge white space (leading blank lines, a final newline) since canonicalization
 * stopped trimming: the reading view's paragraphs and position map still render them and map every
 * offset inside a paragraph to exactly its character.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { prepareText } from "@/lib/core/text";
import { buildTextModel, cpToPoint, spanToRange } from "@/lib/core/offsets";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

function checkEveryOffset(text: string) {
  const model = buildTextModel(text);
  const chars = Array.from(text);
  expect(model.paragraphs.length).toBeGreaterThan(0);
  // Every character outside the blank-line separators is shown, at its own place.
  for (let cp = 0; cp < chars.length; cp++) {
    const range = spanToRange(model, cp, cp + 1);
    if (range === null) continue; // a separator newline: not rendered
    const p = model.paragraphs[range.from.paragraph]!;
    expect(p.text.slice(range.from.offset, range.to.offset)).toBe(chars[cp]);
    expect(model.positions.pointToText(cpToPoint(model, cp, "forward"))).toBe(model.index.toUtf16(cp));
  }
  // Rendered paragraph text, joined back with the separators, is the whole text.
  const rebuilt = model.paragraphs.map((p) => p.text);
  expect(rebuilt.join("")).toBe(text.replace(/\n{2,}/g, ""));
}

describe("texts with edge white space", () => {
  it.each([
    ["starts with a blank line", "\n\nTitle\n\nBody text."],
    ["ends with a newline", "Title\n\nBody text.\n"],
    ["both, with astral characters", "\n\n😀 Title\n\nBody 𝐀 text.\n"],
    ["leading single newline and trailing spaces", "\nTitle  \n\nBody.  \n  "],
  ])("%s: every character maps to itself", (_name, text) => {
    checkEveryOffset(prepareText(text, { repair: false }).canonical);
  });

  it("sample 001 (starting with two newlines) keeps the file's offsets and renders them exactly", () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(REPO_ROOT, "prisma/demo/corpus/001_f42c43737148646d.txt")));
    const text = prepareText(bytes, { repair: true }).canonical;
    expect(text.startsWith("\n\nIslamic State in Khorasan Province (ISKP)")).toBe(true);
    const model = buildTextModel(text);
    expect(model.paragraphs[0]).toMatchObject({ start: 2, text: "Islamic State in Khorasan Province (ISKP)" });
    checkEveryOffset(text);
  });
});
