/**
 * Claim review against a real database: who may decide (annotators never, nobody on their own claim
 * unless the project allows it), the reason a rejection needs, stale versions, approval bound to the
 * version (an edit returns the claim to review), the append-only decisions table, submitting a whole
 * document's own claims, comments under the claim's visibility (blind mode), and the merged history.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { makeUser, makeProject, makeDocument, claimTypeByKey, addMemberWithRole } from "../support/factories";
import type { OpenDatabase } from "@/lib/db/engine";
import { codeOf, failure } from "../support/errors";
import { createClaim, getClaimForEditing, updateClaim } from "@/lib/services/claims";
import { approveClaim, getReviewState, rejectClaim, reopenClaim, submitClaim, submitDocumentClaims } from "@/lib/services/review";
import { listReviewQueue } from "@/lib/services/review-queue";
import { addClaimComment, listClaimComments } from "@/lib/services/comments";
import { getClaimHistory } from "@/lib/services/history";
import { DENIED_EVENTS_PER_WINDOW } from "@/lib/db/audit";
import { getDocumentPage } from "@/lib/services/document-page";
import { unpackClaims } from "@/lib/core/packed-claims";

describe.each(testEngines())("claim review on %s", (engine) => {
  let db: OpenDatabase;
  let owner: { id: string }, editor: { id: string }, annA: { id: string }, annB: { id: string };
  let projectId: string, docId: string, text: string, attackId: string;

  const span = (phrase: string) => {
    const at = Array.from(text.slice(0, text.indexOf(phrase))).length;
    return { start: at, end: at + Array.from(phrase).length, exact: phrase };
  };
  const claimBy = (userId: string, phrase = "an attack in Kabul", doc = docId) =>
    createClaim(userId, projectId, { documentId: doc, claimTypeId: attackId, spans: [span(phrase)], values: {} });
  const statusOf = async (claimId: string) => (await db.prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { status: true } })).status;

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    owner = await makeUser("Owner");
    editor = await makeUser("Editor");
    annA = await makeUser("AnnA");
    annB = await makeUser("AnnB");
    projectId = (await makeProject(owner.id)).id;
    for (const [u, role] of [[editor, "editor"], [annA, "annotator"], [annB, "annotator"]] as const) {
      const row = await db.prisma.user.findUniqueOrThrow({ where: { id: u.id }, select: { email: true } });
      await addMemberWithRole(owner.id, projectId, row.email, role);
    }
    docId = (await makeDocument(owner.id, projectId)).documentId;
    text = (await getDocumentPage(owner.id, projectId, docId)).document.text;
    attackId = (await claimTypeByKey(owner.id, projectId, "attack")).id;
  });
  afterAll(async () => db?.close());

  it("lets the author submit and an editor approve, writing a decision and the status together", async () => {
    const c = await claimBy(annA.id);
    const statusOnPage = async () => unpackClaims((await getDocumentPage(editor.id, projectId, docId)).claims).find((x) => x.id === String(c.seq))?.status;
    expect(await statusOnPage()).toBe("draft");
    const before = (await db.prisma.document.findUniqueOrThrow({ where: { id: docId }, select: { claimsVersion: true } })).claimsVersion;
    expect(await codeOf(submitClaim(annB.id, projectId, { claimId: c.id, version: c.version }))).toBe("forbidden");
    const submitted = await submitClaim(annA.id, projectId, { claimId: c.id, version: c.version });
    expect(submitted.status).toBe("submitted");
    const approved = await approveClaim(editor.id, projectId, { claimId: c.id, version: c.version });
    expect(approved.status).toBe("approved");
    expect(await statusOf(c.id)).toBe("approved");
    const decisions = await db.prisma.reviewDecision.findMany({ where: { claimId: c.id }, orderBy: { createdAt: "asc" } });
    expect(decisions.map((d) => [d.fromStatus, d.toStatus, d.claimVersion])).toEqual([["draft", "submitted", 1], ["submitted", "approved", 1]]);
    const after = (await db.prisma.document.findUniqueOrThrow({ where: { id: docId }, select: { claimsVersion: true } })).claimsVersion;
    expect(after).toBe(before + 2);
    // The document page's cached claims are refreshed by the counter: the decision shows at once.
    expect(await statusOnPage()).toBe("approved");
    expect(await db.prisma.auditEvent.count({ where: { objectType: "claim", objectId: c.id, action: "claim.approve", outcome: "ok" } })).toBe(1);
  });

  it("refuses an annotator's approval as forbidden and records the attempt on the claim", async () => {
    const c = await claimBy(annA.id);
    await submitClaim(annA.id, projectId, { claimId: c.id, version: 1 });
    expect(await codeOf(approveClaim(annB.id, projectId, { claimId: c.id, version: 1 }))).toBe("forbidden");
    expect(await codeOf(rejectClaim(annA.id, projectId, { claimId: c.id, version: 1, reason: "no" }))).toBe("forbidden");
    expect(await statusOf(c.id)).toBe("submitted");
    expect(await db.prisma.auditEvent.count({ where: { objectType: "claim", objectId: c.id, outcome: "denied" } })).toBe(2);
    // Editors see the refused attempts in the history; annotators do not.
    const forEditor = await getClaimHistory(editor.id, projectId, { claimId: c.id });
    expect(forEditor.filter((e) => e.kind === "denied")).toHaveLength(2);
    const forAuthor = await getClaimHistory(annA.id, projectId, { claimId: c.id });
    expect(forAuthor.filter((e) => e.kind === "denied")).toHaveLength(0);
  });

  it("records refused review attempts through the capped recorder: a flood leaves at most the cap on the claim", async () => {
    // A user of its own: the cap is per user and per process.
    const flooder = await makeUser("Flooder");
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: flooder.id }, select: { email: true } });
    await addMemberWithRole(owner.id, projectId, row.email, "annotator");
    const c = await claimBy(annA.id);
    await submitClaim(annA.id, projectId, { claimId: c.id, version: 1 });
    for (let i = 0; i < DENIED_EVENTS_PER_WINDOW + 5; i++) {
      expect(await codeOf(approveClaim(flooder.id, projectId, { claimId: c.id, version: 1 }))).toBe("forbidden");
    }
    expect(await db.prisma.auditEvent.count({ where: { actorId: flooder.id, objectType: "claim", objectId: c.id, outcome: "denied" } })).toBe(DENIED_EVENTS_PER_WINDOW);
    const denied = (await getClaimHistory(editor.id, projectId, { claimId: c.id })).filter((e) => e.kind === "denied");
    expect(denied).toHaveLength(DENIED_EVENTS_PER_WINDOW);
    expect(denied[0].what).toBe("tried to approve the claim (refused)");
  });

  it("does not let a reviewer decide on their own claim unless the project allows self-approval", async () => {
    const c = await claimBy(editor.id);
    await submitClaim(editor.id, projectId, { claimId: c.id, version: 1 });
    expect((await getReviewState(editor.id, projectId, { claimId: c.id })).actions).toEqual([]);
    expect(await codeOf(approveClaim(editor.id, projectId, { claimId: c.id, version: 1 }))).toBe("forbidden");
    await db.prisma.project.update({ where: { id: projectId }, data: { selfApproval: true } });
    try {
      expect((await getReviewState(editor.id, projectId, { claimId: c.id })).actions).toEqual(["approve", "reject"]);
      expect((await approveClaim(editor.id, projectId, { claimId: c.id, version: 1 })).status).toBe("approved");
    } finally {
      await db.prisma.project.update({ where: { id: projectId }, data: { selfApproval: false } });
    }
  });

  it("needs a reason to reject, refuses a stale version and a wrong state, and reopens", async () => {
    const c = await claimBy(annA.id);
    await submitClaim(annA.id, projectId, { claimId: c.id, version: 1 });
    expect(await codeOf(rejectClaim(owner.id, projectId, { claimId: c.id, version: 1 }))).toBe("invalid");
    expect(await codeOf(rejectClaim(owner.id, projectId, { claimId: c.id, version: 1, reason: "   " }))).toBe("invalid");
    // The annotator edits (version 2) after the editor read version 1: the editor's decision is stale.
    await updateClaim(annA.id, projectId, { claimId: c.id, version: 1, note: "more context" });
    const stale = await failure(approveClaim(editor.id, projectId, { claimId: c.id, version: 1 }));
    expect(stale.code).toBe("conflict");
    expect(stale.details).toEqual({ current: { status: "submitted", version: 2 } });
    const rejected = await rejectClaim(editor.id, projectId, { claimId: c.id, version: 2, reason: "Wrong date" });
    expect(rejected.status).toBe("rejected");
    expect(await codeOf(approveClaim(owner.id, projectId, { claimId: c.id, version: 2 }))).toBe("conflict");
    expect((await reopenClaim(owner.id, projectId, { claimId: c.id, version: 2 })).status).toBe("submitted");
    const reasons = await db.prisma.reviewDecision.findMany({ where: { claimId: c.id, toStatus: "rejected" }, select: { reason: true } });
    expect(reasons).toEqual([{ reason: "Wrong date" }]);
  });

  it("gives a second reviewer deciding on the same version a conflict", async () => {
    const c = await claimBy(annA.id);
    await submitClaim(annA.id, projectId, { claimId: c.id, version: 1 });
    const results = await Promise.allSettled([
      approveClaim(editor.id, projectId, { claimId: c.id, version: 1 }),
      rejectClaim(owner.id, projectId, { claimId: c.id, version: 1, reason: "duplicate" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.prisma.reviewDecision.count({ where: { claimId: c.id, fromStatus: "submitted" } })).toBe(1);
  });

  it("returns an approved claim to review when it is edited, recording the decision", async () => {
    const c = await claimBy(annA.id);
    await submitClaim(annA.id, projectId, { claimId: c.id, version: 1 });
    await approveClaim(editor.id, projectId, { claimId: c.id, version: 1 });
    const edited = await updateClaim(annA.id, projectId, { claimId: c.id, version: 1, note: "changed" });
    expect(edited.status).toBe("submitted");
    expect(edited.version).toBe(2);
    const last = await db.prisma.reviewDecision.findFirstOrThrow({ where: { claimId: c.id }, orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({ fromStatus: "approved", toStatus: "submitted", claimVersion: 2, actorId: annA.id, reason: "edited after approval" });
    // An edit of a claim that is not approved leaves its status alone.
    const again = await updateClaim(annA.id, projectId, { claimId: c.id, version: 2, note: "changed again" });
    expect(again.status).toBe("submitted");
    expect(await db.prisma.reviewDecision.count({ where: { claimId: c.id } })).toBe(3);
  });

  it("refuses UPDATE and DELETE of a decision in the database", async () => {
    const c = await claimBy(annA.id);
    await submitClaim(annA.id, projectId, { claimId: c.id, version: 1 });
    const d = await db.prisma.reviewDecision.findFirstOrThrow({ where: { claimId: c.id } });
    await expect(db.prisma.$executeRawUnsafe(`UPDATE "ReviewDecision" SET "reason" = 'x' WHERE id = $1`, d.id)).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM "ReviewDecision" WHERE id = $1`, d.id)).rejects.toThrow(/append-only/);
    expect((await db.prisma.reviewDecision.findUniqueOrThrow({ where: { id: d.id } })).reason).toBe("");
  });

  it("submits all of the author's own draft and rejected claims of one document, and nothing else", async () => {
    const doc = (await makeDocument(owner.id, projectId)).documentId;
    const otherDoc = (await makeDocument(owner.id, projectId)).documentId;
    const mineDraft = await claimBy(annB.id, "an attack in Kabul", doc);
    const mineRejected = await claimBy(annB.id, "killed 12 people", doc);
    await submitClaim(annB.id, projectId, { claimId: mineRejected.id, version: 1 });
    await rejectClaim(editor.id, projectId, { claimId: mineRejected.id, version: 1, reason: "check figure" });
    const mineApproved = await claimBy(annB.id, "officials said", doc);
    await submitClaim(annB.id, projectId, { claimId: mineApproved.id, version: 1 });
    await approveClaim(editor.id, projectId, { claimId: mineApproved.id, version: 1 });
    const theirs = await claimBy(annA.id, "an attack in Kabul", doc);
    const mineElsewhere = await claimBy(annB.id, "an attack in Kabul", otherDoc);
    expect(await submitDocumentClaims(annB.id, projectId, { documentId: doc })).toEqual({ submitted: 2 });
    expect(await statusOf(mineDraft.id)).toBe("submitted");
    expect(await statusOf(mineRejected.id)).toBe("submitted");
    expect(await statusOf(mineApproved.id)).toBe("approved");
    expect(await statusOf(theirs.id)).toBe("draft");
    expect(await statusOf(mineElsewhere.id)).toBe("draft");
    expect(await submitDocumentClaims(annB.id, projectId, { documentId: doc })).toEqual({ submitted: 0 });
  });

  it("lists submitted claims oldest first, filtered by annotator, for reviewers only", async () => {
    const doc = (await makeDocument(owner.id, projectId)).documentId;
    const first = await claimBy(annA.id, "an attack in Kabul", doc);
    const second = await claimBy(annB.id, "killed 12 people", doc);
    await submitClaim(annA.id, projectId, { claimId: first.id, version: 1 });
    await submitClaim(annB.id, projectId, { claimId: second.id, version: 1 });
    const queue = await listReviewQueue(editor.id, projectId, { document: doc });
    expect(queue.rows.map((r) => r.claimId)).toEqual([first.id, second.id]);
    expect(queue.rows[0]).toMatchObject({ quote: "an attack in Kabul", canDecide: true, version: 1 });
    const byB = await listReviewQueue(editor.id, projectId, { document: doc, annotator: annB.id });
    expect(byB.rows.map((r) => r.claimId)).toEqual([second.id]);
    expect(await codeOf(listReviewQueue(annA.id, projectId, {}))).toBe("forbidden");
  });

  it("shows comments to whoever sees the claim, and hides them with the claim in blind mode", async () => {
    const blindProject = (await makeProject(owner.id, "Blind")).id;
    for (const u of [annA, annB]) {
      const row = await db.prisma.user.findUniqueOrThrow({ where: { id: u.id }, select: { email: true } });
      await addMemberWithRole(owner.id, blindProject, row.email, "annotator");
    }
    await db.prisma.project.update({ where: { id: blindProject }, data: { annotationMode: "blind" } });
    const doc = (await makeDocument(owner.id, blindProject)).documentId;
    const docText = (await getDocumentPage(owner.id, blindProject, doc)).document.text;
    const type = (await claimTypeByKey(owner.id, blindProject, "attack")).id;
    const at = Array.from(docText.slice(0, docText.indexOf("an attack"))).length;
    const c = await createClaim(annA.id, blindProject, { documentId: doc, claimTypeId: type, spans: [{ start: at, end: at + 9 }], values: {} });
    await addClaimComment(annA.id, blindProject, { claimId: c.id, body: "Is the figure right?" });
    await addClaimComment(owner.id, blindProject, { claimId: c.id, body: "Yes, see the second paragraph." });
    expect((await listClaimComments(annA.id, blindProject, { claimId: c.id })).map((x) => x.body)).toEqual(["Is the figure right?", "Yes, see the second paragraph."]);
    expect(await codeOf(listClaimComments(annB.id, blindProject, { claimId: c.id }))).toBe("not_found");
    expect(await codeOf(addClaimComment(annB.id, blindProject, { claimId: c.id, body: "hi" }))).toBe("not_found");
    expect(await codeOf(getClaimHistory(annB.id, blindProject, { claimId: c.id }))).toBe("not_found");
    expect(await codeOf(getReviewState(annB.id, blindProject, { claimId: c.id }))).toBe("not_found");
    expect(await codeOf(addClaimComment(annA.id, blindProject, { claimId: c.id, body: "   " }))).toBe("invalid");
    await db.prisma.document.update({ where: { id: doc }, data: { curationOpenedAt: new Date() } });
    expect(await listClaimComments(annB.id, blindProject, { claimId: c.id })).toHaveLength(2);
    // A member of another project cannot read them at all.
    const stranger = await makeUser("Stranger");
    expect(await codeOf(listClaimComments(stranger.id, blindProject, { claimId: c.id }))).toBe("not_found");
  });

  it("lists create, edit, review and comment events in order, with the fields an edit changed", async () => {
    const c = await claimBy(annA.id);
    await updateClaim(annA.id, projectId, { claimId: c.id, version: 1, note: "first note" });
    await submitClaim(annA.id, projectId, { claimId: c.id, version: 2 });
    await rejectClaim(editor.id, projectId, { claimId: c.id, version: 2, reason: "Quote the figure" });
    await addClaimComment(annA.id, projectId, { claimId: c.id, body: "Fixed." });
    const history = await getClaimHistory(annA.id, projectId, { claimId: c.id });
    expect(history.map((e) => [e.kind, e.what])).toEqual([
      ["change", "created the claim"],
      ["change", "edited the claim"],
      ["review", "submitted version 2 (Draft → Submitted)"],
      ["review", "rejected version 2 (Submitted → Rejected)"],
      ["comment", "commented"],
    ]);
    expect(history[1]!.changes).toEqual([{ label: "Note", before: "", after: "first note" }]);
    expect(history[3]!.reason).toBe("Quote the figure");
    const times = history.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect((await getClaimForEditing(annA.id, projectId, { claimId: c.id })).claim.status).toBe("rejected");
  });
});
