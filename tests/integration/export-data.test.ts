/**
 * The shared export loader against real databases: claims and records come in keyset batches (more
 * rows than one batch, each exactly once, in id order), a blind annotator's loader sees only their own
 * claims until the document is opened for curation, and the filters narrow by document, type and status.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { addMemberWithRole, claimTypeByKey, makeProject, makeUser } from "../support/factories";
import type { OpenDatabase } from "@/lib/db/engine";
import { importDocument } from "@/lib/services/documents";
import { createClaim } from "@/lib/services/claims";
import { ALL_CLAIMS } from "@/lib/services/claim-visibility";
import { EXPORT_BATCH, exportClaims, exportClaimTypes, exportDocuments, exportRecords } from "@/lib/services/export-data";
import { newId } from "@/lib/ids";

const TEXT = "Kabul, 27 August 2021. A bombing at the airport on 26 August 2021 killed at least 170 people, officials said.";
const BULK = EXPORT_BATCH * 2 + 3;

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe.each(testEngines())("export data on %s", (engine) => {
  let db: OpenDatabase;
  let owner: { id: string };
  let annotator: { id: string };
  let projectId: string, attackId: string, attackVersion: number, otherTypeId: string;
  let docA: string, docB: string;
  let ownClaim: string;

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    owner = await makeUser("Owner");
    annotator = await makeUser("Annotator");
    projectId = (await makeProject(owner.id)).id;
    const email = (await db.prisma.user.findUniqueOrThrow({ where: { id: annotator.id } })).email;
    await addMemberWithRole(owner.id, projectId, email, "annotator");
    const attack = await claimTypeByKey(owner.id, projectId, "attack");
    attackId = attack.id;
    attackVersion = attack.currentVersion;
    otherTypeId = (await claimTypeByKey(owner.id, projectId, "leader_change")).id;
    // Two documents with one title: their file names must still differ.
    const meta = { metadata: { title: "Airport report", published: "2021-08-27" } };
    docA = (await importDocument(owner.id, projectId, { fileName: "a.txt", pastedText: TEXT }, meta)).documentId;
    docB = (await importDocument(owner.id, projectId, { fileName: "b.txt", pastedText: `${TEXT} Again.` }, meta)).documentId;

    // Many claims by the owner on document A, written directly: batching is what is tested, not claim creation.
    await db.prisma.claim.createMany({
      data: Array.from({ length: BULK }, (_, i) => ({
        id: newId(), projectId, documentId: docA, claimTypeId: attackId, claimTypeVersion: attackVersion, seq: i + 1,
        values: { n: i }, status: i % 3 === 0 ? ("approved" as const) : ("draft" as const), authorId: owner.id,
      })),
    });
    await db.prisma.document.update({ where: { id: docA }, data: { claimSeq: BULK } });
    ownClaim = (await createClaim(annotator.id, projectId, { documentId: docB, claimTypeId: attackId, spans: [{ start: 23, end: 32 }], note: "mine" })).id;
    await createClaim(owner.id, projectId, { documentId: docB, claimTypeId: otherTypeId, spans: [{ start: 0, end: 5 }], values: { group: { raw: "Taliban" } } });
  });
  afterAll(async () => db?.close());

  it("reads every claim exactly once across batches, in id order, with spans and author", async () => {
    const claims = await collect(exportClaims(db.prisma, projectId, ALL_CLAIMS));
    expect(claims).toHaveLength(BULK + 2);
    const ids = claims.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
    const mine = claims.find((c) => c.id === ownClaim)!;
    expect(mine).toMatchObject({ documentId: docB, typeKey: "attack", status: "draft", note: "mine", authorId: annotator.id });
    expect(mine.spans).toEqual([{ start: 23, end: 32, exact: TEXT.slice(23, 32), prefix: expect.any(String), suffix: expect.any(String) }]);
    expect(mine.author).toMatch(/^Annotator /);
    expect(mine.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("shows a blind annotator only their own claims until the document is opened for curation", async () => {
    await db.prisma.project.update({ where: { id: projectId }, data: { annotationMode: "blind" } });
    const own = { kind: "own" as const, userId: annotator.id };
    expect((await collect(exportClaims(db.prisma, projectId, own))).map((c) => c.id)).toEqual([ownClaim]);
    await db.prisma.document.update({ where: { id: docB }, data: { curationOpenedAt: new Date() } });
    const opened = await collect(exportClaims(db.prisma, projectId, own));
    expect(opened.map((c) => c.documentId).sort()).toEqual([docB, docB]);
    await db.prisma.document.update({ where: { id: docB }, data: { curationOpenedAt: null } });
  });

  it("filters claims by document, type and status", async () => {
    const onB = await collect(exportClaims(db.prisma, projectId, ALL_CLAIMS, { documentIds: [docB] }));
    expect(onB).toHaveLength(2);
    const other = await collect(exportClaims(db.prisma, projectId, ALL_CLAIMS, { typeIds: [otherTypeId] }));
    expect(other.map((c) => c.documentId)).toEqual([docB]);
    const approved = await collect(exportClaims(db.prisma, projectId, ALL_CLAIMS, { statuses: ["approved"] }));
    expect(approved).toHaveLength(Math.ceil(BULK / 3));
    expect(approved.every((c) => c.status === "approved")).toBe(true);
    const both = await collect(exportClaims(db.prisma, projectId, ALL_CLAIMS, { documentIds: [docA], statuses: ["draft"] }));
    expect(both).toHaveLength(BULK - Math.ceil(BULK / 3));
    expect(await collect(exportClaims(db.prisma, projectId, ALL_CLAIMS, { documentIds: [] }))).toEqual([]);
  });

  it("leaves out deleted claims", async () => {
    const [first] = await collect(exportClaims(db.prisma, projectId, ALL_CLAIMS, { documentIds: [docA] }));
    await db.prisma.claim.update({ where: { id: first.id }, data: { deletedAt: new Date() } });
    const left = await collect(exportClaims(db.prisma, projectId, ALL_CLAIMS));
    expect(left).toHaveLength(BULK + 1);
    expect(left.map((c) => c.id)).not.toContain(first.id);
    await db.prisma.claim.update({ where: { id: first.id }, data: { deletedAt: null } });
  });

  it("reads documents one by one with unique file names, and the claim types", async () => {
    const docs = await collect(exportDocuments(db.prisma, projectId));
    expect(docs.map((d) => d.id)).toEqual([docA, docB]);
    expect(docs.map((d) => d.name)).toEqual(["airport-report", "airport-report-2"]);
    expect(docs[0]).toMatchObject({ title: "Airport report", text: TEXT, published: "2021-08-27", url: null });
    expect((await collect(exportDocuments(db.prisma, projectId, [docB]))).map((d) => d.id)).toEqual([docB]);
    const types = await exportClaimTypes(db.prisma, projectId);
    expect(types.find((t) => t.id === attackId)).toMatchObject({ version: attackVersion, definition: { key: "attack" } });
  });

  it("reads records across batches, with fields and conflicts, and hides from a blind annotator any record with a claim they cannot see", async () => {
    // Grouping rules are the records service's; here any claims do.
    const approved = await collect(exportClaims(db.prisma, projectId, ALL_CLAIMS, { documentIds: [docA] }));
    const n = EXPORT_BATCH + 2;
    const recordIds = Array.from({ length: n }, () => newId());
    await db.prisma.record.createMany({
      data: recordIds.map((id, i) => ({ id, projectId, claimTypeId: attackId, seq: i + 1, dateStart: "2021-08-26", dateEnd: "2021-08-26", country: "AFG", numberOfSources: 1, sources: [[docA]] })),
    });
    await db.prisma.recordClaim.createMany({
      data: recordIds.map((recordId, i) => ({ id: newId(), projectId, recordId, claimId: approved[i].id, claimVersion: 1 })),
    });
    await db.prisma.recordField.create({
      data: { id: newId(), projectId, recordId: recordIds[0], fieldKey: "fatalities", value: { low: 170, best: 170, high: 170 }, rule: "conservative_minimum", supportingClaimIds: [approved[0].id], alternatives: [{ value: { best: 183 }, claimIds: ["x"] }] },
    });
    await db.prisma.conflict.create({
      data: { id: newId(), projectId, recordId: recordIds[0], fieldKey: "fatalities", kind: "figure_mismatch", key: "k1", message: "170 vs 183", sides: [{ claimIds: ["a"], documentIds: [docA], value: 170 }] },
    });
    // The annotator's own claim in a record of its own: the only record they may see in blind mode.
    const ownRecord = newId();
    await db.prisma.claim.update({ where: { id: ownClaim }, data: { status: "approved" } });
    await db.prisma.record.create({ data: { id: ownRecord, projectId, claimTypeId: attackId, seq: n + 1 } });
    await db.prisma.recordClaim.create({ data: { id: newId(), projectId, recordId: ownRecord, claimId: ownClaim, claimVersion: 1 } });

    const records = await collect(exportRecords(db.prisma, projectId, ALL_CLAIMS));
    expect(records).toHaveLength(n + 1);
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
    const first = records.find((r) => r.id === recordIds[0])!;
    expect(first).toMatchObject({
      typeKey: "attack", seq: 1, status: "confirmed", dateStart: "2021-08-26", country: "AFG", numberOfSources: 1, sources: [[docA]],
      claimIds: [approved[0].id],
      fields: { fatalities: { value: { low: 170, best: 170, high: 170 }, rule: "conservative_minimum", supportingClaims: [approved[0].id], alternatives: [{ value: { best: 183 }, claimIds: ["x"] }] } },
      conflicts: [{ field: "fatalities", kind: "figure_mismatch", message: "170 vs 183", status: "open", sides: [{ claimIds: ["a"], documentIds: [docA], value: 170 }] }],
    });
    // Read with its evidence, a record carries its live claims' spans; a deleted claim stays listed but gives none.
    const spans = [
      { start: 0, end: 5, exact: "Kabul", prefix: "", suffix: ", 27 August 2021. A bombing a" },
      { start: 38, end: 48, exact: "at the air", prefix: "27 August 2021. A bombing ", suffix: "port on 26 August" },
    ];
    await db.prisma.claimSpan.createMany({ data: spans.map((sp, ordinal) => ({ id: newId(), claimId: approved[0].id, ordinal: 1 - ordinal, ...sp })) });
    const withEvidence = (await collect(exportRecords(db.prisma, projectId, ALL_CLAIMS, {}, { evidence: true }))).find((r) => r.id === recordIds[0])!;
    // Spans in their order within the claim (ordinal), not in the text's.
    expect(withEvidence.evidence).toEqual([{ id: approved[0].id, documentId: docA, spans: [spans[1], spans[0]] }]);
    await db.prisma.claim.update({ where: { id: approved[0].id }, data: { deletedAt: new Date() } });
    const afterDelete = (await collect(exportRecords(db.prisma, projectId, ALL_CLAIMS, {}, { evidence: true }))).find((r) => r.id === recordIds[0])!;
    expect(afterDelete).toMatchObject({ claimIds: [approved[0].id], evidence: [] });
    await db.prisma.claim.update({ where: { id: approved[0].id }, data: { deletedAt: null } });
    expect(await collect(exportRecords(db.prisma, projectId, { kind: "own", userId: annotator.id }))).toEqual([records.find((r) => r.id === ownRecord)]);
    expect(await collect(exportRecords(db.prisma, projectId, ALL_CLAIMS, { typeIds: [otherTypeId] }))).toEqual([]);
    await db.prisma.record.update({ where: { id: ownRecord }, data: { deletedAt: new Date() } });
    expect(await collect(exportRecords(db.prisma, projectId, ALL_CLAIMS))).toHaveLength(n);
  });
});
