/**
 * sRGB colours as the browser paints them: channels 0..1, gamma-encoded (IEC 61966-2-1).
 * Linear light is what colour maths (XYZ, vision simulation, luminance) works in; compositing
 * (alpha over a background) is done on the encoded values, as browsers blend.
 */
export type Rgb = readonly [number, number, number];

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `#rgb` or `#rrggbb` (case-insensitive); null for anything else. */
export function parseHex(hex: string): Rgb | null {
  const m = HEX.exec(hex.trim());
  if (!m) return null;
  const digits = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d) : [m[1]!.slice(0, 2), m[1]!.slice(2, 4), m[1]!.slice(4, 6)];
  const [r, g, b] = digits.map((d) => parseInt(d, 16) / 255);
  return [r!, g!, b!];
}

/** Like parseHex, but throws: for colours the code itself defines. */
export function hexToRgb(hex: string): Rgb {
  const rgb = parseHex(hex);
  if (!rgb) throw new Error(`not a hex colour: ${hex}`);
  return rgb;
}

export function rgbToHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(clamp01(c) * 255).toString(16).padStart(2, "0")).join("")}`;
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** The sRGB transfer function, inverted: encoded channel -> linear light. */
export function toLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** The sRGB transfer function: linear light -> encoded channel. */
export function fromLinear(l: number): number {
  return l <= 0.0031308 ? 12.92 * l : 1.055 * l ** (1 / 2.4) - 0.055;
}

export function srgbToLinear(rgb: Rgb): Rgb {
  return [toLinear(rgb[0]), toLinear(rgb[1]), toLinear(rgb[2])];
}

export function linearToSrgb(lin: Rgb): Rgb {
  return [fromLinear(clamp01(lin[0])), fromLinear(clamp01(lin[1])), fromLinear(clamp01(lin[2]))];
}

/** `fg` at opacity `alpha` (0..1) painted over an opaque `bg`, blended per encoded channel. */
export function composite(fg: Rgb, alpha: number, bg: Rgb): Rgb {
  return [fg[0] * alpha + bg[0] * (1 - alpha), fg[1] * alpha + bg[1] * (1 - alpha), fg[2] * alpha + bg[2] * (1 - alpha)];
}
