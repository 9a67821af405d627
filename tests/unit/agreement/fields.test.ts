import { describe, expect, it } from "vitest";
import { fieldAgreement } from "@/lib/core/agreement";
import type { FieldDefinition } from "@/lib/core/claim-types/definition";

const FIELDS: FieldDefinition[] = [
  { key: "target", label: "Target", kind: "text", required: false },
  { key: "fatalities", label: "Fatalities", kind: "quantity", required: false },
];
const exact = (n: number) => ({ raw: String(n), low: n, best: n, high: n, qualifier: "exact" });

describe("fieldAgreement", () => {
  it("counts agreements among pairs where both state a value, and empties apart", () => {
    const pairs = [
      [{ target: "Police", fatalities: exact(5) }, { target: "police", fatalities: exact(5) }],
      [{ target: "army", fatalities: exact(5) }, { target: "police", fatalities: exact(6) }],
      [{ target: "army" }, { target: "", fatalities: exact(2) }],
      [{}, undefined],
    ] as const;
    expect(fieldAgreement(FIELDS, pairs)).toEqual([
      { fieldKey: "target", kind: "text", compared: 2, agreed: 1, ratio: 0.5, oneEmpty: 1, bothEmpty: 1 },
      { fieldKey: "fatalities", kind: "quantity", compared: 2, agreed: 1, ratio: 0.5, oneEmpty: 1, bothEmpty: 1 },
    ]);
  });
  it("has no ratio when nothing was compared", () => {
    expect(fieldAgreement(FIELDS, [])).toEqual([
      { fieldKey: "target", kind: "text", compared: 0, agreed: 0, ratio: null, oneEmpty: 0, bothEmpty: 0 },
      { fieldKey: "fatalities", kind: "quantity", compared: 0, agreed: 0, ratio: null, oneEmpty: 0, bothEmpty: 0 },
    ]);
    expect(fieldAgreement(FIELDS, [[{ target: "x" }, {}]])[0]).toMatchObject({ compared: 0, ratio: null, oneEmpty: 1 });
  });
});
