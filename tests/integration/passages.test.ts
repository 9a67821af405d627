/**
 * Copied passages on the document page against a real database: a paragraph reprinted with small
 * edits in a second document is found on both documents, at the right place and naming the other;
 * an unrelated document, or a copy in another project, is not; strangers and foreign ids get not_found.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { addMemberWithRole, makeProject, makeUser } from "../support/factories";
import { codeOf } from "../support/errors";
import type { OpenDatabase } from "@/lib/db/engine";
import { importDocument } from "@/lib/services/documents";
import { copiedPassages } from "@/lib/services/passages";
import { sliceCp } from "@/lib/core/offsets";

const SHARED =
  "Witnesses said the convoy was struck by two roadside bombs shortly after it left the district headquarters on the main road " +
  "towards the provincial capital, and that gunmen then opened fire on the vehicles that had stopped to help the wounded.";
// The same paragraph as a second outlet printed it: a few words changed.
const EDITED =
  "Witnesses said the convoy was hit by two roadside bombs shortly after it left the district headquarters on the main road " +
  "toward the provincial capital, and that gunmen then opened fire on vehicles that had stopped to help the wounded.";

// Non-ASCII before the passage, so code points and code units differ.
const TEXT_A = `Dispatch 🛰️ from Ghazni.\n\n${SHARED}\n\nThe governor’s office gave no figure for the dead.`;
const TEXT_B = `Late report: the interior ministry confirmed the attack on Tuesday.\n\n${EDITED}\n\nNo group has said it was responsible.`;
const TEXT_C =
  "Farmers in the northern valleys expect a smaller wheat harvest this year after a dry spring, and prices in the markets of the " +
  "region have already risen by a fifth since the start of the season, traders said.";

describe.each(testEngines())("copied passages on %s", (engine) => {
  let db: OpenDatabase;
  let owner: { id: string }, viewer: { id: string; email: string }, stranger: { id: string };
  let projectId: string, otherProjectId: string, a: string, b: string, c: string, foreign: string;

  const add = async (userId: string, pid: string, text: string, title: string) =>
    (await importDocument(userId, pid, { fileName: "report.txt", pastedText: text }, { metadata: { title } })).documentId;

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    owner = await makeUser("Owner");
    viewer = await makeUser("Viewer");
    stranger = await makeUser("Stranger");
    projectId = (await makeProject(owner.id)).id;
    await addMemberWithRole(owner.id, projectId, viewer.email, "viewer");
    a = await add(owner.id, projectId, TEXT_A, "Ghazni dispatch");
    b = await add(owner.id, projectId, TEXT_B, "Ministry report");
    c = await add(owner.id, projectId, TEXT_C, "Harvest");
    // Another project holds a verbatim copy: it is not this project's concern.
    otherProjectId = (await makeProject(stranger.id)).id;
    foreign = await add(stranger.id, otherProjectId, TEXT_A, "Stranger's copy");
  });
  afterAll(async () => db?.close());

  it("finds the edited paragraph on the first document, pointing at the second", async () => {
    const r = await copiedPassages(viewer.id, projectId, { documentId: a });
    expect(r.compared).toBe(2);
    expect(r.truncated).toBe(false);
    expect(r.passages.map((p) => p.otherDocumentId)).toEqual([b]);
    const [p] = r.passages;
    expect(p!.otherTitle).toBe("Ministry report");
    const here = sliceCp(TEXT_A, p!.start, p!.end);
    const there = sliceCp(TEXT_B, p!.otherStart, p!.otherEnd);
    // The passage lies inside the shared paragraph in both documents and covers most of it.
    expect(SHARED).toContain(here);
    expect(EDITED).toContain(there);
    expect(here.length).toBeGreaterThan(SHARED.length / 2);
    expect(p!.quote.replace(/…$/, "")).toBe(here.slice(0, p!.quote.replace(/…$/, "").length));
    expect(p!.similarity).toBeGreaterThanOrEqual(0.3);
    expect(p!.similarity).toBeLessThan(1);
  });

  it("finds it on the second document too, pointing back at the first", async () => {
    const r = await copiedPassages(owner.id, projectId, { documentId: b });
    expect(r.passages.map((p) => [p.otherDocumentId, p.otherTitle])).toEqual([[a, "Ghazni dispatch"]]);
    const [p] = r.passages;
    expect(EDITED).toContain(sliceCp(TEXT_B, p!.start, p!.end));
    expect(SHARED).toContain(sliceCp(TEXT_A, p!.otherStart, p!.otherEnd));
  });

  it("finds nothing for an unrelated document", async () => {
    const r = await copiedPassages(owner.id, projectId, { documentId: c });
    expect(r.compared).toBe(2);
    expect(r.passages).toEqual([]);
  });

  it("does not look into other projects", async () => {
    const r = await copiedPassages(stranger.id, otherProjectId, { documentId: foreign });
    expect(r).toEqual({ passages: [], compared: 0, truncated: false });
  });

  it("answers not_found to a non-member, and for a foreign or missing document id", async () => {
    expect(await codeOf(copiedPassages(stranger.id, projectId, { documentId: a }))).toBe("not_found");
    expect(await codeOf(copiedPassages(owner.id, projectId, { documentId: foreign }))).toBe("not_found");
    expect(await codeOf(copiedPassages(owner.id, projectId, { documentId: "00000000-0000-4000-8000-000000000000" }))).toBe("not_found");
    expect(await codeOf(copiedPassages(owner.id, projectId, { documentId: "not an id" }))).toBe("not_found");
  });
});
