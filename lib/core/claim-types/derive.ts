/**
 * Fills a claim's derived fields from the values the annotator entered. Today one rule exists: an
 * enum field whose options are exactly the group-size bins takes the bin of the claim's first
 * quantity field (set only when low and high fall in one bin, else removed).
 */
import type { ClaimTypeDefinition } from "./definition";
import { SIZE_BINS, deriveSizeBin } from "./defaults";
import { QuantitySchema } from "../values";

function isSizeBinField(options: { value: string }[] | undefined): boolean {
  return Boolean(options && options.length === SIZE_BINS.length && options.every((o, i) => o.value === SIZE_BINS[i]));
}

export function applyDerivedFields(def: ClaimTypeDefinition, values: Record<string, unknown>): Record<string, unknown> {
  const out = { ...values };
  const quantityField = def.fields.find((f) => f.kind === "quantity");
  for (const f of def.fields) {
    if (!f.derived) continue;
    delete out[f.key]; // never taken from the client
    if (f.kind === "enum" && isSizeBinField(f.options) && quantityField) {
      const q = QuantitySchema.safeParse(values[quantityField.key]);
      const bin = q.success ? deriveSizeBin(q.data) : null;
      if (bin) out[f.key] = bin;
    }
  }
  return out;
}
