/**
 * The project overview's progress figures against a real database, computed by hand for a blind
 * project with two annotators per document: documents done (enough assignees marked it done) and
 * curated (every claim decided), claims by state, records and open conflicts, each through the
 * member's claim visibility, and what changes when a document is opened for curation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { addMemberWithRole, claimTypeByKey, makeDocument, makeProject, makeUser } from "../support/factories";
import { codeOf } from "../support/errors";
import type { OpenDatabase } from "@/lib/db/engine";
import { newId } from "@/lib/ids";
import { createClaim, deleteClaim } from "@/lib/services/claims";
import { approveClaim, rejectClaim, submitClaim } from "@/lib/services/review";
import { assignDocuments, listMyWork, updateOwnAssignment } from "@/lib/services/assignments";
import { getWorkflowSettings, updateWorkflowSettings } from "@/lib/services/workflow";
import { openForCuration } from "@/lib/services/curation";
import { getProjectOverview } from "@/lib/services/projects";

type Who = { id: string; email: string };

describe.each(testEngines())("project progress on %s", (engine) => {
  let db: OpenDatabase;
  let owner: Who, a1: Who, a2: Who, stranger: Who;
  let projectId: string, typeId: string;
  const docs: string[] = [];
  const claims: Record<string, { id: string; version: number }> = {};

  const progress = async (who: Who) => (await getProjectOverview(who.id, projectId)).progress;

  async function claim(name: string, who: Who, documentId: string) {
    claims[name] = await createClaim(who.id, projectId, { documentId, claimTypeId: typeId, spans: [{ start: 0, end: 6 }] });
  }
  async function decide(name: string, author: Who, outcome: "submitted" | "approved" | "rejected") {
    const c = claims[name]!;
    const submitted = await submitClaim(author.id, projectId, { claimId: c.id, version: c.version });
    if (outcome === "approved") await approveClaim(owner.id, projectId, { claimId: c.id, version: submitted.version });
    if (outcome === "rejected") await rejectClaim(owner.id, projectId, { claimId: c.id, version: submitted.version, reason: "Not in the text." });
  }
  async function markDone(who: Who, documentId: string, state: "in_progress" | "done") {
    const item = (await listMyWork(who.id, projectId)).items.find((i) => i.documentId === documentId)!;
    await updateOwnAssignment(who.id, projectId, { assignmentId: item.assignmentId, state, version: item.version });
  }
  async function record(seq: number, claimName: string, conflict: "open" | "resolved" | null, deleted = false) {
    const id = newId();
    const c = claims[claimName]!;
    await db.prisma.record.create({ data: { id, projectId, claimTypeId: typeId, seq, deletedAt: deleted ? new Date() : null } });
    await db.prisma.recordClaim.create({ data: { id: newId(), projectId, recordId: id, claimId: c.id, claimVersion: 1 } });
    if (conflict) {
      await db.prisma.conflict.create({
        data: { id: newId(), projectId, recordId: id, fieldKey: "fatalities", kind: "figure_mismatch", key: `k${seq}`, message: "Figures disagree", sides: [], status: conflict,
          ...(conflict === "resolved" ? { resolvedAt: new Date(), resolvedById: owner.id, note: "The later count." } : {}) },
      });
    }
  }

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    owner = await makeUser("Owner");
    a1 = await makeUser("Annotator");
    a2 = await makeUser("Annotator");
    stranger = await makeUser("Stranger");
    projectId = (await makeProject(owner.id)).id;
    for (const a of [a1, a2]) await addMemberWithRole(owner.id, projectId, a.email, "annotator");
    const { settings } = await getWorkflowSettings(owner.id, projectId);
    await updateWorkflowSettings(owner.id, projectId, { annotationMode: "blind", annotatorsPerDocument: 2, selfApproval: false, version: settings.version });
    typeId = (await claimTypeByKey(owner.id, projectId, "attack")).id;
    for (let i = 0; i < 4; i++) docs.push((await makeDocument(owner.id, projectId)).documentId);
    const [d1, d2, d3, d4] = docs as [string, string, string, string];

    // d1: both assignees done; d2: one done, one in progress; d3: assigned, untouched; d4: unassigned.
    await assignDocuments(owner.id, projectId, { documentIds: [d1, d2, d3], userIds: [a1.id, a2.id] });
    await markDone(a1, d1, "done");
    await markDone(a2, d1, "done");
    await markDone(a1, d2, "done");
    await markDone(a2, d2, "in_progress");

    // d1: approved + rejected (a1), approved (a2) -> curated. d2: submitted (a1), draft (a2) -> not.
    // d3: approved (a1) -> curated. d4: a deleted claim only -> not curated, counts nothing.
    await claim("c1", a1, d1); await decide("c1", a1, "approved");
    await claim("c2", a1, d1); await decide("c2", a1, "rejected");
    await claim("c3", a2, d1); await decide("c3", a2, "approved");
    await claim("c4", a1, d2); await decide("c4", a1, "submitted");
    await claim("c5", a2, d2);
    await claim("c6", a1, d3); await decide("c6", a1, "approved");
    await claim("c7", a1, d4);
    await deleteClaim(a1.id, projectId, { claimId: claims.c7!.id, version: claims.c7!.version });

    // R1 (c1, open conflict), R2 (c6, resolved conflict), R3 deleted (c3, open conflict).
    await record(1, "c1", "open");
    await record(2, "c6", "resolved");
    await record(3, "c3", "open", true);
  });
  afterAll(async () => db?.close());

  it("counts everything for the owner", async () => {
    expect(await progress(owner)).toEqual({
      documents: 4, annotatorsPerDocument: 2, done: 1, curated: 2,
      claims: { draft: 1, submitted: 1, approved: 3, rejected: 1 },
      records: 2, openConflicts: 1,
    });
  });

  it("counts a blind annotator's own claims and the records resting on them only", async () => {
    // a1 wrote c1, c2, c4, c6: d1 and d3 have all theirs decided; R1 and R2 rest on their claims.
    expect(await progress(a1)).toEqual({
      documents: 4, annotatorsPerDocument: 2, done: 1, curated: 2,
      claims: { draft: 0, submitted: 1, approved: 2, rejected: 1 },
      records: 2, openConflicts: 1,
    });
    // a2 wrote c3 and c5 only; no live record rests on them.
    expect(await progress(a2)).toEqual({
      documents: 4, annotatorsPerDocument: 2, done: 1, curated: 1,
      claims: { draft: 1, submitted: 0, approved: 1, rejected: 0 },
      records: 0, openConflicts: 0,
    });
  });

  it("shows a document's claims, records and conflicts once it is opened for curation", async () => {
    const [d1, , d3] = docs as [string, string, string];
    for (const d of [d1, d3]) {
      const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: d }, select: { version: true } });
      await openForCuration(owner.id, projectId, d, doc.version);
    }
    // a2 now also sees c1, c2 (d1) and c6 (d3): both documents fully decided; R1 and R2 visible.
    expect(await progress(a2)).toEqual({
      documents: 4, annotatorsPerDocument: 2, done: 1, curated: 2,
      claims: { draft: 1, submitted: 0, approved: 3, rejected: 1 },
      records: 2, openConflicts: 1,
    });
  });

  it("counts a document done only when as many assignees as required marked it done", async () => {
    const d2 = docs[1]!;
    await markDone(a2, d2, "done");
    expect((await progress(owner)).done).toBe(2);
    await updateWorkflowSettings(owner.id, projectId, { annotationMode: "blind", annotatorsPerDocument: 3, selfApproval: false, version: (await getWorkflowSettings(owner.id, projectId)).settings.version });
    expect((await progress(owner)).done).toBe(0);
  });

  it("is not found for a non-member", async () => {
    expect(await codeOf(getProjectOverview(stranger.id, projectId))).toBe("not_found");
  });
});
