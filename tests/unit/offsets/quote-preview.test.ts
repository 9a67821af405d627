import { describe, expect, it } from "vitest";
import { quotePreview } from "@/lib/core/offsets";

describe("quotePreview", () => {
  it("keeps a short quote whole, with white space runs as one space", () => {
    expect(quotePreview("a suicide\n\nbomber  attacked", 90)).toBe("a suicide bomber attacked");
  });
  it("cuts a long quote after `max` code points and says so", () => {
    expect(quotePreview("abcdefghij", 4)).toBe("abcd…");
    expect(quotePreview("abcd", 4)).toBe("abcd");
  });
  it("never cuts an emoji in half: astral characters count as one", () => {
    expect(quotePreview("😀😀😀😀", 2)).toBe("😀😀…");
  });
  it("keeps a letter with its combining mark and an emoji sequence together", () => {
    expect(quotePreview("cafe\u0301 noir", 4)).toBe("cafe\u0301…");
    expect(quotePreview("ab👩\u200D💻 rest", 3)).toBe("ab👩\u200D💻…");
  });
});
