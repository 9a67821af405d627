/**
 * How a claim type changed between two versions. Claims are validated against the version they
 * were written with, so this is informational: it tells an editor which fields changed and
 * whether claims written against `prev` would still validate against `next`.
 *
 * A change is compatible when every values record valid under `prev` is valid under `next`:
 * no field removed, no new required field, and no existing field narrowed (kind changed, made
 * required, `many` switched, an option removed, maxSelected lowered or switched between single
 * and multiple, unit made required). Labels, help, option labels and order never matter.
 */
import { isMultiEnum, type ClaimTypeDefinition, type FieldDefinition } from "./definition";

export type DefinitionDiff = { added: string[]; removed: string[]; changed: string[] };

/** Order-insensitive comparison of two field definitions (keys in any order). */
function sameField(a: FieldDefinition, b: FieldDefinition): boolean {
  const norm = (f: FieldDefinition) =>
    JSON.stringify(
      Object.keys(f)
        .filter((k) => f[k as keyof FieldDefinition] !== undefined) // { many: undefined } = no "many"
        .sort()
        .map((k) => [k, f[k as keyof FieldDefinition]]),
    );
  return norm(a) === norm(b);
}

export function diffDefinitions(prev: ClaimTypeDefinition, next: ClaimTypeDefinition): DefinitionDiff {
  const before = new Map(prev.fields.map((f) => [f.key, f]));
  const after = new Map(next.fields.map((f) => [f.key, f]));
  return {
    added: next.fields.filter((f) => !before.has(f.key)).map((f) => f.key),
    removed: prev.fields.filter((f) => !after.has(f.key)).map((f) => f.key),
    changed: next.fields.filter((f) => before.has(f.key) && !sameField(before.get(f.key)!, f)).map((f) => f.key),
  };
}

/** Why claims written against `prev` might fail under `next`; empty when the change is compatible. */
export function compatibilityIssues(prev: ClaimTypeDefinition, next: ClaimTypeDefinition): string[] {
  const out: string[] = [];
  const after = new Map(next.fields.map((f) => [f.key, f]));
  const before = new Map(prev.fields.map((f) => [f.key, f]));
  for (const f of prev.fields) {
    const g = after.get(f.key);
    if (!g) {
      out.push(`"${f.key}" was removed`);
      continue;
    }
    if (f.kind !== g.kind) out.push(`"${f.key}" changed from ${f.kind} to ${g.kind}`);
    if (!f.required && g.required) out.push(`"${f.key}" became required`);
    if (Boolean(f.many) !== Boolean(g.many)) out.push(`"${f.key}" switched between one value and a list`);
    if (f.kind === "enum" && g.kind === "enum") {
      const kept = new Set((g.options ?? []).map((o) => o.value));
      const lost = (f.options ?? []).filter((o) => !kept.has(o.value)).map((o) => o.value);
      if (lost.length) out.push(`"${f.key}" lost the option${lost.length > 1 ? "s" : ""} ${lost.join(", ")}`);
      if (isMultiEnum(f) !== isMultiEnum(g)) out.push(`"${f.key}" switched between single and multiple choice`);
      else if ((g.maxSelected ?? 1) < (f.maxSelected ?? 1)) out.push(`"${f.key}" allows fewer choices`);
    }
    if (f.kind === "quantity" && !f.unitRequired && g.unitRequired) out.push(`"${f.key}" now requires a unit`);
  }
  for (const g of next.fields) {
    if (!before.has(g.key) && g.required) out.push(`the new field "${g.key}" is required`);
  }
  return out;
}

export function isCompatibleChange(prev: ClaimTypeDefinition, next: ClaimTypeDefinition): boolean {
  return compatibilityIssues(prev, next).length === 0;
}
