/**
 * Agreement against a real database: the report's figures equal ones computed by hand for two
 * annotators' claims, deleted claims are left out, an assigned annotator without claims counts as
 * silent, only owners and editors may see it (others: forbidden / not found), and the CSV route
 * answers the same tables, with a safe file name.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { useTestDatabase, testEngines } from "../support/db";
import { addMemberWithRole, claimTypeByKey, makeDocument, makeProject, makeUser } from "../support/factories";
import { failure } from "../support/errors";
import type { OpenDatabase } from "@/lib/db/engine";
import { getDb } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { createClaim, deleteClaim } from "@/lib/services/claims";
import { agreementReport } from "@/lib/services/agreement";
import { readCsv } from "../support/csv";

// The route runs behind the session and the request's headers; here they name the user under test.
const session = vi.hoisted(() => ({ user: null as null | { id: string; name: string; email: string } }));
vi.mock("@/lib/server/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "sec-fetch-site": "same-origin", host: "localhost" }) }));
const { GET } = await import("@/app/api/projects/[projectId]/agreement/[table]/route");

const TEXT = "Alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa.";
const at = (words: string) => {
  const start = TEXT.toLowerCase().indexOf(words);
  if (start < 0) throw new Error(words);
  return { start, end: start + words.length };
};
const figure = (n: number) => ({ fatalities: { raw: String(n), low: n, best: n, high: n, qualifier: "exact" } });

describe.each(testEngines())("agreement on %s", (engine) => {
  let db: OpenDatabase;
  let owner: { id: string; name: string; email: string };
  let annotator: { id: string; name: string; email: string };
  let silent: { id: string; name: string; email: string };
  let outsider: { id: string; name: string; email: string };
  let projectId: string, docId: string, doc2Id: string;

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    owner = await makeUser("Owner");
    annotator = await makeUser("Annotator");
    silent = await makeUser("Silent");
    outsider = await makeUser("Outsider");
    projectId = (await makeProject(owner.id, "Agreement: test/ \"project\"")).id;
    await addMemberWithRole(owner.id, projectId, annotator.email, "annotator");
    await addMemberWithRole(owner.id, projectId, silent.email, "annotator");
    docId = (await makeDocument(owner.id, projectId, TEXT)).documentId;
    doc2Id = (await makeDocument(owner.id, projectId, `${TEXT} A second report.`)).documentId;
    const attack = (await claimTypeByKey(owner.id, projectId, "attack")).id;
    const claim = (userId: string, documentId: string, words: string, values?: object) =>
      createClaim(userId, projectId, { documentId, claimTypeId: attack, spans: [at(words)], ...(values ? { values } : {}) });
    // Owner: three claims. Annotator: the first exactly, the second on overlapping words, a third elsewhere.
    await claim(owner.id, docId, "alpha bravo", figure(10));
    await claim(owner.id, docId, "delta echo", figure(5));
    await claim(owner.id, docId, "india juliet");
    await claim(annotator.id, docId, "alpha bravo", figure(10));
    await claim(annotator.id, docId, "echo foxtrot", figure(7));
    await claim(annotator.id, docId, "mike november");
    // Deleted: it would match the owner's third claim exactly.
    const gone = await claim(annotator.id, docId, "india juliet");
    await deleteClaim(annotator.id, projectId, { claimId: gone.id, version: gone.version });
    // A second document: one owner claim, and an annotator assigned to it who tagged nothing.
    await claim(owner.id, doc2Id, "golf hotel");
    await (await getDb()).assignment.create({ data: { id: newId(), projectId, documentId: doc2Id, userId: silent.id, assignedById: owner.id } });
  });
  afterAll(async () => db?.close());

  it("computes span, label and field agreement on one document as by hand", async () => {
    const r = await agreementReport(owner.id, projectId, { documentId: docId });
    expect(r.comparable).toBe(true);
    const { overall, documents, types, matrix } = r.result;
    // Exact: 1 of 3 each -> F1 = 2·1/(3+3); overlap: 2 of 3 each -> F1 = 2·2/6.
    expect(overall.exact).toMatchObject({ matched: 1, onlyA: 2, onlyB: 2 });
    expect(overall.exact.f1).toBeCloseTo(1 / 3, 12);
    expect(overall.overlap).toMatchObject({ matched: 2, onlyA: 1, onlyB: 1 });
    expect(overall.overlap.f1).toBeCloseTo(2 / 3, 12);
    // Units (attack, attack) x2, (attack, none), (none, attack): D_o = 4/8, D_e = 2·6·2/(8·7), alpha = 1 - 7/6.
    expect(overall.labels.units).toBe(4);
    expect(overall.labels.alpha).toBeCloseTo(-1 / 6, 12);
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ documentId: docId, annotators: 2 });
    expect(types.map((t) => t.typeKey)).toEqual(["attack"]);
    // Fatalities on the two matched pairs: 10 = 10 agrees, 5 vs 7 does not.
    const fatalities = types[0].fields.find((f) => f.fieldKey === "fatalities")!;
    expect(fatalities).toMatchObject({ compared: 2, agreed: 1, ratio: 0.5, oneEmpty: 0 });
    expect([...matrix.annotators].sort()).toEqual([owner.id, annotator.id].sort());
    expect(matrix.f1[0][1]).toBeCloseTo(2 / 3, 12);
    expect(matrix.f1[1][0]).toBeCloseTo(2 / 3, 12);
    expect(matrix.f1[0][0]).toBeNull();
    expect(r.names[owner.id]).toBe(owner.name);
    expect(r.names[annotator.id]).toBe(annotator.name);
  });

  it("counts an assigned annotator without claims as silent", async () => {
    const r = await agreementReport(owner.id, projectId, { documentId: doc2Id });
    expect(r.result.documents[0]).toMatchObject({ documentId: doc2Id, annotators: 2 });
    const o = r.result.overall.overlap;
    expect([o.matched, o.onlyA + o.onlyB]).toEqual([0, 1]);
    expect(r.result.overall.overlap.f1).toBe(0);
    const whole = await agreementReport(owner.id, projectId);
    expect(whole.result.documents.map((d) => d.documentId).sort()).toEqual([docId, doc2Id].sort());
    expect(whole.result.matrix.annotators).toHaveLength(3);
    // Owner and annotator never shared doc2; the project figures sum both documents' counts.
    const w = whole.result.overall.overlap;
    expect([w.matched, w.onlyA + w.onlyB]).toEqual([2, 3]);
    expect(w.f1).toBeCloseTo(4 / 7, 12);
  });

  it("is for owners and editors only; others get forbidden or not found", async () => {
    expect((await failure(agreementReport(annotator.id, projectId))).code).toBe("forbidden");
    expect((await failure(agreementReport(outsider.id, projectId))).code).toBe("not_found");
    const foreign = (await makeProject(outsider.id)).id;
    expect((await failure(agreementReport(owner.id, foreign))).code).toBe("not_found");
    expect((await failure(agreementReport(owner.id, projectId, { documentId: (await makeDocument(outsider.id, foreign)).documentId }))).code).toBe("invalid");
    expect((await failure(agreementReport(owner.id, projectId, { typeKey: "no_such_type" }))).code).toBe("invalid");
  });

  it("filters by claim type", async () => {
    const none = await agreementReport(owner.id, projectId, { typeKey: "size_estimate" });
    expect(none.comparable).toBe(false);
    expect(none.result.documents).toEqual([]);
    const attack = await agreementReport(owner.id, projectId, { typeKey: "attack", documentId: docId });
    expect(attack.result.overall.overlap.f1).toBeCloseTo(2 / 3, 12);
  });

  const get = (table: string, project = projectId, query = "") =>
    GET(new NextRequest(`http://localhost/api/projects/${project}/agreement/${table}${query}`), { params: Promise.resolve({ projectId: project, table }) });

  it("serves each table as CSV whose rows read back as the report", async () => {
    session.user = owner;
    // A title a spreadsheet would run as a formula, with quotes, a comma, a line break, Arabic,
    // combining marks and emoji: read back with a standard parser, it is the title behind a quote.
    await db.prisma.document.update({ where: { id: docId }, data: { title: '=HYPERLINK("http://evil.example"), "the" report\r\nالعربية q\u0307 👨🏻‍🚒' } });
    const r = await agreementReport(owner.id, projectId, { documentId: docId });
    const neutralized = (cell: string | undefined) => (cell !== undefined && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
    const res = await get("documents", projectId, `?document=${docId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="agreement-documents-agreement-test-project.csv"');
    const docs = readCsv(await res.text());
    expect(docs[0].slice(0, 4)).toEqual(["document_id", "document_title", "annotators", "exact_matched"]);
    expect(docs).toHaveLength(2);
    const row = Object.fromEntries(docs[0].map((h, i) => [h, docs[1][i]]));
    expect(row.document_id).toBe(docId);
    // The title next to the id, as the report lists the document.
    expect(row.document_title).toBe(neutralized(r.documents.find((d) => d.id === docId)!.title));
    expect(row.document_title).toBe('\'=HYPERLINK("http://evil.example"), "the" report\r\nالعربية q\u0307 👨🏻‍🚒');
    expect(row.document_title).not.toBe("");
    expect(Number(row.overlap_f1)).toBe(r.result.documents[0].overlap.f1);
    expect(Number(row.exact_f1)).toBe(r.result.documents[0].exact.f1);
    expect(Number(row.label_alpha)).toBe(r.result.documents[0].labels.alpha);

    const matrix = readCsv(await (await get("matrix", projectId, `?document=${docId}`)).text());
    expect(matrix[0]).toEqual(["annotator", "annotator_name", ...r.result.matrix.annotators]);
    expect(matrix.slice(1).map((cells) => cells.slice(0, 2))).toEqual(r.result.matrix.annotators.map((id) => [id, r.names[id]]));
    expect(matrix.slice(1).map((cells) => cells.slice(0, 2)).find(([id]) => id === annotator.id)).toEqual([annotator.id, annotator.name]);
    expect(matrix.slice(1).map((cells) => cells.slice(2).map((c) => (c === "" ? null : Number(c))))).toEqual(r.result.matrix.f1);

    const fields = readCsv(await (await get("fields", projectId, `?document=${docId}`)).text());
    const fat = fields.find((c) => c[1] === "fatalities")!;
    expect(fat).toEqual(["attack", "fatalities", "quantity", "2", "1", "0.5", "0", "0"]);

    const pairs = readCsv(await (await get("pairs")).text());
    expect(pairs.length - 1).toBe((await agreementReport(owner.id, projectId)).pairs.length);
    expect(pairs[0].slice(0, 7)).toEqual(["document_id", "document_title", "annotator_a", "annotator_a_name", "annotator_b", "annotator_b_name", "type_key"]);
    const names = new Map([owner, annotator, silent].map((u) => [u.id, u.name]));
    const titles = new Map(r.documents.map((d) => [d.id, d.title]));
    for (const p of pairs.slice(1)) {
      expect(p[1]).toBe(neutralized(titles.get(p[0])));
      expect(p[3]).toBe(names.get(p[2]));
      expect(p[5]).toBe(names.get(p[4]));
    }
    expect((await get("types")).status).toBe(200);
  });

  it("answers 404 for a foreign project, a non-member or an unknown table, 403 for an annotator", async () => {
    session.user = owner;
    expect((await get("documents", (await makeProject(outsider.id)).id)).status).toBe(404);
    expect((await get("secrets")).status).toBe(404);
    session.user = outsider;
    expect((await get("documents")).status).toBe(404);
    session.user = annotator;
    expect((await get("matrix")).status).toBe(403);
    session.user = null;
    expect((await get("matrix")).status).toBe(401);
  });
});
