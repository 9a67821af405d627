/**
 * The claims table's per-type columns, sorts and filters, decided from the claim type's definition.
 *
 * Rules:
 * - columns: any field of the type; by default up to DEFAULT_COLUMNS of them, in the definition's
 *   order, preferring required, date and quantity fields (what an analyst scans first), derived
 *   fields last;
 * - sort: by a date field (its window's start, then its end), a quantity field (its figure,
 *   below) or a number field; claims without a value (empty, unknown) come last either way;
 * - filter: a date field by a window [from, to] (a claim matches when its window overlaps it;
 *   either end may be open), a quantity field by min / max on its figure (inclusive);
 * - the figure of a quantity is best ?? low ?? high: a range without a best counts at its low
 *   end, "more than 180" (low = 181) at 181, "up to 50" at 50; an unknown quantity has none.
 * The sorts and filters run in the database (lib/services/claim-list-sql.ts applies these rules).
 * Field keys reach the database only after `tableFieldParamsSchema(def)` has checked they are
 * fields of the right kind in the type. Pure.
 */
import { z } from "zod";
import type { ClaimTypeDefinition, FieldDefinition, FieldKind } from "./definition";

/** Columns shown before the analyst picks: enough to scan, few enough to fit a screen. */
export const DEFAULT_COLUMNS = 5;
export const SORTABLE_KINDS: readonly FieldKind[] = ["date", "quantity", "number"];
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
/** The claims table's built-in orders (a field sort is `by` + `dir` instead). */
export const CLAIM_SORTS = ["newest", "oldest", "document", "type", "status"] as const;

const preferred = (f: FieldDefinition) => !f.derived && (f.required || f.kind === "date" || f.kind === "quantity");

export function defaultColumnKeys(def: ClaimTypeDefinition, max = DEFAULT_COLUMNS): string[] {
  const ranked = [
    ...def.fields.filter(preferred),
    ...def.fields.filter((f) => !preferred(f) && !f.derived),
    ...def.fields.filter((f) => f.derived),
  ];
  const chosen = new Set(ranked.slice(0, max).map((f) => f.key));
  return def.fields.filter((f) => chosen.has(f.key)).map((f) => f.key);
}

export const isSortable = (f: FieldDefinition) => SORTABLE_KINDS.includes(f.kind);

function keyOf(def: ClaimTypeDefinition, accept: (f: FieldDefinition) => boolean, what: string) {
  const keys = def.fields.filter(accept).map((f) => f.key);
  return z.string().refine((k) => keys.includes(k), { error: `not a ${what} field of ${def.name}` });
}

/** Checks that every field key names a field of the type, of a kind the parameter accepts. */
export function tableFieldParamsSchema(def: ClaimTypeDefinition) {
  return z.strictObject({
    by: keyOf(def, isSortable, "sortable").optional(),
    dateField: keyOf(def, (f) => f.kind === "date", "date").optional(),
    qtyField: keyOf(def, (f) => f.kind === "quantity", "quantity").optional(),
    cols: z.array(keyOf(def, () => true, "")).optional(),
  });
}
