/**
 * Krippendorff's alpha over a reliability data matrix, computed through the coincidence matrix
 * (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011).
 *
 * Input: one array per unit holding the values the coders gave it; `null` / `undefined` is a
 * missing value (a coder who did not code the unit). Units with fewer than two values are not
 * pairable and are dropped, as in the paper. With o_ck the coincidences, n_c their marginals and
 * n the number of pairable values:
 *   D_o = Σ_c Σ_k o_ck δ²_ck / n,   D_e = Σ_c Σ_k n_c n_k δ²_ck / (n (n − 1)),   α = 1 − D_o / D_e.
 * Metrics δ²: nominal 0/1; ordinal (Σ_{g=c..k} n_g − (n_c + n_k)/2)² over the ranks of the values
 * (numbers ascending, or the order given); interval (c − k)²; ratio ((c − k)/(c + k))² (0 when
 * c + k = 0).
 * α is null, with a reason, when it is undefined: no pairable values, or no variation at all
 * (D_e = 0: every pairable value is the same, so agreement cannot be told from chance).
 * Pure; never throws.
 */
export type AlphaMetric = "nominal" | "ordinal" | "interval" | "ratio";
export type AlphaValue = string | number;

export type AlphaResult = {
  alpha: number | null;
  /** Why alpha is null: "no_pairable_values", "no_variation", or "not_numeric" for interval/ratio/ordinal on text. */
  reason?: "no_pairable_values" | "no_variation" | "not_numeric";
  /** Pairable units and values (n). */
  units: number;
  values: number;
  observed: number | null;
  expected: number | null;
};

export type AlphaOptions = {
  metric?: AlphaMetric;
  /** Ordinal only: the categories in their order, when values are not numbers (e.g. ["low", "mid", "high"]). */
  order?: readonly AlphaValue[];
};

type Coincidences = { categories: AlphaValue[]; o: number[][]; n: number[]; total: number; units: number };

function coincidences(units: readonly (readonly (AlphaValue | null | undefined)[])[], categories: AlphaValue[]): Coincidences {
  const index = new Map(categories.map((c, i) => [c, i]));
  const size = categories.length;
  const o = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  let pairable = 0;
  for (const unit of units) {
    const present = unit.filter((v): v is AlphaValue => v !== null && v !== undefined);
    const m = present.length;
    if (m < 2) continue;
    pairable++;
    const counts = new Map<number, number>();
    for (const v of present) counts.set(index.get(v)!, (counts.get(index.get(v)!) ?? 0) + 1);
    // Each ordered pair of distinct values in the unit adds 1/(m − 1): n_c·n_k pairs for c ≠ k,
    // n_c·(n_c − 1) for c = k.
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) o[c][k] += (c === k ? nc * (nc - 1) : nc * nk) / (m - 1);
    }
  }
  const n = o.map((row) => row.reduce((s, x) => s + x, 0));
  return { categories, o, n, total: n.reduce((s, x) => s + x, 0), units: pairable };
}

function metricFor(metric: AlphaMetric, c: Coincidences): (i: number, j: number) => number {
  const v = c.categories as number[];
  switch (metric) {
    case "nominal":
      return (i, j) => (i === j ? 0 : 1);
    case "interval":
      return (i, j) => (v[i] - v[j]) ** 2;
    case "ratio":
      return (i, j) => (v[i] + v[j] === 0 ? 0 : ((v[i] - v[j]) / (v[i] + v[j])) ** 2);
    case "ordinal": {
      // Categories are in rank order here, so the sum runs over the indices between i and j.
      const prefix = [0];
      for (const x of c.n) prefix.push(prefix[prefix.length - 1] + x);
      return (i, j) => {
        const lo = Math.min(i, j);
        const hi = Math.max(i, j);
        return (prefix[hi + 1] - prefix[lo] - (c.n[i] + c.n[j]) / 2) ** 2;
      };
    }
  }
}

function categoriesOf(units: readonly (readonly (AlphaValue | null | undefined)[])[], options: AlphaOptions): AlphaValue[] | null {
  const seen = new Set<AlphaValue>();
  for (const unit of units) for (const v of unit) if (v !== null && v !== undefined) seen.add(v);
  const metric = options.metric ?? "nominal";
  if (metric === "ordinal" && options.order) {
    const known = new Set(options.order);
    return [...seen].every((v) => known.has(v)) ? [...options.order] : null;
  }
  const all = [...seen];
  if (metric === "nominal") return all;
  if (!all.every((v) => typeof v === "number" && Number.isFinite(v))) return null;
  if (metric === "ratio" && (all as number[]).some((v) => v < 0)) return null;
  return (all as number[]).sort((x, y) => x - y);
}

export function krippendorffAlpha(
  units: readonly (readonly (AlphaValue | null | undefined)[])[],
  options: AlphaOptions = {},
): AlphaResult {
  const categories = categoriesOf(units, options);
  if (!categories) return { alpha: null, reason: "not_numeric", units: 0, values: 0, observed: null, expected: null };
  const c = coincidences(units, categories);
  if (c.total === 0) return { alpha: null, reason: "no_pairable_values", units: 0, values: 0, observed: null, expected: null };
  const delta = metricFor(options.metric ?? "nominal", c);
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < categories.length; i++) {
    for (let j = 0; j < categories.length; j++) {
      const d = delta(i, j);
      observed += c.o[i][j] * d;
      expected += c.n[i] * c.n[j] * d;
    }
  }
  observed /= c.total;
  expected /= c.total * (c.total - 1);
  const base = { units: c.units, values: c.total, observed, expected };
  if (expected === 0) return { ...base, alpha: null, reason: "no_variation" };
  return { ...base, alpha: 1 - observed / expected };
}
