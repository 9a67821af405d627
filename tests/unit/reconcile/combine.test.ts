import { describe, expect, it } from "vitest";
import { ATTACK, SIZE_ESTIMATE } from "@/lib/core/claim-types";
import { buildActorIndex, combineField, combineRecord } from "@/lib/core/reconcile";
import { ISKP, KABUL, attack, day, kabulReports, qty, window } from "./fixtures";

const field = (key: string) => ATTACK.fields.find((f) => f.key === key)!;
const index = buildActorIndex([{ id: "iskp", name: "Islamic State Khorasan Province", aliases: ["IS-KP", "ISIS-K"] }]);

describe("combineRecord: the Kabul airport bombing", () => {
  const rec = combineRecord(ATTACK, kabulReports(), { actors: index });

  it("combines 'at least 170' and '183' into 170-183 with the conservative best", () => {
    expect(rec.fatalities).toMatchObject({ value: { low: 170, best: 170, high: 183 }, rule: "conservative_minimum", conflict: false });
    expect(rec.fatalities.supportingClaims).toEqual(["a1", "b1"]);
    expect(rec.fatalities.alternatives.map((a) => a.claimIds)).toEqual([["a1"], ["b1"]]);
  });

  it("agrees on the day and on the perpetrator (aliases resolved)", () => {
    expect(rec.date).toMatchObject({ value: { start: "2021-08-26", end: "2021-08-26", precision: "day" }, rule: "intersection", conflict: false });
    expect(rec.perpetrators).toMatchObject({ rule: "majority", conflict: false, supportingClaims: ["a1", "b1"] });
    expect(rec.perpetrators.alternatives).toHaveLength(1);
  });

  it("keeps every attribution, and leaves fields nobody stated empty", () => {
    expect(rec.attribution).toMatchObject({ rule: "all", conflict: false });
    expect(rec.attribution.value).toHaveLength(2);
    expect(rec.weapon).toEqual({ value: null, rule: "majority", conflict: false, supportingClaims: [], alternatives: [] });
  });

  it("takes the most recent source's best under the GTD rule", () => {
    const f = combineField(field("fatalities"), kabulReports(), { rules: { fatalities: "most_recent" } });
    expect(f.value).toEqual({ low: 170, best: 183, high: 183 });
  });

  it("takes the curator's chosen claim for best, keeping the envelope", () => {
    const f = combineField(field("fatalities"), kabulReports(), { curatorChoice: { fatalities: "b1" } });
    expect(f).toMatchObject({ rule: "curator", value: { low: 170, best: 183, high: 183 } });
  });
});

describe("combineField: figures", () => {
  const claims = (raws: string[], published: string[] = []) =>
    raws.map((raw, i) => attack(`c${i}`, `d${i}`, { fatalities: qty(raw) }, { published: published[i] }));

  it("majority of bests, a tie being a conflict with no best", () => {
    expect(combineField(field("fatalities"), claims(["12", "12", "15"]), { rules: { fatalities: "majority" } }))
      .toMatchObject({ value: { low: 12, best: 12, high: 15 }, conflict: false });
    expect(combineField(field("fatalities"), claims(["12", "15"]), { rules: { fatalities: "majority" } }))
      .toMatchObject({ value: { low: 12, best: null, high: 15 }, conflict: true });
  });

  it("a range without best contributes its bounds only", () => {
    expect(combineField(field("fatalities"), claims(["20-30", "about 25"])).value).toEqual({ low: 20, best: 25, high: 30 });
  });

  it("most recent: a document without a publication date ranks last", () => {
    const f = combineField(field("fatalities"), claims(["10", "14"], ["2021-08-30", ""]), { rules: { fatalities: "most_recent" } });
    expect(f.value).toMatchObject({ best: 10 });
    const g = combineField(field("fatalities"), claims(["10", "14"], ["2021", "2021-02"]), { rules: { fatalities: "most_recent" } });
    expect(g.value).toMatchObject({ best: 14 });
  });

  it("'unknown' figures support nothing; 'none' counts as 0", () => {
    const f = combineField(field("fatalities"), claims(["no one was killed", "3"]));
    expect(f.value).toEqual({ low: 0, best: 0, high: 3 });
    const u = attack("u", "du", { fatalities: { raw: "not known", low: null, best: null, high: null, qualifier: "unknown", manual: true } });
    expect(combineField(field("fatalities"), [u]).value).toBeNull();
  });

  it("a curator choice of a claim with no figure falls back to the default rule with a note", () => {
    const f = combineField(field("fatalities"), [...claims(["12", "15"]), attack("n", "dn", {})], { curatorChoice: { fatalities: "n" } });
    expect(f).toMatchObject({ rule: "conservative_minimum", value: { best: 12 } });
    expect(f.note).toMatch(/gives no value/);
  });
});

