/**
 * Claim highlights on the dark page: the colours the stylesheet's dark theme defines are the ones the
 * highlight rules are computed for; text over every tint, over two default types overlapping and over
 * the focused claim keeps WCAG AA; underlines stand out (3:1); the default types' tints stay apart in
 * normal and simulated colour-blind vision.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CLAIM_TYPES } from "@/lib/core/claim-types";
import { contrastRatio, WCAG_AA_TEXT } from "@/lib/core/color/contrast";
import { deltaE2000, rgbToLab } from "@/lib/core/color/lab";
import { MIN_TYPE_DELTA_E, TYPE_PALETTE } from "@/lib/core/color/palette";
import { readableTintPercent, standOut, WCAG_NON_TEXT } from "@/lib/core/color/scheme";
import { composite, hexToRgb, rgbToHex, type Rgb } from "@/lib/core/color/srgb";
import { simulate } from "@/lib/core/color/vision";
import {
  DARK_FOCUS_ALPHA_PERCENT, DARK_FOCUS_INK, DARK_HIGHLIGHT_ALPHA_PERCENT, DARK_PAGE, DARK_UNKNOWN_ALPHA_PERCENT, DEFAULT_FOCUS_COLOR,
  darkTypeTint, darkUnderlineColor, highlightCss,
} from "@/components/editor/highlight-css";

/** The custom properties of the stylesheet's dark theme (its `prefers-color-scheme: dark` block's `:root`). */
function darkThemeColours(): Record<string, string> {
  const css = readFileSync(path.join(process.cwd(), "app/globals.css"), "utf8");
  const block = css.slice(css.indexOf("@media (prefers-color-scheme: dark)"));
  const root = /:root\s*{([^}]*)}/.exec(block)?.[1];
  if (!root) throw new Error("no dark :root block in app/globals.css");
  return Object.fromEntries([...root.matchAll(/--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

const surface = hexToRgb(DARK_PAGE.surface);
const ink = hexToRgb(DARK_PAGE.ink);
const defaults = DEFAULT_CLAIM_TYPES.map((t) => t.color);
const tintOf = (c: string) => darkTypeTint(c).tint!;
const pairs = <T,>(xs: readonly T[]): [T, T][] => xs.flatMap((x, i) => xs.slice(i + 1).map((y) => [x, y] as [T, T]));
const VISIONS: [string, (c: Rgb) => Rgb][] = [
  ["normal vision", (c) => c],
  ["protanopia", (c) => simulate(c, "protanopia")],
  ["deuteranopia", (c) => simulate(c, "deuteranopia")],
];

describe("the dark page", () => {
  it("is the one the stylesheet's dark theme defines", () => {
    const theme = darkThemeColours();
    expect(theme.surface).toBe(DARK_PAGE.surface);
    expect(theme.ink).toBe(DARK_PAGE.ink);
  });

  it("keeps its text, muted text and links readable", () => {
    const theme = darkThemeColours();
    for (const bg of ["bg", "surface"]) {
      for (const fg of ["ink", "muted", "accent", "danger", "ok"]) {
        expect(contrastRatio(hexToRgb(theme[fg]!), hexToRgb(theme[bg]!)), `--${fg} on --${bg}`).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
      }
    }
    expect(contrastRatio(hexToRgb(theme["accent-ink"]!), hexToRgb(theme.accent!))).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
  });
});

describe("type highlights on the dark page", () => {
  it.each(TYPE_PALETTE)("%s keeps text at AA over its tint, and its underline stands out (3:1)", (c) => {
    const { percent, tint } = darkTypeTint(c);
    expect(percent).toBeGreaterThan(0);
    expect(percent).toBeLessThanOrEqual(DARK_HIGHLIGHT_ALPHA_PERCENT);
    expect(contrastRatio(tint!, ink)).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
    expect(contrastRatio(hexToRgb(darkUnderlineColor(c)), surface)).toBeGreaterThanOrEqual(WCAG_NON_TEXT);
  });

  it.each(pairs(defaults))("text stays readable where %s and %s overlap", (a, b) => {
    const both = composite(hexToRgb(b), darkTypeTint(b).percent / 100, tintOf(a));
    expect(contrastRatio(both, ink)).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
  });

  describe.each(VISIONS)("under %s", (_name, see) => {
    it.each(pairs(defaults))(`the tints of %s and %s are at least ΔE2000 ${MIN_TYPE_DELTA_E} apart`, (a, b) => {
      expect(deltaE2000(rgbToLab(see(tintOf(a))), rgbToLab(see(tintOf(b))))).toBeGreaterThanOrEqual(MIN_TYPE_DELTA_E);
    });
  });

  it("lowers the opacity of a pale colour until text over it is readable", () => {
    const { percent, tint } = darkTypeTint("#ffffff");
    expect(percent).toBeLessThan(DARK_HIGHLIGHT_ALPHA_PERCENT);
    expect(contrastRatio(tint!, ink)).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
    // One percent more would be too much.
    expect(contrastRatio(composite([1, 1, 1], (percent + 1) / 100, surface), ink)).toBeLessThan(WCAG_AA_TEXT);
  });

  it("uses, for a colour whose value is unknown here, an opacity at which even white keeps text readable", () => {
    expect(darkTypeTint("rebeccapurple")).toEqual({ percent: DARK_UNKNOWN_ALPHA_PERCENT, tint: null });
    expect(contrastRatio(composite([1, 1, 1], DARK_UNKNOWN_ALPHA_PERCENT / 100, surface), ink)).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
    expect(darkUnderlineColor("rebeccapurple")).toBe("color-mix(in srgb, rebeccapurple 60%, white)");
  });
});

describe("the focused claim on the dark page", () => {
  const focus = hexToRgb(DEFAULT_FOCUS_COLOR);
  const over = (under: Rgb) => composite(focus, DARK_FOCUS_ALPHA_PERCENT / 100, under);
  const darkInk = hexToRgb(DARK_FOCUS_INK);

  it("keeps its dark text at AA over the page, each default type and two of them overlapping", () => {
    expect(contrastRatio(over(surface), darkInk)).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
    for (const c of defaults) expect(contrastRatio(over(tintOf(c)), darkInk), c).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
    for (const [a, b] of pairs(defaults)) {
      const both = composite(hexToRgb(b), darkTypeTint(b).percent / 100, tintOf(a));
      expect(contrastRatio(over(both), darkInk), `${a} + ${b}`).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
    }
  });

  it("stands out from every type tint", () => {
    for (const c of TYPE_PALETTE) expect(deltaE2000(rgbToLab(over(surface)), rgbToLab(tintOf(c))), c).toBeGreaterThanOrEqual(MIN_TYPE_DELTA_E);
  });
});

describe("highlightCss", () => {
  it("redraws each type and the focus for the dark page, one line per highlight", () => {
    const css = highlightCss("claim", [["attack", "#1222da", "solid"], ["plain", "#e56e00"]]);
    const lines = css.split("\n");
    expect(lines).toHaveLength(3);
    const { percent } = darkTypeTint("#1222da");
    expect(lines[0]).toContain(
      `@media (prefers-color-scheme: dark) { ::highlight(claim-attack) { background-color: color-mix(in srgb, #1222da ${percent}%, transparent); text-decoration-color: ${darkUnderlineColor("#1222da")}; } }`,
    );
    expect(lines[1]).toMatch(/@media \(prefers-color-scheme: dark\) \{ ::highlight\(claim-plain\) \{ background-color: color-mix\(in srgb, #e56e00 \d+%, transparent\); \} \}$/);
    expect(lines[2]).toContain(`::highlight(claim-focus) { background-color: color-mix(in srgb, ${DEFAULT_FOCUS_COLOR} ${DARK_FOCUS_ALPHA_PERCENT}%, transparent); color: ${DARK_FOCUS_INK}; }`);
  });
});

describe("standOut and readableTintPercent", () => {
  it("leave a colour that already stands out as it is, and lighten one that does not just enough", () => {
    expect(rgbToHex(standOut(hexToRgb("#e56e00"), surface))).toBe("#e56e00");
    const navy = hexToRgb("#1222da");
    const lighter = standOut(navy, surface);
    expect(contrastRatio(lighter, surface)).toBeGreaterThanOrEqual(WCAG_NON_TEXT);
    const lessLight = composite(navy, 0.99, lighter); // a hair back toward the original
    expect(contrastRatio(lessLight, surface)).toBeLessThan(WCAG_NON_TEXT + 0.05);
  });

  it("gives 0 when no opacity keeps the text readable", () => {
    expect(readableTintPercent([1, 1, 1], surface, surface, 40)).toBe(0);
    expect(readableTintPercent([0, 0, 0], surface, ink, 40)).toBe(40);
  });
});
