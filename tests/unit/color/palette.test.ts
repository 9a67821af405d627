/**
 * The palette check of issue 10: the claim-type colours stay apart in normal vision and under
 * simulated protanopia and deuteranopia, stand out against the reading page, and the highlight tint
 * keeps the text at WCAG AA. Checked on the shipped defaults, the suggested palette and the real
 * tint function, against the page colours the stylesheet defines.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CLAIM_TYPES } from "@/lib/core/claim-types";
import { contrastRatio, WCAG_AA_TEXT } from "@/lib/core/color/contrast";
import { deltaE2000, rgbToLab } from "@/lib/core/color/lab";
import { MIN_TYPE_DELTA_E, suggestTypeColor, TYPE_PALETTE, UNDERLINE_STYLES, underlineStyleAt, withTypeCues } from "@/lib/core/color/palette";
import { composite, hexToRgb, type Rgb } from "@/lib/core/color/srgb";
import { simulate } from "@/lib/core/color/vision";
import { HIGHLIGHT_ALPHA_PERCENT, highlightCss, typeTint, underlineDecoration } from "@/components/editor/highlight-css";

/** The light theme's custom properties (the first `:root` block of the app's stylesheet). */
function pageColours(): { surface: string; ink: string } {
  const css = readFileSync(path.join(process.cwd(), "app/globals.css"), "utf8");
  const root = /:root\s*{([^}]*)}/.exec(css)?.[1] ?? "";
  const prop = (name: string) => {
    const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})\\s*;`).exec(root);
    if (!m) throw new Error(`--${name} not found in app/globals.css`);
    return m[1]!;
  };
  return { surface: prop("surface"), ink: prop("ink") };
}

const VISIONS: [string, (c: Rgb) => Rgb][] = [
  ["normal vision", (c) => c],
  ["protanopia", (c) => simulate(c, "protanopia")],
  ["deuteranopia", (c) => simulate(c, "deuteranopia")],
];

const pairs = <T,>(xs: readonly T[]): [T, T][] => xs.flatMap((x, i) => xs.slice(i + 1).map((y) => [x, y] as [T, T]));
const difference = (a: string, b: string, see: (c: Rgb) => Rgb) => deltaE2000(rgbToLab(see(hexToRgb(a))), rgbToLab(see(hexToRgb(b))));

const defaults = DEFAULT_CLAIM_TYPES.map((t) => t.color);
const { surface, ink } = pageColours();

describe("default claim types", () => {
  it("take their colours from the palette, all different", () => {
    for (const c of defaults) expect(TYPE_PALETTE).toContain(c);
    expect(new Set(defaults).size).toBe(defaults.length);
  });

  describe.each(VISIONS)("under %s", (_name, see) => {
    it.each(pairs(defaults))(`%s and %s are at least ΔE2000 ${MIN_TYPE_DELTA_E} apart`, (a, b) => {
      expect(difference(a, b, see)).toBeGreaterThanOrEqual(MIN_TYPE_DELTA_E);
    });
  });

  describe.each(VISIONS)("highlighted, under %s", (_name, see) => {
    it.each(pairs(defaults))(`the tints of %s and %s are at least ΔE2000 ${MIN_TYPE_DELTA_E} apart`, (a, b) => {
      const d = deltaE2000(rgbToLab(see(typeTint(a, surface)!)), rgbToLab(see(typeTint(b, surface)!)));
      expect(d).toBeGreaterThanOrEqual(MIN_TYPE_DELTA_E);
    });
  });

  it("get different underline styles", () => {
    const styles = withTypeCues(DEFAULT_CLAIM_TYPES).map((t) => t.underline);
    expect(new Set(styles).size).toBe(DEFAULT_CLAIM_TYPES.length);
  });
});

describe("suggested palette", () => {
  describe.each(VISIONS)("under %s", (_name, see) => {
    it(`keeps every pair at least ΔE2000 ${MIN_TYPE_DELTA_E} apart`, () => {
      const close = pairs(TYPE_PALETTE).filter(([a, b]) => difference(a, b, see) < MIN_TYPE_DELTA_E);
      expect(close).toEqual([]);
    });
  });

  it.each(TYPE_PALETTE)("%s stands out against the page (3:1) and keeps text readable over its tint (AA)", (c) => {
    expect(contrastRatio(hexToRgb(c), hexToRgb(surface))).toBeGreaterThanOrEqual(3);
    const tint = typeTint(c, surface);
    expect(tint).not.toBeNull();
    expect(contrastRatio(tint!, hexToRgb(ink))).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
  });

  it.each(pairs(defaults))("text stays readable where %s and %s overlap", (a, b) => {
    // Two type highlights over the same words: the second tint is painted over the first.
    const under = typeTint(a, surface)!;
    const both = composite(hexToRgb(b), HIGHLIGHT_ALPHA_PERCENT / 100, under);
    expect(contrastRatio(both, hexToRgb(ink))).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
  });

  it("suggests the first colour not in use", () => {
    expect(suggestTypeColor([])).toBe(TYPE_PALETTE[0]);
    expect(suggestTypeColor([TYPE_PALETTE[0].toUpperCase(), TYPE_PALETTE[2]])).toBe(TYPE_PALETTE[1]);
    expect(TYPE_PALETTE).toContain(suggestTypeColor([...TYPE_PALETTE]));
  });
});

describe("typeTint", () => {
  it("is the colour at the highlight opacity over the surface", () => {
    const t = typeTint("#000000", "#ffffff")!;
    for (const c of t) expect(c).toBeCloseTo(1 - HIGHLIGHT_ALPHA_PERCENT / 100, 10);
    expect(typeTint("rebeccapurple", "#ffffff")).toBeNull();
  });
});

describe("underline styles", () => {
  it("are assigned by position, cycling, stable as types are added", () => {
    expect(UNDERLINE_STYLES.map((_, i) => underlineStyleAt(i))).toEqual([...UNDERLINE_STYLES]);
    expect(underlineStyleAt(UNDERLINE_STYLES.length)).toBe(UNDERLINE_STYLES[0]);
    const three = withTypeCues([{ id: "a" }, { id: "b" }, { id: "c" }]);
    const four = withTypeCues([{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }]);
    expect(four.slice(0, 3)).toEqual(three);
  });

  it("are drawn by the type highlights", () => {
    const css = highlightCss("claim", [["attack", "#c0392b", "dashed"], ["plain", "#1f7a8c"]]);
    expect(css).toContain(`::highlight(claim-attack) { background-color: color-mix(in srgb, #c0392b ${HIGHLIGHT_ALPHA_PERCENT}%, transparent); text-decoration: underline dashed 2px #c0392b; }`);
    expect(css).toContain(`::highlight(claim-plain) { background-color: color-mix(in srgb, #1f7a8c ${HIGHLIGHT_ALPHA_PERCENT}%, transparent); }`);
    expect(underlineDecoration("double", "x;}")).toBe("underline double 3px #9ca3af");
  });
});
