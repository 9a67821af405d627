/**
 * Field defaults per project and claim type: editors and owners set them one field at a time, each
 * value checked with the field's own schema, each change versioned and audited; annotators and
 * viewers cannot; another project's claim type is not found; the document page carries them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { addMemberWithRole, claimTypeByKey, makeDocument, makeProject, makeUser } from "../support/factories";
import { codeOf, failure } from "../support/errors";
import type { OpenDatabase } from "@/lib/db/engine";
import { listFieldDefaults, setFieldDefault } from "@/lib/services/claim-type-defaults";
import { getDocumentPage } from "@/lib/services/document-page";
import { updateClaimType } from "@/lib/services/claim-types";

const ISKP = [{ raw: "ISKP" }];

describe.each(testEngines())("claim type field defaults on %s", (engine) => {
  let db: OpenDatabase;
  let owner: { id: string }, editor: { id: string; email: string }, annotator: { id: string; email: string }, viewer: { id: string; email: string };
  let projectId: string, attackId: string, leaderId: string, docId: string;

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    owner = await makeUser("Owner");
    editor = await makeUser("Editor");
    annotator = await makeUser("Annotator");
    viewer = await makeUser("Viewer");
    projectId = (await makeProject(owner.id)).id;
    await addMemberWithRole(owner.id, projectId, editor.email, "editor");
    await addMemberWithRole(owner.id, projectId, annotator.email, "annotator");
    await addMemberWithRole(owner.id, projectId, viewer.email, "viewer");
    attackId = (await claimTypeByKey(owner.id, projectId, "attack")).id;
    leaderId = (await claimTypeByKey(owner.id, projectId, "leader_change")).id;
    docId = (await makeDocument(owner.id, projectId)).documentId;
  });
  afterAll(async () => db?.close());

  it("starts with none, at version 0, for every type", async () => {
    const all = await listFieldDefaults(annotator.id, projectId);
    expect(all[attackId]).toEqual({ version: 0, values: {} });
    expect(all[leaderId]).toEqual({ version: 0, values: {} });
  });

  it("lets an editor set a default, versioned and audited, and the document page carries it", async () => {
    const set = await setFieldDefault(editor.id, projectId, { claimTypeId: attackId, version: 0, field: "perpetrators", value: ISKP });
    expect(set).toEqual({ version: 1, values: { perpetrators: ISKP } });
    const second = await setFieldDefault(owner.id, projectId, { claimTypeId: attackId, version: 1, field: "target_type", value: "civilians" });
    expect(second).toEqual({ version: 2, values: { perpetrators: ISKP, target_type: "civilians" } });
    const events = await db.prisma.auditEvent.findMany({ where: { projectId, action: "claimType.defaults", objectId: attackId }, orderBy: { createdAt: "asc" }, select: { actorId: true, before: true, after: true } });
    expect(events).toEqual([
      { actorId: editor.id, before: { field: "perpetrators", value: null }, after: { field: "perpetrators", value: ISKP, version: 1 } },
      { actorId: owner.id, before: { field: "target_type", value: null }, after: { field: "target_type", value: "civilians", version: 2 } },
    ]);
    const page = await getDocumentPage(annotator.id, projectId, docId);
    expect(page.fieldDefaults[attackId]).toEqual({ version: 2, values: { perpetrators: ISKP, target_type: "civilians" } });
    expect(page.fieldDefaults[leaderId]).toEqual({ version: 0, values: {} });
  });

  it("refuses a stale version, naming the type, and writes nothing", async () => {
    const err = await failure(setFieldDefault(editor.id, projectId, { claimTypeId: attackId, version: 1, field: "weapon", value: "rifle" }));
    expect(err.code).toBe("conflict");
    expect(err.message).toMatch(/defaults of Attack/);
    expect(await failure(setFieldDefault(editor.id, projectId, { claimTypeId: leaderId, version: 3, field: "group", value: { raw: "ISKP" } })).then((e) => e.code)).toBe("conflict");
    expect((await listFieldDefaults(owner.id, projectId))[attackId]!.values).not.toHaveProperty("weapon");
  });

  it.each([
    ["a figure", "fatalities", { raw: "12" }, /cannot have a default/],
    ["a date", "date", { raw: "18 April 2022" }, /cannot have a default/],
    ["an option that does not exist", "target_type", "aliens", /not a valid value/],
    ["an unknown field", "colour", "red", /not a field/],
    ["an empty list", "perpetrators", [], /needs a value/],
  ])("refuses %s as invalid", async (_what, field, value, message) => {
    const err = await failure(setFieldDefault(editor.id, projectId, { claimTypeId: attackId, version: 2, field, value }));
    expect(err.code).toBe("invalid");
    expect(err.message).toMatch(message);
  });

  it("removes a default with null", async () => {
    const after = await setFieldDefault(editor.id, projectId, { claimTypeId: attackId, version: 2, field: "target_type", value: null });
    expect(after).toEqual({ version: 3, values: { perpetrators: ISKP } });
    // Removing it again changes nothing, so it writes nothing: same version, no second audit event.
    const events = await db.prisma.auditEvent.count({ where: { projectId, action: "claimType.defaults" } });
    expect(await setFieldDefault(editor.id, projectId, { claimTypeId: attackId, version: 3, field: "target_type", value: null })).toEqual(after);
    expect(await db.prisma.auditEvent.count({ where: { projectId, action: "claimType.defaults" } })).toBe(events);
  });

  it("is for editors and owners only, and another project's type is not found", async () => {
    expect(await codeOf(setFieldDefault(annotator.id, projectId, { claimTypeId: attackId, version: 3, field: "weapon", value: "rifle" }))).toBe("forbidden");
    expect(await codeOf(setFieldDefault(viewer.id, projectId, { claimTypeId: attackId, version: 3, field: "weapon", value: "rifle" }))).toBe("forbidden");
    const other = (await makeProject(editor.id, "Other")).id;
    expect(await codeOf(setFieldDefault(editor.id, other, { claimTypeId: attackId, version: 3, field: "weapon", value: "rifle" }))).toBe("not_found");
    expect(await codeOf(setFieldDefault(editor.id, projectId, { claimTypeId: attackId, version: 3, field: "weapon", value: "rifle", extra: 1 }))).toBe("invalid");
  });

  it("does not apply a default the type's current version no longer accepts", async () => {
    const type = await claimTypeByKey(owner.id, projectId, "attack");
    const definition = { ...type.definition, fields: type.definition.fields.filter((f) => f.key !== "perpetrators") };
    await updateClaimType(owner.id, projectId, { claimTypeId: attackId, version: type.version, definition });
    expect((await listFieldDefaults(owner.id, projectId))[attackId]).toEqual({ version: 3, values: {} });
  });
});
