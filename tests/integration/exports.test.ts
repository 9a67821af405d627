/**
 * Ad hoc exports through the service the route streams: every format read back whole (CSV with a
 * standard parser in strict mode, every hostile cell exactly as stored; JSONL parsed; Web Annotation
 * quotes against the text; brat and Data Package zips opened, the Data Package checked with the
 * Frictionless validator), the job row's end state, blind mode, a non-member, and 20,000 claims
 * read in batches.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import JSZip from "jszip";
import { useTestDatabase, testEngines } from "../support/db";
import { addMemberWithRole, claimTypeByKey, makeProject, makeUser } from "../support/factories";
import type { OpenDatabase } from "@/lib/db/engine";
import { importDocument } from "@/lib/services/documents";
import { createClaim } from "@/lib/services/claims";
import { getExportJob, listExportJobs, startExport } from "@/lib/services/exports";
import { EXPORT_BATCH } from "@/lib/services/export-data";
import { readClaimsJsonl, readRecordsJsonl } from "@/lib/core/formats/jsonl";
import { CLAIM_COLUMNS } from "@/lib/core/formats/claims-csv";
import { newId } from "@/lib/ids";
import { confirmProposal } from "@/lib/services/records";
import { parseDate, parseQuantity } from "@/lib/core/values";
import { readCsv } from "../support/csv";
import { validateDataPackage } from "../support/datapackage";

const TEXT = "Kabul 🙂, 27 August 2021. A bombing at the airport killed at least 170 people, officials said.\nالعربية q\u0307 end.";

async function readAll(userId: string, projectId: string, format: string, params: Record<string, string> = {}) {
  const started = await startExport(userId, projectId, format, params, { origin: "https://attest.example" });
  const parts: Uint8Array[] = [];
  for await (const c of started.chunks) parts.push(c);
  return { ...started, bytes: Buffer.concat(parts) };
}

const cps = (s: string) => [...s];

// Text field values a spreadsheet or a sloppy parser would get wrong: formula starts (= + - @ tab
// CR), line breaks inside a cell, quotes and commas, emoji, combining marks, Arabic.
const HOSTILE_VALUES: Record<string, string>[] = [
  { target: '=HYPERLINK("http://evil.example","x")', weapon: "line one\r\nline two, \"quoted\"", campaign: "@SUM(A1) 👨🏻‍🚒 q\u0307 العربية، نص" },
  { target: "+1+2", weapon: "-2+3", campaign: "\tindented" },
  { target: "\rcarriage return first", weapon: "a\nb\rc", campaign: '"' },
];
const neutralized = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
function ok<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error("bad value");
  return r.value;
}

async function zipFiles(bytes: Uint8Array): Promise<Record<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const files: Record<string, Uint8Array> = {};
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) files[name] = await entry.async("uint8array");
  return files;
}

describe.each(testEngines())("ad hoc exports on %s", (engine) => {
  let db: OpenDatabase;
  let owner: { id: string }, annotator: { id: string }, outsider: { id: string };
  let projectId: string, docA: string, docB: string;
  let ownerClaims: string[] = [];
  let annotatorClaim: string;

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    owner = await makeUser("Owner");
    annotator = await makeUser("Annotator");
    outsider = await makeUser("Outsider");
    projectId = (await makeProject(owner.id, "Airport dataset")).id;
    const email = (await db.prisma.user.findUniqueOrThrow({ where: { id: annotator.id } })).email;
    await addMemberWithRole(owner.id, projectId, email, "annotator");
    const attack = await claimTypeByKey(owner.id, projectId, "attack");
    const meta = { metadata: { title: "Airport report", published: "2021-08-27" } };
    docA = (await importDocument(owner.id, projectId, { fileName: "a.txt", pastedText: TEXT }, meta)).documentId;
    docB = (await importDocument(owner.id, projectId, { fileName: "b.txt", pastedText: `=SUM(A1) ${TEXT}` }, meta)).documentId;
    const at = (doc: string, text: string, word: string) => {
      const start = cps(text.slice(0, text.indexOf(word))).length;
      return { documentId: doc, claimTypeId: attack.id, spans: [{ start, end: start + cps(word).length }] };
    };
    ownerClaims = [
      (await createClaim(owner.id, projectId, { ...at(docA, TEXT, "bombing at the airport"), note: "emoji before", values: HOSTILE_VALUES[0] })).id,
      (await createClaim(owner.id, projectId, { ...at(docA, TEXT, "العربية q\u0307"), values: HOSTILE_VALUES[1] })).id,
      (await createClaim(owner.id, projectId, { ...at(docB, `=SUM(A1) ${TEXT}`, "=SUM(A1)"), values: HOSTILE_VALUES[2] })).id,
    ];
    annotatorClaim = (await createClaim(annotator.id, projectId, { ...at(docB, `=SUM(A1) ${TEXT}`, "170 people"), note: "mine" })).id;
  });
  afterAll(async () => db?.close());

  it("claims CSV reads back with a standard parser, every cell as stored, formula cells neutralized, and the job ends done with its count", async () => {
    const out = await readAll(owner.id, projectId, "claims-csv");
    expect(out.contentType).toMatch(/^text\/csv/);
    expect(out.fileName).toMatch(/^airport-dataset-claims-csv-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = readCsv(out.bytes);
    expect(rows[0].slice(0, CLAIM_COLUMNS.length)).toEqual([...CLAIM_COLUMNS]);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual([...ownerClaims, annotatorClaim].sort());
    const byId = new Map(rows.slice(1).map((r) => [r[0], Object.fromEntries(rows[0].map((h, i) => [h, r[i]]))]));
    expect(byId.get(ownerClaims[2])!.quote).toBe("'=SUM(A1)");
    expect(byId.get(ownerClaims[1])!.quote).toBe("العربية q\u0307");
    expect(byId.get(ownerClaims[0])!.prefix).toBe("Kabul 🙂, 27 August 2021. A ");
    expect(byId.get(annotatorClaim)!.prefix.startsWith("'")).toBe(false);
    ownerClaims.forEach((id, i) => {
      const row = byId.get(id)!;
      for (const [key, value] of Object.entries(HOSTILE_VALUES[i])) expect(row[key], `${key} of claim ${i}`).toBe(neutralized(value));
    });
    const job = await getExportJob(owner.id, projectId, { jobId: out.jobId });
    expect(job).toMatchObject({ status: "done", rows: 4, bytes: out.bytes.length, format: "claims-csv" });
  });

  it("applies the claims page's filter (document, status, author) and keeps it on the job for running again", async () => {
    const out = await readAll(owner.id, projectId, "claims-jsonl", { document: docB, author: annotator.id, sort: "oldest", page: "3" });
    const read = readClaimsJsonl(out.bytes.toString("utf8"));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.items.map((c) => c.id)).toEqual([annotatorClaim]);
    expect(read.items[0].note).toBe("mine");
    const [latest] = await listExportJobs(owner.id, projectId);
    expect(latest.id).toBe(out.jobId);
    // Sort and page are not part of an export; the filter is.
    expect(latest.href).toBe(`/api/projects/${projectId}/exports/claims-jsonl?author=${annotator.id}&document=${docB}`);
    const none = await readAll(owner.id, projectId, "claims-jsonl", { status: "approved" });
    expect(none.bytes.length).toBe(0);
  });

  it("Web Annotation: every exact equals the document text between start and end (code points)", async () => {
    const out = await readAll(owner.id, projectId, "web-annotation");
    const doc = JSON.parse(out.bytes.toString("utf8")) as Record<string, unknown>[];
    expect(doc[0]).toMatchObject({ type: "AnnotationCollection", total: 4 });
    const texts: Record<string, string> = { [docA]: TEXT, [docB]: `=SUM(A1) ${TEXT}` };
    const annotations = doc.slice(1).flatMap((p) => p.items as Record<string, unknown>[]);
    expect(annotations).toHaveLength(4);
    for (const a of annotations) {
      for (const t of a.target as { source: string; selector: { type: string; exact?: string; start?: number; end?: number }[] }[]) {
        const documentId = decodeURIComponent(t.source.split("/").pop()!);
        const quote = t.selector.find((s) => s.type === "TextQuoteSelector")!;
        const pos = t.selector.find((s) => s.type === "TextPositionSelector")!;
        expect(quote.exact).toBe(cps(texts[documentId]).slice(pos.start, pos.end).join(""));
      }
    }
    expect(String(annotations[0].id)).toMatch(new RegExp(`^https://attest\\.example/projects/${projectId}/exports/${out.jobId}/annotations/`));
  });

  it("brat: a zip with annotation.conf and a .txt and .ann per document", async () => {
    const out = await readAll(owner.id, projectId, "brat");
    const zip = await JSZip.loadAsync(out.bytes, { checkCRC32: true });
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(["airport-report-2.ann", "airport-report-2.txt", "airport-report.ann", "airport-report.txt", "annotation.conf"]);
    expect(await zip.file("airport-report.txt")!.async("string")).toBe(TEXT);
    const ann = await zip.file("airport-report.ann")!.async("string");
    expect(ann).toContain("T1\tattack ");
    expect(ann.split("\n").filter((l) => l.startsWith("T"))).toHaveLength(2);
    expect(await zip.file("annotation.conf")!.async("string")).toMatch(/^\[entities\]\n(.*\n)*attack\n/);
  });

  it("Data Package: a valid tabular data package under the Frictionless validator, its CSVs as the claims", async () => {
    const out = await readAll(owner.id, projectId, "datapackage");
    const files = await zipFiles(out.bytes);
    expect(Object.keys(files).sort()).toEqual(["LICENSE.txt", "data/claims.csv", "data/records.csv", "data/sources.csv", "datapackage.json"]);
    const { errors, rows } = await validateDataPackage(files);
    expect(errors).toEqual([]);
    const pkg = JSON.parse(Buffer.from(files["datapackage.json"]).toString("utf8")) as {
      profile: string; licenses: { path?: string }[];
      resources: { name: string; path: string; schema: { fields: { name: string; type: string; description?: string }[] } }[];
    };
    expect(pkg.profile).toBe("tabular-data-package");
    expect(files[pkg.licenses[0].path!]).toBeDefined();
    expect(pkg.resources.map((r) => r.name)).toEqual(["records", "claims", "sources"]);
    const claims = pkg.resources.find((r) => r.name === "claims")!;
    expect(claims.schema.fields.find((f) => f.name === "start")!.type).toBe("integer");
    // Own fields are described from the claim type.
    expect(claims.schema.fields.slice(CLAIM_COLUMNS.length).every((f) => (f.description ?? "").startsWith("Attack") || (f.description ?? "").includes(":"))).toBe(true);
    // The validator's cast rows: offsets as integers, hostile text exactly as stored (neutralized).
    const names = claims.schema.fields.map((f) => f.name);
    const claimRows = new Map(rows.claims.map((r) => [r[0], Object.fromEntries(names.map((n, i) => [n, r[i]]))]));
    expect(claimRows.size).toBe(4);
    expect(typeof claimRows.get(ownerClaims[0])!.start).toBe("number");
    for (const [key, value] of Object.entries(HOSTILE_VALUES[0])) expect(claimRows.get(ownerClaims[0])![key]).toBe(neutralized(value));
    const sources = readCsv(files["data/sources.csv"]);
    expect(sources.slice(1).map((r) => r[0]).sort()).toEqual([docA, docB].sort());
    expect(sources.find((r) => r[0] === docA)![5]).toBe(String(cps(TEXT).length));
  });

  it("records JSONL and CSV stream (no records yet: an empty file and a header row)", async () => {
    const jsonl = await readAll(owner.id, projectId, "records-jsonl");
    expect(readRecordsJsonl(jsonl.bytes.toString("utf8"))).toEqual({ ok: true, items: [] });
    const csv = readCsv((await readAll(owner.id, projectId, "records-csv", { country: "AFG" })).bytes);
    expect(csv).toHaveLength(1);
    expect(csv[0][0]).toBe("id");
  });

  it("with a record: the records CSV reads back as the record, and the records page's Data Package validates", async () => {
    const attack = await claimTypeByKey(owner.id, projectId, "attack");
    const start = cps(TEXT.slice(0, TEXT.indexOf("A bombing"))).length;
    const values = { ...HOSTILE_VALUES[0], date: ok(parseDate("27 August 2021")), location: { raw: "Kabul airport, \"gate\"", country: "AFG" }, fatalities: ok(parseQuantity("at least 170")) };
    const evidence = await createClaim(owner.id, projectId, { documentId: docA, claimTypeId: attack.id, spans: [{ start, end: start + cps("A bombing at the airport killed at least 170 people").length }], values });
    await db.prisma.claim.update({ where: { id: evidence.id }, data: { status: "approved" } });
    const recordId = (await confirmProposal(owner.id, projectId, { claimIds: [evidence.id] })).id;
    const csv = readCsv((await readAll(owner.id, projectId, "records-csv", { country: "AFG" })).bytes);
    expect(csv).toHaveLength(2);
    const row = Object.fromEntries(csv[0].map((h, i) => [h, csv[1][i]]));
    expect(row).toMatchObject({
      id: recordId, type: "attack", date_start: "2021-08-27", date_end: "2021-08-27", country: "AFG", location: 'Kabul airport, "gate"',
      low: "170", number_of_sources: "1", source_documents: docA,
    });
    for (const [key, value] of Object.entries(HOSTILE_VALUES[0])) expect(row[key]).toBe(neutralized(value));

    const { errors, rows } = await validateDataPackage(await zipFiles((await readAll(owner.id, projectId, "datapackage", { scope: "records" })).bytes));
    expect(errors).toEqual([]);
    expect(rows.records.map((r) => r[0])).toEqual([recordId]);
  });

  it("a blind annotator's export holds only their own claims", async () => {
    await db.prisma.project.update({ where: { id: projectId }, data: { annotationMode: "blind" } });
    try {
      const out = await readAll(annotator.id, projectId, "claims-jsonl");
      const read = readClaimsJsonl(out.bytes.toString("utf8"));
      expect(read.ok && read.items.map((c) => c.id)).toEqual([annotatorClaim]);
      const brat = await JSZip.loadAsync((await readAll(annotator.id, projectId, "brat")).bytes);
      expect(await brat.file("airport-report.ann")!.async("string")).toBe("");
      // The owner's jobs are not the annotator's to see.
      const [ownerJob] = await listExportJobs(owner.id, projectId);
      await expect(getExportJob(annotator.id, projectId, { jobId: ownerJob.id })).rejects.toMatchObject({ code: "not_found" });
    } finally {
      await db.prisma.project.update({ where: { id: projectId }, data: { annotationMode: "open" } });
    }
  });

  it("refuses a non-member and an unknown format as not found, and a bad filter as invalid", async () => {
    await expect(startExport(outsider.id, projectId, "claims-csv", {})).rejects.toMatchObject({ code: "not_found" });
    await expect(listExportJobs(outsider.id, projectId)).rejects.toMatchObject({ code: "not_found" });
    await expect(startExport(owner.id, projectId, "xlsx", {})).rejects.toMatchObject({ code: "not_found" });
    await expect(startExport(owner.id, projectId, "claims-csv", { status: "nonsense" })).rejects.toMatchObject({ code: "invalid" });
  });

  it("marks a download stopped part-way as failed", async () => {
    const started = await startExport(owner.id, projectId, "claims-csv", {});
    await started.chunks.next();
    await started.chunks.return(undefined);
    expect(await getExportJob(owner.id, projectId, { jobId: started.jobId })).toMatchObject({ status: "failed", error: "The download was interrupted." });
  });

  it("exports 20,000 claims read in batches, with progress on the job while it streams", async () => {
    const big = (await makeProject(owner.id, "Big")).id;
    const attack = await claimTypeByKey(owner.id, big, "attack");
    const doc = (await importDocument(owner.id, big, { fileName: "big.txt", pastedText: TEXT }, { metadata: { title: "Big" } })).documentId;
    const N = 20_000;
    for (let i = 0; i < N; i += 5000) {
      await db.prisma.claim.createMany({
        data: Array.from({ length: 5000 }, (_, j) => ({
          id: newId(), projectId: big, documentId: doc, claimTypeId: attack.id, claimTypeVersion: attack.currentVersion, seq: i + j + 1,
          values: {}, status: "draft" as const, authorId: owner.id,
        })),
      });
    }
    await db.prisma.document.update({ where: { id: doc }, data: { claimSeq: N } });
    // A page of claims is one query, through the client's findMany or as one raw query: count both.
    const viaClient = vi.spyOn(db.prisma.claim, "findMany");
    const viaSql = vi.spyOn(db.prisma, "$queryRaw");
    const pages = () => viaClient.mock.calls.length + viaSql.mock.calls.length;
    try {
      const started = await startExport(owner.id, big, "claims-jsonl", {});
      let lines = 0;
      let sawProgress = false;
      let halfWay = false;
      for await (const chunk of started.chunks) {
        lines += Buffer.from(chunk).toString("utf8").split("\n").length - 1;
        // Half-way (in the chunk that passes it), the first batches are read and the rest are not yet.
        if (!halfWay && lines >= N / 2) {
          halfWay = true;
          const calls = pages();
          expect(calls).toBeGreaterThanOrEqual(N / 2 / EXPORT_BATCH);
          expect(calls).toBeLessThan(N / EXPORT_BATCH);
          const job = await getExportJob(owner.id, big, { jobId: started.jobId });
          sawProgress = job.status === "running" && job.rows > 0 && job.rows <= lines;
        }
      }
      expect(halfWay).toBe(true);
      expect(lines).toBe(N);
      expect(sawProgress).toBe(true);
      expect(pages()).toBe(Math.ceil((N + 1) / EXPORT_BATCH));
      expect(await getExportJob(owner.id, big, { jobId: started.jobId })).toMatchObject({ status: "done", rows: N });
    } finally {
      viaClient.mockRestore();
      viaSql.mockRestore();
    }
    // A generous limit for slow machines; nothing is asserted about time.
  }, 180_000);
});
