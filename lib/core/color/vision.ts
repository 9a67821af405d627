/**
 * Colour-vision deficiency simulation: what a protanope or deuteranope sees in place of a colour.
 * Uses the full-severity (1.0) matrices of Machado, Oliveira & Fernandes, "A Physiologically-based
 * Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6), 2009, applied in linear RGB.
 */
import { linearToSrgb, srgbToLinear, type Rgb } from "./srgb";

export type Deficiency = "protanopia" | "deuteranopia";

export const DEFICIENCIES: readonly Deficiency[] = ["protanopia", "deuteranopia"];

type Matrix = readonly [Rgb, Rgb, Rgb];

const MATRICES: Record<Deficiency, Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
};

/** The encoded sRGB colour a viewer with `deficiency` perceives for `rgb` (clipped to the gamut). */
export function simulate(rgb: Rgb, deficiency: Deficiency): Rgb {
  const lin = srgbToLinear(rgb);
  const m = MATRICES[deficiency];
  const row = (r: Rgb) => r[0] * lin[0] + r[1] * lin[1] + r[2] * lin[2];
  return linearToSrgb([row(m[0]), row(m[1]), row(m[2])]);
}
