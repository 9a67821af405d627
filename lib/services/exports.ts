/**
 * Ad hoc exports of the claims and records pages' current filter, in one of seven formats, streamed:
 * the service authorizes (export.run), records an ExportJob with the parameters, and hands back a
 * generator of chunks that reads the dataset in batches (export-data.ts) as the client downloads.
 * While it streams, the job's row and byte counts are written every PROGRESS_EVERY rows, so the
 * page can show progress; the job ends `done`, or `failed` with the reason (including a download
 * that was interrupted). The file is never stored: "download again" runs the same parameters on
 * the current data. Releases are what stay byte-identical.
 *
 * Filters: the claims page's type, document, author and status apply; its field sorts and
 * date/figure ranges do not (the job's filter says so). The records page's filters all apply.
 * Everything goes through the member's claim visibility (blind mode: an annotator exports only
 * what they see).
 */
import "server-only";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { authorize } from "@/lib/auth/authorize";
import type { ClaimStatus } from "@/lib/core/claim-status";
import { claimsCsv } from "@/lib/core/formats/claims-csv";
import { recordsCsv } from "@/lib/core/formats/records-csv";
import { claimsJsonl, recordsJsonl } from "@/lib/core/formats/jsonl";
import { annotationConf, claimsToAnn } from "@/lib/core/formats/brat";
import { streamWebAnnotations, type WebAnnotationClaim } from "@/lib/core/formats/web-annotation";
import type { ExportClaim, ExportDocument, ExportRecord } from "@/lib/core/formats/types";
import { csvRow } from "@/lib/core/csv";
import { actorKey, buildActorIndex } from "@/lib/core/reconcile";
import { zipStream, type ZipEntry } from "@/lib/exports/zip-writer";
import { DATAPACKAGE_PATHS, SOURCE_COLUMNS, datapackageDescriptor, licencePlaceholder } from "@/lib/exports/datapackage";
import { parseClaimTableQuery, type ClaimTableQuery } from "./claim-lists";
import { parseRecordListQuery, type RecordListQuery } from "./records";
import { claimVisibility, visibleClaimsWhere, type ClaimVisibility } from "./claim-visibility";
import { loadProjectActors } from "./actors";
import { exportClaims, exportClaimTypes, exportDocuments, exportRecords, withEvidence, type ExportClaimRow, type ExportRecordRow } from "./export-data";
import { Id, parseInput } from "./input";

