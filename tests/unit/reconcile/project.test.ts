import { describe, expect, it } from "vitest";
import { ATTACK, LEADER_CHANGE, SIZE_ESTIMATE, type ClaimTypeDefinition } from "@/lib/core/claim-types";
import { buildActorIndex, projectClaim, projectClaims, projectionFields } from "@/lib/core/reconcile";
import { DEFS, ISKP, KABUL, day, kabulReports, qty, window } from "./fixtures";

const index = buildActorIndex([{ id: "iskp", name: "Islamic State Khorasan Province", aliases: ["IS-KP", "ISIS-K"] }]);
const DAY_0 = Date.UTC(2021, 7, 26) / 86_400_000;

describe("projectionFields", () => {
  it("takes the first date, quantity and place fields and every actor field of the defaults", () => {
    expect(projectionFields(ATTACK)).toEqual({ date: "date", figure: "fatalities", place: "location", actors: ["perpetrators"] });
    expect(projectionFields(LEADER_CHANGE)).toEqual({ date: "date_of_change", figure: "", place: "", actors: ["group", "outgoing_leader", "incoming_leader"] });
    expect(projectionFields(SIZE_ESTIMATE)).toEqual({ date: "reference_date", figure: "estimate", place: "scope", actors: ["group"] });
  });

  it("follows an override", () => {
    expect(projectionFields(LEADER_CHANGE, { date: "date_announced", actors: ["group"] })).toMatchObject({ date: "date_announced", actors: ["group"] });
  });

  it("follows a project's own definition", () => {
    const def: ClaimTypeDefinition = {
      key: "raid", name: "Raid", color: "#123456",
      fields: [
        { key: "note", label: "Note", kind: "text", required: false },
        { key: "ended", label: "Ended", kind: "date", required: false },
        { key: "began", label: "Began", kind: "date", required: false },
      ],
    };
    expect(projectionFields(def)).toEqual({ date: "ended", figure: "", place: "", actors: [] });
  });
});

describe("projectClaim", () => {
  it("projects the Kabul report: window, place, resolved actor, figure", () => {
    const [a] = kabulReports();
    const p = projectClaim(a, ATTACK, { actors: index });
    expect(p).toMatchObject({
      id: "a1", documentId: "docA", typeKey: "attack",
      date: { start: DAY_0, end: DAY_0, precision: "day" },
      place: { country: "AFG", admin1: "kabul", admin2: null, raw: "hamid karzai international airport kabul" },
      actors: { ids: ["iskp"], names: ["isisk"], keys: ["id:iskp", "name:isisk"] },
      figure: { low: 170, best: 170, high: null, qualifier: "at_least" },
    });
    expect(p.spans).toHaveLength(1);
  });

  it("keeps an actor id stored on the value even without an index", () => {
    const p = projectClaim({ id: "x", documentId: "d", typeKey: "attack", values: { perpetrators: [{ raw: "Daesh", actorId: "iskp" }] } }, ATTACK);
    expect(p.actors.keys).toEqual(["id:iskp", "name:daesh"]);
  });

  it("reads a month window and the size estimate's figure and reference date", () => {
    const p = projectClaim({
      id: "s", documentId: "d", typeKey: "size_estimate",
      values: { group: ISKP, estimate: { ...qty("1,500-2,200 fighters") }, reference_date: day("June 2021"), scope: { raw: "Afghanistan", country: "afg" } },
    }, SIZE_ESTIMATE, { actors: index });
    expect(p.date).toMatchObject({ precision: "month", end: p.date!.start + 29 });
    expect(p.figure).toMatchObject({ low: 1500, high: 2200, qualifier: "range" });
    expect(p.place).toEqual({ country: "AFG", admin1: null, admin2: null, raw: "afghanistan" });
    expect(p.actors.ids).toEqual(["iskp"]);
  });

  it("projects the leader change by its date of change, not the date announced", () => {
    const p = projectClaim({
      id: "l", documentId: "d", typeKey: "leader_change",
      values: { group: ISKP, incoming_leader: { raw: "Sanaullah Ghafari" }, date_of_change: day("June 2020"), date_announced: day("3 July 2020") },
    }, LEADER_CHANGE, { actors: index });
    expect(p.date?.precision).toBe("month");
    expect(p.actors.names).toEqual(["islamicstatekhorasanprovince", "sanaullahghafari"]);
  });

  it.each<[string, unknown]>([
    ["null values", null],
    ["a string", "garbage"],
    ["an array", [1, 2]],
    ["wrong shapes", { date: "2021-08-26", location: 7, perpetrators: "ISKP", fatalities: { qualifier: "exact", low: "5" } }],
    ["an impossible date", { date: { raw: "x", start: "2021-02-30", end: "2021-02-30", precision: "day" } }],
    ["a reversed window", { date: { raw: "x", start: "2021-03-02", end: "2021-03-01", precision: "days" } }],
    ["an unknown date", { date: { raw: "", start: null, end: null, precision: "unknown" } }],
    ["an unknown figure", { fatalities: { raw: "unknown", low: null, best: null, high: null, qualifier: "unknown" } }],
    ["a figure out of order", { fatalities: { raw: "x", low: 9, best: 5, high: 2, qualifier: "range" } }],
    ["negative or infinite numbers", { fatalities: { raw: "x", low: -1, best: Infinity, high: null, qualifier: "exact" } }],
    ["actors without names", { perpetrators: [{ raw: "  " }, null, { actorId: "x" }] }],
    ["a blank place", { location: { raw: " ", country: "Afghanistan" } }],
  ])("never throws on %s: missing becomes null", (_, values) => {
    const p = projectClaim({ id: "x", documentId: "d", typeKey: "attack", values, spans: [{ start: 5, end: 2 }, "x"] as never }, ATTACK);
    expect(p.date).toBeNull();
    expect(p.figure).toBeNull();
    expect(p.place).toBeNull();
    expect(p.actors).toEqual({ ids: [], names: [], keys: [] });
    expect(p.spans).toEqual([]);
  });

  it("reads the first place of a list and ignores an unreadable country", () => {
    const p = projectClaim({ id: "x", documentId: "d", typeKey: "attack", values: { location: [{ raw: "Jalalabad", country: "AF" }, KABUL] } }, ATTACK);
    expect(p.place).toEqual({ country: null, admin1: null, admin2: null, raw: "jalalabad" });
  });
});

describe("projectClaims", () => {
  it("uses each claim's definition and projects an unknown type to nulls", () => {
    const out = projectClaims([
      ...kabulReports(),
      { id: "z", documentId: "d", typeKey: "mystery", values: { date: window("2021-01-01", "2021-01-02", "days") } },
    ], DEFS);
    expect(out.map((p) => p.date !== null)).toEqual([true, true, false]);
    expect(out[2].typeKey).toBe("mystery");
  });
});
