/**
 * Releases: immutable, versioned snapshots of the project's dataset (the records and the approved
 * claims), with their files stored as bytes, a content hash, counts, a citation and a changelog.
 *
 * Invariants: a release's rows never change (a database trigger refuses UPDATE and DELETE); its files
 * are generated once, from export-data with ALL_CLAIMS visibility (a release is the project's dataset,
 * whoever publishes it), in a stable order and with timestamps from the data only, so the same
 * dataset gives the same bytes and the same content hash. Versions are MAJOR.MINOR.PATCH, strictly
 * increasing; the suggestion bumps the minor version when records were added since the previous
 * release and the patch otherwise (a major version is always an editor's decision).
 * Publishing = release.publish; reading and downloading = project.view. One audit event per release.
 */
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { authorize } from "@/lib/auth/authorize";
import { can, type Role } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/db/audit";
import { AppError } from "@/lib/errors";
import { newId, isIdShaped } from "@/lib/ids";
import { parseInput } from "./input";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ALL_CLAIMS } from "./claim-visibility";
import { exportClaims, exportClaimTypes, exportDocuments, exportRecords, withEvidence, type ExportClaimRow } from "./export-data";
import { recordsCsv } from "@/lib/core/formats/records-csv";
import { claimsCsv } from "@/lib/core/formats/claims-csv";
import { claimsJsonl, recordsJsonl, type RecordLine } from "@/lib/core/formats/jsonl";
import { streamWebAnnotations, type WebAnnotationClaim } from "@/lib/core/formats/web-annotation";
import type { ExportDocument } from "@/lib/core/formats/types";

export const RELEASE_FILES = ["records.csv", "claims.csv", "records.jsonl", "claims.jsonl", "annotations.jsonld"] as const;
type ReleaseFileName = (typeof RELEASE_FILES)[number];
const RELEASE_FILE_TYPES: Record<ReleaseFileName, string> = {
  "records.csv": "text/csv; charset=utf-8",
  "claims.csv": "text/csv; charset=utf-8",
  "records.jsonl": "application/jsonl; charset=utf-8",
  "claims.jsonl": "application/jsonl; charset=utf-8",
  "annotations.jsonld": "application/ld+json; charset=utf-8",
};

// ---------------------------------------------------------------------------------------------
// Versions

const SEMVER = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;
type Semver = [number, number, number];

