/**
 * Fast repeated tagging: field defaults, copying fields from a previous claim, the type to repeat,
 * and duplicate evidence. Pure helpers shared by the claim form and the server.
 *
 * Rules:
 * - Defaults and copies never touch quantity and date fields, nor derived ones: figures and dates
 *   are read from each claim's own wording (in its own context), so a value carried over from
 *   another claim would say something its evidence does not. Every other kind may carry over.
 * - A default is valid when it passes the field's own value schema (the schema claims are checked
 *   with) and is not empty; stored defaults are re-checked against the current definition, so a
 *   default a later version of the type no longer accepts is simply not applied.
 * - A copy fills only fields that are empty or still hold the project default: a value the
 *   annotator typed is never overwritten.
 * - Duplicate evidence: the same set of spans (start and end) as a live claim of the same type.
 * Invariants: pure; inputs are never mutated.
 */
import { buildFieldSchema } from "./values-schema";
import { sameFieldValue } from "./field-wording";
import type { ClaimTypeDefinition, FieldDefinition } from "./definition";

/** Whether a field may take a project default or be copied from another claim. */
export function carriesOver(f: FieldDefinition): boolean {
  return !f.derived && f.kind !== "quantity" && f.kind !== "date";
}

/** Undefined, null, blank text and an empty list: nothing to default or copy. */
export function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);
}

export type DefaultCheck = { ok: true; value: unknown } | { ok: false; message: string };

/** Checks one field default against the type's definition; see the module comment. */
export function checkFieldDefault(def: ClaimTypeDefinition, key: string, value: unknown): DefaultCheck {
  const f = def.fields.find((x) => x.key === key);
  if (!f) return { ok: false, message: `"${key}" is not a field of ${def.name}.` };
  if (!carriesOver(f)) return { ok: false, message: `${f.label} cannot have a default: figures, dates and derived fields come from each claim.` };
  if (isEmptyValue(value)) return { ok: false, message: `A default for ${f.label} needs a value.` };
  const parsed = buildFieldSchema(f).safeParse(value);
  if (!parsed.success) return { ok: false, message: `The default for ${f.label} is not a valid value: ${parsed.error.issues[0]?.message ?? "check it"}.` };
  return { ok: true, value: parsed.data };
}

/** The stored defaults the current definition still accepts (others are left out, not applied). */
export function validDefaults(def: ClaimTypeDefinition, stored: unknown): Record<string, unknown> {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    const r = checkFieldDefault(def, key, value);
    if (r.ok) out[key] = r.value;
  }
  return out;
}

/** Values a copy from `source` writes into `draft`, and which fields it filled. */
export function copyFieldValues(
  def: ClaimTypeDefinition, source: Record<string, unknown>, draft: Record<string, unknown>, defaults: Record<string, unknown> = {},
): { values: Record<string, unknown>; copied: string[] } {
  const values = { ...draft };
  const copied: string[] = [];
  for (const f of def.fields) {
    if (!carriesOver(f) || isEmptyValue(source[f.key])) continue;
    const current = draft[f.key];
    const free = isEmptyValue(current) || (f.key in defaults && sameFieldValue(current, defaults[f.key]));
    if (!free) continue;
    values[f.key] = source[f.key];
    copied.push(f.key);
  }
  return { values, copied };
}

/** A claim as the document page holds it: number (as text), type, author, spans in code points. */
export type ClaimRef = { id: string; typeId: string; authorId: string; spans: [number, number][] };

const isSaved = (c: ClaimRef) => /^\d+$/.test(c.id);

/**
 * The claim to copy fields from: the last claim of the type before `at` in reading order (`claims`
 * are in reading order), else the type's most recently created claim (the highest number).
 */
export function previousClaimOfType(claims: readonly ClaimRef[], typeId: string, at: number): ClaimRef | null {
  let before: ClaimRef | null = null;
  let latest: ClaimRef | null = null;
  for (const c of claims) {
    if (c.typeId !== typeId || !isSaved(c)) continue;
    if ((c.spans[0]?.[0] ?? 0) < at) before = c;
    if (!latest || Number(c.id) > Number(latest.id)) latest = c;
  }
  return before ?? latest;
}

/** The type of the last claim `authorId` created on this document (the highest number), if any. */
export function lastTypeBy(claims: readonly ClaimRef[], authorId: string): string | null {
  let latest: ClaimRef | null = null;
  for (const c of claims) {
    if (c.authorId === authorId && isSaved(c) && (!latest || Number(c.id) > Number(latest.id))) latest = c;
  }
  return latest?.typeId ?? null;
}

/** A live claim of the same type with exactly the same evidence (as a set of spans), if any. */
export function sameEvidenceClaim(claims: readonly ClaimRef[], typeId: string, spans: readonly { start: number; end: number }[]): ClaimRef | null {
  if (spans.length === 0) return null;
  const key = (list: [number, number][]) => [...new Set(list.map(([s, e]) => `${s}-${e}`))].sort().join(",");
  const wanted = key(spans.map((s) => [s.start, s.end]));
  return claims.find((c) => c.typeId === typeId && isSaved(c) && key(c.spans) === wanted) ?? null;
}
