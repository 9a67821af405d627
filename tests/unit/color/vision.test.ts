import { describe, expect, it } from "vitest";
import { deltaE2000, rgbToLab } from "@/lib/core/color/lab";
import { hexToRgb, type Rgb } from "@/lib/core/color/srgb";
import { DEFICIENCIES, simulate, type Deficiency } from "@/lib/core/color/vision";

const dE = (a: Rgb, b: Rgb) => deltaE2000(rgbToLab(a), rgbToLab(b));
const seen = (hex: string, d: Deficiency) => simulate(hexToRgb(hex), d);

describe.each(DEFICIENCIES)("simulate(%s)", (d) => {
  it("leaves greys unchanged", () => {
    for (const hex of ["#000000", "#ffffff", "#808080", "#3a3a3a"]) {
      const out = seen(hex, d);
      const rgb = hexToRgb(hex);
      for (let i = 0; i < 3; i++) expect(out[i]).toBeCloseTo(rgb[i]!, 4);
    }
  });

  it("confuses red with green but keeps blue and yellow apart", () => {
    const [red, green, blue, yellow] = ["#d62728", "#2ca02c", "#1f4fbf", "#e8d13a"];
    const normal = dE(hexToRgb(red), hexToRgb(green));
    const simulated = dE(seen(red, d), seen(green, d));
    expect(normal).toBeGreaterThan(40);
    expect(simulated).toBeLessThan(normal / 2);
    expect(dE(seen(blue, d), seen(yellow, d))).toBeGreaterThan(40);
  });

  it("stays in the sRGB gamut", () => {
    for (const hex of ["#ff0000", "#00ff00", "#0000ff", "#ff00ff", "#00ffff"]) {
      for (const c of seen(hex, d)) {
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe("simulate", () => {
  it("differs between protanopia and deuteranopia (protanopes see red darker)", () => {
    const p = rgbToLab(seen("#ff0000", "protanopia"));
    const q = rgbToLab(seen("#ff0000", "deuteranopia"));
    expect(p.L).toBeLessThan(q.L);
  });
});
