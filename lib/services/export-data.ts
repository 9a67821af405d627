/**
 * The one loader every export, release and backup reads a project's dataset through: claim types,
 * documents, claims and records as the plain shapes of lib/core/formats/types.ts.
 *
 * Nothing here authorizes: callers authorize first and pass the visibility the member has (a release
 * passes ALL_CLAIMS: it is the project's dataset). Documents come one at a time (texts are large);
 * claims and records in keyset pages of EXPORT_BATCH by id, so memory stays constant whatever the
 * project's size, and the order (by id) is stable, so the same data gives the same output.
 */
import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimStatus } from "@/lib/core/claim-status";
import type { ExportClaim, ExportClaimType, ExportConflict, ExportDocument, ExportRecord, ExportRecordField } from "@/lib/core/formats/types";
import { ClaimTypeDefinitionSchema } from "@/lib/core/claim-types";
import { visibleClaimsWhere, visibleRecordsWhere, type ClaimVisibility } from "./claim-visibility";

/** Rows per query: large enough to amortize round trips, small enough to keep memory flat. */
export const EXPORT_BATCH = 500;

type ExportClaimFilter = { documentIds?: string[]; typeIds?: string[]; statuses?: ClaimStatus[] };
type ExportRecordFilter = { typeIds?: string[] };

/**
 * A claim as exported, plus what some formats need beyond the shared shape: the author's id (the
 * Web Annotation creator's IRI), the claim type's id and name. The JSONL writer picks its own fields,
 * so these never leak into it.
 */
export type ExportClaimRow = ExportClaim & { authorId: string; claimTypeId: string; typeName: string };

/** Every claim type of the project (archived ones too: their claims are still data), by creation. */
export async function exportClaimTypes(db: Db | Tx, projectId: string): Promise<(ExportClaimType & { name: string })[]> {
  const rows = await db.claimType.findMany({
    where: { projectId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, currentVersion: true, versions: { select: { version: true, definition: true }, orderBy: { version: "desc" }, take: 1 } },
  });
  return rows.map((t) => ({ id: t.id, name: t.name, version: t.currentVersion, definition: ClaimTypeDefinitionSchema.parse(t.versions[0].definition) }));
}

/** A file-safe base name from a title: ASCII letters, digits and dashes, at most 60 characters. */
function baseName(title: string): string {
  const slug = title.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "").toLowerCase();
  return slug || "document";
}

/**
 * The project's documents (or those named), one at a time in creation order. Each gets a file base
 * name from its title, made unique within this export by a numeric suffix.
 */
