/**
 * Field agreement on matched claims: for each field of a claim type, over pairs of claims that
 * were matched by overlapping evidence, how often the two values agree (field-values.ts).
 *
 * Per field: `compared` pairs where both sides state a value, `agreed` of those, `ratio` =
 * agreed / compared (null when nothing was compared); `oneEmpty` pairs where only one side
 * states a value (a disagreement of a kind the ratio does not show) and `bothEmpty` pairs where
 * neither does. compared + oneEmpty + bothEmpty = number of pairs.
 * Pure; never throws.
 */
import type { FieldDefinition, FieldKind } from "@/lib/core/claim-types/definition";
import { isEmptyValue, valuesAgree } from "./field-values";

export type FieldCounts = { compared: number; agreed: number; oneEmpty: number; bothEmpty: number };
export type FieldAgreement = FieldCounts & { fieldKey: string; kind: FieldKind; ratio: number | null };

type Values = Readonly<Record<string, unknown>> | undefined;

export function countField(kind: FieldKind, key: string, pairs: readonly (readonly [Values, Values])[]): FieldCounts {
  const c: FieldCounts = { compared: 0, agreed: 0, oneEmpty: 0, bothEmpty: 0 };
  for (const [va, vb] of pairs) {
    const a = va?.[key];
    const b = vb?.[key];
    const ea = isEmptyValue(a);
    const eb = isEmptyValue(b);
    if (ea && eb) c.bothEmpty++;
    else if (ea || eb) c.oneEmpty++;
    else {
      c.compared++;
      if (valuesAgree(kind, a, b)) c.agreed++;
    }
  }
  return c;
}

export function withRatio(fieldKey: string, kind: FieldKind, c: FieldCounts): FieldAgreement {
  return { fieldKey, kind, ...c, ratio: c.compared === 0 ? null : c.agreed / c.compared };
}

/** Agreement on every field of a claim type, in the definition's order. */
export function fieldAgreement(fields: readonly FieldDefinition[], pairs: readonly (readonly [Values, Values])[]): FieldAgreement[] {
  return fields.map((f) => withRatio(f.key, f.kind, countField(f.kind, f.key, pairs)));
}

export function addFieldCounts(x: FieldCounts, y: FieldCounts): FieldCounts {
  return { compared: x.compared + y.compared, agreed: x.agreed + y.agreed, oneEmpty: x.oneEmpty + y.oneEmpty, bothEmpty: x.bothEmpty + y.bothEmpty };
}
