/**
 * The claims table's field sorts and filters against real databases: date windows (overlap) and
 * quantity figures (best ?? low ?? high), empty values last, field keys checked against the claim
 * type, and the project scope kept: another project's claims never appear.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { makeUser, makeProject, makeDocument, claimTypeByKey } from "../support/factories";
import { codeOf, failure } from "../support/errors";
import type { OpenDatabase } from "@/lib/db/engine";
import { createClaim, deleteClaim } from "@/lib/services/claims";
import { listClaimKeyValues, listProjectClaims, parseClaimTableQuery } from "@/lib/services/claim-lists";

// Values entered by hand (manual): the table reads stored values, whatever wording produced them.
const date = (start: string | null, end: string | null, precision: string) => ({ raw: "", start, end, precision, manual: true });
const qty = (qualifier: string, low: number | null, best: number | null, high: number | null, more: object = {}) =>
  ({ raw: "", low, best, high, qualifier, manual: true, ...more });

describe.each(testEngines())("claims table fields on %s", (engine) => {
  let db: OpenDatabase;
  let user: { id: string }, stranger: { id: string };
  let projectId: string, attackId: string, docId: string;
  let foreignProjectId: string, foreignAttackId: string;
  /** claim id -> name in these tests */
  const names = new Map<string, string>();

  const list = async (params: Record<string, string | string[]>, who = user.id, project = projectId) => {
    const r = await listProjectClaims(who, project, parseClaimTableQuery(params));
    return r.rows.map((row) => names.get(row.id) ?? `?${row.id}`);
  };

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    user = await makeUser("Tabler");
    stranger = await makeUser("Stranger");
    projectId = (await makeProject(user.id)).id;
    attackId = (await claimTypeByKey(user.id, projectId, "attack")).id;
    docId = (await makeDocument(user.id, projectId)).documentId;
    const add = async (name: string, values: Record<string, unknown>, who = user.id, project = projectId, type = attackId, doc = docId) => {
      const c = await createClaim(who, project, { documentId: doc, claimTypeId: type, spans: [{ start: 0, end: 6 }], values });
      names.set(c.id, name);
      return c;
    };
    // Created in this order: ties in sorts fall back to the newest first.
    await add("A", { date: date("2022-04-18", "2022-04-18", "day"), fatalities: qty("exact", 12, 12, 12) });
    await add("B", { date: date("2022-04-01", "2022-04-30", "month"), fatalities: qty("range", 3000, null, 4000, { unit: "people" }) });
    await add("C", { date: date("2021-01-01", "2021-12-31", "year"), fatalities: qty("more_than", 181, null, null) });
    await add("D", { date: date(null, null, "unknown"), fatalities: qty("unknown", null, null, null) });
    await add("E", { weapon: "IED" });
    await add("F", { date: date("2022-05-02", "2022-05-08", "week"), fatalities: qty("approx", null, 40, null, { hedged: true }) });
    const gone = await add("deleted", { date: date("2022-04-18", "2022-04-18", "day"), fatalities: qty("exact", 5, 5, 5) });
    await deleteClaim(user.id, projectId, { claimId: gone.id, version: 1 });
    // Another project, with claims that would match every filter below.
    foreignProjectId = (await makeProject(stranger.id)).id;
    foreignAttackId = (await claimTypeByKey(stranger.id, foreignProjectId, "attack")).id;
    const foreignDoc = (await makeDocument(stranger.id, foreignProjectId)).documentId;
    for (const n of ["X1", "X2"]) {
      await add(n, { date: date("2022-04-18", "2022-04-18", "day"), fatalities: qty("exact", 500, 500, 500) }, stranger.id, foreignProjectId, foreignAttackId, foreignDoc);
    }
  });
  afterAll(async () => db?.close());

  it("lists the project's live claims only", async () => {
    expect((await list({})).sort()).toEqual(["A", "B", "C", "D", "E", "F"]);
    expect(await list({ type: attackId })).toHaveLength(6);
  });

  it.each([
    [{ from: "2022-04-20", to: "2022-04-25" }, ["B"]],
    [{ from: "2022-04-18", to: "2022-04-18" }, ["A", "B"]],
    [{ from: "2022-04-30" }, ["B", "F"]],
    [{ to: "2021-12-31" }, ["C"]],
    [{ from: "2020-01-01", to: "2030-12-31" }, ["A", "B", "C", "F"]],
    [{ from: "2023-01-01" }, []],
  ])("filters a date field by overlapping window %j", async (window, expected) => {
    expect((await list({ type: attackId, dateField: "date", ...window })).sort()).toEqual(expected);
  });

  it("sorts by a date field's start, empty and unknown dates last in both directions", async () => {
    expect(await list({ type: attackId, by: "date" })).toEqual(["C", "B", "A", "F", "E", "D"]);
    expect(await list({ type: attackId, by: "date", dir: "desc" })).toEqual(["F", "A", "B", "C", "E", "D"]);
  });

  it("sorts by a quantity's figure (best, else low, else high), empty and unknown figures last", async () => {
    expect(await list({ type: attackId, by: "fatalities" })).toEqual(["A", "F", "C", "B", "E", "D"]);
    expect(await list({ type: attackId, by: "fatalities", dir: "desc" })).toEqual(["B", "C", "F", "A", "E", "D"]);
  });

  it.each([
    [{ min: "100" }, ["B", "C"]],
    [{ max: "100" }, ["A", "F"]],
    [{ min: "181", max: "181" }, ["C"]],
    // A range without a best counts at its low end.
    [{ min: "3500" }, []],
    [{ min: "3000", max: "3000" }, ["B"]],
    [{ min: "0" }, ["A", "B", "C", "F"]],
  ])("filters a quantity field by %j", async (bounds, expected) => {
    expect((await list({ type: attackId, qtyField: "fatalities", ...bounds })).sort()).toEqual(expected);
  });

  it("combines a date window, a quantity bound and a field sort", async () => {
    expect(await list({ type: attackId, dateField: "date", from: "2022-01-01", qtyField: "fatalities", min: "10", by: "fatalities", dir: "desc" }))
      .toEqual(["B", "F", "A"]);
  });

  it("refuses field keys that are not fields of the chosen type, of the right kind", async () => {
    for (const params of [
      { type: attackId, by: "weapon" }, // a text field: not sortable
      { type: attackId, by: "nonexistent" },
      { type: attackId, dateField: "fatalities", from: "2022-01-01" },
      { type: attackId, qtyField: "date", min: "1" },
      { type: attackId, col: ["date", "size_bin"] },
      { by: "date" }, // no type chosen
      { type: foreignAttackId, by: "date" }, // another project's type
    ]) {
      expect(await codeOf(listProjectClaims(user.id, projectId, parseClaimTableQuery(params))), JSON.stringify(params)).toBe("invalid");
    }
    for (const params of [{ by: "date\"; DROP TABLE \"Claim\"; --" }, { qtyField: "fatalities", min: "-1" }, { from: "2022-02-30", dateField: "date" }, { dir: "sideways" }]) {
      expect(() => parseClaimTableQuery(params), JSON.stringify(params)).toThrow();
    }
  });

  it("drops the previous type's field parameters when the form switches types, instead of refusing them", async () => {
    const switched = parseClaimTableQuery({ type: "another-type", fieldsOf: attackId, by: "date", dateField: "date", from: "2022-01-01", col: ["date"], colset: "1" });
    expect(switched).toEqual({ type: "another-type", sort: "newest", page: 1, dir: "asc" });
    const toAll = parseClaimTableQuery({ fieldsOf: attackId, qtyField: "fatalities", min: "5" });
    expect(toAll.qtyField).toBeUndefined();
    const same = parseClaimTableQuery({ type: attackId, fieldsOf: attackId, by: "date" });
    expect(same.by).toBe("date");
    // Without the form's marker, a field of the wrong type is refused as before.
    expect(await codeOf(listProjectClaims(user.id, projectId, parseClaimTableQuery({ type: attackId, fieldsOf: attackId, by: "weapon" })))).toBe("invalid");
  });

  it("never shows another project's claims, whatever the filter", async () => {
    expect(await list({ type: foreignAttackId })).toEqual([]);
    expect(await list({ type: attackId, dateField: "date", from: "2022-04-18", to: "2022-04-18", qtyField: "fatalities", min: "400", max: "600" })).toEqual([]);
    expect((await list({ type: foreignAttackId }, stranger.id, foreignProjectId)).sort()).toEqual(["X1", "X2"]);
    expect(await codeOf(listProjectClaims(stranger.id, projectId, parseClaimTableQuery({ type: attackId, by: "date" })))).toBe("not_found");
  });

  it("gives the type's default columns, or the chosen ones", async () => {
    const r = await listProjectClaims(user.id, projectId, parseClaimTableQuery({ type: attackId }));
    expect(r.columns).toEqual(["date", "location", "fatalities", "perpetrator_fatalities", "injured"]);
    expect(r.claimType?.definition.key).toBe("attack");
    const chosen = await listProjectClaims(user.id, projectId, parseClaimTableQuery({ type: attackId, col: ["weapon", "date"], colset: "1" }));
    expect(chosen.columns).toEqual(["weapon", "date"]);
    const none = await listProjectClaims(user.id, projectId, parseClaimTableQuery({ type: attackId, colset: "1" }));
    expect(none.columns).toEqual([]);
    // Each row carries the definition of the version it was written against.
    expect(r.rows.every((row) => row.definition?.key === "attack")).toBe(true);
  });

  it("counts every match and pages through them", async () => {
    const r = await listProjectClaims(user.id, projectId, parseClaimTableQuery({ type: attackId, dateField: "date", from: "2000-01-01" }));
    expect(r.total).toBe(4);
    const beyond = await listProjectClaims(user.id, projectId, parseClaimTableQuery({ type: attackId, page: "2" }));
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(6);
  });

  it("filters by when a claim was created: today or this week (UTC days), read against the given time", async () => {
    const live = await db.prisma.claim.findMany({ where: { projectId, deletedAt: null }, select: { createdAt: true } });
    const newest = new Date(Math.max(...live.map((c) => c.createdAt.getTime())));
    const startOfDay = new Date(`${newest.toISOString().slice(0, 10)}T00:00:00.000Z`);
    const createdToday = live.filter((c) => c.createdAt >= startOfDay).length;
    expect(createdToday).toBeGreaterThan(0);
    const at = async (created: string, now: Date) => (await listProjectClaims(user.id, projectId, parseClaimTableQuery({ created }), now)).total;
    expect(await at("today", newest)).toBe(createdToday);
    expect(await at("week", newest)).toBeGreaterThanOrEqual(createdToday);
    const later = new Date(newest.getTime() + 8 * 86_400_000);
    expect(await at("today", later)).toBe(0);
    expect(await at("week", later)).toBe(0);
    expect(await at("today", new Date(startOfDay.getTime() - 1))).toBe(0);
    expect((await failure(Promise.resolve().then(() => parseClaimTableQuery({ created: "month" })))).code).toBe("invalid");
  });

  it("gives the key values of a document's claims by number, in its own project only", async () => {
    const out = await listClaimKeyValues(user.id, projectId, { documentId: docId, seqs: [1, 2, 4, 5, 7, 99] });
    expect(out).toEqual({
      "1": "Date: 18 April 2022 (day) · manual · Fatalities: 12 (exact) · manual",
      "2": "Date: April 2022 (month) · manual · Fatalities: 3,000–4,000 people (range) · manual",
      "4": "Date: unknown · manual · Fatalities: unknown · manual",
      "5": "",
    });
    expect(await codeOf(listClaimKeyValues(stranger.id, projectId, { documentId: docId, seqs: [1] }))).toBe("not_found");
    expect(await listClaimKeyValues(user.id, projectId, { documentId: docId.replace(/.$/, "x"), seqs: [1] })).toEqual({});
    expect((await failure(listClaimKeyValues(user.id, projectId, { documentId: docId, seqs: [] }))).code).toBe("invalid");
  });
  it("names each row's type with the underline the document page draws for it (by the type's place, oldest first)", async () => {
    const own = (await makeProject(user.id)).id;
    const doc = (await makeDocument(user.id, own)).documentId;
    const group = { raw: "ISKP" };
    const estimate = { raw: "3-4,000 fighters", low: 3000, best: null, high: 4000, qualifier: "range", unit: "fighters", manual: true };
    const values: Record<string, Record<string, unknown>> = { size_estimate: { group, estimate }, attack: {}, leader_change: { group } };
    for (const key of ["size_estimate", "attack", "leader_change"]) {
      const type = await claimTypeByKey(user.id, own, key);
      await createClaim(user.id, own, { documentId: doc, claimTypeId: type.id, spans: [{ start: 0, end: 6 }], values: values[key]! });
    }
    const r = await listProjectClaims(user.id, own, parseClaimTableQuery({}));
    const byType = Object.fromEntries(r.rows.map((row) => [row.typeName, row.typeUnderline]));
    // The default types are created attack, leader change, size estimate: solid, dashed, dotted.
    expect(byType).toEqual({ Attack: "solid", "Leader change": "dashed", "Size estimate": "dotted" });
  });
});
