/**
 * Threat: a signed-in user reaches another project's data by putting its ids into requests (IDOR),
 * or does more than their role allows. Every service taking a project, document, claim, claim type
 * or membership id must answer a foreign id exactly like a missing one (not_found), and a role
 * without the permission gets forbidden; roles are read from the database on every call.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { makeUser, makeProject, makeDocument, claimTypeByKey, addMemberWithRole } from "../support/factories";
import type { OpenDatabase } from "@/lib/db/engine";
import { codeOf } from "../support/errors";
import { getProjectOverview } from "@/lib/services/projects";
import { importDocument, updateDocumentMetadata, revertToOriginalText } from "@/lib/services/documents";
import { createClaim, deleteClaim, getClaimForEditing, restoreClaim, updateClaim } from "@/lib/services/claims";
import { listProjectClaims, parseClaimTableQuery } from "@/lib/services/claim-lists";
import { getDocumentPage } from "@/lib/services/document-page";
import { createClaimType, listClaimTypes, setClaimTypeArchived, updateClaimType } from "@/lib/services/claim-types";
import { addMember, changeMemberRole, removeMember } from "@/lib/services/members";


describe.each(testEngines())("access control on %s", (engine) => {
  let db: OpenDatabase;
  let alice: { id: string; email: string }; // owner of project A
  let mallory: { id: string; email: string }; // owner of project B, not a member of A
  let projectA: string, projectB: string, docA: string, docB: string, claimA: string, typeA: string, typeB: string, memberA: string;

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    alice = await makeUser("Alice");
    mallory = await makeUser("Mallory");
    const bob = await makeUser("Bob");
    projectA = (await makeProject(alice.id, "A")).id;
    projectB = (await makeProject(mallory.id, "B")).id;
    docA = (await makeDocument(alice.id, projectA)).documentId;
    docB = (await makeDocument(mallory.id, projectB)).documentId;
    typeA = (await claimTypeByKey(alice.id, projectA, "attack")).id;
    typeB = (await claimTypeByKey(mallory.id, projectB, "attack")).id;
    claimA = (await createClaim(alice.id, projectA, { documentId: docA, claimTypeId: typeA, spans: [{ start: 0, end: 6 }] })).id;
    memberA = (await addMember(alice.id, projectA, { email: bob.email, role: "viewer" })).id;
  });
  afterAll(async () => db?.close());

  const missing = "00000000-0000-4000-8000-000000000000";

  it("answers not_found for a foreign project exactly as for a missing one", async () => {
    for (const pid of [projectA, missing]) {
      expect(await codeOf(getProjectOverview(mallory.id, pid))).toBe("not_found");
      expect(await codeOf(listClaimTypes(mallory.id, pid))).toBe("not_found");
      expect(await codeOf(importDocument(mallory.id, pid, { fileName: "x.txt", pastedText: "hello there" }))).toBe("not_found");
      expect(await codeOf(addMember(mallory.id, pid, { email: mallory.email, role: "owner" }))).toBe("not_found");
      expect(await codeOf(listProjectClaims(mallory.id, pid, parseClaimTableQuery({})))).toBe("not_found");
      expect(await codeOf(createClaimType(mallory.id, pid, { key: "x", name: "X", color: "#123456", fields: [] }))).toBe("not_found");
    }
  });

  it("answers not_found for another project's child ids used through one's own project", async () => {
    for (const [foreign, label] of [[docA, "foreign"], [missing, "missing"]] as const) {
      expect(await codeOf(getDocumentPage(mallory.id, projectB, foreign)), label).toBe("not_found");
      expect(await codeOf(updateDocumentMetadata(mallory.id, projectB, foreign, 1, { title: "pwned" })), label).toBe("not_found");
      expect(await codeOf(revertToOriginalText(mallory.id, projectB, foreign, 1)), label).toBe("not_found");
      expect(await codeOf(createClaim(mallory.id, projectB, { documentId: foreign, claimTypeId: typeB, spans: [{ start: 0, end: 3 }] })), label).toBe("not_found");
    }
    expect(await codeOf(createClaim(mallory.id, projectB, { documentId: docB, claimTypeId: typeA, spans: [{ start: 0, end: 3 }] }))).toBe("not_found");
    for (const foreign of [claimA, missing]) {
      expect(await codeOf(getClaimForEditing(mallory.id, projectB, { claimId: foreign }))).toBe("not_found");
      expect(await codeOf(updateClaim(mallory.id, projectB, { claimId: foreign, version: 1, note: "x" }))).toBe("not_found");
      expect(await codeOf(deleteClaim(mallory.id, projectB, { claimId: foreign, version: 1 }))).toBe("not_found");
      expect(await codeOf(restoreClaim(mallory.id, projectB, { claimId: foreign, version: 1 }))).toBe("not_found");
    }
    for (const foreign of [typeA, missing]) {
      expect(await codeOf(updateClaimType(mallory.id, projectB, { claimTypeId: foreign, version: 1, definition: { key: "attack", name: "X", color: "#123456", fields: [] } }))).toBe("not_found");
      expect(await codeOf(setClaimTypeArchived(mallory.id, projectB, foreign, 1, true))).toBe("not_found");
    }
    for (const foreign of [memberA, missing]) {
      expect(await codeOf(changeMemberRole(mallory.id, projectB, { membershipId: foreign, role: "owner", version: 1 }))).toBe("not_found");
      expect(await codeOf(removeMember(mallory.id, projectB, foreign))).toBe("not_found");
    }
    // Nothing of project A changed.
    const { document } = await getDocumentPage(alice.id, projectA, docA);
    expect(document.title).toBe("Report");
    expect((await getClaimForEditing(alice.id, projectA, { claimId: claimA })).claim.version).toBe(1);
  });

  it("refuses what a role does not allow, reading the role from the database each time", async () => {
    const ann = await makeUser("Annotator");
    const viewer = await makeUser("Viewer");
    const editor = await makeUser("Editor");
    await addMemberWithRole(alice.id, projectA, ann.email, "annotator");
    await addMemberWithRole(alice.id, projectA, viewer.email, "viewer");
    const editorMembership = await addMemberWithRole(alice.id, projectA, editor.email, "editor");

    expect(await codeOf(createClaim(viewer.id, projectA, { documentId: docA, claimTypeId: typeA, spans: [{ start: 0, end: 6 }] }))).toBe("forbidden");
    expect(await codeOf(importDocument(viewer.id, projectA, { fileName: "v.txt", pastedText: "viewer text" }))).toBe("forbidden");
    expect(await codeOf(createClaimType(ann.id, projectA, { key: "x", name: "X", color: "#123456", fields: [] }))).toBe("forbidden");
    expect(await codeOf(addMember(ann.id, projectA, { email: viewer.email, role: "owner" }))).toBe("forbidden");
    expect(await codeOf(updateDocumentMetadata(ann.id, projectA, docA, 1, { title: "x" }))).toBe("forbidden");
    // An annotator may not edit or delete someone else's claim.
    expect(await codeOf(updateClaim(ann.id, projectA, { claimId: claimA, version: 1, note: "mine now" }))).toBe("forbidden");
    expect(await codeOf(deleteClaim(ann.id, projectA, { claimId: claimA, version: 1 }))).toBe("forbidden");
    // An editor may, until demoted: the next call is refused at once.
    expect(await codeOf(updateClaim(editor.id, projectA, { claimId: claimA, version: 1, note: "edited by editor" }))).toBe("ok");
    await changeMemberRole(alice.id, projectA, { membershipId: editorMembership.id, role: "annotator", version: 1 });
    expect(await codeOf(updateClaim(editor.id, projectA, { claimId: claimA, version: 2, note: "after demotion" }))).toBe("forbidden");
    // Denied attempts are logged.
    const denied = await db.prisma.auditEvent.count({ where: { projectId: projectA, outcome: "denied" } });
    expect(denied).toBeGreaterThanOrEqual(7);
  });

  it("keeps at least one owner", async () => {
    const membership = await db.prisma.membership.findFirstOrThrow({ where: { projectId: projectB, userId: mallory.id } });
    expect(await codeOf(changeMemberRole(mallory.id, projectB, { membershipId: membership.id, role: "viewer", version: membership.version }))).toBe("invalid");
    expect(await codeOf(removeMember(mallory.id, projectB, membership.id))).toBe("invalid");
  });
});

describe("what responses reveal", () => {
  it("never includes password hashes, and shows other members' e-mail addresses only to owners", async () => {
    const db = await useTestDatabase("pglite");
    try {
      const owner = await makeUser("Keeper");
      const annotator = await makeUser("Coder");
      const projectId = (await makeProject(owner.id, "Private")).id;
      await addMemberWithRole(owner.id, projectId, annotator.email, "annotator");
      const docId = (await makeDocument(owner.id, projectId)).documentId;
      const seenByAnnotator = JSON.stringify(await getProjectOverview(annotator.id, projectId));
      expect(seenByAnnotator).not.toContain("scrypt$");
      expect(seenByAnnotator).not.toContain(owner.email);
      expect(seenByAnnotator).toContain(annotator.email); // one's own address
      const seenByOwner = JSON.stringify(await getProjectOverview(owner.id, projectId));
      expect(seenByOwner).toContain(annotator.email);
      expect(seenByOwner).not.toContain("scrypt$");
      const page = JSON.stringify(await getDocumentPage(annotator.id, projectId, docId));
      expect(page).not.toContain("scrypt$");
      expect(page).not.toContain(owner.email);
    } finally {
      await db.close();
    }
  });
});
