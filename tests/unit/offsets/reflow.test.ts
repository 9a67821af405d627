import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildTextModel, cpToPoint, pmSelectionToOffsets, spanToRange, splitParagraphs } from "@/lib/core/offsets";
import { looksHardWrapped, reflowParagraphs } from "@/lib/core/offsets/reflow";
import { rng } from "./helpers";

/** The text layer of tests/fixtures/import/text.pdf as imported: one newline per line. */
const PDF_TEXT =
  "Attack report\n\nThe attack on 18 April killed 12 people.\nWitnesses said the market was crowded at the time.\n\nPage two continues the report.\nAid groups counted 40 injured.";

/** Every reflowed paragraph is its canonical slice, with joined breaks shown as one character each. */
function expectExact(text: string) {
  const ps = reflowParagraphs(text);
  let last = -1;
  for (const p of ps) {
    expect(p.start).toBeGreaterThan(last);
    expect(p.text.length).toBe(p.end - p.start);
    expect(p.text).not.toContain("\n");
    const canonical = text.slice(p.start, p.end);
    for (let i = 0; i < canonical.length; i++) {
      if (canonical[i] !== p.text[i]) expect(/\s/.test(canonical[i]!) && /[ \u200B\s]/.test(p.text[i]!)).toBe(true);
    }
    last = p.end;
  }
  return ps;
}

describe("reflowParagraphs", () => {
  it("joins a PDF's wrapped lines (one newline each), keeps paragraph breaks, shows the break as a space", () => {
    const ps = expectExact(PDF_TEXT);
    expect(ps.map((p) => p.text)).toEqual([
      "Attack report",
      "The attack on 18 April killed 12 people. Witnesses said the market was crowded at the time.",
      "Page two continues the report.",
      "Aid groups counted 40 injured.",
    ]);
    expect(PDF_TEXT.slice(ps[1]!.start, ps[1]!.end)).toBe("The attack on 18 April killed 12 people.\nWitnesses said the market was crowded at the time.");
  });

  it("reads widely spaced lines (a blank line between lines, a larger gap between paragraphs)", () => {
    const text =
      "Key Takeaway: the group's overarching objective remains to \n\nundermine and ultimately replace the government. The group's attacks \n\nare part of an effort to delegitimize the government at home and \n\nabroad. \n\n \n\nThe group is increasingly targeting neighbouring states as part of its \n\ncampaign to undermine the government. ";
    const ps = expectExact(text);
    expect(ps).toHaveLength(2);
    expect(ps[0]!.text.replace(/\s+/g, " ")).toBe(
      "Key Takeaway: the group's overarching objective remains to undermine and ultimately replace the government. The group's attacks are part of an effort to delegitimize the government at home and abroad. ",
    );
    expect(ps[1]!.text.replace(/\s+/g, " ")).toBe("The group is increasingly targeting neighbouring states as part of its campaign to undermine the government. ");
  });

  it("keeps a short line before a capital as a paragraph's end; joins it before a lower-case continuation", () => {
    const long = "This line runs all the way to the right margin of the page here";
    const text = `Heading\nThe body starts here and ${long}\nand goes on. A short last line.\n${long}\nshort line\ncontinues in lower case`;
    const shown = expectExact(text).map((p) => p.text);
    expect(shown).toEqual([
      "Heading",
      `The body starts here and ${long} and goes on. A short last line.`,
      `${long} short line continues in lower case`,
    ]);
  });

  it("starts a paragraph at a list marker", () => {
    const text = "The findings of the report, listed by the authors, are as follows in full:\n• first finding of many\n• second finding\n2. a numbered one";
    expect(expectExact(text).map((p) => p.text)).toEqual([
      "The findings of the report, listed by the authors, are as follows in full:",
      "• first finding of many",
      "• second finding",
      "2. a numbered one",
    ]);
  });

  it("joins a hyphen at a line's end with a zero-width space, not a space", () => {
    const text = "Islamic State Khorasan Province (IS-\nKP) is both willing and able to attack abroad today and tomorrow.";
    const [p] = expectExact(text);
    expect(p!.text).toBe("Islamic State Khorasan Province (IS-\u200BKP) is both willing and able to attack abroad today and tomorrow.");
    const spaced = "a line that ends in a hyphenated IS- \n\nKP) and goes on with more words after it";
    expect(expectExact(spaced)[0]!.text).toBe("a line that ends in a hyphenated IS-\u200B\u200B\u200BKP) and goes on with more words after it");
  });

  it("never makes a paragraph of white space, and gives one empty paragraph for an empty text", () => {
    expect(reflowParagraphs("")).toEqual([{ start: 0, end: 0, text: "" }]);
    expect(reflowParagraphs(" \n\n \n")).toEqual([{ start: 0, end: 0, text: "" }]);
    expect(reflowParagraphs("\n\n  one\n\n \n\n").map((p) => p.text)).toEqual(["  one"]);
  });

  it("keeps the sample PDF report's text exact and far fewer paragraphs than its lines", () => {
    const text = readFileSync(path.join(__dirname, "../../../prisma/demo/corpus", "000_c81c167527f63df1.txt"), "utf8");
    const ps = expectExact(text);
    expect(ps.length).toBeLessThan(splitParagraphs(text).length / 5);
    expect(ps.some((p) => p.text.includes("remains to   undermine"))).toBe(true);
  });

  it("holds on random line-broken text", () => {
    const next = rng(7);
    const words = ["the", "Attack", "killed", "12", "people.", "IS-", "KP", "•", "said", "🧭", "\u00e9t\u00e9"];
    for (let round = 0; round < 200; round++) {
      let text = "";
      const n = Math.floor(next() * 60);
      for (let i = 0; i < n; i++) text += words[Math.floor(next() * words.length)] + (next() < 0.2 ? "\n".repeat(1 + Math.floor(next() * 3)) : next() < 0.1 ? " \n\n \n\n" : " ");
      expectExact(text);
    }
  });
});

