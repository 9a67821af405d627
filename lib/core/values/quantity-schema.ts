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
 *
 * Optional parts of the value (claims.md "Value types: quantity"):
 * - `parts`: a breakdown when one phrase gives several figures ("23 inmates and two prison
 *   guards" = 25 with parts 23 inmates + 2 guards); the top-level numbers are their total;
 * - `hedged`: true when the source hedges the figure (likely, reportedly, allegedly, unconfirmed);
 * - `note`: a trailing clause kept apart from the unit ("including both fighters and support elements");
 * - `manual`: true when the annotator entered the numbers by hand (the wording could not be read,
 *   or the annotator overrode the reading, or marked the figure unknown on purpose). A value
 *   without `manual` must be what the parser reads from `raw`.
 * Each part obeys the same ordering and shape rules as a whole value, and unless `manual` is
 * set the top-level figure is the total of the parts by the algebra of quantity-sum.ts.
 */
import { z } from "zod";
import { sumParts } from "./quantity-sum";

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

/** One figure of a breakdown ("23 inmates" in "23 inmates and two prison guards"). */
export const QuantityPartSchema = z
  .strictObject({
    raw: z.string().max(MAX_QUANTITY_RAW).optional(),
    low: bound,
    best: bound,
    high: bound,
    qualifier: z.enum(QUALIFIERS),
    unit: z.string().trim().min(1).max(MAX_WORD).optional(),
  })
  .superRefine((q, ctx) => checkShape(q, ctx));
export type QuantityPart = z.infer<typeof QuantityPartSchema>;

/** Most figures one phrase may break down into. */
export const MAX_QUANTITY_PARTS = 20;

export const QuantitySchema = z
  .strictObject({
    raw: z.string().max(MAX_QUANTITY_RAW),
    low: bound,
    best: bound,
    high: bound,
    qualifier: z.enum(QUALIFIERS),
    unit: z.string().trim().min(1).max(MAX_WORD).optional(),
    vagueWord: z.string().trim().min(1).max(MAX_WORD).optional(),
    parts: z.array(QuantityPartSchema).min(2).max(MAX_QUANTITY_PARTS).optional(),
    hedged: z.literal(true).optional(),
    note: z.string().trim().min(1).max(MAX_QUANTITY_RAW).optional(),
    manual: z.literal(true).optional(),
  })
  .superRefine((q, ctx) => {
    checkShape(q, ctx);
    if (!q.parts || q.manual) return;
    const total = sumParts(q.parts);
    if (!total.ok) {
      ctx.addIssue({ code: "custom", path: ["parts"], message: total.error });
      return;
    }
    const t = total.total;
    if (t.qualifier !== q.qualifier || t.low !== q.low || t.best !== q.best || t.high !== q.high) {
      ctx.addIssue({ code: "custom", path: ["parts"], message: "the figure is not the total of its parts" });
    }
  });

function checkShape(q: Shape & { qualifier: Qualifier }, ctx: z.RefinementCtx): void {
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
}

export type Quantity = z.infer<typeof QuantitySchema>;

export type QuantityParse =
  | { ok: true; value: Quantity; explanation: string; warnings?: string[] }
  | { ok: false; error: string };
