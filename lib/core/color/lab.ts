/**
 * CIE 1976 L*a*b* from sRGB (D65 white, 2° observer) and the CIEDE2000 colour difference
 * (CIE 142-2001, in the formulation of Sharma, Wu & Dalal, Color Res. Appl. 30(1), 2005;
 * kL = kC = kH = 1).
 */
import { srgbToLinear, type Rgb } from "./srgb";

export interface Lab {
  L: number;
  a: number;
  b: number;
}

/** D65 reference white, Y = 1. */
const WHITE = { X: 0.95047, Y: 1, Z: 1.08883 };

/** Linear sRGB -> CIE XYZ (D65): the sRGB primaries' matrix. */
export function linearToXyz([r, g, b]: Rgb): [number, number, number] {
  return [
    0.4124564 * r + 0.3575761 * g + 0.1804375 * b,
    0.2126729 * r + 0.7151522 * g + 0.072175 * b,
    0.0193339 * r + 0.119192 * g + 0.9503041 * b,
  ];
}

const EPSILON = (6 / 29) ** 3;

function labF(t: number): number {
  return t > EPSILON ? Math.cbrt(t) : t / (3 * (6 / 29) ** 2) + 4 / 29;
}

export function xyzToLab([x, y, z]: readonly [number, number, number]): Lab {
  const fx = labF(x / WHITE.X);
  const fy = labF(y / WHITE.Y);
  const fz = labF(z / WHITE.Z);
  return { L: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

/** Encoded sRGB -> L*a*b*. */
export function rgbToLab(rgb: Rgb): Lab {
  return xyzToLab(linearToXyz(srgbToLinear(rgb)));
}

const DEG = Math.PI / 180;
const POW25_7 = 25 ** 7;

/** Hue angle in degrees, 0..360; 0 for a neutral colour. */
function hueDeg(b: number, a: number): number {
  if (a === 0 && b === 0) return 0;
  const h = Math.atan2(b, a) / DEG;
  return h < 0 ? h + 360 : h;
}

/** CIEDE2000 ΔE00 between two L*a*b* colours (symmetric). */
export function deltaE2000(x: Lab, y: Lab): number {
  // Step 1: a' (a rescaled by the chroma-dependent G), C', h'.
  const cMean = (Math.hypot(x.a, x.b) + Math.hypot(y.a, y.b)) / 2;
  const g = 0.5 * (1 - Math.sqrt(cMean ** 7 / (cMean ** 7 + POW25_7)));
  const a1 = (1 + g) * x.a;
  const a2 = (1 + g) * y.a;
  const c1 = Math.hypot(a1, x.b);
  const c2 = Math.hypot(a2, y.b);
  const h1 = hueDeg(x.b, a1);
  const h2 = hueDeg(y.b, a2);

  // Step 2: ΔL', ΔC', ΔH'.
  const dL = y.L - x.L;
  const dC = c2 - c1;
  let dh = 0;
  if (c1 * c2 !== 0) {
    dh = h2 - h1;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  const dH = 2 * Math.sqrt(c1 * c2) * Math.sin((dh / 2) * DEG);

  // Step 3: the weighting functions and the rotation term.
  const lMean = (x.L + y.L) / 2;
  const cpMean = (c1 + c2) / 2;
  let hMean = h1 + h2;
  if (c1 * c2 !== 0) {
    if (Math.abs(h1 - h2) <= 180) hMean = (h1 + h2) / 2;
    else hMean = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
  }
  const t =
    1 -
    0.17 * Math.cos((hMean - 30) * DEG) +
    0.24 * Math.cos(2 * hMean * DEG) +
    0.32 * Math.cos((3 * hMean + 6) * DEG) -
    0.2 * Math.cos((4 * hMean - 63) * DEG);
  const dTheta = 30 * Math.exp(-(((hMean - 275) / 25) ** 2));
  const rc = 2 * Math.sqrt(cpMean ** 7 / (cpMean ** 7 + POW25_7));
  const sl = 1 + (0.015 * (lMean - 50) ** 2) / Math.sqrt(20 + (lMean - 50) ** 2);
  const sc = 1 + 0.045 * cpMean;
  const sh = 1 + 0.015 * cpMean * t;
  const rt = -Math.sin(2 * dTheta * DEG) * rc;

  const l = dL / sl;
  const c = dC / sc;
  const h = dH / sh;
  return Math.sqrt(l * l + c * c + h * h + rt * c * h);
}
