/**
 * Ad hoc exports through the service the route streams: every format read back whole (CSV with a
 * strict reader, JSONL parsed, Web Annotation quotes against the text, brat and Data Package zips
 * opened), the job row's end state, blind mode, a non-member, and 20,000 claims read in batches.
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
import { readCsv } from "../support/csv";

const TEXT = "Kabul 🙂, 27 August 2021. A bombing at the airport killed at least 170 people, officials said.\nالعربية q\u0307 end.";

async function readAll(userId: string, projectId: string, format: string, params: Record<string, string> = {}) {
  const started = await startExport(userId, projectId, format, params, { origin: "https://attest.example" });
  const parts: Uint8Array[] = [];
  for await (const c of started.chunks) parts.push(c);
  return { ...started, bytes: Buffer.concat(parts) };
}

const cps = (s: string) => [...s];

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
      (await createClaim(owner.id, projectId, { ...at(docA, TEXT, "bombing at the airport"), note: "emoji before" })).id,
      (await createClaim(owner.id, projectId, at(docA, TEXT, "العربية q\u0307"))).id,
      (await createClaim(owner.id, projectId, at(docB, `=SUM(A1) ${TEXT}`, "=SUM(A1)"))).id,
    ];
    annotatorClaim = (await createClaim(annotator.id, projectId, { ...at(docB, `=SUM(A1) ${TEXT}`, "170 people"), note: "mine" })).id;
  });
  afterAll(async () => db?.close());

  it("claims CSV reads back with a strict reader, formula cells neutralized, and the job ends done with its count", async () => {
    const out = await readAll(owner.id, projectId, "claims-csv");
    expect(out.contentType).toMatch(/^text\/csv/);
    expect(out.fileName).toMatch(/^airport-dataset-claims-csv-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = readCsv(out.bytes.toString("utf8"));
    expect(rows[0].slice(0, CLAIM_COLUMNS.length)).toEqual([...CLAIM_COLUMNS]);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual([...ownerClaims, annotatorClaim].sort());
    const formula = rows.find((r) => r[0] === ownerClaims[2])!;
    expect(formula[CLAIM_COLUMNS.indexOf("quote")]).toBe("'=SUM(A1)");
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

  it("Data Package: datapackage.json's resources and schemas match the CSVs in the zip", async () => {
    const out = await readAll(owner.id, projectId, "datapackage");
    const zip = await JSZip.loadAsync(out.bytes, { checkCRC32: true });
    const pkg = JSON.parse(await zip.file("datapackage.json")!.async("string")) as {
      name: string; profile: string; licenses: { path?: string; name?: string; title: string }[];
      resources: { name: string; path: string; profile: string; schema: { fields: { name: string; type: string; description?: string }[]; primaryKey: string[] } }[];
    };
    // No Frictionless validator is installed: the spec's basic rules are checked here by hand.
    expect(pkg.name).toMatch(/^[a-z0-9._-]+$/);
    expect(pkg.profile).toBe("tabular-data-package");
    expect(pkg.licenses[0].path && zip.file(pkg.licenses[0].path)).toBeTruthy();
    expect(pkg.resources.map((r) => r.name)).toEqual(["records", "claims", "sources"]);
    const TYPES = ["string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any"];
    for (const r of pkg.resources) {
      expect(r.name).toMatch(/^[a-z0-9._-]+$/);
      const file = zip.file(r.path);
      expect(file, r.path).toBeTruthy();
      const rows = readCsv(await file!.async("string"));
      expect(rows[0]).toEqual(r.schema.fields.map((f) => f.name));
      for (const f of r.schema.fields) expect(TYPES).toContain(f.type);
      expect(r.schema.fields.map((f) => f.name)).toEqual(expect.arrayContaining(r.schema.primaryKey));
      for (const row of rows.slice(1)) {
        r.schema.fields.forEach((f, i) => {
          if (row[i] === "") return;
          if (f.type === "integer") expect(row[i]).toMatch(/^-?\d+$/);
          if (f.type === "number") expect(Number.isFinite(Number(row[i]))).toBe(true);
          if (f.type === "date") expect(row[i]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        });
      }
    }
    const claims = pkg.resources.find((r) => r.name === "claims")!;
    expect(claims.schema.fields.find((f) => f.name === "start")!.type).toBe("integer");
    // Own fields are described from the claim type.
    expect(claims.schema.fields.slice(CLAIM_COLUMNS.length).every((f) => (f.description ?? "").startsWith("Attack") || (f.description ?? "").includes(":"))).toBe(true);
    const sources = readCsv(await zip.file("data/sources.csv")!.async("string"));
    expect(sources.slice(1).map((r) => r[0]).sort()).toEqual([docA, docB].sort());
    expect(sources.find((r) => r[0] === docA)![5]).toBe(String(cps(TEXT).length));
  });

  it("records JSONL and CSV stream (no records yet: an empty file and a header row)", async () => {
    const jsonl = await readAll(owner.id, projectId, "records-jsonl");
    expect(readRecordsJsonl(jsonl.bytes.toString("utf8"))).toEqual({ ok: true, items: [] });
    const csv = readCsv((await readAll(owner.id, projectId, "records-csv", { country: "AFG" })).bytes.toString("utf8"));
    expect(csv).toHaveLength(1);
    expect(csv[0][0]).toBe("id");
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
    const batches = vi.spyOn(db.prisma.claim, "findMany");
    try {
      const started = await startExport(owner.id, big, "claims-jsonl", {});
      let lines = 0;
      let sawProgress = false;
      for await (const chunk of started.chunks) {
        lines += Buffer.from(chunk).toString("utf8").split("\n").length - 1;
        // Half-way, the first batches are read and the rest are not yet.
        if (lines === N / 2) {
          const calls = batches.mock.calls.length;
          expect(calls).toBeGreaterThanOrEqual(N / 2 / EXPORT_BATCH);
          expect(calls).toBeLessThan(N / EXPORT_BATCH);
          const job = await getExportJob(owner.id, big, { jobId: started.jobId });
          sawProgress = job.status === "running" && job.rows > 0 && job.rows <= N / 2;
        }
      }
      expect(lines).toBe(N);
      expect(sawProgress).toBe(true);
      expect(batches.mock.calls.length).toBe(Math.ceil((N + 1) / EXPORT_BATCH));
      expect(await getExportJob(owner.id, big, { jobId: started.jobId })).toMatchObject({ status: "done", rows: N });
    } finally {
      batches.mockRestore();
    }
    // A generous limit for slow machines; nothing is asserted about time.
  }, 180_000);
});
