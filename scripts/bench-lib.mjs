// Small helpers shared by the benchmark scripts.

/** To two decimals, for milliseconds in results. */
export const round = (x) => Math.round(x * 100) / 100;

/** Bytes as megabytes, to one decimal. */
export const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** One element of `xs`, chosen by the seeded generator `r` (tests/unit/offsets/helpers.ts `rng`). */
export const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
