import { describe, expect, it } from "vitest";
import { ClaimTypeDefinitionSchema, FieldDefinitionSchema } from "@/lib/core/claim-types";

const text = { key: "note", label: "Note", kind: "text", required: false };
const choice = { key: "kind", label: "Kind", kind: "enum", required: false, options: [{ value: "a", label: "A" }, { value: "b", label: "B" }] };
const def = (over: object = {}) => ({ key: "event", name: "Event", color: "#12ab9F", fields: [text], ...over });

function messages(r: { success: boolean; error?: { issues: { message: string }[] } }): string {
  return (r.error?.issues ?? []).map((i) => i.message).join(" | ");
}

describe("FieldDefinitionSchema", () => {
  it.each([
    ["a text field", text],
    ["a multi-valued actor field", { key: "who", label: "Who", kind: "actor", required: true, many: true }],
    ["an enum with options", choice],
    ["a multi-choice enum", { ...choice, maxSelected: 2 }],
    ["a quantity needing a unit", { key: "n", label: "N", kind: "quantity", required: true, unitRequired: true }],
    ["a derived optional enum", { ...choice, derived: true }],
    ["a 40-character key", { ...text, key: "a" + "b".repeat(39) }],
  ])("accepts %s", (_n, f) => expect(FieldDefinitionSchema.safeParse(f).success).toBe(true));

  it.each([
    ["upper-case key", { ...text, key: "Note" }, "keys start"],
    ["key starting with a digit", { ...text, key: "1note" }, "keys start"],
    ["key with a dash", { ...text, key: "my-note" }, "keys start"],
    ["41-character key", { ...text, key: "a".repeat(41) }, "keys start"],
    ["empty label", { ...text, label: "  " }, "label"],
    ["unknown kind", { ...text, kind: "colour" }, ""],
    ["enum without options", { ...choice, options: undefined }, "at least one option"],
    ["enum with empty options", { ...choice, options: [] }, "at least one option"],
    ["duplicate option values", { ...choice, options: [{ value: "a", label: "A" }, { value: "a", label: "A again" }] }, "appears twice"],
    ["maxSelected above the options", { ...choice, maxSelected: 3 }, "only 2 options"],
    ["maxSelected 0", { ...choice, maxSelected: 0 }, "at least 1"],
    ["options on a text field", { ...text, options: choice.options }, "only choice"],
    ["many on a date", { key: "d", label: "D", kind: "date", required: false, many: true }, "can hold a list"],
    ["unitRequired on a number", { key: "n", label: "N", kind: "number", required: false, unitRequired: true }, "only quantity"],
    ["a required derived field", { ...choice, derived: true, required: true }, "cannot be required"],
    ["an unknown key", { ...text, placeholder: "x" }, ""],
    ["missing required flag", { key: "x", label: "X", kind: "text" }, ""],
  ])("rejects %s", (_n, f, fragment) => {
    const r = FieldDefinitionSchema.safeParse(f);
    expect(r.success).toBe(false);
    expect(messages(r)).toContain(fragment);
  });
});

describe("ClaimTypeDefinitionSchema", () => {
  it("accepts a small definition and one with no fields", () => {
    expect(ClaimTypeDefinitionSchema.safeParse(def()).success).toBe(true);
    expect(ClaimTypeDefinitionSchema.safeParse(def({ fields: [] })).success).toBe(true);
  });

  it.each([
    ["duplicate field keys", def({ fields: [text, { ...text, label: "Other" }] }), "used twice"],
    ["a bad type key", def({ key: "Event Type" }), "keys start"],
    ["an empty name", def({ name: "" }), "name"],
    ["a 61-character name", def({ name: "x".repeat(61) }), "60"],
    ["a short colour", def({ color: "#fff" }), "#rrggbb"],
    ["a named colour", def({ color: "red" }), "#rrggbb"],
    ["41 fields", def({ fields: Array.from({ length: 41 }, (_, i) => ({ ...text, key: `f${i}` })) }), "at most 40"],
    ["an unknown key", def({ version: 2 }), ""],
    ["a bad field inside", def({ fields: [{ ...choice, options: [] }] }), "at least one option"],
  ])("rejects %s", (_n, d, fragment) => {
    const r = ClaimTypeDefinitionSchema.safeParse(d);
    expect(r.success).toBe(false);
    expect(messages(r)).toContain(fragment);
  });

  it("points the duplicate-key issue at the second field", () => {
    const r = ClaimTypeDefinitionSchema.safeParse(def({ fields: [text, text] }));
    expect(r.error?.issues[0]?.path).toEqual(["fields", 1, "key"]);
  });

  it("accepts exactly 40 fields", () => {
    const fields = Array.from({ length: 40 }, (_, i) => ({ ...text, key: `f${i}` }));
    expect(ClaimTypeDefinitionSchema.safeParse(def({ fields })).success).toBe(true);
  });
});