describe("combineField: dates", () => {
  const dated = (windows: ReturnType<typeof window>[]) => windows.map((w, i) => attack(`c${i}`, `d${i}`, { date: w }));

  it("narrows to the window every source allows", () => {
    const f = combineField(field("date"), dated([day("August 2021"), day("late August 2021"), window("2021-08-20", "2021-08-27", "week")]));
    expect(f).toMatchObject({ value: { start: "2021-08-21", end: "2021-08-27", precision: "days" }, conflict: false });
    expect(f.supportingClaims).toEqual(["c0", "c1", "c2"]);
  });

  it("keeps a source's precision when its window is the narrowest", () => {
    const f = combineField(field("date"), dated([day("August 2021"), day("2021")]));
    expect(f.value).toEqual({ start: "2021-08-01", end: "2021-08-31", precision: "month" });
  });

  it("is a conflict when the windows do not overlap", () => {
    const f = combineField(field("date"), dated([day("26 August 2021"), day("28 August 2021")]));
    expect(f).toMatchObject({ value: null, conflict: true, supportingClaims: [] });
    expect(f.alternatives).toHaveLength(2);
  });

  it("falls back from a rule that does not apply, saying so", () => {
    const f = combineField(field("date"), dated([day("26 August 2021")]), { rules: { date: "conservative_minimum" } });
    expect(f).toMatchObject({ rule: "intersection", note: expect.stringMatching(/does not apply/) });
  });
});

describe("combineField: categorical", () => {
  const typed = (values: unknown[], published: string[] = []) =>
    values.map((v, i) => attack(`c${i}`, `d${i}`, { attack_type: v, claimed_by_group: i % 2 ? "yes" : "unknown" }, { published: published[i] }));

  it("majority wins; multi-choice values compare as sets", () => {
    const f = combineField(field("attack_type"), typed([["suicide_bombing", "armed_assault"], ["armed_assault", "suicide_bombing"], ["bombing_ied"]]));
    expect(f).toMatchObject({ value: ["suicide_bombing", "armed_assault"], conflict: false, supportingClaims: ["c0", "c1"] });
  });

  it("a tie is a conflict for a curator", () => {
    const f = combineField(field("attack_type"), typed([["suicide_bombing"], ["bombing_ied"]]));
    expect(f).toMatchObject({ value: null, conflict: true, supportingClaims: [] });
  });

  it("a curator's choice settles it", () => {
    const f = combineField(field("attack_type"), typed([["suicide_bombing"], ["bombing_ied"]]), { curatorChoice: { attack_type: "c1" } });
    expect(f).toMatchObject({ value: ["bombing_ied"], rule: "curator", supportingClaims: ["c1"], conflict: false });
  });

  it("most recent takes the latest document's value", () => {
    const f = combineField(field("attack_type"), typed([["suicide_bombing"], ["bombing_ied"]], ["2021-09-01", "2021-08-27"]), { rules: { attack_type: "most_recent" } });
    expect(f.value).toEqual(["suicide_bombing"]);
  });

  it("'unknown' on a yes/no field is no vote", () => {
    const f = combineField(field("claimed_by_group"), typed([[], [], []]));
    expect(f).toMatchObject({ value: "yes", supportingClaims: ["c1"] });
  });

  it("places vote by country and names, whatever the case and punctuation", () => {
    const claims = [
      attack("p1", "d1", { location: KABUL }),
      attack("p2", "d2", { location: { ...KABUL, raw: "hamid karzai international airport - kabul" } }),
      attack("p3", "d3", { location: { raw: "Kabul", country: "AFG" } }),
    ];
    expect(combineField(field("location"), claims)).toMatchObject({ value: KABUL, supportingClaims: ["p1", "p2"] });
  });

  it("size estimates: conservative minimum over the estimate", () => {
    const est = SIZE_ESTIMATE.fields.find((f) => f.key === "estimate")!;
    const claims = [
      { id: "s1", documentId: "d1", typeKey: "size_estimate", values: { group: ISKP, estimate: qty("1,500-2,200 fighters") } },
      { id: "s2", documentId: "d2", typeKey: "size_estimate", values: { group: ISKP, estimate: qty("about 2,000 fighters") } },
    ];
    expect(combineField(est, claims).value).toEqual({ low: 1500, best: 2000, high: 2200 });
  });
});
