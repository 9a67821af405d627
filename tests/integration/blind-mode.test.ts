/**
 * Blind annotation against real databases: in a blind project an annotator sees, on a document, only
 * their own claims (document page and its cached snapshot, claims table rows and total, key values,
 * the claim panel by id and by number, project counts) and a hidden claim answers exactly like a
 * missing one, for reads and writes; editors see everything; opening a document for curation shows
 * all its claims to every member; an open project shows everything.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { makeUser, makeProject, makeDocument, claimTypeByKey, addMemberWithRole } from "../support/factories";
import { codeOf } from "../support/errors";
import type { OpenDatabase } from "@/lib/db/engine";
import { createClaim, deleteClaim, getClaimForEditing, restoreClaim, updateClaim } from "@/lib/services/claims";
import { getDocumentPage } from "@/lib/services/document-page";
import { listClaimKeyValues, listProjectClaims, parseClaimTableQuery } from "@/lib/services/claim-lists";
import { getProjectOverview, listProjectsForUser } from "@/lib/services/projects";
import { openForCuration } from "@/lib/services/curation";
import { unpackClaims } from "@/lib/core/packed-claims";

type Who = { id: string; email: string };

describe.each(testEngines())("blind annotation on %s", (engine) => {
  let db: OpenDatabase;
  let owner: Who, a: Who, b: Who, e: Who, viewer: Who;
  let projectId: string, attackId: string, doc1: string, doc2: string;
  /** label -> claim, and "documentId:seq" -> label */
  const claims = new Map<string, { id: string; seq: number; documentId: string; version: number }>();
  const bySeq = new Map<string, string>();

  const sorted = (xs: string[]) => [...xs].sort();
  const label = (documentId: string, seq: number | string) => bySeq.get(`${documentId}:${seq}`) ?? `?${seq}`;
  const labelOfId = (id: string) => [...claims].find(([, c]) => c.id === id)?.[0] ?? `?${id}`;

  async function add(name: string, who: Who, documentId: string, start: number) {
    const c = await createClaim(who.id, projectId, { documentId, claimTypeId: attackId, spans: [{ start, end: start + 5 }] });
    claims.set(name, c);
    bySeq.set(`${documentId}:${c.seq}`, name);
  }

  const setMode = (mode: "open" | "blind") => db.prisma.project.update({ where: { id: projectId }, data: { annotationMode: mode } });

  async function onPage(who: Who, documentId: string) {
    const page = await getDocumentPage(who.id, projectId, documentId);
    return sorted(unpackClaims(page.claims).map((c) => label(documentId, c.id)));
  }

  async function inTable(who: Who, params: Record<string, string> = {}) {
    const r = await listProjectClaims(who.id, projectId, parseClaimTableQuery(params));
    return { rows: sorted(r.rows.map((row) => labelOfId(row.id))), total: r.total };
  }

  async function keyValues(who: Who, documentId: string) {
    const seqs = [...claims.values()].filter((c) => c.documentId === documentId).map((c) => c.seq);
    return sorted(Object.keys(await listClaimKeyValues(who.id, projectId, { documentId, seqs })).map((s) => label(documentId, s)));
  }

  async function inPanel(who: Who) {
    const out: string[] = [];
    for (const [name, c] of claims) {
      const byId = await codeOf(getClaimForEditing(who.id, projectId, { claimId: c.id }));
      const byNumber = await codeOf(getClaimForEditing(who.id, projectId, { documentId: c.documentId, seq: c.seq }));
      expect(byNumber, `${name} by number vs by id`).toBe(byId);
      if (byId === "ok") out.push(name);
      else expect(byId, name).toBe("not_found");
    }
    return sorted(out);
  }

  async function counts(who: Who) {
    const overview = await getProjectOverview(who.id, projectId);
    const perDocument = {
      doc1: overview.documents.find((d) => d.id === doc1)!.claims,
      doc2: overview.documents.find((d) => d.id === doc2)!.claims,
    };
    const perType = overview.claimTypes.find((t) => t.id === attackId)!.claims;
    const inList = (await listProjectsForUser(who.id)).find((p) => p.id === projectId)!.claims;
    return { perDocument, perType, inList };
  }

  /** Every read at once: what `who` sees of the project's claims. */
  async function everything(who: Who) {
    const page1 = await onPage(who, doc1);
    const page2 = await onPage(who, doc2);
    const table = await inTable(who);
    const tableDoc1 = await inTable(who, { document: doc1 });
    const kv1 = await keyValues(who, doc1);
    const kv2 = await keyValues(who, doc2);
    const panel = await inPanel(who);
    const c = await counts(who);
    // Every read agrees with the page: one scope behind all of them.
    expect(table.rows).toEqual(sorted([...page1, ...page2]));
    expect(table.total).toBe(page1.length + page2.length);
    expect(tableDoc1).toEqual({ rows: page1, total: page1.length });
    expect(kv1).toEqual(page1);
    expect(kv2).toEqual(page2);
    expect(panel).toEqual(sorted([...page1, ...page2]));
    expect(c).toEqual({ perDocument: { doc1: page1.length, doc2: page2.length }, perType: page1.length + page2.length, inList: page1.length + page2.length });
    return { doc1: page1, doc2: page2 };
  }

  const ALL = { doc1: ["a1", "a2", "b1", "e1"], doc2: ["a3", "b2"] };

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    owner = await makeUser("Owner");
    a = await makeUser("Annie");
    b = await makeUser("Bert");
    e = await makeUser("Edie");
    viewer = await makeUser("Vic");
    projectId = (await makeProject(owner.id)).id;
    await addMemberWithRole(owner.id, projectId, a.email, "annotator");
    await addMemberWithRole(owner.id, projectId, b.email, "annotator");
    await addMemberWithRole(owner.id, projectId, e.email, "editor");
    await addMemberWithRole(owner.id, projectId, viewer.email, "viewer");
    attackId = (await claimTypeByKey(owner.id, projectId, "attack")).id;
    doc1 = (await makeDocument(owner.id, projectId)).documentId;
    doc2 = (await makeDocument(owner.id, projectId)).documentId;
    await add("a1", a, doc1, 0);
    await add("b1", b, doc1, 10);
    await add("a2", a, doc1, 20);
    await add("e1", e, doc1, 30);
    await add("b2", b, doc2, 0);
    await add("a3", a, doc2, 10);
  });
  afterAll(async () => db?.close());

  it("shows every claim to every member of an open project", async () => {
    for (const who of [a, b, e, viewer]) expect(await everything(who)).toEqual(ALL);
    const page = await getDocumentPage(a.id, projectId, doc1);
    expect(page.blind).toEqual({ mode: "open", ownOnly: false, curationOpen: false });
  });

  it("shows an annotator only their own claims in a blind project, in every read and count", async () => {
    await setMode("blind");
    expect(await everything(a)).toEqual({ doc1: ["a1", "a2"], doc2: ["a3"] });
    expect(await everything(b)).toEqual({ doc1: ["b1"], doc2: ["b2"] });
    expect(await everything(viewer)).toEqual({ doc1: [], doc2: [] });
    expect((await getDocumentPage(a.id, projectId, doc1)).blind).toEqual({ mode: "blind", ownOnly: true, curationOpen: false });
    // Filtering by another annotator finds nothing, rather than their claims.
    expect(await inTable(a, { author: b.id })).toEqual({ rows: [], total: 0 });
  });

  it("shows editors and owners every claim in a blind project", async () => {
    expect(await everything(e)).toEqual(ALL);
    expect(await everything(owner)).toEqual(ALL);
    expect((await getDocumentPage(e.id, projectId, doc1)).blind).toEqual({ mode: "blind", ownOnly: false, curationOpen: false });
  });

  it("never serves one annotator's claims to another from the cached snapshot, whoever reads first", async () => {
    const doc3 = (await makeDocument(owner.id, projectId)).documentId;
    await add("a4", a, doc3, 0);
    await add("b4", b, doc3, 10);
    // A fills the cache first; B reads the same entry (same claimsVersion) and must get only theirs.
    expect(await onPage(a, doc3)).toEqual(["a4"]);
    expect(await onPage(b, doc3)).toEqual(["b4"]);
    expect(await onPage(e, doc3)).toEqual(["a4", "b4"]);
    expect(await onPage(a, doc3)).toEqual(["a4"]);
    // After a change, B fills the cache first this time.
    await add("b5", b, doc3, 20);
    expect(await onPage(b, doc3)).toEqual(["b4", "b5"]);
    expect(await onPage(a, doc3)).toEqual(["a4"]);
    expect(await onPage(viewer, doc3)).toEqual([]);
    // The tests that follow count the claims of doc1 and doc2 only.
    for (const name of ["a4", "b4", "b5"]) {
      const c = claims.get(name)!;
      const author = name.startsWith("a") ? a : b;
      await deleteClaim(author.id, projectId, { claimId: c.id, version: c.version });
      claims.delete(name);
    }
  });

  it("answers a change to a hidden claim as not_found, like a missing one, and changes nothing", async () => {
    const b1 = claims.get("b1")!;
    expect(await codeOf(updateClaim(a.id, projectId, { claimId: b1.id, version: b1.version, note: "peek" }))).toBe("not_found");
    expect(await codeOf(deleteClaim(a.id, projectId, { claimId: b1.id, version: b1.version }))).toBe("not_found");
    // A deleted hidden claim cannot be restored (or detected) by another annotator either.
    const gone = await createClaim(b.id, projectId, { documentId: doc2, claimTypeId: attackId, spans: [{ start: 30, end: 35 }] });
    await deleteClaim(b.id, projectId, { claimId: gone.id, version: 1 });
    expect(await codeOf(restoreClaim(a.id, projectId, { claimId: gone.id, version: 2 }))).toBe("not_found");
    expect(await codeOf(restoreClaim(b.id, projectId, { claimId: gone.id, version: 2 }))).toBe("ok");
    await deleteClaim(b.id, projectId, { claimId: gone.id, version: 3 });
    const stored = await db.prisma.claim.findUniqueOrThrow({ where: { id: b1.id }, select: { note: true, version: true, deletedAt: true } });
    expect(stored).toEqual({ note: "", version: b1.version, deletedAt: null });
    // Their own claims stay theirs to change.
    const a1 = claims.get("a1")!;
    expect(await codeOf(updateClaim(a.id, projectId, { claimId: a1.id, version: a1.version, note: "mine" }))).toBe("ok");
    a1.version += 1;
  });

  it("lets only editors open a document for curation, at the version they read", async () => {
    const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: doc1 }, select: { version: true } });
    expect(await codeOf(openForCuration(a.id, projectId, doc1, doc.version))).toBe("forbidden");
    expect(await codeOf(openForCuration(viewer.id, projectId, doc1, doc.version))).toBe("forbidden");
    const outsider = await makeUser("Outsider");
    expect(await codeOf(openForCuration(outsider.id, projectId, doc1, doc.version))).toBe("not_found");
    expect(await codeOf(openForCuration(e.id, projectId, doc1, doc.version + 1))).toBe("conflict");
    const otherProject = (await makeProject(e.id)).id;
    expect(await codeOf(openForCuration(e.id, otherProject, doc1, doc.version))).toBe("not_found");
    expect(await everything(a)).toEqual({ doc1: ["a1", "a2"], doc2: ["a3"] });
    const opened = await openForCuration(e.id, projectId, doc1, doc.version);
    expect(opened.version).toBe(doc.version + 1);
    // Asked again (a second editor, a double click): the document stays open, nothing more is recorded.
    const again = await openForCuration(owner.id, projectId, doc1, doc.version);
    expect(again.curationOpenedAt).toEqual(opened.curationOpenedAt);
    const events = await db.prisma.auditEvent.findMany({ where: { objectId: doc1, action: "document.openCuration" } });
    expect(events.map((x) => [x.actorId, x.outcome])).toEqual([[e.id, "ok"]]);
  });

  it("shows every claim of a document opened for curation to every member, and only of that document", async () => {
    expect(await everything(a)).toEqual({ doc1: ALL.doc1, doc2: ["a3"] });
    expect(await everything(b)).toEqual({ doc1: ALL.doc1, doc2: ["b2"] });
    expect(await everything(viewer)).toEqual({ doc1: ALL.doc1, doc2: [] });
    expect(await everything(e)).toEqual(ALL);
    expect((await getDocumentPage(a.id, projectId, doc1)).blind).toEqual({ mode: "blind", ownOnly: false, curationOpen: true });
    expect((await getDocumentPage(a.id, projectId, doc2)).blind).toEqual({ mode: "blind", ownOnly: true, curationOpen: false });
    // Visible now, so the ordinary permission answers: an annotator may not edit another's claim.
    const b1 = claims.get("b1")!;
    expect(await codeOf(updateClaim(a.id, projectId, { claimId: b1.id, version: b1.version, note: "edit" }))).toBe("forbidden");
  });

  it("shows every claim again when the project is switched from blind to open", async () => {
    await setMode("open");
    for (const who of [a, b, e, viewer]) expect(await everything(who)).toEqual(ALL);
  });
});