export async function* exportDocuments(db: Db | Tx, projectId: string, documentIds?: string[]): AsyncGenerator<ExportDocument> {
  // Only ids up front: the texts are read one by one.
  const ids = await db.document.findMany({
    where: { projectId, ...(documentIds ? { id: { in: documentIds } } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  const used = new Set<string>();
  for (const { id } of ids) {
    const d = await db.document.findFirst({
      where: { id, projectId },
      select: { id: true, title: true, text: true, published: true, url: true },
    });
    if (!d) continue; // deleted since the id list was read
    const base = baseName(d.title);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    yield { id: d.id, name, title: d.title, text: d.text, published: d.published || null, url: d.url || null };
  }
}

const CLAIM_SELECT = {
  id: true, documentId: true, claimTypeId: true, claimTypeVersion: true, seq: true, status: true, values: true, note: true,
  version: true, createdAt: true, updatedAt: true, authorId: true,
  author: { select: { name: true, email: true } },
  claimType: { select: { key: true, name: true } },
  spans: { select: { start: true, end: true, exact: true, prefix: true, suffix: true }, orderBy: { ordinal: "asc" } },
} satisfies Prisma.ClaimSelect;
type ClaimRow = Prisma.ClaimGetPayload<{ select: typeof CLAIM_SELECT }>;

function toExportClaim(c: ClaimRow): ExportClaimRow {
  return {
    id: c.id, documentId: c.documentId, typeKey: c.claimType.key, typeVersion: c.claimTypeVersion, seq: c.seq, status: c.status,
    author: c.author.name || c.author.email, values: (c.values ?? {}) as Record<string, unknown>, note: c.note,
    spans: c.spans, version: c.version, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(),
    authorId: c.authorId, claimTypeId: c.claimTypeId, typeName: c.claimType.name,
  };
}

/** The live claims `visibility` shows, filtered, in id order, EXPORT_BATCH rows per query. */
export async function* exportClaims(db: Db | Tx, projectId: string, visibility: ClaimVisibility, filter: ExportClaimFilter = {}): AsyncGenerator<ExportClaimRow> {
  const where: Prisma.ClaimWhereInput = {
    projectId, deletedAt: null, ...visibleClaimsWhere(visibility),
    ...(filter.documentIds ? { documentId: { in: filter.documentIds } } : {}),
    ...(filter.typeIds ? { claimTypeId: { in: filter.typeIds } } : {}),
    ...(filter.statuses ? { status: { in: filter.statuses } } : {}),
  };
  let after: string | null = null;
  for (;;) {
    const rows: ClaimRow[] = await db.claim.findMany({
      where: after === null ? where : { AND: [where, { id: { gt: after } }] },
      orderBy: { id: "asc" }, take: EXPORT_BATCH, select: CLAIM_SELECT,
    });
    for (const c of rows) yield toExportClaim(c);
    if (rows.length < EXPORT_BATCH) return;
    after = rows[rows.length - 1].id;
  }
}

/** The named live claims of the project (a record's evidence), in id order; unknown ids are skipped. */
export async function exportClaimsByIds(db: Db | Tx, projectId: string, ids: readonly string[]): Promise<ExportClaimRow[]> {
  const out: ExportClaimRow[] = [];
  const sorted = [...new Set(ids)].sort();
  for (let i = 0; i < sorted.length; i += EXPORT_BATCH) {
    const rows = await db.claim.findMany({
      where: { projectId, deletedAt: null, id: { in: sorted.slice(i, i + EXPORT_BATCH) } },
      orderBy: { id: "asc" }, select: CLAIM_SELECT,
    });
    out.push(...rows.map(toExportClaim));
  }
  return out;
}

const RECORD_SELECT = {
  id: true, seq: true, status: true, dateStart: true, dateEnd: true, country: true, numberOfSources: true, sources: true,
  claimType: { select: { key: true } },
  fields: { select: { fieldKey: true, value: true, rule: true, supportingClaimIds: true, alternatives: true, note: true }, orderBy: { fieldKey: "asc" } },
  conflicts: { select: { fieldKey: true, kind: true, message: true, status: true, sides: true, key: true }, orderBy: [{ fieldKey: "asc" }, { key: "asc" }] },
  claims: { select: { claimId: true }, orderBy: { claimId: "asc" } },
} satisfies Prisma.RecordSelect;
type RecordRow = Prisma.RecordGetPayload<{ select: typeof RECORD_SELECT }>;

function toExportRecord(r: RecordRow): ExportRecord {
  const fields: Record<string, ExportRecordField> = {};
  for (const f of r.fields) {
    fields[f.fieldKey] = {
      value: f.value ?? null, rule: f.rule, supportingClaims: f.supportingClaimIds,
      alternatives: (f.alternatives ?? []) as ExportRecordField["alternatives"],
      ...(f.note ? { note: f.note } : {}),
    };
  }
  const conflicts: ExportConflict[] = r.conflicts.map((c) => ({
    field: c.fieldKey, kind: c.kind, message: c.message, status: c.status, sides: (c.sides ?? []) as ExportConflict["sides"],
  }));
  return {
    id: r.id, typeKey: r.claimType.key, seq: r.seq, status: r.status, dateStart: r.dateStart, dateEnd: r.dateEnd, country: r.country,
    numberOfSources: r.numberOfSources, sources: (r.sources ?? []) as string[][], fields, conflicts,
    claimIds: r.claims.map((c) => c.claimId),
  };
}

/**
 * The live records `visibility` shows (a record only when every claim of it is visible), filtered by
 * type, in id order, EXPORT_BATCH rows per query.
 */
export async function* exportRecords(db: Db | Tx, projectId: string, visibility: ClaimVisibility, filter: ExportRecordFilter = {}): AsyncGenerator<ExportRecord> {
  const where: Prisma.RecordWhereInput = {
    projectId, deletedAt: null, ...visibleRecordsWhere(visibility),
    ...(filter.typeIds ? { claimTypeId: { in: filter.typeIds } } : {}),
  };
  let after: string | null = null;
  for (;;) {
    const rows: RecordRow[] = await db.record.findMany({
      where: after === null ? where : { AND: [where, { id: { gt: after } }] },
      orderBy: { id: "asc" }, take: EXPORT_BATCH, select: RECORD_SELECT,
    });
    for (const r of rows) yield toExportRecord(r);
    if (rows.length < EXPORT_BATCH) return;
    after = rows[rows.length - 1].id;
  }
}
