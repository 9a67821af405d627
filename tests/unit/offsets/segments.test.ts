import { describe, expect, it } from "vitest";
import { nextPunctuationEnd, sentenceAt, snapToWords } from "@/lib/core/offsets";

/** Code point offset of the first `needle` in `text` (plus `plus` code points). */
const cpOf = (text: string, needle: string, plus = 0) => {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in "${text}"`);
  return Array.from(text.slice(0, at)).length + plus;
};
const cut = (text: string, span: { start: number; end: number } | null) => (span ? Array.from(text).slice(span.start, span.end).join("") : null);

describe("snapToWords", () => {
  const snap = (text: string, a: number, b: number) => cut(text, snapToWords(text, a, b));

  it.each<[string, string, string, number, number, string]>([
    // name, text, anchor word, offset of start in anchor, length selected (code points), expected
    ["inside two words", "a suicide bomber attacked", "suicide", 2, 10, "suicide bomber"],
    ["already whole words stay", "a suicide bomber attacked", "suicide", 0, 14, "suicide bomber"],
    ["a hyphenated word is one word", "the state-run media said", "state-run", 7, 4, "state-run media"],
    ["numbers with separators", "about 1,200 fighters", "1,200", 3, 6, "1,200 fighters"],
    ["decimal numbers", "rose by 3.5 percent", "3.5", 2, 3, "3.5 percent"],
    ["apostrophes (straight and curly)", "they don't know IS-KP’s aims", "don't", 1, 2, "don't"],
    ["curly apostrophe inside a word", "IS-KP’s aims", "KP’s", 1, 2, "IS-KP’s"],
    ["combining marks stay with their letters", "the cafe\u0301 owner", "cafe\u0301", 1, 2, "cafe\u0301"],
    ["Arabic", "قال المتحدث باسم الحركة", "المتحدث", 2, 3, "المتحدث"],
    ["punctuation at the edges is not widened", "killed 12 people. Witnesses said", "people", 0, 11, "people. Witnesses"],
  ])("%s", (_name, text, anchor, from, length, expected) => {
    const start = cpOf(text, anchor, from);
    expect(snap(text, start, start + length)).toBe(expected);
  });

  it("leaves emoji and space bounds where they are, and counts offsets in code points", () => {
    const text = "🧭 Kabul 👍🏽 spring";
    // "abul 👍🏽" -> "Kabul 👍🏽": the emoji (two code points, a modifier) is not a word, its edge stays.
    const start = cpOf(text, "abul");
    const end = cpOf(text, " spring");
    expect(snapToWords(text, start, end)).toEqual({ start: start - 1, end });
    expect(snap(text, start, end)).toBe("Kabul 👍🏽");
  });

  it("orders reversed bounds and keeps a collapsed bound in white space", () => {
    const text = "one two three";
    expect(snap(text, 9, 5)).toBe("two three");
    expect(snapToWords(text, 3, 3)).toEqual({ start: 3, end: 3 });
  });

  it("reads only around the bounds of a long text", () => {
    const text = "word ".repeat(200_000) + "inside";
    const at = text.length - 3;
    expect(snapToWords(text, at, at + 1)).toEqual({ start: text.length - 6, end: text.length });
  });
});

describe("sentenceAt", () => {
  const at = (text: string, needle: string, plus = 0) => cut(text, sentenceAt(text, cpOf(text, needle, plus)));

  it("finds the sentence around a position, without the spaces around it", () => {
    const text = "On 18 April a bomb went off. Officials said 12 were killed; more were hurt. Analysts disagree.";
    expect(at(text, "said")).toBe("Officials said 12 were killed; more were hurt.");
    expect(at(text, "On")).toBe("On 18 April a bomb went off.");
    expect(at(text, "disagree", 3)).toBe("Analysts disagree.");
    // Between two sentences: the next one.
    expect(at(text, " Officials")).toBe("On 18 April a bomb went off.");
    expect(at(text, "Officials")).toBe("Officials said 12 were killed; more were hurt.");
  });

  it("does not end a sentence at abbreviations or decimal points", () => {
    const text = "The U.N. Security Council met for 3.5 hours. Gen. Smith and Dr. Jones spoke. It ended.";
    expect(at(text, "Security")).toBe("The U.N. Security Council met for 3.5 hours.");
    expect(at(text, "Smith")).toBe("Gen. Smith and Dr. Jones spoke.");
    expect(at(text, "ended")).toBe("It ended.");
  });

  it("keeps closing quotes with their sentence", () => {
    const text = "He said, “We will strike again.” The statement was brief.";
    expect(at(text, "strike")).toBe("He said, “We will strike again.”");
    expect(at(text, "brief")).toBe("The statement was brief.");
  });

  it("handles Arabic punctuation and emoji, counting code points", () => {
    const text = "🧭 هل انتهى الهجوم؟ قال المتحدث إنه انتهى.";
    expect(at(text, "الهجوم")).toBe("🧭 هل انتهى الهجوم؟");
    const second = sentenceAt(text, cpOf(text, "المتحدث"));
    expect(second).toEqual({ start: cpOf(text, "قال"), end: Array.from(text).length });
  });

  it("ends a sentence at a line break, and finds nothing in white space only", () => {
    expect(at("Heading\nBody text here.", "text")).toBe("Body text here.");
    expect(sentenceAt("   ", 1)).toBeNull();
    expect(sentenceAt("", 0)).toBeNull();
  });
});

describe("nextPunctuationEnd", () => {
  const ext = (text: string, from: string) => {
    const end = nextPunctuationEnd(text, cpOf(text, from));
    return end === null ? null : Array.from(text).slice(cpOf(text, from), end).join("");
  };

  it("extends to the next mark, skipping points and commas inside numbers and initials", () => {
    const text = "Analysts estimate 3-4,000 fighters; the U.N. said 1.5 million, J. Smith wrote: no.";
    expect(ext(text, "Analysts")).toBe("Analysts estimate 3-4,000 fighters;");
    expect(ext(text, " the U.N.")).toBe(" the U.N. said 1.5 million,");
    expect(ext(text, "J. Smith")).toBe("J. Smith wrote:");
    expect(ext(text, " no")).toBe(" no.");
  });

  it("takes closing quotes and brackets with the mark; null when there is none", () => {
    expect(ext("He said “stop.” Then left", "He")).toBe("He said “stop.”");
    expect(ext("no punctuation here", "no")).toBeNull();
  });

  it("starts at the given position: a mark right there is the next one", () => {
    const text = "one, two; three";
    expect(nextPunctuationEnd(text, 3)).toBe(4);
    expect(nextPunctuationEnd(text, 4)).toBe(9);
  });

  it("looks no further than `until`: a mark past it is not found", () => {
    const text = "🧭 no mark in this paragraph\n\nthe next one ends here.";
    const paragraphEnd = Array.from("🧭 no mark in this paragraph").length;
    expect(nextPunctuationEnd(text, 0, undefined, paragraphEnd)).toBeNull();
    expect(nextPunctuationEnd(text, 0)).toBe(Array.from(text).length);
    expect(nextPunctuationEnd("one, two", 0, undefined, 4)).toBe(4);
    expect(nextPunctuationEnd("one, two", 0, undefined, 3)).toBeNull();
  });

  it("knows Arabic and full-width marks, in code points", () => {
    const text = "🧭 قال، ثم غادر؟";
    expect(nextPunctuationEnd(text, 0)).toBe(Array.from("🧭 قال،").length);
    expect(nextPunctuationEnd("東京。大阪", 0)).toBe(3);
  });
});
