/**
 * Annotation imports against a real database: the brat tutorial sample imported as claims exports
 * back to the same annotations; imported as suggestions, they are accepted one by one and in bulk,
 * or rejected; a Web Annotation whose position moved is re-anchored by its quote and one whose quote
 * is nowhere is reported by id; a claims JSONL file round-trips; invalid values are reported and not
 * stored; only owners and editors import; foreign ids are not found; an oversized file writes nothing.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { addMemberWithRole, makeProject, makeUser } from "../support/factories";
import { codeOf } from "../support/errors";
import { conformanceRoot } from "../support/conformance";
import type { OpenDatabase } from "@/lib/db/engine";
import { importDocument } from "@/lib/services/documents";
import { createClaimType } from "@/lib/services/claim-types";
import { acceptSuggestions, importAnnotations, listSuggestions, MAX_IMPORT_BYTES, rejectSuggestions } from "@/lib/services/annotation-import";
import { annotationKeys, parseAnn } from "@/lib/core/formats/brat-ann";
import { claimsToAnn } from "@/lib/core/formats/brat";
import { claimsJsonl } from "@/lib/core/formats/jsonl";
import type { ExportClaim, ExportClaimType } from "@/lib/core/formats/types";
import type { ClaimTypeDefinition } from "@/lib/core/claim-types";

const BRAT_DIR = path.join(conformanceRoot(), "brat");
const sample = (name: string, ext: "txt" | "ann") => readFileSync(path.join(BRAT_DIR, `${name}.${ext}`), "utf8");

const PERSON: ClaimTypeDefinition = {
  key: "person", name: "Person", color: "#aa3355",
  fields: [
    { key: "role", label: "Role", kind: "enum", required: false, options: [{ value: "founder", label: "Founder" }, { value: "other", label: "Other" }] },
    { key: "remark", label: "Remark", kind: "text", required: false },
  ],
};
const ORGANIZATION: ClaimTypeDefinition = { key: "organization", name: "Organization", color: "#3355aa", fields: [] };
const GPE: ClaimTypeDefinition = { key: "gpe", name: "GPE", color: "#33aa55", fields: [] };

const drain = async (gen: AsyncIterable<string>) => {
  let s = "";
  for await (const chunk of gen) s += chunk;
  return s;
};

describe.each(testEngines())("annotation import on %s", (engine) => {
  let db: OpenDatabase;
  let owner: { id: string }, editor: { id: string; email: string }, annotator: { id: string; email: string }, stranger: { id: string };
  let projectId: string, otherProjectId: string, foreignDoc: string;
  const types: ExportClaimType[] = [];

  const addDoc = async (userId: string, pid: string, text: string) =>
    (await importDocument(userId, pid, { fileName: "sample.txt", pastedText: text }, { metadata: { title: "Sample" } })).documentId;

  /** The document's live claims as the export formats read them. */
  async function exported(documentId: string): Promise<ExportClaim[]> {
    const rows = await db.prisma.claim.findMany({
      where: { documentId, deletedAt: null }, orderBy: { seq: "asc" },
      select: {
        id: true, documentId: true, seq: true, status: true, values: true, note: true, version: true, createdAt: true, updatedAt: true,
        claimTypeVersion: true, claimType: { select: { key: true } }, author: { select: { email: true } },
        spans: { select: { start: true, end: true, exact: true, prefix: true, suffix: true }, orderBy: { ordinal: "asc" } },
      },
    });
    return rows.map((r) => ({
      id: r.id, documentId: r.documentId, typeKey: r.claimType.key, typeVersion: r.claimTypeVersion, seq: r.seq, status: r.status,
      author: r.author.email, values: r.values as Record<string, unknown>, note: r.note, spans: r.spans, version: r.version,
      createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
    }));
  }

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    owner = await makeUser("Owner");
    editor = await makeUser("Editor");
    annotator = await makeUser("Annotator");
    stranger = await makeUser("Stranger");
    projectId = (await makeProject(owner.id)).id;
    await addMemberWithRole(owner.id, projectId, editor.email, "editor");
    await addMemberWithRole(owner.id, projectId, annotator.email, "annotator");
    for (const def of [PERSON, ORGANIZATION, GPE]) types.push({ id: (await createClaimType(owner.id, projectId, def)).id, definition: def, version: 1 });
    otherProjectId = (await makeProject(stranger.id)).id;
    foreignDoc = await addDoc(stranger.id, otherProjectId, "A document of another project.");
  });
  afterAll(async () => db?.close());

  it("imports the brat sample as claims and exports the same T annotations", async () => {
    const txt = sample("040-text_span_annotation", "txt");
    const documentId = await addDoc(editor.id, projectId, txt);
    const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: documentId }, select: { text: true } });
    expect(doc.text).toBe(txt);
    const ann = sample("040-text_span_annotation", "ann");
    const report = await importAnnotations(editor.id, projectId, { documentId, format: "brat", content: ann, fileName: "040.ann", as: "claims" });
    expect(report).toMatchObject({ created: 4, suggested: 0, unresolved: [], unknownTypes: [] });
    const claims = await exported(documentId);
    expect(claims.every((c) => c.status === "draft" && c.author === editor.email)).toBe(true);
    const written = claimsToAnn({ id: documentId, name: "040", title: "Sample", text: txt }, claims, types);
    // brat type names are matched without regard to case; our export writes the type's key.
    const lowerTypes = (keys: string[]) => keys.map((k) => k.replace(/^T (\S+)/, (_, t: string) => `T ${t.toLowerCase()}`));
    expect(annotationKeys(parseAnn(written, txt))).toEqual(lowerTypes(annotationKeys(parseAnn(ann, txt))));
  });

  it("imports brat as suggestions, reporting unknown types and unsupported lines; accept one, reject one, accept the rest", async () => {
    const txt = sample("110-note_annotation", "txt");
    const documentId = await addDoc(owner.id, projectId, txt);
    const report = await importAnnotations(owner.id, projectId, { documentId, format: "brat", content: sample("110-note_annotation", "ann"), fileName: "110.ann", as: "suggestions" });
    // 14 T lines, two of them of the event type Merge-org, which the project does not have.
    expect(report.suggested).toBe(12);
    expect(report.created).toBe(0);
    expect(report.unknownTypes).toEqual(["Merge-org"]);
    expect(report.unresolved.map((u) => u.id)).toEqual(expect.arrayContaining(["T5", "T12", "E1", "E2", "R1", "R2", "#2", "#3"]));
    expect(await db.prisma.claim.count({ where: { documentId } })).toBe(0);

    let pending = await listSuggestions(annotator.id, projectId, { documentId });
    expect(pending).toHaveLength(12);
    const first = pending[0]!;
    expect(first.spans[0]).toMatchObject({ start: 412, end: 421, exact: "Discworld" });
    expect(first.note).toBe("Should fictional places be annotated?");
    expect(first.source).toEqual({ format: "brat", fileName: "110.ann", annotationId: "T1" });

    const one = await acceptSuggestions(annotator.id, projectId, { documentId, suggestions: [{ suggestionId: first.id, version: first.version }] });
    expect(one).toEqual({ decided: 1, failed: [] });
    const [claim] = await exported(documentId);
    expect(claim).toMatchObject({ typeKey: "gpe", status: "draft", author: annotator.email, note: "Should fictional places be annotated?" });
    expect(claim!.spans[0]).toMatchObject({ start: 412, end: 421, exact: "Discworld" });
    const stored = await db.prisma.suggestion.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored).toMatchObject({ status: "accepted", decidedById: annotator.id, acceptedClaimId: claim!.id, version: 2 });
    // Deciding again on what was read before is a conflict, and writes nothing.
    expect(await codeOf(acceptSuggestions(owner.id, projectId, { documentId, suggestions: [{ suggestionId: first.id, version: first.version }] }))).toBe("conflict");

    pending = await listSuggestions(annotator.id, projectId, { documentId });
    expect(pending).toHaveLength(11);
    const second = pending[0]!;
    expect(await rejectSuggestions(annotator.id, projectId, { documentId, suggestions: [{ suggestionId: second.id, version: second.version }] })).toEqual({ decided: 1, failed: [] });
    expect(await db.prisma.suggestion.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "rejected", acceptedClaimId: null });

    const bulk = await acceptSuggestions(editor.id, projectId, { documentId });
    expect(bulk).toEqual({ decided: 10, failed: [] });
    expect(await listSuggestions(annotator.id, projectId, { documentId })).toEqual([]);
    const claims = await exported(documentId);
    expect(claims).toHaveLength(11);
    expect(claims.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const events = await db.prisma.auditEvent.count({ where: { projectId, action: "suggestion.accept" } });
    expect(events).toBe(11);
  });

  it("rejects every pending suggestion at once", async () => {
    const txt = sample("040-text_span_annotation", "txt").replace("California", "Californie");
    const documentId = await addDoc(owner.id, projectId, txt);
    const ann = "T1\tPerson 206 216\tLarry Page\nT2\tPerson 221 232\tSergey Brin\n";
    expect((await importAnnotations(owner.id, projectId, { documentId, format: "brat", content: ann, as: "suggestions" })).suggested).toBe(2);
    expect(await rejectSuggestions(annotator.id, projectId, { documentId })).toEqual({ decided: 2, failed: [] });
    expect(await listSuggestions(owner.id, projectId, { documentId })).toEqual([]);
    expect(await db.prisma.claim.count({ where: { documentId } })).toBe(0);
  });

  it("re-anchors a Web Annotation whose position moved, by quote and context, and reports an unresolvable one by id", async () => {
    const text = "Preface added later. The minister met Ada Lovelace in London, and later met Ada Lovelace again in Paris.";
    const documentId = await addDoc(owner.id, projectId, text);
    const target = (start: number, exact: string, prefix: string, suffix: string) => ({
      source: "urn:doc",
      selector: [
        { type: "TextPositionSelector", start, end: start + exact.length },
        { type: "TextQuoteSelector", exact, prefix, suffix },
      ],
    });
    const content = JSON.stringify([
      // Written before the preface (21 characters) was added: the position points elsewhere now; the suffix picks Paris.
      { id: "urn:a1", type: "Annotation", body: { type: "TextualBody", purpose: "tagging", value: "Person" }, target: target(76 - 21, "Ada Lovelace", "later met ", " again in Paris") },
      { id: "urn:a2", type: "Annotation", body: { type: "TextualBody", purpose: "tagging", value: "Person" }, target: target(0, "Charles Babbage", "", "") },
      { id: "urn:a3", type: "Annotation", body: { type: "TextualBody", purpose: "tagging", value: "Ship" }, target: target(0, "Preface", "", " added") },
    ]);
    const report = await importAnnotations(editor.id, projectId, { documentId, format: "web-annotation", content, as: "claims" });
    expect(report.created).toBe(1);
    expect(report.unresolved.map((u) => u.id).sort()).toEqual(["urn:a2", "urn:a3"]);
    expect(report.unresolved.find((u) => u.id === "urn:a2")!.reason).toContain("Charles Babbage");
    expect(report.unknownTypes).toEqual(["Ship"]);
    const [claim] = await exported(documentId);
    expect(claim!.spans[0]).toMatchObject({ start: 76, end: 88, exact: "Ada Lovelace" });
  });

  it("round-trips claims through the claims JSONL into another project's copy of the document", async () => {
    const text = "Alice Moreau founded the cooperative in Lyon; Bruno Diaz, a member, disputed it.";
    const source = await addDoc(owner.id, projectId, text);
    const content = [
      JSON.stringify({ id: "w1", type: "Annotation", body: [
        { type: "TextualBody", format: "application/json", value: JSON.stringify({ claimType: "person", values: { role: "founder", remark: "named in the lead" } }) },
        { type: "TextualBody", purpose: "commenting", value: "check the spelling" },
      ], target: { source: "urn:x", selector: { type: "TextQuoteSelector", exact: "Alice Moreau", prefix: "", suffix: " founded" } } }),
    ].join("");
    expect((await importAnnotations(owner.id, projectId, { documentId: source, format: "web-annotation", content: `[${content}]`, as: "claims" })).created).toBe(1);
    await importAnnotations(owner.id, projectId, { documentId: source, format: "brat", content: "T1\tGPE 40 44\tLyon\n", as: "claims" });
    const before = await exported(source);
    expect(before).toHaveLength(2);
    const jsonl = await drain(claimsJsonl(before));

    // Another project with the same types and the same text.
    const pid = (await makeProject(owner.id, "Copy")).id;
    for (const def of [PERSON, ORGANIZATION, GPE]) await createClaimType(owner.id, pid, def);
    const copy = await addDoc(owner.id, pid, text);
    const report = await importAnnotations(owner.id, pid, { documentId: copy, format: "jsonl", content: jsonl, fileName: "claims.jsonl", as: "claims" });
    expect(report).toMatchObject({ created: 2, unresolved: [], unknownTypes: [] });
    const after = await exported(copy);
    const essence = (cs: ExportClaim[]) => cs.map(({ typeKey, typeVersion, values, note, spans, seq }) => ({ typeKey, typeVersion, values, note, spans, seq }));
    expect(essence(after)).toEqual(essence(before));
    expect(after[0]!.values).toEqual({ role: "founder", remark: "named in the lead" });
    expect(after[0]!.note).toBe("check the spelling");
  });

  it("reports an annotation whose values the claim type refuses, and stores none of it", async () => {
    const text = "Carla Nunes spoke for the union in Porto.";
    const documentId = await addDoc(owner.id, projectId, text);
    const line = (id: string, values: Record<string, unknown>, start: number, exact: string) => JSON.stringify({
      id, documentId: "elsewhere", typeKey: "person", typeVersion: 1, seq: 1, status: "draft", author: "x@example.org", values, note: "",
      spans: [{ start, end: start + exact.length, exact, prefix: "", suffix: "" }], version: 1, createdAt: "2024-01-01T00:00:00.000Z", updatedAt: "2024-01-01T00:00:00.000Z",
    });
    const content = `${line("good", { role: "other" }, 0, "Carla Nunes")}\n${line("bad", { role: "emperor" }, 0, "Carla Nunes")}\n`;
    const report = await importAnnotations(owner.id, projectId, { documentId, format: "jsonl", content, as: "suggestions" });
    expect(report.suggested).toBe(1);
    expect(report.unresolved).toHaveLength(1);
    expect(report.unresolved[0]!.id).toBe("bad");
    expect(report.unresolved[0]!.reason).toMatch(/Role/);
    const pending = await listSuggestions(owner.id, projectId, { documentId });
    expect(pending.map((s) => s.values)).toEqual([{ role: "other" }]);
  });

  it("lets only owners and editors import; annotators and viewers may not, strangers and foreign ids find nothing", async () => {
    const documentId = await addDoc(owner.id, projectId, "Dora Kim visited Seoul.");
    const input = { documentId, format: "brat", content: "T1\tPerson 0 8\tDora Kim\n", as: "suggestions" };
    expect(await codeOf(importAnnotations(annotator.id, projectId, input))).toBe("forbidden");
    expect(await codeOf(importAnnotations(stranger.id, projectId, input))).toBe("not_found");
    expect(await codeOf(importAnnotations(owner.id, projectId, { ...input, documentId: foreignDoc }))).toBe("not_found");
    expect(await codeOf(listSuggestions(owner.id, projectId, { documentId: foreignDoc }))).toBe("not_found");
    expect(await codeOf(acceptSuggestions(stranger.id, projectId, { documentId }))).toBe("not_found");
    expect((await importAnnotations(editor.id, projectId, input)).suggested).toBe(1);
    const [s] = await listSuggestions(owner.id, projectId, { documentId });
    // A suggestion of this project named under another project's document is not found.
    expect(await codeOf(acceptSuggestions(stranger.id, otherProjectId, { documentId: foreignDoc, suggestions: [{ suggestionId: s!.id, version: 1 }] }))).toBe("not_found");
    expect(await db.prisma.suggestion.count({ where: { documentId, status: "pending" } })).toBe(1);
  });

  it("refuses a file over the size limit with a clear error and writes nothing", async () => {
    const documentId = await addDoc(owner.id, projectId, "Emil Roth left Berlin.");
    const line = "T1\tPerson 0 9\tEmil Roth\n";
    const content = line.repeat(Math.ceil((MAX_IMPORT_BYTES + 1) / line.length));
    const err = await importAnnotations(owner.id, projectId, { documentId, format: "brat", content, as: "suggestions" }).catch((e: Error & { code: string }) => e);
    expect((err as { code: string }).code).toBe("too_large");
    expect((err as Error).message).toMatch(/larger than 1\.5 MB/);
    expect(await db.prisma.suggestion.count({ where: { documentId } })).toBe(0);
    expect(await db.prisma.claim.count({ where: { documentId } })).toBe(0);
  });

  it("refuses a file that is not of the chosen format, writing nothing", async () => {
    const documentId = await addDoc(owner.id, projectId, "Farah Ali met Omar in Cairo.");
    expect(await codeOf(importAnnotations(owner.id, projectId, { documentId, format: "web-annotation", content: "T1\tPerson 0 9\tFarah Ali", as: "claims" }))).toBe("invalid");
    expect(await codeOf(importAnnotations(owner.id, projectId, { documentId, format: "jsonl", content: "{}\n", as: "claims" }))).toBe("invalid");
    expect(await db.prisma.claim.count({ where: { documentId } })).toBe(0);
  });
});