export const EXPORT_FORMATS = {
  "claims-csv": { page: "claims", ext: "csv", contentType: "text/csv; charset=utf-8", label: "Claims CSV" },
  "claims-jsonl": { page: "claims", ext: "jsonl", contentType: "application/x-ndjson; charset=utf-8", label: "Claims JSONL" },
  "web-annotation": { page: "claims", ext: "jsonld", contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', label: "W3C Web Annotation" },
  brat: { page: "claims", ext: "zip", contentType: "application/zip", label: "brat standoff" },
  "records-csv": { page: "records", ext: "csv", contentType: "text/csv; charset=utf-8", label: "Records CSV" },
  "records-jsonl": { page: "records", ext: "jsonl", contentType: "application/x-ndjson; charset=utf-8", label: "Records JSONL" },
  datapackage: { page: "either", ext: "zip", contentType: "application/zip", label: "Frictionless Data Package" },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** Rows between two progress writes: often enough to move a progress line, rare enough to cost nothing. */
export const PROGRESS_EVERY = 1000;
/** Recent exports the page lists. */
const RECENT_JOBS = 10;

type Params = Record<string, string | string[] | undefined>;
/** What a job keeps: which page's filter, as parsed, so it can run again. */
export type ExportFilter = { scope: "claims"; query: Partial<ClaimTableQuery> } | { scope: "records"; query: Partial<RecordListQuery> };

/** Keys of the claims table's filter that exports leave out: sorting, paging, columns, field ranges. */
const CLAIM_KEYS_IGNORED = ["sort", "page", "by", "dir", "dateField", "from", "to", "qtyField", "min", "max", "col", "colset", "fieldsOf"] as const;

function parseFilter(format: ExportFormat, params: Params): ExportFilter {
  const page = EXPORT_FORMATS[format].page;
  const scope = page === "either" ? (params.scope === "records" ? "records" : "claims") : page;
  if (scope === "records") {
    const { sort: _sort, page: _page, ...query } = parseRecordListQuery(params);
    return { scope, query };
  }
  const parsed: Record<string, unknown> = { ...parseClaimTableQuery(params) };
  for (const k of CLAIM_KEYS_IGNORED) delete parsed[k];
  return { scope, query: parsed as Partial<ClaimTableQuery> };
}

/** The job's filter as URL parameters (the route's query string for "download again"), keys sorted: JSON columns keep no key order. */
export function filterParams(filter: ExportFilter): string {
  const q = new URLSearchParams();
  if (filter.scope === "records") q.set("scope", "records");
  for (const [k, v] of Object.entries(filter.query).sort(([a], [b]) => (a < b ? -1 : 1))) if (v !== undefined && v !== null) q.set(k, String(v));
  return q.toString();
}

type Counter = { rows: number };
async function* counted<T>(source: AsyncIterable<T>, counter: Counter): AsyncGenerator<T> {
  for await (const item of source) {
    counter.rows++;
    yield item;
  }
}

type Ctx = { db: Db; projectId: string; visibility: ClaimVisibility; filter: ExportFilter; counter: Counter; label: string; baseUrl: string; created: Date };

function claimFilter(f: ExportFilter) {
  const q = f.scope === "claims" ? f.query : { type: f.query.type };
  return {
    loader: {
      ...(q.type ? { typeIds: [q.type] } : {}),
      ...("document" in q && q.document ? { documentIds: [q.document] } : {}),
      ...("status" in q && q.status ? { statuses: [q.status as ClaimStatus] } : {}),
    },
    authorId: "author" in q ? q.author : undefined,
  };
}

/** The filtered claims, counted as rows. The author filter is not the loader's, so it is applied here. */
function claimsOf(ctx: Ctx, documentIds?: string[]): AsyncGenerator<ExportClaimRow> {
  const { loader, authorId } = claimFilter(ctx.filter);
  const source = exportClaims(ctx.db, ctx.projectId, ctx.visibility, documentIds ? { ...loader, documentIds } : loader);
  return counted(authorId ? filterAsync(source, (c) => c.authorId === authorId) : source, ctx.counter);
}

async function* filterAsync<T>(source: AsyncIterable<T>, keep: (t: T) => boolean): AsyncGenerator<T> {
  for await (const x of source) if (keep(x)) yield x;
}

function documentsOf(ctx: Ctx): AsyncGenerator<ExportDocument> {
  const { loader } = claimFilter(ctx.filter);
  return exportDocuments(ctx.db, ctx.projectId, loader.documentIds);
}

/** The filtered records. The loader filters by type; the page's other filters are applied to each record. */
async function recordsOf(ctx: Ctx, options: { evidence?: boolean } = {}): Promise<AsyncGenerator<ExportRecordRow>> {
  const q: Partial<RecordListQuery> = ctx.filter.scope === "records" ? ctx.filter.query : { type: ctx.filter.query.type };
  let actorRecords: Set<string> | null = null;
  if (q.actor) {
    // The same match as the records page: the actor list's aliases, else the normalized name.
    const id = buildActorIndex(await loadProjectActors(ctx.db, ctx.projectId)).resolve(q.actor);
    const rows = await ctx.db.record.findMany({
      where: { projectId: ctx.projectId, deletedAt: null, actorKeys: { hasSome: [...(id ? [`id:${id}`] : []), `name:${actorKey(q.actor)}`] } },
      select: { id: true },
    });
    actorRecords = new Set(rows.map((r) => r.id));
  }
  const keep = (r: ExportRecord) =>
    (!q.from || (r.dateEnd !== null && r.dateEnd >= q.from)) &&
    (!q.to || (r.dateStart !== null && r.dateStart <= q.to)) &&
    (!q.country || r.country === q.country) &&
    (!q.status || r.status === q.status) &&
    (!q.minSources || r.numberOfSources >= q.minSources) &&
    (q.conflict !== "open" || r.conflicts.some((c) => c.status === "open")) &&
    (q.conflict !== "none" || !r.conflicts.some((c) => c.status === "open")) &&
    (!actorRecords || actorRecords.has(r.id));
  return counted(filterAsync(exportRecords(ctx.db, ctx.projectId, ctx.visibility, q.type ? { typeIds: [q.type] } : {}, options), keep), ctx.counter);
}

async function countClaims(ctx: Ctx): Promise<number> {
  const { loader, authorId } = claimFilter(ctx.filter);
  return ctx.db.claim.count({
    where: {
      projectId: ctx.projectId, deletedAt: null, ...visibleClaimsWhere(ctx.visibility),
      ...(loader.documentIds ? { documentId: { in: loader.documentIds } } : {}),
      ...(loader.typeIds ? { claimTypeId: { in: loader.typeIds } } : {}),
      ...(loader.statuses ? { status: { in: loader.statuses } } : {}),
      ...(authorId ? { authorId } : {}),
    },
  });
}

/** Web annotations document by document, so each text is loaded once. */
async function* webAnnotation(ctx: Ctx): AsyncGenerator<string> {
  let current: ExportDocument | undefined;
  async function* claims(): AsyncGenerator<WebAnnotationClaim> {
    for await (const doc of documentsOf(ctx)) {
      current = doc;
      for await (const c of claimsOf(ctx, [doc.id])) {
        yield { ...c, author: { id: c.authorKey, name: c.author } };
      }
    }
  }
  yield* streamWebAnnotations({
    baseUrl: ctx.baseUrl, label: ctx.label, total: await countClaims(ctx), created: ctx.created,
    document: (id) => (current?.id === id ? current : undefined), claims: claims(),
  });
}

/** brat: annotation.conf, then per document its text and its claims' .ann (one document's claims in memory at a time). */
async function* bratEntries(ctx: Ctx): AsyncGenerator<ZipEntry> {
  const types = await exportClaimTypes(ctx.db, ctx.projectId);
  yield { name: "annotation.conf", data: annotationConf(types) };
  for await (const doc of documentsOf(ctx)) {
    const claims: ExportClaim[] = [];
    for await (const c of claimsOf(ctx, [doc.id])) claims.push(c);
    yield { name: `${doc.name}.txt`, data: doc.text };
    yield { name: `${doc.name}.ann`, data: claimsToAnn(doc, claims, types) };
  }
}

async function* sourcesCsv(ctx: Ctx): AsyncGenerator<string> {
  yield csvRow([...SOURCE_COLUMNS]);
  for await (const d of documentsOf(ctx)) {
    ctx.counter.rows++;
    yield csvRow([d.id, d.name, d.title, d.published ?? null, d.url ?? null, [...d.text].length]);
  }
}

async function* datapackageEntries(ctx: Ctx): AsyncGenerator<ZipEntry> {
  const types = await exportClaimTypes(ctx.db, ctx.projectId);
  const description = `Exported from Attest on ${ctx.created.toISOString().slice(0, 10)} with the ${ctx.filter.scope} page's filter: ${filterParams(ctx.filter) || "none"}.`;
  yield { name: "datapackage.json", data: `${JSON.stringify(datapackageDescriptor({ label: ctx.label, created: ctx.created, types, description }), null, 2)}\n` };
  yield { name: DATAPACKAGE_PATHS.records, data: recordsCsv(types, await recordsOf(ctx)) };
  yield { name: DATAPACKAGE_PATHS.claims, data: claimsCsv(types, claimsOf(ctx)) };
  yield { name: DATAPACKAGE_PATHS.sources, data: sourcesCsv(ctx) };
  yield { name: DATAPACKAGE_PATHS.licence, data: licencePlaceholder(ctx.label) };
}

async function* body(format: ExportFormat, ctx: Ctx): AsyncGenerator<string | Uint8Array> {
  switch (format) {
    case "claims-csv":
      return yield* claimsCsv(await exportClaimTypes(ctx.db, ctx.projectId), claimsOf(ctx));
    case "claims-jsonl":
      return yield* claimsJsonl(claimsOf(ctx));
    case "records-csv":
      return yield* recordsCsv(await exportClaimTypes(ctx.db, ctx.projectId), await recordsOf(ctx));
    case "records-jsonl":
      return yield* recordsJsonl(withEvidence(await recordsOf(ctx, { evidence: true })));
    case "web-annotation":
      return yield* webAnnotation(ctx);
    case "brat":
      return yield* zipStream(bratEntries(ctx), { modified: ctx.created });
    case "datapackage":
      return yield* zipStream(datapackageEntries(ctx), { modified: ctx.created });
  }
}

/**
 * Characters of text gathered before they are encoded and passed on. Writers yield a line at a time;
 * one buffer per line would be a million small allocations for a large export, which the process
 * keeps as resident memory long after they are free.
 */
const CHUNK_CHARS = 64 * 1024;

/** Runs the body, writing the job's progress every PROGRESS_EVERY rows and its end. */
async function* tracked(db: Db, jobId: string, chunks: AsyncGenerator<string | Uint8Array>, counter: Counter): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let bytes = 0;
  let reported = 0;
  let finished = false;
  let text = "";
  const progress = (data: Record<string, unknown>) => db.exportJob.update({ where: { id: jobId }, data: { rows: counter.rows, bytes: BigInt(bytes), ...data } });
  const flush = () => {
    const out = encoder.encode(text);
    text = "";
    bytes += out.length;
    return out;
  };
  try {
    for await (const chunk of chunks) {
      if (typeof chunk === "string") {
        text += chunk;
        if (text.length < CHUNK_CHARS) continue;
        yield flush();
      } else {
        if (text) yield flush();
        bytes += chunk.length;
        yield chunk;
      }
      if (counter.rows - reported >= PROGRESS_EVERY) {
        reported = counter.rows;
        await progress({});
      }
    }
    if (text) yield flush();
    finished = true;
    await progress({ status: "done", finishedAt: new Date() });
  } catch (err) {
    finished = true;
    await progress({ status: "failed", finishedAt: new Date(), error: failureMessage(err) }).catch(() => {});
    throw err;
  } finally {
    // The consumer stopped early (a cancelled download): the file is incomplete.
    if (!finished) await progress({ status: "failed", finishedAt: new Date(), error: "The download was interrupted." }).catch(() => {});
  }
}

function failureMessage(err: unknown): string {
  if (err instanceof AppError) return err.message;
  if (err instanceof Error && err.name === "WebAnnotationExportError") return "The claims changed while exporting. Run the export again.";
  if (err instanceof Error && err.name === "ZipLimitError") return err.message;
  return "The export failed. The error was logged.";
}

const slug = (s: string) => s.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).toLowerCase() || "project";

