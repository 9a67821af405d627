/**
 * Curation against real databases: three annotators' claims on one document aligned into units with
 * the right verdicts; accept, merge, reject and undo with their links, statuses, decisions and audit
 * events; sources of a live curated claim left out of record proposals; who may curate, a blind
 * project's document not yet opened, foreign ids and stale versions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFieldWording } from "@/lib/core/claim-types";
import { referenceFromPublished } from "@/lib/core/values";
import { useTestDatabase, testEngines } from "../support/db";
import { makeUser, makeProject, makeDocument, claimTypeByKey, addMemberWithRole } from "../support/factories";
import type { OpenDatabase } from "@/lib/db/engine";
import { codeOf, failure } from "../support/errors";
import { createClaim } from "@/lib/services/claims";
import { approveClaim, submitClaim } from "@/lib/services/review";
import { proposeRecords } from "@/lib/services/records";
import { agreementReport } from "@/lib/services/agreement";
import {
  acceptVersion, curationView, mergeVersions, openForCuration, rejectUnit, reopenUnit, undoCuration, type CurationView,
} from "@/lib/services/curation";

const TEXT = [
  "Weekly report.",
  "On 18 April 2022 an attack in Kabul killed 12 people, officials said.",
  "Two days later an attack in Herat killed 4 people.",
  "A new governor was appointed in Kunar.",
].join("\n\n");

const figure = (n: number) => ({ fatalities: { raw: String(n), low: n, best: n, high: n, qualifier: "exact" } });
const span = (phrase: string) => {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(phrase))).length;
  if (TEXT.indexOf(phrase) < 0) throw new Error(phrase);
  return { start, end: start + Array.from(phrase).length, exact: phrase };
};

type User = { id: string; email: string };

describe.each(testEngines())("curation on %s", (engine) => {
  let db: OpenDatabase;
  let owner: User, editor: User, a: User, b: User, c: User, outsider: User;
  let seeded = 0;
  let projectId: string, otherProjectId: string, attackId: string, leaderId: string;

  /** A fresh document with known claims: Kabul by all three (12 each), Herat by A (4) and B (5), Kunar by A only. */
  async function seed() {
    // A reference after the text keeps each document distinct (identical imports are refused).
    const docId = (await makeDocument(owner.id, projectId, `${TEXT}\n\nReference ${++seeded}.`)).documentId;
    const claim = (u: User, typeId: string, phrase: string, values: Record<string, unknown> = {}) =>
      createClaim(u.id, projectId, { documentId: docId, claimTypeId: typeId, spans: [span(phrase)], values });
    const a1 = await claim(a, attackId, "an attack in Kabul killed 12 people", figure(12));
    const b1 = await claim(b, attackId, "attack in Kabul killed 12 people", figure(12));
    const c1 = await claim(c, attackId, "an attack in Kabul killed 12", figure(12));
    const a2 = await claim(a, attackId, "an attack in Herat killed 4 people", { ...figure(4), weapon: "rockets" });
    const b2 = await claim(b, attackId, "attack in Herat", figure(5));
    const a3 = await claim(a, leaderId, "A new governor was appointed in Kunar", { group: { raw: "Kunar council" } });
    return { docId, a1, b1, c1, a2, b2, a3 };
  }
  const unitOf = (view: CurationView, claimId: string) => view.units.find((u) => u.sources.some((s) => s.claimId === claimId))!;
  const approve = async (claim: { id: string; version: number }, author: User) => {
    await submitClaim(author.id, projectId, { claimId: claim.id, version: claim.version });
    await approveClaim(owner.id, projectId, { claimId: claim.id, version: claim.version });
  };

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    [owner, editor, a, b, c, outsider] = await Promise.all(["Owner", "Editor", "AnnA", "AnnB", "AnnC", "Outsider"].map((n) => makeUser(n)));
    projectId = (await makeProject(owner.id)).id;
    otherProjectId = (await makeProject(outsider.id)).id;
    await addMemberWithRole(owner.id, projectId, editor.email, "editor");
    for (const u of [a, b, c]) await addMemberWithRole(owner.id, projectId, u.email, "annotator");
    attackId = (await claimTypeByKey(owner.id, projectId, "attack")).id;
    leaderId = (await claimTypeByKey(owner.id, projectId, "leader_change")).id;
  });
  afterAll(async () => db?.close());

  it("aligns the annotators' claims into units with agree, disagree and single verdicts", async () => {
    const s = await seed();
    const view = await curationView(editor.id, projectId, s.docId);
    expect(view.annotators.map((x) => x.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(view.units).toHaveLength(3);
    expect(view.curated).toBe(0);
    const kabul = unitOf(view, s.a1.id);
    expect(kabul.verdict).toBe("agree");
    expect(kabul.sources.map((x) => x.claimId).sort()).toEqual([s.a1.id, s.b1.id, s.c1.id].sort());
    expect(kabul.quote).toBe("an attack in Kabul killed 12 people");
    expect(kabul.before.endsWith("On 18 April 2022 ")).toBe(true);
    expect(kabul.differences).toEqual([]);
    const herat = unitOf(view, s.a2.id);
    expect(herat.verdict).toBe("disagree");
    expect(herat.missing).toEqual([c.id]);
    // Fatalities differ (4 and 5), and so does the weapon (stated by A only).
    expect(herat.differences.map((d) => d.key)).toEqual(["weapon", "fatalities"]);
    const fat = herat.differences.find((d) => d.key === "fatalities")!;
    expect(fat.values.map((v) => [v.annotatorId, v.text]).sort()).toEqual([[a.id, "4 (exact)"], [b.id, "5 (exact)"]].sort());
    const kunar = unitOf(view, s.a3.id);
    expect(kunar.verdict).toBe("single");
    // Each column holds that annotator's claim, in the view's annotator order.
    const col = view.annotators.findIndex((x) => x.id === a.id);
    expect(kunar.columns[col].map((x) => x.id)).toEqual([s.a3.id]);
    expect(kunar.columns.filter((x) => x.length > 0)).toHaveLength(1);
  });

  it("accepts one version: an approved curated claim linked to every claim of the unit, sources left out of proposals", async () => {
    const s = await seed();
    for (const [claim, author] of [[s.a1, a], [s.b1, b], [s.c1, c]] as const) await approve(claim, author);
    const unrecordedBefore = (await proposeRecords(editor.id, projectId)).unrecorded;
    const view = await curationView(editor.id, projectId, s.docId);
    const unit = unitOf(view, s.b1.id);
    const versionBefore = (await db.prisma.document.findUniqueOrThrow({ where: { id: s.docId }, select: { claimsVersion: true } })).claimsVersion;
    const after = await acceptVersion(editor.id, projectId, { documentId: s.docId, sources: unit.sources, claimId: s.b1.id });
    const done = unitOf(after, s.b1.id).done;
    expect(done?.kind).toBe("curated");
    expect(after.curated).toBe(1);
    const curatedId = (done as { claimId: string }).claimId;
    const curated = await db.prisma.claim.findUniqueOrThrow({ where: { id: curatedId }, include: { spans: true, curatedFrom: true } });
    expect(curated.status).toBe("approved");
    expect(curated.authorId).toBe(editor.id);
    expect(curated.claimTypeId).toBe(attackId);
    expect(curated.values).toEqual(s.b1.values);
    expect(curated.spans.map((x) => [x.start, x.end, x.exact])).toEqual(s.b1.spans.map((x) => [x.start, x.end, x.exact]));
    expect(curated.curatedFrom.map((x) => [x.sourceClaimId, x.sourceVersion]).sort()).toEqual([[s.a1.id, 1], [s.b1.id, 1], [s.c1.id, 1]].sort());
    expect((await db.prisma.document.findUniqueOrThrow({ where: { id: s.docId }, select: { claimsVersion: true } })).claimsVersion).toBeGreaterThan(versionBefore);
    expect(await db.prisma.auditEvent.count({ where: { action: "claim.curate", objectId: curatedId } })).toBe(1);
    // Three approved sources give way to the one curated claim.
    expect((await proposeRecords(editor.id, projectId)).unrecorded).toBe(unrecordedBefore - 3 + 1);
    // Nor is the curator an annotator in the document's agreement.
    const agreement = await agreementReport(editor.id, projectId, { documentId: s.docId });
    expect(agreement.result.documents[0]).toMatchObject({ documentId: s.docId, annotators: 3 });
    // The curated claim is no annotator's version: the other units are unchanged.
    expect(after.units).toHaveLength(3);
    // Deciding the same unit again is refused.
    expect(await codeOf(acceptVersion(editor.id, projectId, { documentId: s.docId, sources: unit.sources, claimId: s.a1.id }))).toBe("conflict");
  });

  it("merges: the evidence of one claim, fields from different claims, and the curator's edits", async () => {
    const s = await seed();
    const unit = unitOf(await curationView(owner.id, projectId, s.docId), s.a2.id);
    const after = await mergeVersions(owner.id, projectId, {
      documentId: s.docId, sources: unit.sources, spansFrom: s.b2.id, fields: { fatalities: s.a2.id }, edits: { campaign: "Spring offensive" },
    });
    const done = unitOf(after, s.a2.id).done as { kind: string; claimId: string };
    expect(done.kind).toBe("curated");
    // The board shows the result: A's figure, the curator's campaign.
    const shown = (unitOf(after, s.a2.id).done as { fields: { key: string; text: string }[] }).fields;
    expect(shown.find((f) => f.key === "fatalities")?.text).toBe("4 (exact)");
    expect(shown.find((f) => f.key === "campaign")?.text).toBe("Spring offensive");
    const curated = await db.prisma.claim.findUniqueOrThrow({ where: { id: done.claimId }, include: { spans: true } });
    const values = curated.values as Record<string, unknown>;
    expect((values.fatalities as { best: number }).best).toBe(4);
    // The weapon is taken from B (the evidence's claim), which states none.
    expect(values.weapon).toBeUndefined();
    expect(values.campaign).toBe("Spring offensive");
    expect(curated.spans.map((x) => x.exact)).toEqual(["attack in Herat"]);
    // A field from a claim outside the unit, or an unknown field, is refused.
    const kabul = unitOf(after, s.a1.id);
    expect(await codeOf(mergeVersions(owner.id, projectId, { documentId: s.docId, sources: kabul.sources, spansFrom: s.a1.id, fields: { fatalities: s.a2.id } }))).toBe("invalid");
    expect(await codeOf(mergeVersions(owner.id, projectId, { documentId: s.docId, sources: kabul.sources, spansFrom: s.a1.id, fields: { nope: s.a1.id } }))).toBe("invalid");
  });

  it("gives the merge form what its edit inputs need, and reads a typed figure as the claim form does", async () => {
    const s = await seed();
    const view = await curationView(owner.id, projectId, s.docId);
    // The text comes with the first view (for the text before the evidence), the publication date with every view.
    const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: s.docId }, select: { text: true, published: true } });
    expect(view.text).toBe(doc.text);
    expect(view.published).toBe(doc.published);
    const unit = unitOf(view, s.a2.id);
    const claimA = unit.columns.flat().find((x) => x.id === s.a2.id)!;
    expect(claimA.values).toEqual(s.a2.values);
    const fatalities = view.fieldsByType[attackId].find((f) => f.key === "fatalities")!;
    expect(fatalities.kind).toBe("quantity");
    // The edit sends the wording's reading, as the claim form's input does; the server reads it again.
    const reading = readFieldWording(fatalities, "at least 9", { reference: referenceFromPublished(view.published) });
    expect(reading.ok).toBe(true);
    const typed = (reading as { value: unknown }).value;
    const after = await mergeVersions(owner.id, projectId, {
      documentId: s.docId, sources: unit.sources, spansFrom: s.a2.id, fields: {}, edits: { fatalities: typed, weapon: null },
    });
    expect(after.text).toBeUndefined();
    const done = unitOf(after, s.a2.id).done as { kind: string; claimId: string };
    const values = (await db.prisma.claim.findUniqueOrThrow({ where: { id: done.claimId } })).values as Record<string, { low?: number; raw?: string } | null>;
    expect(values.fatalities).toMatchObject({ raw: "at least 9", low: 9 });
    // An emptied input states nothing.
    expect(values.weapon ?? null).toBeNull();
  });

  it("rejects a unit's claims with the reason, through review decisions, and reopens them on undo", async () => {
    const s = await seed();
    let unit = unitOf(await curationView(editor.id, projectId, s.docId), s.a3.id);
    // A draft has not been submitted: it cannot be rejected yet.
    expect((await failure(rejectUnit(editor.id, projectId, { documentId: s.docId, sources: unit.sources, reason: "not a leader change" }))).code).toBe("invalid");
    await submitClaim(a.id, projectId, { claimId: s.a3.id, version: s.a3.version });
    expect(await codeOf(rejectUnit(editor.id, projectId, { documentId: s.docId, sources: unit.sources, reason: "  " }))).toBe("invalid");
    const after = await rejectUnit(editor.id, projectId, { documentId: s.docId, sources: unit.sources, reason: "a governor is not a group leader" });
    unit = unitOf(after, s.a3.id);
    expect(unit.done).toEqual({ kind: "rejected" });
    expect(after.curated).toBe(1);
    const decisions = await db.prisma.reviewDecision.findMany({ where: { claimId: s.a3.id }, orderBy: { createdAt: "asc" } });
    expect(decisions.map((d) => [d.fromStatus, d.toStatus, d.reason])).toEqual([
      ["draft", "submitted", ""], ["submitted", "rejected", "a governor is not a group leader"],
    ]);
    const reopened = await reopenUnit(editor.id, projectId, { documentId: s.docId, sources: unit.sources });
    expect(unitOf(reopened, s.a3.id).done).toBeNull();
    expect((await db.prisma.claim.findUniqueOrThrow({ where: { id: s.a3.id } })).status).toBe("submitted");
  });

  it("undoes a curation: the curated claim is deleted and its sources are free again", async () => {
    const s = await seed();
    await approve(s.a3, a);
    const unrecorded = (await proposeRecords(editor.id, projectId)).unrecorded;
    const unit = unitOf(await curationView(editor.id, projectId, s.docId), s.a3.id);
    const after = await acceptVersion(editor.id, projectId, { documentId: s.docId, sources: unit.sources, claimId: s.a3.id });
    const done = unitOf(after, s.a3.id).done as { claimId: string; version: number };
    // The approved source is replaced by the curated claim: one unrecorded claim either way.
    expect((await proposeRecords(editor.id, projectId)).unrecorded).toBe(unrecorded);
    expect(await codeOf(undoCuration(editor.id, projectId, { documentId: s.docId, claimId: done.claimId, version: done.version + 1 }))).toBe("conflict");
    const undone = await undoCuration(editor.id, projectId, { documentId: s.docId, claimId: done.claimId, version: done.version });
    expect(unitOf(undone, s.a3.id).done).toBeNull();
    expect(undone.curated).toBe(0);
    expect((await db.prisma.claim.findUniqueOrThrow({ where: { id: done.claimId } })).deletedAt).not.toBeNull();
    // Deleted curated claim + free source: the source counts again, the curated claim does not.
    expect((await proposeRecords(editor.id, projectId)).unrecorded).toBe(unrecorded);
    expect(await db.prisma.auditEvent.count({ where: { action: "claim.uncurate", objectId: done.claimId } })).toBe(1);
    // Free again: it can be curated anew.
    const again = await acceptVersion(editor.id, projectId, { documentId: s.docId, sources: unitOf(undone, s.a3.id).sources, claimId: s.a3.id });
    expect(unitOf(again, s.a3.id).done?.kind).toBe("curated");
  });

  it("refuses annotators, and a blind project's document before it is opened for curation", async () => {
    const s = await seed();
    expect(await codeOf(curationView(a.id, projectId, s.docId))).toBe("forbidden");
    const unit = unitOf(await curationView(editor.id, projectId, s.docId), s.a3.id);
    expect(await codeOf(acceptVersion(a.id, projectId, { documentId: s.docId, sources: unit.sources, claimId: s.a3.id }))).toBe("forbidden");
    await db.prisma.project.update({ where: { id: projectId }, data: { annotationMode: "blind" } });
    try {
      const err = await failure(curationView(editor.id, projectId, s.docId));
      expect(err.code).toBe("invalid");
      expect(err.message).toMatch(/open the document for curation/);
      expect(await codeOf(acceptVersion(editor.id, projectId, { documentId: s.docId, sources: unit.sources, claimId: s.a3.id }))).toBe("invalid");
      const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: s.docId }, select: { version: true } });
      await openForCuration(editor.id, projectId, s.docId, doc.version);
      expect((await curationView(editor.id, projectId, s.docId)).units).toHaveLength(3);
    } finally {
      await db.prisma.project.update({ where: { id: projectId }, data: { annotationMode: "open" } });
    }
  });

  it("answers not_found for foreign ids and conflict for stale versions or a changed unit", async () => {
    const s = await seed();
    const other = await seed();
    const unit = unitOf(await curationView(editor.id, projectId, s.docId), s.a1.id);
    const foreignDoc = (await makeDocument(outsider.id, otherProjectId)).documentId;
    expect(await codeOf(curationView(editor.id, projectId, foreignDoc))).toBe("not_found");
    expect(await codeOf(curationView(outsider.id, projectId, s.docId))).toBe("not_found");
    expect(await codeOf(acceptVersion(editor.id, projectId, { documentId: foreignDoc, sources: unit.sources, claimId: s.a1.id }))).toBe("not_found");
    // A claim of another document named as part of this unit.
    expect(await codeOf(acceptVersion(editor.id, projectId, { documentId: s.docId, sources: [{ claimId: other.a1.id, version: 1 }], claimId: other.a1.id }))).toBe("not_found");
    // An annotator's claim is not a curated claim: nothing to undo.
    expect(await codeOf(undoCuration(editor.id, projectId, { documentId: s.docId, claimId: s.a1.id, version: 1 }))).toBe("not_found");
    // A stale version, a unit named without one of its claims, and a unit grown since it was read.
    const stale = unit.sources.map((x) => (x.claimId === s.b1.id ? { ...x, version: x.version + 1 } : x));
    expect(await codeOf(acceptVersion(editor.id, projectId, { documentId: s.docId, sources: stale, claimId: s.a1.id }))).toBe("conflict");
    expect(await codeOf(acceptVersion(editor.id, projectId, { documentId: s.docId, sources: unit.sources.slice(1), claimId: unit.sources[1].claimId }))).toBe("conflict");
    await createClaim(c.id, projectId, { documentId: s.docId, claimTypeId: attackId, spans: [span("Kabul killed 12 people, officials")], values: figure(12) });
    expect(await codeOf(acceptVersion(editor.id, projectId, { documentId: s.docId, sources: unit.sources, claimId: s.a1.id }))).toBe("conflict");
    expect(await db.prisma.claimSource.count({ where: { source: { documentId: s.docId } } })).toBe(0);
  });
});
