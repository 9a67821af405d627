/**
 * Records across documents against a real database: the Kabul airport bombing of 26 August 2021
 * tagged in two reports becomes one proposal, then one record whose fatalities combine both figures;
 * a disagreement becomes a conflict that an editor resolves; permissions, foreign ids, stale versions,
 * detach / split / merge, and a reprinted report not counted as a second source.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { addMemberWithRole, claimTypeByKey, makeProject, makeUser } from "../support/factories";
import { failure } from "../support/errors";
import type { OpenDatabase } from "@/lib/db/engine";
import { importDocument } from "@/lib/services/documents";
import { createClaim, updateClaim } from "@/lib/services/claims";
import { createActor, listActors } from "@/lib/services/actors";
import {
  confirmProposal, detachClaim, getRecord, listConflicts, listRecords, mergeRecords, proposeRecords, refreshRecord,
  resolveConflict, setFieldRule, splitRecord,
} from "@/lib/services/records";
import { parseDate, parseQuantity } from "@/lib/core/values";
import { KABUL, REPORT_A, REPORT_B } from "../support/reports";


function qty(raw: string) {
  const r = parseQuantity(raw);
  if (!r.ok) throw new Error(raw);
  return r.value;
}
function day(raw: string) {
  const r = parseDate(raw);
  if (!r.ok) throw new Error(raw);
  return r.value;
}
const spanOf = (text: string, words: string) => {
  const start = text.indexOf(words); // the reports are ASCII: code units are code points
  if (start < 0) throw new Error(words);
  return { start, end: start + words.length };
};

describe.each(testEngines())("records on %s", (engine) => {
  let db: OpenDatabase;
  let owner: { id: string };
  let annotator: { id: string };
  let stranger: { id: string };
  let projectId: string, attackId: string, docA: string, docB: string;
  let claimA: { id: string; version: number }, claimB: { id: string; version: number };

  const approve = async (claimId: string) => {
    // Approval belongs to the review workflow (tested there); records only read its outcome.
    await db.prisma.claim.update({ where: { id: claimId }, data: { status: "approved" } });
  };
  const importReport = async (text: string, published: string) =>
    (await importDocument(owner.id, projectId, { fileName: "report.txt", pastedText: text }, { metadata: { title: `Report ${published}`, published } })).documentId;

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    owner = await makeUser("Editor");
    annotator = await makeUser("Annotator");
    stranger = await makeUser("Stranger");
    projectId = (await makeProject(owner.id)).id;
    await addMemberWithRole(owner.id, projectId, (await db.prisma.user.findUniqueOrThrow({ where: { id: annotator.id } })).email, "annotator");
    attackId = (await claimTypeByKey(owner.id, projectId, "attack")).id;
    docA = await importReport(REPORT_A, "2021-08-27");
    docB = await importReport(REPORT_B, "2021-09-15");
    claimA = await createClaim(owner.id, projectId, {
      documentId: docA, claimTypeId: attackId, spans: [spanOf(REPORT_A, "A suicide bombing at Hamid Karzai International Airport on 26 August 2021 killed at least 170 people")],
      values: { date: day("26 August 2021"), location: KABUL, perpetrators: [{ raw: "ISIS-K" }], fatalities: qty("at least 170") },
    });
    claimB = await createClaim(owner.id, projectId, {
      documentId: docB, claimTypeId: attackId, spans: [spanOf(REPORT_B, "Islamic State Khorasan Province bombing at Kabul airport on August 26, 2021 killed 183 people")],
      values: { date: day("August 26, 2021"), location: KABUL, perpetrators: [{ raw: "Islamic State Khorasan Province" }], fatalities: qty("183") },
    });
  });
  afterAll(async () => db?.close());

  it("proposes only approved claims", async () => {
    expect((await proposeRecords(owner.id, projectId)).proposals).toEqual([]);
    await approve(claimA.id);
    expect((await proposeRecords(owner.id, projectId)).proposals).toEqual([]);
  });

  it("keeps an actor list whose aliases name one actor", async () => {
    const actor = await createActor(owner.id, projectId, { name: "Islamic State Khorasan Province", aliases: ["ISIS-K", "ISKP", "IS-KP", "Daesh Khorasan"] });
    // "IS-KP" and "ISKP" are one name once normalized: stored once.
    expect(actor.aliases).toEqual(["ISIS-K", "ISKP", "Daesh Khorasan"]);
    expect((await failure(createActor(owner.id, projectId, { name: "Another group", aliases: ["isis k"] }))).code).toBe("duplicate");
    expect((await failure(createActor(annotator.id, projectId, { name: "Taliban" }))).code).toBe("forbidden");
    expect((await listActors(annotator.id, projectId)).map((a) => a.name)).toEqual(["Islamic State Khorasan Province"]);
  });

  it("proposes the two reports of the bombing as one record, with the reasons", async () => {
    await approve(claimB.id);
    const { proposals } = await proposeRecords(owner.id, projectId);
    expect(proposals).toHaveLength(1);
    const p = proposals[0];
    expect(p.claims.map((c) => c.id).sort()).toEqual([claimA.id, claimB.id].sort());
    expect(p.claims.map((c) => c.documentId).sort()).toEqual([docA, docB].sort());
    const fields = p.pairs[0].reasons.filter((r) => r.outcome === "match").map((r) => r.field);
    // The alias list is what makes the two spellings one actor.
    expect(fields).toEqual(expect.arrayContaining(["date", "place", "actors"]));
    expect(p.pairs[0].reasons.find((r) => r.field === "actors")!.detail).toContain("id:");
  });

  it("refuses the annotator, foreign ids and unapproved claims", async () => {
    const { proposals } = await proposeRecords(owner.id, projectId);
    const claimIds = proposals[0].claims.map((c) => c.id);
    expect((await failure(confirmProposal(annotator.id, projectId, { claimIds }))).code).toBe("forbidden");
    expect((await failure(proposeRecords(annotator.id, projectId))).code).toBe("forbidden");
    expect((await failure(confirmProposal(stranger.id, projectId, { claimIds }))).code).toBe("not_found");
    // A claim of another project is not found here, like one that does not exist.
    const other = await makeProject(stranger.id, "Other");
    const otherAttack = (await claimTypeByKey(stranger.id, other.id, "attack")).id;
    const otherDoc = (await importDocument(stranger.id, other.id, { fileName: "x.txt", pastedText: REPORT_A })).documentId;
    const foreign = await createClaim(stranger.id, other.id, { documentId: otherDoc, claimTypeId: otherAttack, spans: [{ start: 0, end: 5 }] });
    await approve(foreign.id);
    expect((await failure(confirmProposal(owner.id, projectId, { claimIds: [claimA.id, foreign.id] }))).code).toBe("not_found");
    const draft = await createClaim(owner.id, projectId, { documentId: docA, claimTypeId: attackId, spans: [spanOf(REPORT_A, "Afghan health officials")] });
    expect((await failure(confirmProposal(owner.id, projectId, { claimIds: [claimA.id, draft.id] }))).code).toBe("invalid");
  });

  let recordId: string;

  it("confirms the proposal: one record, fatalities 170 to 183 from both sources, two sources, no conflict", async () => {
    const { proposals } = await proposeRecords(owner.id, projectId);
    const created = await confirmProposal(owner.id, projectId, { claimIds: proposals[0].claims.map((c) => c.id) });
    recordId = created.id;
    expect(created.seq).toBe(1);
    expect((await proposeRecords(owner.id, projectId)).proposals).toEqual([]);
    // A second confirm of the same claims finds them taken.
    expect((await failure(confirmProposal(owner.id, projectId, { claimIds: [claimA.id, claimB.id] }))).code).toBe("conflict");

    const record = await getRecord(annotator.id, projectId, recordId);
    expect(record.claims).toHaveLength(2);
    expect(record.numberOfSources).toBe(2);
    expect(record.conflicts).toEqual([]);
    const stored = await db.prisma.recordField.findFirstOrThrow({ where: { recordId, fieldKey: "fatalities" } });
    expect(stored.value).toEqual({ low: 170, best: 170, high: 183 });
    expect(stored.rule).toBe("conservative_minimum");
    const fatalities = record.fields.find((f) => f.key === "fatalities")!;
    expect(fatalities.value).toBe("170–183 (best 170)");
    expect(fatalities.alternatives.map((a) => a.claimIds).flat().sort()).toEqual([claimA.id, claimB.id].sort());
    expect(fatalities.supporting.sort()).toEqual([claimA.id, claimB.id].sort());
    const date = await db.prisma.recordField.findFirstOrThrow({ where: { recordId, fieldKey: "date" } });
    expect(date.value).toEqual({ start: "2021-08-26", end: "2021-08-26", precision: "day" });

    const audit = await db.prisma.auditEvent.findMany({ where: { objectType: "record", objectId: recordId } });
    expect(audit.map((e) => e.action)).toEqual(["record.create"]);
  });

  it("lists and filters records", async () => {
    const all = await listRecords(annotator.id, projectId, {});
    expect(all.total).toBe(1);
    expect(all.rows[0]).toMatchObject({ seq: 1, numberOfSources: 2, openConflicts: 0, date: "2021-08-26" });
    const count = async (q: Record<string, unknown>) => (await listRecords(owner.id, projectId, q)).total;
    expect(await count({ actor: "ISKP" })).toBe(1);
    expect(await count({ actor: "Taliban" })).toBe(0);
    expect(await count({ country: "afg" })).toBe(1);
    expect(await count({ country: "IRQ" })).toBe(0);
    expect(await count({ from: "2021-08-01", to: "2021-08-31" })).toBe(1);
    expect(await count({ from: "2021-09-01" })).toBe(0);
    expect(await count({ minSources: 2 })).toBe(1);
    expect(await count({ minSources: 3 })).toBe(0);
    expect(await count({ conflict: "open" })).toBe(0);
    expect(await count({ type: attackId, status: "confirmed" })).toBe(1);
    expect((await failure(listRecords(stranger.id, projectId, {}))).code).toBe("not_found");
    expect((await failure(getRecord(stranger.id, projectId, recordId))).code).toBe("not_found");
  });

  it("turns a disagreement into a figure conflict, resolved with a note and still listed", async () => {
    const edited = await updateClaim(owner.id, projectId, { claimId: claimA.id, version: claimA.version, values: { date: day("26 August 2021"), location: KABUL, perpetrators: [{ raw: "ISIS-K" }], fatalities: qty("up to 150") } });
    claimA = edited;
    // The edit sent the claim back to review: it no longer counts until approved again.
    let record = await getRecord(owner.id, projectId, recordId);
    expect(record.claims.find((c) => c.id === claimA.id)!.changed).toBe(true);
    await approve(claimA.id);
    expect((await failure(refreshRecord(owner.id, projectId, { recordId, version: record.version + 5 }))).code).toBe("conflict");
    await refreshRecord(owner.id, projectId, { recordId, version: record.version });
    record = await getRecord(owner.id, projectId, recordId);
    expect(record.claims.every((c) => !c.changed)).toBe(true);
    expect(record.conflicts).toHaveLength(1);
    const conflict = record.conflicts[0];
    expect(conflict).toMatchObject({ kind: "figure_mismatch", fieldKey: "fatalities", status: "open" });
    expect(conflict.sides.map((s) => s.claimIds).flat().sort()).toEqual([claimA.id, claimB.id].sort());
    expect((await listRecords(owner.id, projectId, { conflict: "open" })).total).toBe(1);
    expect((await listConflicts(annotator.id, projectId)).open.map((c) => c.id)).toEqual([conflict.id]);

    const side = conflict.sides.findIndex((s) => s.claimIds.includes(claimB.id)) as 0 | 1;
    expect((await failure(resolveConflict(annotator.id, projectId, { conflictId: conflict.id, version: conflict.version, side, note: "x" }))).code).toBe("forbidden");
    expect((await failure(resolveConflict(owner.id, projectId, { conflictId: conflict.id, version: conflict.version, side, note: "  " }))).code).toBe("invalid");
    expect((await failure(resolveConflict(owner.id, projectId, { conflictId: conflict.id, version: conflict.version + 1, side, note: "Pentagon count" }))).code).toBe("conflict");
    await resolveConflict(owner.id, projectId, { conflictId: conflict.id, version: conflict.version, side, note: "The Pentagon's count names the dead." });

    record = await getRecord(owner.id, projectId, recordId);
    expect(record.conflicts).toHaveLength(1);
    expect(record.conflicts[0]).toMatchObject({ status: "resolved", note: "The Pentagon's count names the dead.", resolution: { claimId: claimB.id } });
    const fatalities = record.fields.find((f) => f.key === "fatalities")!;
    expect(fatalities.rule).toBe("curator");
    expect(fatalities.chosenClaimId).toBe(claimB.id);
    expect(await db.prisma.recordField.findFirstOrThrow({ where: { recordId, fieldKey: "fatalities" }, select: { value: true } })).toEqual({ value: { low: 183, best: 183, high: 183 } }); // "up to 150" states no low or best
    const queue = await listConflicts(owner.id, projectId);
    expect(queue.open).toEqual([]);
    expect(queue.resolved.map((c) => c.id)).toEqual([conflict.id]);
    expect((await listRecords(owner.id, projectId, { conflict: "none" })).total).toBe(1);
  });

  it("sets a field's rule with its version", async () => {
    const record = await getRecord(owner.id, projectId, recordId);
    const date = record.fields.find((f) => f.key === "date")!;
    expect((await failure(setFieldRule(owner.id, projectId, { recordId, fieldKey: "date", version: date.version + 1, rule: "most_recent" }))).code).toBe("conflict");
    await setFieldRule(owner.id, projectId, { recordId, fieldKey: "date", version: date.version, rule: "most_recent" });
    const after = (await getRecord(owner.id, projectId, recordId)).fields.find((f) => f.key === "date")!;
    expect(after.rule).toBe("most_recent");
    expect(after.ruleOverride).toBe("most_recent");
    expect((await failure(setFieldRule(owner.id, projectId, { recordId, fieldKey: "date", version: after.version, rule: "curator", claimId: "no-such-claim" }))).code).toBe("not_found");
  });

  it("detaches a claim and recomputes the record; the resolved conflict stays visible", async () => {
    const record = await getRecord(owner.id, projectId, recordId);
    expect((await failure(detachClaim(owner.id, projectId, { recordId, version: record.version - 1, claimId: claimB.id }))).code).toBe("conflict");
    expect((await failure(detachClaim(annotator.id, projectId, { recordId, version: record.version, claimId: claimB.id }))).code).toBe("forbidden");
    await detachClaim(owner.id, projectId, { recordId, version: record.version, claimId: claimB.id });
    const after = await getRecord(owner.id, projectId, recordId);
    expect(after.claims.map((c) => c.id)).toEqual([claimA.id]);
    expect(after.numberOfSources).toBe(1);
    expect(await db.prisma.recordField.findFirstOrThrow({ where: { recordId, fieldKey: "fatalities" }, select: { value: true } })).toEqual({ value: { low: null, best: null, high: 150 } });
    expect(after.conflicts.map((c) => c.status)).toEqual(["resolved"]);
    // One audit event per change, each naming the record.
    const actions = (await db.prisma.auditEvent.findMany({ where: { objectType: "record", objectId: recordId, outcome: "ok" }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["record.create", "record.refresh", "record.resolve_conflict", "record.field_rule", "record.detach"]);
    // The detached claim is unrecorded again (and alone, it forms no proposal).
    const proposals = await proposeRecords(owner.id, projectId);
    expect(proposals.unrecorded).toBe(1);
    expect(proposals.proposals).toEqual([]);
  });

  it("shows the record's history with what changed, and refused attempts to curators only", async () => {
    const history = (await getRecord(owner.id, projectId, recordId)).history;
    expect(history.map((h) => h.kind)).toEqual(["change", "change", "denied", "change", "change", "denied", "change"]);
    const [created, refreshed, deniedResolve, resolved, rule, deniedDetach, detached] = history;
    const change = (h: (typeof history)[number], label: string) => h.changes.find((c) => c.label === label);
    expect(created.what).toBe("created the record");
    expect(created.actorName).toMatch(/^Editor/);
    expect(change(created, "Fatalities")?.after).toBe("170–183 (best 170)");
    expect(change(created, "Claims added")?.after.split(", ").sort()).toEqual(["Report 2021-08-27 #1", "Report 2021-09-15 #1"]);
    // A refresh after an edit: the field's value before and after.
    expect(change(refreshed, "Fatalities")?.before).toBe("170–183 (best 170)");
    expect(change(refreshed, "Fatalities")?.after).not.toBe("170–183 (best 170)");
    expect(change(refreshed, "Claims added")).toBeUndefined();
    expect(deniedResolve).toMatchObject({ what: "tried to resolve a conflict (refused)", changes: [] });
    expect(deniedResolve.actorName).toMatch(/^Annotator/);
    expect(deniedDetach.what).toBe("tried to detach a claim (refused)");
    expect(resolved.reason).toBe("The Pentagon's count names the dead.");
    expect(change(resolved, "Conflict on Fatalities")?.before).toBe("open");
    expect(change(resolved, "Conflict on Fatalities")?.after).toMatch(/^resolved: .*\(from Report 2021-09-15 #1\)$/);
    expect(change(rule, "Rule of Date")?.after).toBe("Most recent source");
    expect(change(detached, "Claims removed")).toEqual({ label: "Claims removed", before: "Report 2021-09-15 #1", after: "" });
    expect(change(detached, "Independent sources")).toEqual({ label: "Independent sources", before: "2", after: "1" });
    // The events carry only what changed, not whole snapshots.
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { objectType: "record", objectId: recordId, action: "record.detach", outcome: "ok" } });
    expect(event.after).toMatchObject({ claimsRemoved: [claimB.id], numberOfSources: 1 });
    expect(event.after).not.toHaveProperty("claimIds");
    expect(event.after).not.toHaveProperty("status");
    const denied = await db.prisma.auditEvent.findMany({ where: { objectType: "record", objectId: recordId, outcome: "denied" } });
    expect(denied.map((e) => [e.actorId, e.action]).sort()).toEqual([[annotator.id, "record.detach"], [annotator.id, "record.resolve_conflict"]]);
    // Annotators see the changes, not the refusals.
    expect((await getRecord(annotator.id, projectId, recordId)).history.map((h) => h.kind)).toEqual(["change", "change", "change", "change", "change"]);
    // A record of another project, or none at all, is not found rather than refused.
    expect((await failure(refreshRecord(annotator.id, projectId, { recordId: "no-such-record", version: 1 }))).code).toBe("not_found");
  });

  it("splits and merges records", async () => {
    let record = await getRecord(owner.id, projectId, recordId);
    const second = await confirmProposal(owner.id, projectId, { claimIds: [claimB.id] });
    await mergeRecords(owner.id, projectId, { recordId, version: record.version, otherRecordId: second.id, otherVersion: 1 });
    record = await getRecord(owner.id, projectId, recordId);
    expect(record.claims.map((c) => c.id).sort()).toEqual([claimA.id, claimB.id].sort());
    expect(record.numberOfSources).toBe(2);
    const merged = record.history.at(-1)!;
    expect(merged.what).toBe(`merged record R${second.seq} into this one`);
    expect(merged.changes).toContainEqual({ label: "Claims added", before: "", after: "Report 2021-09-15 #1" });
    expect((await failure(getRecord(owner.id, projectId, second.id))).code).toBe("not_found");
    expect((await failure(splitRecord(owner.id, projectId, { recordId, version: record.version, claimIds: [claimA.id, claimB.id] }))).code).toBe("invalid");
    expect((await failure(mergeRecords(owner.id, projectId, { recordId, version: record.version, otherRecordId: recordId, otherVersion: record.version }))).code).toBe("invalid");
    const split = await splitRecord(owner.id, projectId, { recordId, version: record.version, claimIds: [claimB.id] });
    expect((await getRecord(owner.id, projectId, split.id)).history.map((h) => h.what)).toEqual([`created the record from claims split off R${record.seq}`]);
    expect((await getRecord(owner.id, projectId, recordId)).history.at(-1)!.what).toBe(`split claims off into a new record R${split.seq}`);
    expect((await getRecord(owner.id, projectId, split.id)).claims.map((c) => c.id)).toEqual([claimB.id]);
    expect((await getRecord(owner.id, projectId, recordId)).claims.map((c) => c.id)).toEqual([claimA.id]);
    expect((await listRecords(owner.id, projectId, {})).total).toBe(2);
  });

  it("counts a reprinted report as the same source", async () => {
    const reprint = `Reprinted. ${REPORT_A}`;
    const docC = await importReport(reprint, "2021-08-28");
    const words = "A suicide bombing at Hamid Karzai International Airport on 26 August 2021 killed at least 170 people";
    const copy = await createClaim(owner.id, projectId, {
      documentId: docC, claimTypeId: attackId, spans: [spanOf(reprint, words)],
      values: { date: day("26 August 2021"), location: KABUL, perpetrators: [{ raw: "ISIS-K" }], fatalities: qty("at least 170") },
    });
    const original = await createClaim(owner.id, projectId, {
      documentId: docA, claimTypeId: attackId, spans: [spanOf(REPORT_A, words)],
      values: { date: day("26 August 2021"), location: KABUL, perpetrators: [{ raw: "ISIS-K" }], fatalities: qty("at least 170") },
    });
    await approve(copy.id);
    await approve(original.id);
    const made = await confirmProposal(owner.id, projectId, { claimIds: [copy.id, original.id] });
    const record = await getRecord(owner.id, projectId, made.id);
    expect(record.claims.map((c) => c.documentId).sort()).toEqual([docA, docC].sort());
    expect(record.numberOfSources).toBe(1);
    expect(record.sources).toHaveLength(1);
  });

  it("hides records from annotators of a blind project until every claim's document is open for curation", async () => {
    await db.prisma.project.update({ where: { id: projectId }, data: { annotationMode: "blind" } });
    expect((await listRecords(annotator.id, projectId, {})).total).toBe(0);
    expect((await failure(getRecord(annotator.id, projectId, recordId))).code).toBe("not_found");
    expect((await listConflicts(annotator.id, projectId)).resolved).toEqual([]);
    expect((await listRecords(owner.id, projectId, {})).total).toBeGreaterThan(0);
    await db.prisma.document.updateMany({ where: { projectId }, data: { curationOpenedAt: new Date() } });
    expect((await getRecord(annotator.id, projectId, recordId)).id).toBe(recordId);
    expect((await listConflicts(annotator.id, projectId)).resolved).toHaveLength(1);
  });
});
