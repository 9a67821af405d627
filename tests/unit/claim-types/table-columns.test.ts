import { describe, expect, it } from "vitest";
import { ATTACK, LEADER_CHANGE, SIZE_ESTIMATE, type ClaimTypeDefinition } from "@/lib/core/claim-types";
import { defaultColumnKeys, tableFieldParamsSchema } from "@/lib/core/claim-types/table-columns";

describe("defaultColumnKeys", () => {
  it.each<[ClaimTypeDefinition, string[]]>([
    [ATTACK, ["date", "location", "fatalities", "perpetrator_fatalities", "injured"]],
    [LEADER_CHANGE, ["group", "position", "outgoing_leader", "date_of_change", "date_announced"]],
    [SIZE_ESTIMATE, ["group", "component", "estimate", "reference_date", "estimator"]],
  ])("prefers required, date and quantity fields, in the definition's order ($key)", (def, keys) => {
    expect(defaultColumnKeys(def)).toEqual(keys);
  });
  it("shows derived fields only when there is room, and never more than asked", () => {
    expect(defaultColumnKeys(SIZE_ESTIMATE, 40)).toEqual(SIZE_ESTIMATE.fields.map((f) => f.key));
    expect(defaultColumnKeys(ATTACK, 2)).toEqual(["date", "fatalities"]);
  });
});

describe("tableFieldParamsSchema", () => {
  const schema = tableFieldParamsSchema(ATTACK);
  it("accepts fields of the right kind", () => {
    expect(schema.safeParse({ by: "date", dateField: "date", qtyField: "injured", cols: ["weapon", "date"] }).success).toBe(true);
    expect(schema.safeParse({ by: "fatalities" }).success).toBe(true);
    expect(schema.safeParse({}).success).toBe(true);
  });
  it.each([
    [{ by: "weapon" }], [{ by: "target_type" }], [{ dateField: "fatalities" }], [{ qtyField: "date" }],
    [{ cols: ["date", "estimate"] }], [{ by: "date; DROP TABLE" }], [{ other: "x" }],
  ])("refuses %j", (params) => {
    expect(schema.safeParse(params).success).toBe(false);
  });
});
