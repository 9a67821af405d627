import { describe, expect, it } from "vitest";
import { SIZE_ESTIMATE, type ClaimTypeDefinition } from "@/lib/core/claim-types";
import { compareDrafts, reapplyDraft, type ClaimDraft } from "@/components/annotate/claim-rebase";

const DEF: ClaimTypeDefinition = SIZE_ESTIMATE;
const span = (start: number, end: number) => ({ start, end, exact: "x".repeat(end - start) });
const base: ClaimDraft = {
  values: { group: { raw: "ISKP" }, estimate: { raw: "3,000 fighters" }, size_bin: "1,000-9,999" },
  note: "",
  spans: [span(0, 5)],
};

describe("re-applying my changes on their version", () => {
  it("keeps their change and mine when we changed different parts", () => {
    const theirs = { ...base, values: { ...base.values, group: { raw: "Islamic State Khorasan" } } };
    const mine = { ...base, values: { ...base.values, estimate: { raw: "4,000 fighters" } }, note: "checked" };
    const merged = reapplyDraft(DEF, base, theirs, mine);
    expect(merged.values.group).toEqual({ raw: "Islamic State Khorasan" });
    expect(merged.values.estimate).toEqual({ raw: "4,000 fighters" });
    expect(merged.note).toBe("checked");
    expect(merged.spans).toEqual(base.spans);
    expect(compareDrafts(DEF, base, theirs, mine).map((p) => [p.key, p.change])).toEqual([["group", "theirs"], ["estimate", "mine"], ["note", "mine"]]);
  });
  it("keeps mine where both changed a part differently, and marks it", () => {
    const theirs = { ...base, spans: [span(0, 6)], note: "theirs" };
    const mine = { ...base, spans: [span(0, 4)], note: "mine" };
    const merged = reapplyDraft(DEF, base, theirs, mine);
    expect(merged.spans).toEqual([span(0, 4)]);
    expect(merged.note).toBe("mine");
    expect(compareDrafts(DEF, base, theirs, mine).map((p) => [p.key, p.change])).toEqual([["note", "both"], ["spans", "both"]]);
  });
  it("removes a field I cleared, and takes their evidence when I left mine alone", () => {
    const theirs = { ...base, spans: [span(2, 7)] };
    const mine = { ...base, values: { group: base.values.group, size_bin: "1,000-9,999" } };
    const merged = reapplyDraft(DEF, base, theirs, mine);
    expect(merged.values).not.toHaveProperty("estimate");
    expect(merged.spans).toEqual([span(2, 7)]);
  });
  it("neither compares nor carries derived fields, and reports nothing when both sides agree", () => {
    const theirs = { ...base, values: { ...base.values, size_bin: "100-999" } };
    const mine = { ...base, values: { ...base.values, size_bin: "10,000+" } };
    expect(compareDrafts(DEF, base, theirs, mine)).toEqual([]);
    expect(reapplyDraft(DEF, base, theirs, mine).values.size_bin).toBe("100-999");
    const same = { ...base, note: "both wrote this" };
    expect(compareDrafts(DEF, base, same, same)).toEqual([]);
  });
});
