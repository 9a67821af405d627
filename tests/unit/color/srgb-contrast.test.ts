import { describe, expect, it } from "vitest";
import { contrastRatio, relativeLuminance } from "@/lib/core/color/contrast";
import { composite, fromLinear, hexToRgb, parseHex, rgbToHex, toLinear } from "@/lib/core/color/srgb";

describe("sRGB", () => {
  it("parses #rgb and #rrggbb, and nothing else", () => {
    expect(parseHex("#f00")).toEqual([1, 0, 0]);
    expect(parseHex("#336699")).toEqual([0x33 / 255, 0x66 / 255, 0x99 / 255]);
    expect(parseHex("red")).toBeNull();
    expect(parseHex("#12345")).toBeNull();
    expect(() => hexToRgb("nope")).toThrow();
  });

  it("round-trips hex and the transfer function", () => {
    for (const hex of ["#000000", "#ffffff", "#c0392b", "#0a0b0c", "#7f8081"]) expect(rgbToHex(hexToRgb(hex))).toBe(hex);
    // The standard pieces meet only to about 1e-7 at the knee (0.04045 vs 0.0031308).
    for (const c of [0, 0.01, 0.04045, 0.2, 0.5, 0.99, 1]) expect(fromLinear(toLinear(c))).toBeCloseTo(c, 6);
    expect(toLinear(0.5)).toBeCloseTo(0.214, 3);
  });

  it("composites an alpha colour over a background", () => {
    expect(composite([1, 0, 0], 0.25, [1, 1, 1])).toEqual([1, 0.75, 0.75]);
    expect(composite([0.2, 0.4, 0.6], 1, [1, 1, 1])).toEqual([0.2, 0.4, 0.6]);
    expect(composite([0.2, 0.4, 0.6], 0, [0, 0, 0])).toEqual([0, 0, 0]);
  });
});

describe("WCAG contrast", () => {
  const white = hexToRgb("#ffffff");
  const black = hexToRgb("#000000");

  it("spans 1:1 to 21:1", () => {
    expect(relativeLuminance(white)).toBeCloseTo(1, 10);
    expect(relativeLuminance(black)).toBe(0);
    expect(contrastRatio(black, white)).toBeCloseTo(21, 10);
    expect(contrastRatio(white, black)).toBeCloseTo(21, 10);
    expect(contrastRatio(white, white)).toBe(1);
  });

  it("puts the AA line for grey on white between #777777 and #767676", () => {
    expect(contrastRatio(hexToRgb("#767676"), white)).toBeCloseTo(4.54, 2);
    expect(contrastRatio(hexToRgb("#777777"), white)).toBeLessThan(4.5);
  });
});