export type StartedExport = { jobId: string; fileName: string; contentType: string; chunks: AsyncGenerator<Uint8Array> };

/**
 * Authorizes, records the job and returns the stream of the export. Nothing is read from the
 * dataset until the chunks are pulled. `params` is the page's filter as URL parameters.
 */
export async function startExport(userId: string, projectId: string, format: string, params: Params, options: { origin?: string } = {}): Promise<StartedExport> {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "export.run");
  if (!(format in EXPORT_FORMATS)) throw new AppError("not_found");
  const fmt = format as ExportFormat;
  const filter = parseFilter(fmt, params);
  const [visibility, project] = await Promise.all([
    claimVisibility(db, access),
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } }),
  ]);
  const jobId = newId();
  const created = new Date();
  await db.exportJob.create({ data: { id: jobId, projectId, userId, format: fmt, filter, createdAt: created } });
  const counter: Counter = { rows: 0 };
  const baseUrl = `${options.origin ?? "urn:attest:"}${options.origin ? "/" : ""}projects/${projectId}/exports/${jobId}`;
  const ctx: Ctx = { db, projectId, visibility, filter, counter, label: `${project.name} (export ${created.toISOString().slice(0, 10)})`, baseUrl, created };
  const info = EXPORT_FORMATS[fmt];
  return {
    jobId,
    fileName: `${slug(project.name)}-${fmt}-${created.toISOString().slice(0, 10)}.${info.ext}`,
    contentType: info.contentType,
    chunks: tracked(db, jobId, body(fmt, ctx), counter),
  };
}

