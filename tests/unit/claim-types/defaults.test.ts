import { describe, expect, it } from "vitest";
import { ClaimTypeDefinitionSchema, DEFAULT_CLAIM_TYPES, deriveSizeBin } from "@/lib/core/claim-types";
import { parseQuantity, type Quantity } from "@/lib/core/values";

const byKey = Object.fromEntries(DEFAULT_CLAIM_TYPES.map((d) => [d.key, d]));

describe("DEFAULT_CLAIM_TYPES", () => {
  it("are attack, leader_change and size_estimate, and each validates", () => {
    expect(DEFAULT_CLAIM_TYPES.map((d) => d.key)).toEqual(["attack", "leader_change", "size_estimate"]);
    for (const d of DEFAULT_CLAIM_TYPES) {
      const r = ClaimTypeDefinitionSchema.safeParse(d);
      expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
    }
  });

  it("have distinct colours", () => {
    expect(new Set(DEFAULT_CLAIM_TYPES.map((d) => d.color.toLowerCase())).size).toBe(3);
  });

  it("attack has the fields of claims.md, with the right kinds", () => {
    const kinds = Object.fromEntries(byKey.attack.fields.map((f) => [f.key, f.kind]));
    expect(kinds).toEqual({
      date: "date", location: "place", perpetrators: "actor", target: "text", target_type: "enum",
      attack_type: "enum", weapon: "text", fatalities: "quantity", perpetrator_fatalities: "quantity",
      injured: "quantity", claimed_by_group: "boolean", campaign: "text", attribution: "attribution",
    });
    const f = (k: string) => byKey.attack.fields.find((x) => x.key === k)!;
    expect(f("perpetrators").many).toBe(true);
    expect(f("attack_type").maxSelected).toBe(3);
    expect(f("attack_type").options).toHaveLength(8);
    expect(f("target_type").options?.map((o) => o.label)).toEqual([
      "Military", "Police", "Government", "Civilians", "Religious figures/institutions",
      "Ethnic/religious minority", "Foreigners", "Infrastructure", "Other",
    ]);
  });

  it("leader change has its positions and ten change types", () => {
    const keys = byKey.leader_change.fields.map((f) => f.key);
    expect(keys).toEqual(["group", "position", "outgoing_leader", "incoming_leader", "change_type", "date_of_change", "date_announced", "attribution"]);
    const change = byKey.leader_change.fields.find((f) => f.key === "change_type")!;
    expect(change.options).toHaveLength(10);
    const position = byKey.leader_change.fields.find((f) => f.key === "position")!;
    expect(position.options?.map((o) => o.value)).toEqual(["emir", "deputy", "spokesman", "provincial_emir", "other"]);
  });

  it("size estimate requires a unit and derives the bin", () => {
    const f = (k: string) => byKey.size_estimate.fields.find((x) => x.key === k)!;
    expect(byKey.size_estimate.fields.map((x) => x.key)).toEqual(["group", "component", "estimate", "reference_date", "estimator", "scope", "size_bin"]);
    expect(f("estimate")).toMatchObject({ kind: "quantity", required: true, unitRequired: true });
    expect(f("estimator").kind).toBe("attribution");
    expect(f("size_bin")).toMatchObject({ kind: "enum", derived: true, required: false });
    expect(f("size_bin").options?.map((o) => o.value)).toEqual(["0-99", "100-999", "1,000-9,999", "10,000+"]);
  });
});

describe("deriveSizeBin", () => {
  const q = (raw: string): Quantity => {
    const r = parseQuantity(raw);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  it.each([
    ["0", "0-99"],
    ["99", "0-99"],
    ["100", "100-999"],
    ["300-400", "100-999"],
    ["999", "100-999"],
    ["1,000", "1,000-9,999"],
    ["3-4,000", "1,000-9,999"],
    ["9,999", "1,000-9,999"],
    ["10,000", "10,000+"],
    ["2-3 million", "10,000+"],
    ["no one was hurt", "0-99"],
    ["50-150", null],
    ["800-1,200", null],
    ["about 1,500", null],
    ["at least 2,000", null],
    ["up to 500", null],
    ["dozens", null],
    ["deaths, number unknown", null],
  ])("%s -> %s", (raw, bin) => {
    expect(deriveSizeBin(q(raw))).toBe(bin);
  });
});
