/**
 * Claim-type definitions: a named, coloured set of typed fields (claims.md "Claim type").
 * Definitions are stored as JSON per version; these schemas are the only gate, so they are strict
 * (unknown keys rejected) and every cross-field rule is checked here:
 * - field and type keys are slugs /^[a-z][a-z0-9_]{0,39}$/; field keys are unique in a type;
 * - enum fields have at least one option, option values are unique, and options appear only on
 *   enums; `maxSelected` (enum only) is 1..number of options, 1 or absent meaning single choice;
 * - `many` (a list of values) only for actor, text and place; `unitRequired` and `defaultUnit`
 *   only for quantity (`defaultUnit`, 1-200 characters, is the unit a figure worded without one
 *   takes, e.g. "fighters" for a size estimate; it satisfies `unitRequired`);
 * - `derived` fields (computed by the app, e.g. the size bin) are never required.
 */
import { z } from "zod";

export const FIELD_KINDS = [
  "text", "number", "quantity", "date", "place", "actor", "enum", "boolean", "attribution",
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Kinds whose fields may hold a list of values. */
export const MANY_KINDS: readonly FieldKind[] = ["actor", "text", "place"];

export const MAX_FIELDS = 40;
const KEY_RE = /^[a-z][a-z0-9_]{0,39}$/;
const KEY_MESSAGE = "keys start with a lower-case letter, then up to 39 lower-case letters, digits or _";

/** Longest default unit, as long as a quantity's own unit may be (quantity-schema.ts). */
export const MAX_UNIT = 200;

const key = z.string().regex(KEY_RE, { error: KEY_MESSAGE });
const label = z.string().trim().min(1, { error: "a label is needed" }).max(80, { error: "labels are at most 80 characters" });

export const EnumOptionSchema = z.strictObject({
  value: z.string().trim().min(1, { error: "an option needs a value" }).max(60, { error: "option values are at most 60 characters" }),
  label,
});
export type EnumOption = z.infer<typeof EnumOptionSchema>;

export const FieldDefinitionSchema = z
  .strictObject({
    key,
    label,
    kind: z.enum(FIELD_KINDS),
    required: z.boolean(),
    many: z.boolean().optional(),
    options: z.array(EnumOptionSchema).max(100).optional(),
    maxSelected: z.number().int().min(1, { error: "maxSelected is at least 1" }).optional(),
    unitRequired: z.boolean().optional(),
    defaultUnit: z.string().trim().min(1, { error: "the default unit cannot be blank" }).max(MAX_UNIT, { error: `the default unit is at most ${MAX_UNIT} characters` }).optional(),
    /** Computed by the app from other fields (e.g. size_bin from estimate); shown read-only. */
    derived: z.boolean().optional(),
    help: z.string().max(500, { error: "help text is at most 500 characters" }).optional(),
  })
  .superRefine((f, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (f.kind === "enum") {
      if (!f.options || f.options.length === 0) issue("options", `the choice field "${f.key}" needs at least one option`);
      const seen = new Set<string>();
      for (const o of f.options ?? []) {
        if (seen.has(o.value)) issue("options", `the option value "${o.value}" appears twice in "${f.key}"`);
        seen.add(o.value);
      }
      if (f.maxSelected !== undefined && f.options && f.maxSelected > f.options.length) {
        issue("maxSelected", `"${f.key}" allows ${f.maxSelected} choices but has only ${f.options.length} options`);
      }
    } else {
      if (f.options !== undefined) issue("options", `only choice (enum) fields have options; "${f.key}" is ${f.kind}`);
      if (f.maxSelected !== undefined) issue("maxSelected", `only choice (enum) fields have maxSelected; "${f.key}" is ${f.kind}`);
    }
    if (f.many && !MANY_KINDS.includes(f.kind)) issue("many", `only actor, text and place fields can hold a list; "${f.key}" is ${f.kind}`);
    if (f.unitRequired !== undefined && f.kind !== "quantity") issue("unitRequired", `only quantity fields have unitRequired; "${f.key}" is ${f.kind}`);
    if (f.defaultUnit !== undefined && f.kind !== "quantity") issue("defaultUnit", `only quantity fields have a default unit; "${f.key}" is ${f.kind}`);
    if (f.derived && f.required) issue("required", `the derived field "${f.key}" is computed, so it cannot be required`);
  });
export type FieldDefinition = z.infer<typeof FieldDefinitionSchema>;

export const ClaimTypeDefinitionSchema = z
  .strictObject({
    key,
    name: z.string().trim().min(1, { error: "a name is needed" }).max(60, { error: "names are at most 60 characters" }),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: "colour is written #rrggbb" }),
    description: z.string().max(1000, { error: "the description is at most 1000 characters" }).optional(),
    fields: z.array(FieldDefinitionSchema).max(MAX_FIELDS, { error: `a claim type has at most ${MAX_FIELDS} fields` }),
  })
  .superRefine((def, ctx) => {
    const seen = new Set<string>();
    def.fields.forEach((f, i) => {
      if (seen.has(f.key)) {
        ctx.addIssue({ code: "custom", path: ["fields", i, "key"], message: `the field key "${f.key}" is used twice` });
      }
      seen.add(f.key);
    });
  });
export type ClaimTypeDefinition = z.infer<typeof ClaimTypeDefinitionSchema>;

/** True for enum fields that take several choices (maxSelected > 1). */
export function isMultiEnum(f: FieldDefinition): boolean {
  return f.kind === "enum" && (f.maxSelected ?? 1) > 1;
}
