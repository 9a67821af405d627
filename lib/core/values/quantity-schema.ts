/**
 * The quantity value: a count as written plus what it means as low / best / high.
 *
 * Invariants enforced by `QuantitySchema`:
 * - low <= best <= high wherever two of them are present; all present numbers finite and >= 0;
 * - the qualifier fixes the shape (claims.md "Parsing quantities"):
 *   exact: low = best = high, all present;   approx: best present;
 *   at_least / more_than: low present, high empty;   at_most: high present, low empty;
 *   range: low and high present;   none: all three 0;   unknown: all three empty;
 *   unknown_nonzero: any number present is >= 1;   vague: no constraint beyond ordering.
 */
import { z } from "zod";

export const QUALIFIERS = [
  "exact", "approx", "at_least", "more_than", "at_most", "range", "vague", "unknown_nonzero",
  "none", "unknown",
] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** Longest `raw` accepted: a phrase copied from a document, not a paragraph. */
export const MAX_QUANTITY_RAW = 500;
const MAX_WORD = 200;

const bound = z.number().finite().min(0, { error: "must not be negative" }).nullable();

type Shape = { low: number | null; best: number | null; high: number | null };
type Rule = { need?: (keyof Shape)[]; empty?: (keyof Shape)[]; check?: (q: Shape) => string | null };

const SHAPE_RULES: Record<Qualifier, Rule> = {
  exact: {
    need: ["low", "best", "high"],
    check: (q) => (q.low === q.best && q.best === q.high ? null : "an exact figure has low = best = high"),
  },
  approx: { need: ["best"] },
  at_least: { need: ["low"], empty: ["high"] },
  more_than: { need: ["low"], empty: ["high"] },
  at_most: { need: ["high"], empty: ["low"] },
  range: { need: ["low", "high"] },
  vague: {},
  unknown_nonzero: {
    check: (q) => ([q.low, q.best, q.high].some((n) => n !== null && n < 1) ? "an unknown non-zero number is at least 1" : null),
  },
  none: {
    need: ["low", "best", "high"],
    check: (q) => (q.low === 0 && q.best === 0 && q.high === 0 ? null : "none means low = best = high = 0"),
  },
  unknown: { empty: ["low", "best", "high"] },
};

export const QuantitySchema = z
  .strictObject({
    raw: z.string().max(MAX_QUANTITY_RAW),
    low: bound,
    best: bound,
    high: bound,
    qualifier: z.enum(QUALIFIERS),
    unit: z.string().trim().min(1).max(MAX_WORD).optional(),
    vagueWord: z.string().trim().min(1).max(MAX_WORD).optional(),
  })
  .superRefine((q, ctx) => {
    const pairs: [keyof Shape, keyof Shape][] = [["low", "best"], ["best", "high"], ["low", "high"]];
    for (const [a, b] of pairs) {
      const x = q[a];
      const y = q[b];
      if (x !== null && y !== null && x > y) {
        ctx.addIssue({ code: "custom", path: [a], message: `${a} (${x}) is above ${b} (${y})` });
      }
    }
    const rule = SHAPE_RULES[q.qualifier];
    for (const k of rule.need ?? []) {
      if (q[k] === null) ctx.addIssue({ code: "custom", path: [k], message: `${k} is needed for "${q.qualifier}"` });
    }
    for (const k of rule.empty ?? []) {
      if (q[k] !== null) ctx.addIssue({ code: "custom", path: [k], message: `${k} must be empty for "${q.qualifier}"` });
    }
    const problem = rule.check?.(q);
    if (problem) ctx.addIssue({ code: "custom", path: ["qualifier"], message: problem });
  });

export type Quantity = z.infer<typeof QuantitySchema>;

export type QuantityParse =
  | { ok: true; value: Quantity; explanation: string }
  | { ok: false; error: string };