function parseSemver(v: string): Semver | null {
  const m = SEMVER.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function compareSemver(a: string, b: string): number {
  const x = parseSemver(a)!, y = parseSemver(b)!;
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/** The next version after `previous`: 1.0.0 first, then a minor bump when records were added, else a patch. */
function suggestVersion(previous: string | null, recordsAdded: boolean): string {
  if (previous === null) return "1.0.0";
  const [major, minor, patch] = parseSemver(previous)!;
  return recordsAdded ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}

// ---------------------------------------------------------------------------------------------
// Changelog

type FieldChange = { field: string; old: unknown; new: unknown };
type RecordChange = { id: string; seq: number; type: string; changes: FieldChange[] };
type RecordRef = { id: string; seq: number; type: string };
export type Changelog = { added: RecordRef[]; removed: RecordRef[]; changed: RecordChange[] };
type ChangeSummary = { added: number; removed: number; changed: number };

const TOP_FIELDS = ["type", "status", "dateStart", "dateEnd", "country", "numberOfSources", "sources", "notes"] as const;

function readRecordLines(bytes: Uint8Array | null): Map<string, RecordLine> {
  const map = new Map<string, RecordLine>();
  if (!bytes) return map;
  for (const line of Buffer.from(bytes).toString("utf8").split("\n")) {
    if (line.trim() === "") continue;
    const r = JSON.parse(line) as RecordLine;
    map.set(r.id, r);
  }
  return map;
}

/** jsonb keeps keys in its own order: values are compared with keys sorted. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

/** What changed from the records of `before` to those of `after` (records JSONL snapshots), field by field. */
function diffRecords(before: Map<string, RecordLine>, after: Map<string, RecordLine>): Changelog {
  const ref = (r: RecordLine): RecordRef => ({ id: r.id, seq: r.seq, type: r.type });
  const bySeq = (a: { seq: number; id: string }, b: { seq: number; id: string }) => a.seq - b.seq || (a.id < b.id ? -1 : 1);
  const added: RecordRef[] = [], removed: RecordRef[] = [], changed: RecordChange[] = [];
  for (const [id, r] of after) if (!before.has(id)) added.push(ref(r));
  for (const [id, r] of before) {
    const next = after.get(id);
    if (!next) {
      removed.push(ref(r));
      continue;
    }
    const changes: FieldChange[] = [];
    for (const k of TOP_FIELDS) if (canonical(r[k]) !== canonical(next[k])) changes.push({ field: k, old: r[k] ?? null, new: next[k] ?? null });
    const keys = [...new Set([...Object.keys(r.fields), ...Object.keys(next.fields)])].sort();
    for (const k of keys) {
      const o = r.fields[k]?.value ?? null, n = next.fields[k]?.value ?? null;
      if (canonical(o) !== canonical(n)) changes.push({ field: `fields.${k}`, old: o, new: n });
    }
    if (changes.length) changed.push({ ...ref(next), changes });
  }
  return { added: added.sort(bySeq), removed: removed.sort(bySeq), changed: changed.sort(bySeq) };
}

const summarize = (c: Changelog): ChangeSummary => ({ added: c.added.length, removed: c.removed.length, changed: c.changed.length });

// ---------------------------------------------------------------------------------------------
// Citation

type CslDate = { "date-parts": [[number, number, number]] };
type Citation = {
  id: string; type: "dataset"; title: string; version: string; issued: CslDate; publisher: string;
  author: { literal: string }[]; URL: string; note?: string;
};

/** An APA-like citation string: Authors (Year). Title (Version x) [Data set]. Publisher. URL */
function formatCitation(c: Citation): string {
  const names = c.author.map((a) => a.literal);
  const authors = names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} & ${names[names.length - 1]}`;
  const year = c.issued["date-parts"][0][0];
  const lead = authors || c.publisher;
  return `${lead} (${year}). ${c.title} (Version ${c.version}) [Data set]. ${authors ? `${c.publisher}. ` : ""}${c.URL}`;
}

// ---------------------------------------------------------------------------------------------
// Files

async function bytesOf(chunks: AsyncIterable<string>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c, "utf8"));
  return Buffer.concat(parts);
}

const sha256 = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");

/** The release's hash: over the files' names and hashes, in name order. */
export function contentHash(files: readonly { name: string; sha256: string }[]): string {
  return sha256([...files].sort((a, b) => (a.name < b.name ? -1 : 1)).map((f) => `${f.name}\0${f.sha256}\n`).join(""));
}

const approvedClaims = (db: Db, projectId: string, documentIds?: string[]) =>
  exportClaims(db, projectId, ALL_CLAIMS, { statuses: ["approved"], ...(documentIds ? { documentIds } : {}) });

async function webAnnotations(db: Db, projectId: string, label: string): Promise<Buffer> {
  const total = await db.claim.count({ where: { projectId, deletedAt: null, status: "approved" } });
  let current: ExportDocument | undefined;
  async function* claims(): AsyncGenerator<WebAnnotationClaim> {
    // Document by document, so each text is loaded once.
    for await (const doc of exportDocuments(db, projectId)) {
      current = doc;
      for await (const c of approvedClaims(db, projectId, [doc.id])) yield toAnnotationClaim(c);
    }
  }
  return bytesOf(streamWebAnnotations({
    // No version and no date in the IRIs: the same dataset gives the same bytes.
    baseUrl: `urn:attest:project:${projectId}:dataset`, label, total,
    document: (id) => (current?.id === id ? current : undefined), claims: claims(),
  }));
}

const toAnnotationClaim = (c: ExportClaimRow): WebAnnotationClaim => ({ ...c, author: { id: c.authorKey, name: c.author } });

type GeneratedFile = { name: ReleaseFileName; bytes: Buffer; sha256: string; size: number };

async function generateFiles(db: Db, projectId: string, label: string): Promise<GeneratedFile[]> {
  const types = await exportClaimTypes(db, projectId);
  const contents: [ReleaseFileName, Buffer][] = [
    ["records.csv", await bytesOf(recordsCsv(types, exportRecords(db, projectId, ALL_CLAIMS)))],
    ["claims.csv", await bytesOf(claimsCsv(types, approvedClaims(db, projectId)))],
    ["records.jsonl", await bytesOf(recordsJsonl(withEvidence(exportRecords(db, projectId, ALL_CLAIMS, {}, { evidence: true }))))],
    ["claims.jsonl", await bytesOf(claimsJsonl(approvedClaims(db, projectId)))],
    ["annotations.jsonld", await webAnnotations(db, projectId, label)],
  ];
  return contents.map(([name, bytes]) => ({ name, bytes, sha256: sha256(bytes), size: bytes.length }));
}

// ---------------------------------------------------------------------------------------------
// Reading

const PublishInput = z.strictObject({
  version: z.string().trim().max(40).optional().transform((v) => (v === "" ? undefined : v))
    .refine((v) => v === undefined || parseSemver(v) !== null, "Use a version like 1.2.0 (MAJOR.MINOR.PATCH)."),
  title: z.string().trim().min(1, "Give the release a title.").max(200),
  notes: z.string().trim().max(10_000).default(""),
});

type ReleaseCounts = {
  records: Record<string, number>;
  claims: Record<string, number>;
  recordsTotal: number;
  approvedClaims: number;
  changes: ChangeSummary;
};

export interface ReleaseSummary {
  id: string;
  seq: number;
  version: string;
  title: string;
  notes: string;
  createdAt: Date;
  createdBy: string;
  contentHash: string;
  counts: ReleaseCounts;
  citation: Citation;
  citationText: string;
  files: { name: string; size: number; sha256: string }[];
}

const SUMMARY_SELECT = {
  id: true, seq: true, version: true, title: true, notes: true, createdAt: true, contentHash: true, counts: true, citation: true,
  createdBy: { select: { name: true, email: true } },
  files: { select: { name: true, size: true, sha256: true }, orderBy: { name: "asc" } },
} satisfies Prisma.ReleaseSelect;

function toSummary(r: Prisma.ReleaseGetPayload<{ select: typeof SUMMARY_SELECT }>): ReleaseSummary {
  const citation = r.citation as unknown as Citation;
  return {
    id: r.id, seq: r.seq, version: r.version, title: r.title, notes: r.notes, createdAt: r.createdAt,
    createdBy: r.createdBy.name || r.createdBy.email, contentHash: r.contentHash, counts: r.counts as unknown as ReleaseCounts,
    citation, citationText: formatCitation(citation), files: r.files,
  };
}

async function recordsFile(db: Db | Tx, releaseId: string): Promise<Uint8Array | null> {
  const f = await db.releaseFile.findUnique({ where: { releaseId_name: { releaseId, name: "records.jsonl" } }, select: { bytes: true } });
  return f?.bytes ?? null;
}

/** The current records' ids against the last release's: whether records were added since. */
async function nextVersion(db: Db, projectId: string): Promise<{ previous: { id: string; version: string } | null; suggested: string }> {
  const previous = await db.release.findFirst({ where: { projectId }, orderBy: { seq: "desc" }, select: { id: true, version: true } });
  if (!previous) return { previous: null, suggested: suggestVersion(null, false) };
  const released = readRecordLines(await recordsFile(db, previous.id));
  let added = false;
  for await (const r of exportRecords(db, projectId, ALL_CLAIMS)) {
    if (!released.has(r.id)) {
      added = true;
      break;
    }
  }
  return { previous, suggested: suggestVersion(previous.version, added) };
}

interface ReleasesView {
  projectName: string;
  role: Role;
  releases: ReleaseSummary[];
  canPublish: boolean;
  suggestedVersion: string;
}

export async function listReleases(userId: string, projectId: string): Promise<ReleasesView> {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "project.view");
  const rows = await db.release.findMany({ where: { projectId }, orderBy: { seq: "desc" }, select: SUMMARY_SELECT });
  const canPublish = can(access.role, "release.publish");
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } });
  return { projectName: project.name, role: access.role, releases: rows.map(toSummary), canPublish, suggestedVersion: canPublish ? (await nextVersion(db, projectId)).suggested : "" };
}

async function findRelease(db: Db, projectId: string, releaseId: string) {
  if (!isIdShaped(releaseId)) throw new AppError("not_found");
  const row = await db.release.findFirst({ where: { id: releaseId, projectId }, select: SUMMARY_SELECT });
  if (!row) throw new AppError("not_found");
  return toSummary(row);
}

interface ReleaseView {
  projectName: string;
  role: Role;
  release: ReleaseSummary;
  previous: { id: string; version: string } | null;
  changelog: Changelog;
  others: { id: string; version: string; title: string }[];
}

/** One release with its full changelog against the previous one. */
export async function getRelease(userId: string, projectId: string, releaseId: string): Promise<ReleaseView> {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "project.view");
  const release = await findRelease(db, projectId, releaseId);
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } });
  const previous = await db.release.findFirst({ where: { projectId, seq: { lt: release.seq } }, orderBy: { seq: "desc" }, select: { id: true, version: true } });
  const changelog = diffRecords(readRecordLines(previous ? await recordsFile(db, previous.id) : null), readRecordLines(await recordsFile(db, release.id)));
  const others = await db.release.findMany({ where: { projectId, id: { not: release.id } }, orderBy: { seq: "desc" }, select: { id: true, version: true, title: true } });
  return { projectName: project.name, role: access.role, release, previous, changelog, others };
}

/** What changed from release `fromId` to release `toId` (either order; both of this project). */
export async function compareReleases(userId: string, projectId: string, fromId: string, toId: string): Promise<{ from: ReleaseSummary; to: ReleaseSummary; changelog: Changelog }> {
  const db = await getDb();
  await authorize(db, userId, projectId, "project.view");
  const from = await findRelease(db, projectId, fromId);
  const to = await findRelease(db, projectId, toId);
  return { from, to, changelog: diffRecords(readRecordLines(await recordsFile(db, from.id)), readRecordLines(await recordsFile(db, to.id))) };
}

/** A release file's stored bytes, exactly as published. */
export async function releaseFile(userId: string, projectId: string, releaseId: string, name: string): Promise<{ bytes: Uint8Array; sha256: string; contentType: string; version: string }> {
  const db = await getDb();
  await authorize(db, userId, projectId, "project.view");
  if (!isIdShaped(releaseId) || !(RELEASE_FILES as readonly string[]).includes(name)) throw new AppError("not_found");
  const file = await db.releaseFile.findFirst({
    where: { name, release: { id: releaseId, projectId } },
    select: { bytes: true, sha256: true, release: { select: { version: true } } },
  });
  if (!file) throw new AppError("not_found");
  return { bytes: file.bytes, sha256: file.sha256, contentType: RELEASE_FILE_TYPES[name as ReleaseFileName], version: file.release.version };
}

// ---------------------------------------------------------------------------------------------
// Publishing

export async function publishRelease(userId: string, projectId: string, input: unknown, options: { origin?: string } = {}): Promise<{ id: string; version: string }> {
  const db = await getDb();
  await authorize(db, userId, projectId, "release.publish");
  const { version: asked, title, notes } = parseInput(PublishInput, input);
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } });
  const { previous, suggested } = await nextVersion(db, projectId);
  const version = asked ?? suggested;
  if (previous && compareSemver(version, previous.version) <= 0) {
    throw new AppError("invalid", `The version must be greater than the previous release's ${previous.version}.`, { fieldErrors: { version: [`Greater than ${previous.version}.`] } });
  }

  const files = await generateFiles(db, projectId, project.name);
  const hash = contentHash(files);
  const records = readRecordLines(files.find((f) => f.name === "records.jsonl")!.bytes);
  const changelog = diffRecords(readRecordLines(previous ? await recordsFile(db, previous.id) : null), records);
  const byType: Record<string, number> = {};
  for (const r of [...records.values()].sort((a, b) => a.seq - b.seq)) byType[r.type] = (byType[r.type] ?? 0) + 1;
  const byStatus: Record<string, number> = {};
  const statuses = await db.claim.groupBy({ by: ["status"], where: { projectId, deletedAt: null }, _count: { _all: true }, orderBy: { status: "asc" } });
  for (const s of statuses) byStatus[s.status] = s._count._all;
  const counts: ReleaseCounts = { records: byType, claims: byStatus, recordsTotal: records.size, approvedClaims: byStatus.approved ?? 0, changes: summarize(changelog) };

  const owners = await db.membership.findMany({
    where: { projectId, role: "owner" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { user: { select: { name: true, email: true } } },
  });
  const id = newId();
  const createdAt = new Date();
  const citation: Citation = {
    id: `attest-release-${id}`, type: "dataset", title: `${project.name}: ${title}`, version,
    issued: { "date-parts": [[createdAt.getUTCFullYear(), createdAt.getUTCMonth() + 1, createdAt.getUTCDate()]] },
    publisher: project.name, author: owners.map((o) => ({ literal: o.user.name || o.user.email })),
    URL: `${options.origin ?? ""}/projects/${projectId}/releases/${id}`,
  };

  await db.$transaction(async (tx) => {
    // Read again inside the transaction: a release published meanwhile takes the sequence number first.
    const last = await tx.release.findFirst({ where: { projectId }, orderBy: { seq: "desc" }, select: { seq: true, version: true } });
    if ((last?.version ?? null) !== (previous?.version ?? null)) throw new AppError("conflict", "Another release was published meanwhile. Reload and try again.");
    await tx.release.create({
      data: {
        id, projectId, seq: (last?.seq ?? 0) + 1, version, title, notes, createdById: userId, createdAt, contentHash: hash,
        counts: counts as unknown as Prisma.InputJsonValue, citation: citation as unknown as Prisma.InputJsonValue,
      },
    });
    for (const f of files) await tx.releaseFile.create({ data: { id: newId(), releaseId: id, name: f.name, bytes: new Uint8Array(f.bytes), sha256: f.sha256, size: f.size } });
    await recordAuditEvent(tx, {
      projectId, actorId: userId, action: "release.publish", objectType: "release", objectId: id,
      after: { version, title, contentHash: hash, counts, files: files.map((f) => ({ name: f.name, sha256: f.sha256, size: f.size })) },
    });
  });
  return { id, version };
}
