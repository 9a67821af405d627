import { describe, expect, it } from "vitest";
import { ATTACK, compatibilityIssues, diffDefinitions, isCompatibleChange, type ClaimTypeDefinition, type FieldDefinition } from "@/lib/core/claim-types";

const withFields = (fields: FieldDefinition[]): ClaimTypeDefinition => ({ ...ATTACK, fields });
const edit = (key: string, change: Partial<FieldDefinition>) =>
  withFields(ATTACK.fields.map((f) => (f.key === key ? { ...f, ...change } : f)));

describe("diffDefinitions", () => {
  it("reports nothing for the same definition, whatever the key order", () => {
    const reordered = withFields(ATTACK.fields.map((f) => Object.fromEntries(Object.entries(f).reverse()) as FieldDefinition));
    expect(diffDefinitions(ATTACK, reordered)).toEqual({ added: [], removed: [], changed: [] });
  });

  it("lists added, removed and changed field keys", () => {
    const next = withFields([
      ...ATTACK.fields.filter((f) => f.key !== "weapon").map((f) => (f.key === "target" ? { ...f, label: "Target(s)" } : f)),
      { key: "source_count", label: "Sources", kind: "number", required: false },
    ]);
    expect(diffDefinitions(ATTACK, next)).toEqual({ added: ["source_count"], removed: ["weapon"], changed: ["target"] });
  });
});

describe("isCompatibleChange", () => {
  it.each<[string, ClaimTypeDefinition, boolean]>([
    ["a relabelled field", edit("target", { label: "Target(s)", help: "who was hit" }), true],
    ["a new optional field", withFields([...ATTACK.fields, { key: "x", label: "X", kind: "text", required: false }]), true],
    ["an added option", edit("target_type", { options: [...ATTACK.fields[4].options!, { value: "journalists", label: "Journalists" }] }), true],
    ["more choices allowed", edit("attack_type", { maxSelected: 4 }), true],
    ["a removed field", withFields(ATTACK.fields.filter((f) => f.key !== "weapon")), false],
    ["a new required field", withFields([...ATTACK.fields, { key: "x", label: "X", kind: "text", required: true }]), false],
    ["a field made required", edit("weapon", { required: true }), false],
    ["a kind change", edit("weapon", { kind: "actor" }), false],
    ["a removed option", edit("target_type", { options: ATTACK.fields[4].options!.slice(1) }), false],
    ["fewer choices", edit("attack_type", { maxSelected: 2 }), false],
    ["multi to single choice", edit("attack_type", { maxSelected: 1 }), false],
    ["single to multi choice", edit("target_type", { maxSelected: 2 }), false],
    ["a list field made single", edit("perpetrators", { many: false }), false],
    ["a unit now required", edit("fatalities", { unitRequired: true }), false],
  ])("%s -> %s", (_n, next, compatible) => {
    expect(isCompatibleChange(ATTACK, next)).toBe(compatible);
    expect(compatibilityIssues(ATTACK, next).length === 0).toBe(compatible);
  });
});