describe("looksHardWrapped", () => {
  const corpus = path.join(__dirname, "../../../prisma/demo/corpus");
  it.each([
    ["000_c81c167527f63df1.txt", true], // a report's PDF text saved as text
    ["001_f42c43737148646d.txt", false], // a web page, a paragraph a line
    ["002_3aa3bfc23594a89e.txt", false], // a transcript
    ["003_014557cbd6477717.txt", false],
    ["004_f1e343f258db40a1.txt", false],
  ])("%s: %s", (file, expected) => {
    expect(looksHardWrapped(readFileSync(path.join(corpus, file), "utf8"))).toBe(expected);
  });

  it("needs enough lines, wrapped at one width", () => {
    expect(looksHardWrapped(PDF_TEXT)).toBe(false); // too few lines to tell
    const wrapped = Array.from({ length: 20 }, (_, i) => (i % 2 ? "and the sentence goes on across the margin of the page" : "while this one carries the words over to the line below")).join("\n");
    expect(looksHardWrapped(wrapped)).toBe(true);
    expect(looksHardWrapped(wrapped.replace(/\n/g, " ").replace(/(.{300})/g, "$1\n\n"))).toBe(false);
  });
});

describe("a reflowed text model", () => {
  const model = buildTextModel(PDF_TEXT, "reflow");

  it("maps offsets across a joined line break exactly", () => {
    const start = PDF_TEXT.indexOf("12 people.");
    const end = PDF_TEXT.indexOf("Witnesses") + "Witnesses".length;
    const range = spanToRange(model, start, end);
    expect(range).toEqual({ from: { paragraph: 1, offset: start - model.paragraphs[1]!.start }, to: { paragraph: 1, offset: end - model.paragraphs[1]!.start } });
    const pmFrom = model.positions.textToPm(start);
    const pmTo = model.positions.textToPm(end);
    expect(pmSelectionToOffsets(model, pmFrom, pmTo)).toEqual({ start, end, exact: "12 people.\nWitnesses" });
  });

  it("round-trips every offset inside a paragraph, and snaps offsets in the gaps", () => {
    for (const p of model.paragraphs) {
      for (let o = p.start; o <= p.end; o++) expect(model.positions.pmToText(model.positions.textToPm(o))).toBe(o);
    }
    // The line break after "Attack report" is outside any paragraph: it snaps to an edge.
    expect(cpToPoint(model, 14, "forward")).toEqual({ paragraph: 1, offset: 0 });
    expect(model.layout).toBe("reflow");
    expect(buildTextModel(PDF_TEXT).paragraphs).toEqual(splitParagraphs(PDF_TEXT));
  });
});
