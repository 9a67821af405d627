import { describe, expect, it } from "vitest";
import { applyDerivedFields, SIZE_ESTIMATE, ATTACK } from "@/lib/core/claim-types";
import { parseQuantity } from "@/lib/core/values";

const q = (raw: string) => {
  const p = parseQuantity(raw);
  if (!p.ok) throw new Error(p.error);
  return p.value;
};

describe("applyDerivedFields", () => {
  it.each([
    ["3-4,000 fighters", "1,000-9,999"],
    ["about 50 fighters", null],
    ["50 fighters", "0-99"],
    ["900-1,200 fighters", null],
    ["12,000 fighters", "10,000+"],
  ])("derives the size bin of %s", (raw, bin) => {
    const out = applyDerivedFields(SIZE_ESTIMATE, { group: { raw: "ISKP" }, estimate: q(raw) });
    expect(out.size_bin ?? null).toBe(bin);
  });
  it("never takes a derived value from the client", () => {
    const out = applyDerivedFields(SIZE_ESTIMATE, { group: { raw: "ISKP" }, size_bin: "10,000+" });
    expect(out.size_bin).toBeUndefined();
  });
  it("leaves types without derived fields alone", () => {
    const values = { weapon: "IED" };
    expect(applyDerivedFields(ATTACK, values)).toEqual(values);
  });
});
