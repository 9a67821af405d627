/**
 * Workflow settings and assignments against a real database: only owners change the settings (with
 * a version, and within bounds); editors assign documents to members who can annotate, idempotently
 * and only within their project; annotators mark their own assignments and nobody else's; My work
 * lists them and offers the next one. Every change writes one audit event.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { makeUser, makeProject, makeDocument, addMemberWithRole } from "../support/factories";
import { codeOf, failure } from "../support/errors";
import type { OpenDatabase } from "@/lib/db/engine";
import { getDb } from "@/lib/db/client";
import { getWorkflowSettings, updateWorkflowSettings } from "@/lib/services/workflow";
import { assignDocuments, listMyWork, nextAssignment, unassignDocument, updateOwnAssignment } from "@/lib/services/assignments";
import { getProjectOverview } from "@/lib/services/projects";

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(testEngines())("workflow on %s", (engine) => {
  let db: OpenDatabase;
  let owner: User, editor: User, annotator: User, other: User, viewer: User, outsider: User;
  let projectId: string, foreignProjectId: string;
  let docs: string[];
  let foreignDoc: string;

  const auditCount = async (action: string) => (await getDb()).auditEvent.count({ where: { projectId, action, outcome: "ok" } });
  const assignmentOf = async (documentId: string, userId: string) =>
    (await getDb()).assignment.findUnique({ where: { documentId_userId: { documentId, userId } }, select: { id: true, state: true, version: true } });

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    [owner, editor, annotator, other, viewer, outsider] = await Promise.all(
      ["Owner", "Editor", "Annotator", "Second", "Viewer", "Outsider"].map((n) => makeUser(n)),
    );
    projectId = (await makeProject(owner.id)).id;
    await addMemberWithRole(owner.id, projectId, editor.email, "editor");
    await addMemberWithRole(owner.id, projectId, annotator.email, "annotator");
    await addMemberWithRole(owner.id, projectId, other.email, "annotator");
    await addMemberWithRole(owner.id, projectId, viewer.email, "viewer");
    docs = [];
    for (let i = 0; i < 3; i++) docs.push((await makeDocument(owner.id, projectId)).documentId);
    foreignProjectId = (await makeProject(outsider.id, "Other team")).id;
    foreignDoc = (await makeDocument(outsider.id, foreignProjectId)).documentId;
  });
  afterAll(async () => db?.close());

  describe("settings", () => {
    it("start open, one annotator per document, no self-approval", async () => {
      const { settings } = await getWorkflowSettings(owner.id, projectId);
      expect(settings).toMatchObject({ annotationMode: "open", annotatorsPerDocument: 1, selfApproval: false });
    });

    it("are changed by the owner only, naming the version read, with an audit event", async () => {
      const { settings } = await getWorkflowSettings(owner.id, projectId);
      const input = { annotationMode: "blind", annotatorsPerDocument: 2, selfApproval: true, version: settings.version };
      expect(await codeOf(updateWorkflowSettings(editor.id, projectId, input))).toBe("forbidden");
      expect(await codeOf(updateWorkflowSettings(annotator.id, projectId, input))).toBe("forbidden");
      expect(await codeOf(updateWorkflowSettings(outsider.id, projectId, input))).toBe("not_found");
      expect(await codeOf(getWorkflowSettings(editor.id, projectId))).toBe("forbidden");
      // An owner of another project names this one: not found, like a missing project.
      expect(await codeOf(updateWorkflowSettings(outsider.id, "00000000-0000-4000-8000-000000000000", input))).toBe("not_found");
      const before = await auditCount("project.workflow");
      const saved = await updateWorkflowSettings(owner.id, projectId, input);
      expect(saved).toEqual({ annotationMode: "blind", annotatorsPerDocument: 2, selfApproval: true, version: settings.version + 1 });
      expect((await getWorkflowSettings(owner.id, projectId)).settings).toEqual(saved);
      expect(await auditCount("project.workflow")).toBe(before + 1);
      const overview = await getProjectOverview(annotator.id, projectId);
      expect(overview.project).toMatchObject({ annotationMode: "blind", annotatorsPerDocument: 2, selfApproval: true });
    });

    it("refuse a stale version as a conflict and keep the newer settings", async () => {
      const { settings } = await getWorkflowSettings(owner.id, projectId);
      await updateWorkflowSettings(owner.id, projectId, { ...settings, annotatorsPerDocument: 3 });
      const err = await failure(updateWorkflowSettings(owner.id, projectId, { ...settings, annotatorsPerDocument: 4 }));
      expect(err.code).toBe("conflict");
      expect((await getWorkflowSettings(owner.id, projectId)).settings.annotatorsPerDocument).toBe(3);
    });

    it("refuse annotators per document outside 1-5, unknown modes and extra keys", async () => {
      const { settings } = await getWorkflowSettings(owner.id, projectId);
      for (const annotatorsPerDocument of [0, 6, 2.5, -1]) {
        expect(await codeOf(updateWorkflowSettings(owner.id, projectId, { ...settings, annotatorsPerDocument }))).toBe("invalid");
      }
      expect(await codeOf(updateWorkflowSettings(owner.id, projectId, { ...settings, annotationMode: "secret" }))).toBe("invalid");
      expect(await codeOf(updateWorkflowSettings(owner.id, projectId, { ...settings, name: "Renamed" }))).toBe("invalid");
      expect(await codeOf(updateWorkflowSettings(owner.id, projectId, { annotationMode: "open", annotatorsPerDocument: 1, selfApproval: false }))).toBe("invalid");
      expect((await getWorkflowSettings(owner.id, projectId)).settings).toEqual(settings);
    });
  });

  describe("assignments", () => {
    it("are made by editors, one per document and member, with an audit event each", async () => {
      const before = await auditCount("assignment.create");
      const res = await assignDocuments(editor.id, projectId, { documentIds: [docs[0]], userIds: [annotator.id] });
      expect(res).toEqual({ created: 1, alreadyAssigned: 0 });
      expect(await assignmentOf(docs[0]!, annotator.id)).toMatchObject({ state: "not_started", version: 1 });
      expect(await auditCount("assignment.create")).toBe(before + 1);
    });

    it("in bulk are idempotent: assigning again changes nothing", async () => {
      const before = await auditCount("assignment.create");
      const first = await assignDocuments(editor.id, projectId, { documentIds: docs, userIds: [annotator.id, other.id] });
      expect(first).toEqual({ created: 5, alreadyAssigned: 1 });
      const again = await assignDocuments(owner.id, projectId, { documentIds: docs, userIds: [annotator.id, other.id, annotator.id] });
      expect(again).toEqual({ created: 0, alreadyAssigned: 6 });
      expect(await (await getDb()).assignment.count({ where: { projectId } })).toBe(6);
      expect(await auditCount("assignment.create")).toBe(before + 5);
    });

    it("show on the project overview per document, in assignment order", async () => {
      const overview = await getProjectOverview(viewer.id, projectId);
      const first = overview.documents.find((d) => d.id === docs[0])!;
      expect(first.assignees.map((a) => [a.userId, a.name, a.state])).toEqual([
        [annotator.id, annotator.name, "not_started"],
        [other.id, other.name, "not_started"],
      ]);
    });

    it("are refused to annotators and viewers, and to non-members as not found", async () => {
      const input = { documentIds: [docs[0]], userIds: [other.id] };
      expect(await codeOf(assignDocuments(annotator.id, projectId, input))).toBe("forbidden");
      expect(await codeOf(assignDocuments(viewer.id, projectId, input))).toBe("forbidden");
      expect(await codeOf(assignDocuments(outsider.id, projectId, input))).toBe("not_found");
    });

    it("go only to members who can annotate", async () => {
      expect(await codeOf(assignDocuments(editor.id, projectId, { documentIds: [docs[1]], userIds: [outsider.id] }))).toBe("not_found");
      const err = await failure(assignDocuments(editor.id, projectId, { documentIds: [docs[1]], userIds: [annotator.id, viewer.id] }));
      expect(err.code).toBe("invalid");
      expect(err.message).toContain(viewer.name);
      // Nothing of a refused request is written, not even the valid pairs.
      expect(await assignmentOf(docs[1]!, viewer.id)).toBeNull();
      // Editors and owners annotate too.
      expect(await assignDocuments(editor.id, projectId, { documentIds: [docs[2]], userIds: [editor.id, owner.id] })).toEqual({ created: 2, alreadyAssigned: 0 });
    });

    it("of a document of another project are not found", async () => {
      expect(await codeOf(assignDocuments(editor.id, projectId, { documentIds: [foreignDoc], userIds: [annotator.id] }))).toBe("not_found");
      expect(await codeOf(assignDocuments(editor.id, projectId, { documentIds: [docs[0], foreignDoc], userIds: [annotator.id] }))).toBe("not_found");
      expect(await codeOf(assignDocuments(editor.id, projectId, { documentIds: ["not an id"], userIds: [annotator.id] }))).toBe("not_found");
      expect(await codeOf(assignDocuments(editor.id, projectId, { documentIds: [], userIds: [annotator.id] }))).toBe("invalid");
      expect(await (await getDb()).assignment.count({ where: { documentId: foreignDoc } })).toBe(0);
    });

    it("are removed by editors only, within the project", async () => {
      const a = (await assignmentOf(docs[2]!, owner.id))!;
      expect(await codeOf(unassignDocument(annotator.id, projectId, { assignmentId: a.id }))).toBe("forbidden");
      expect(await codeOf(unassignDocument(outsider.id, foreignProjectId, { assignmentId: a.id }))).toBe("not_found");
      const before = await auditCount("assignment.delete");
      await unassignDocument(editor.id, projectId, { assignmentId: a.id });
      expect(await assignmentOf(docs[2]!, owner.id)).toBeNull();
      expect(await auditCount("assignment.delete")).toBe(before + 1);
      expect(await codeOf(unassignDocument(editor.id, projectId, { assignmentId: a.id }))).toBe("not_found");
    });
  });

  describe("my work", () => {
    it("lists the member's own assignments in order, the next being the first not done", async () => {
      const mine = await listMyWork(annotator.id, projectId);
      expect(mine.items.map((i) => i.documentId)).toEqual(docs);
      expect(mine.items.every((i) => i.state === "not_started")).toBe(true);
      expect(mine.next?.documentId).toBe(docs[0]);
      const theirs = await listMyWork(other.id, projectId);
      expect(theirs.items.map((i) => i.documentId)).toEqual(docs);
      expect(await codeOf(listMyWork(viewer.id, projectId))).toBe("forbidden");
      expect(await codeOf(listMyWork(outsider.id, projectId))).toBe("not_found");
      expect((await listMyWork(outsider.id, foreignProjectId)).items).toEqual([]);
    });

    it("lets the annotator mark their own assignment, with its version", async () => {
      const [first, second] = (await listMyWork(annotator.id, projectId)).items;
      const before = await auditCount("assignment.state");
      expect(await updateOwnAssignment(annotator.id, projectId, { assignmentId: second!.assignmentId, state: "in_progress", version: second!.version }))
        .toEqual({ state: "in_progress", version: second!.version + 1 });
      // Work started comes before work not started.
      expect((await listMyWork(annotator.id, projectId)).next?.documentId).toBe(docs[1]);
      await updateOwnAssignment(annotator.id, projectId, { assignmentId: second!.assignmentId, state: "done", version: second!.version + 1 });
      expect((await listMyWork(annotator.id, projectId)).next?.documentId).toBe(first!.documentId);
      expect(await auditCount("assignment.state")).toBe(before + 2);
      expect(await codeOf(updateOwnAssignment(annotator.id, projectId, { assignmentId: second!.assignmentId, state: "in_progress", version: second!.version }))).toBe("conflict");
      expect(await codeOf(updateOwnAssignment(annotator.id, projectId, { assignmentId: first!.assignmentId, state: "finished", version: first!.version }))).toBe("invalid");
    });

    it("never lets anyone mark another member's assignment", async () => {
      const theirs = (await listMyWork(other.id, projectId)).items[0]!;
      for (const u of [annotator, editor, owner]) {
        expect(await codeOf(updateOwnAssignment(u.id, projectId, { assignmentId: theirs.assignmentId, state: "done", version: theirs.version }))).toBe("not_found");
      }
      expect(await codeOf(updateOwnAssignment(outsider.id, foreignProjectId, { assignmentId: theirs.assignmentId, state: "done", version: theirs.version }))).toBe("not_found");
      expect(await assignmentOf(theirs.documentId, other.id)).toMatchObject({ state: "not_started", version: theirs.version });
    });

    it("has no next document once everything is done", async () => {
      for (const item of (await listMyWork(other.id, projectId)).items) {
        await updateOwnAssignment(other.id, projectId, { assignmentId: item.assignmentId, state: "done", version: item.version });
      }
      const mine = await listMyWork(other.id, projectId);
      expect(mine.items.map((i) => i.state)).toEqual(["done", "done", "done"]);
      expect(mine.next).toBeNull();
    });
  });

  it("nextAssignment prefers in progress, then not started, in the given order", () => {
    const s = (id: string, state: "not_started" | "in_progress" | "done") => ({ id, state });
    expect(nextAssignment([s("a", "done"), s("b", "not_started"), s("c", "in_progress"), s("d", "in_progress")])?.id).toBe("c");
    expect(nextAssignment([s("a", "done"), s("b", "not_started"), s("c", "not_started")])?.id).toBe("b");
    expect(nextAssignment([s("a", "done")])).toBeNull();
    expect(nextAssignment([])).toBeNull();
  });
});