export type ExportJobView = {
  id: string;
  format: ExportFormat;
  formatLabel: string;
  status: "running" | "done" | "failed";
  rows: number;
  bytes: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** The route's URL path and query that runs the same export again. */
  href: string;
};

const JOB_SELECT = { id: true, format: true, filter: true, status: true, rows: true, bytes: true, error: true, createdAt: true, finishedAt: true } as const;

function toView(projectId: string, j: { id: string; format: string; filter: unknown; status: string; rows: number; bytes: bigint; error: string | null; createdAt: Date; finishedAt: Date | null }): ExportJobView {
  const format = (j.format in EXPORT_FORMATS ? j.format : "claims-csv") as ExportFormat;
  const query = filterParams(j.filter as ExportFilter);
  return {
    id: j.id, format, formatLabel: EXPORT_FORMATS[format].label, status: j.status as ExportJobView["status"], rows: j.rows, bytes: Number(j.bytes),
    error: j.error, createdAt: j.createdAt.toISOString(), finishedAt: j.finishedAt?.toISOString() ?? null,
    href: `/api/projects/${projectId}/exports/${format}${query ? `?${query}` : ""}`,
  };
}

/** The member's own recent exports in the project, newest first. */
export async function listExportJobs(userId: string, projectId: string): Promise<ExportJobView[]> {
  const db = await getDb();
  await authorize(db, userId, projectId, "export.run");
  const rows = await db.exportJob.findMany({ where: { projectId, userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: RECENT_JOBS, select: JOB_SELECT });
  return rows.map((j) => toView(projectId, j));
}

const JobInput = z.strictObject({ jobId: Id });

/** One of the member's own jobs (the page polls it while it runs); anyone else's is not found. */
export async function getExportJob(userId: string, projectId: string, input: unknown): Promise<ExportJobView> {
  const { jobId } = parseInput(JobInput, input);
  const db = await getDb();
  await authorize(db, userId, projectId, "export.run");
  const job = await db.exportJob.findFirst({ where: { id: jobId, projectId, userId }, select: JOB_SELECT });
  if (!job) throw new AppError("not_found");
  return toView(projectId, job);
}
