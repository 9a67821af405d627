/**
 * The one loader every export, release and backup reads a project's dataset through: claim types,
 * documents, claims and records as the plain shapes of lib/core/formats/types.ts.
 *
 * Nothing here authorizes: callers authorize first and pass the visibility the member has (a release
 * passes ALL_CLAIMS: it is the project's dataset). Documents come one at a time (texts are large);
 * claims and records in keyset pages of EXPORT_BATCH by id, so memory stays constant whatever the
 * project's size, and the order (by id) is stable, so the same data gives the same output.
 *
 * A page is one query: PostgreSQL assembles each row, with its spans (claims) or its fields,
 * conflicts and claim ids (records), as one JSON text, parsed when the row's turn comes. Reading
 * rows one by one through the client, with a query per relation, cost four times as long and most of
 * an export's memory. Claim types and authors are read once per export, not once per row. JSON values
 * come back as the database renders them (the same text a row read gives), and timestamps as
 * Date.toISOString() would write them, so the output is the same byte for byte.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/db/client";
import type { ClaimStatus } from "@/lib/core/claim-status";
import type { ExportClaim, ExportClaimType, ExportConflict, ExportDocument, ExportRecord, ExportRecordField, ExportSpan } from "@/lib/core/formats/types";
import { ClaimTypeDefinitionSchema } from "@/lib/core/claim-types";
import type { EvidenceClaim } from "@/lib/core/formats/jsonl";
import { visibleClaimsSql, type ClaimVisibility } from "./claim-visibility";

/** Rows per query: large enough to amortize round trips, small enough to keep memory flat. */
export const EXPORT_BATCH = 1000;

type ExportClaimFilter = { documentIds?: string[]; typeIds?: string[]; statuses?: ClaimStatus[] };
type ExportRecordFilter = { typeIds?: string[] };

/** A record as exported; with its evidence when asked for (the records JSONL). */
export type ExportRecordRow = ExportRecord & { evidence?: EvidenceClaim[] };

/**
 * A claim as exported, plus what some formats need beyond the shared shape: the author's id (the
 * Web Annotation creator's IRI), the claim type's id and name. The JSONL writer picks its own fields,
 * so these never leak into it.
 */
export type ExportClaimRow = ExportClaim & {
  authorId: string;
  /**
   * The author's key in the project's published files (the Web Annotation creator's IRI): their
   * membership's id while they are a member, else their account id. A membership travels with the
   * project's backup, so a restored project names its people as the original did; an account id is
   * the instance's own.
   */
  authorKey: string;
  claimTypeId: string;
  typeName: string;
};

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

/**
 * Keyset pages of EXPORT_BATCH rows by id, each read while the one before is being written: on a
 * PostgreSQL server the database builds page n+1 while this process turns page n into lines, on two
 * cores at once (measured: a tenth off a million-claim export on PostgreSQL). At most two pages are held.
 */
async function* keysetPages<R extends { id: string }>(read: (after: string | null) => Promise<R[]>): AsyncGenerator<R[]> {
  let pending = read(null);
  for (;;) {
    const page = await pending;
    if (page.length < EXPORT_BATCH) return yield page;
    pending = read(page[page.length - 1].id);
    // A consumer that stops early (a cancelled download) leaves this read behind: its failure, if
    // any, is nobody's to report.
    pending.catch(() => {});
    yield page;
  }
}

// ---------------------------------------------------------------------------------------------
// Claims

/** A timestamp(3) column as Date.toISOString() writes it (the column holds UTC). */
const isoSql = (column: string) => Prisma.raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** One claim as the page query builds it: positions, not names, to keep the page's text small. */
type ClaimTuple = [
  id: string, documentId: string, claimTypeId: string, typeVersion: number, seq: number, status: string, values: Record<string, unknown> | null,
  note: string, version: number, createdAt: string, updatedAt: string, authorId: string, spans: [number, number, string, string, string][] | null,
];

/** The spans come from the claim's own row: "spanCache", the copy of its ClaimSpan rows the database keeps (see its migration). */
const CLAIM_TUPLE = Prisma.sql`json_build_array(c.id, c."documentId", c."claimTypeId", c."claimTypeVersion", c.seq, c.status, c."values",
  c.note, c.version, ${isoSql(`c."createdAt"`)}, ${isoSql(`c."updatedAt"`)}, c."authorId", c."spanCache")`;

/**
 * Claim types' keys and names and authors' display names, read once per export: a page names a few
 * authors and types among thousands of claims.
 */
class ClaimContext {
  private types: Map<string, { key: string; name: string }> | null = null;
  private readonly authors = new Map<string, { name: string; key: string }>();
  constructor(private readonly db: Db | Tx, private readonly projectId: string) {}

  /** Reads the types once, and the authors of `authorIds` not read yet. */
  async load(authorIds: string[]): Promise<void> {
    if (!this.types) {
      const types = await this.db.claimType.findMany({ where: { projectId: this.projectId }, select: { id: true, key: true, name: true } });
      this.types = new Map(types.map((t) => [t.id, { key: t.key, name: t.name }]));
    }
    const missing = [...new Set(authorIds.filter((id) => !this.authors.has(id)))];
    if (missing.length) {
      const users = await this.db.user.findMany({
        where: { id: { in: missing } },
        select: { id: true, name: true, email: true, memberships: { where: { projectId: this.projectId }, select: { id: true } } },
      });
      for (const u of users) this.authors.set(u.id, { name: u.name || u.email, key: u.memberships[0]?.id ?? u.id });
    }
  }

  /** A claim of a page whose authors were loaded. */
  row([id, documentId, claimTypeId, typeVersion, seq, status, values, note, version, createdAt, updatedAt, authorId, spans]: ClaimTuple): ExportClaimRow {
    const type = this.types!.get(claimTypeId);
    const author = this.authors.get(authorId);
    // Both are required references: a claim cannot outlive its type or its author (onDelete: NoAction / Restrict).
    if (!type || author === undefined) throw new Error(`claim ${id}: its type or author is not in the project`);
    return {
      id, documentId, typeKey: type.key, typeVersion, seq, status, author: author.name, values: values ?? {}, note,
      spans: (spans ?? []).map(([start, end, exact, prefix, suffix]): ExportSpan => ({ start, end, exact, prefix, suffix })),
      version, createdAt, updatedAt, authorId, authorKey: author.key, claimTypeId, typeName: type.name,
    };
  }
}

/**
 * One page of claims matching `where` (SQL on `c`, the claim, and `d`, its document, when joined), in
 * id order: each claim's id and author beside its tuple as text, which is parsed only when its turn
 * comes, so a page's claims are never all held as objects at once.
 */
async function claimPage(db: Db | Tx, where: Prisma.Sql, limit: number, joinDocument: boolean): Promise<{ id: string; a: string; t: string }[]> {
  // The document is joined only when the condition reads it (blind annotation's visibility).
  const from = joinDocument ? Prisma.sql`"Claim" c JOIN "Document" d ON d.id = c."documentId" AND d."projectId" = c."projectId"` : Prisma.sql`"Claim" c`;
  return db.$queryRaw<{ id: string; a: string; t: string }[]>(Prisma.sql`
    SELECT c.id, c."authorId" AS a, ${CLAIM_TUPLE}::text AS t FROM ${from} WHERE ${where} ORDER BY c.id LIMIT ${limit}::int`);
}

/** The live claims `visibility` shows, filtered, in id order, EXPORT_BATCH rows per query. */
export async function* exportClaims(db: Db | Tx, projectId: string, visibility: ClaimVisibility, filter: ExportClaimFilter = {}): AsyncGenerator<ExportClaimRow> {
  const conds: Prisma.Sql[] = [Prisma.sql`c."projectId" = ${projectId}`, Prisma.sql`c."deletedAt" IS NULL`, visibleClaimsSql(visibility, "c", "d")];
  if (filter.documentIds) conds.push(filter.documentIds.length ? Prisma.sql`c."documentId" IN (${Prisma.join(filter.documentIds)})` : Prisma.sql`FALSE`);
  if (filter.typeIds) conds.push(filter.typeIds.length ? Prisma.sql`c."claimTypeId" IN (${Prisma.join(filter.typeIds)})` : Prisma.sql`FALSE`);
  if (filter.statuses) conds.push(filter.statuses.length ? Prisma.sql`c.status::text IN (${Prisma.join(filter.statuses)})` : Prisma.sql`FALSE`);
  const where = Prisma.join(conds, " AND ");
  const context = new ClaimContext(db, projectId);
  const pages = keysetPages((after) => claimPage(db, after === null ? where : Prisma.sql`${where} AND c.id > ${after}`, EXPORT_BATCH, visibility.kind !== "all"));
  for await (const page of pages) {
    await context.load(page.map((r) => r.a));
    for (const r of page) yield context.row(JSON.parse(r.t) as ClaimTuple);
  }
}

// ---------------------------------------------------------------------------------------------
// Records

type RecordTuple = [
  id: string, typeKey: string, seq: number, status: string, dateStart: string | null, dateEnd: string | null, country: string | null,
  numberOfSources: number, sources: string[][] | null,
  fields: [fieldKey: string, value: unknown, rule: string, supporting: string[], alternatives: ExportRecordField["alternatives"] | null, note: string][] | null,
  conflicts: [field: string, kind: string, message: string, status: string, sides: ExportConflict["sides"] | null][] | null,
  claimIds: string[] | null,
  /** Only when asked for: each live claim with its spans, [claimId, documentId, spans (null for none)]. */
  evidence?: [string, string, [number, number, string, string, string][] | null][] | null,
];

const RECORD_FIELDS = Prisma.sql`r.id, t.key, r.seq, r.status, r."dateStart", r."dateEnd", r.country, r."numberOfSources", r.sources,
  (SELECT json_agg(json_build_array(f."fieldKey", f.value, f.rule, f."supportingClaimIds", f.alternatives, f.note) ORDER BY f."fieldKey" COLLATE "C")
     FROM "RecordField" f WHERE f."recordId" = r.id),
  (SELECT json_agg(json_build_array(x."fieldKey", x.kind, x.message, x.status, x.sides) ORDER BY x."fieldKey" COLLATE "C", x.key COLLATE "C")
     FROM "Conflict" x WHERE x."recordId" = r.id),
  (SELECT json_agg(rc."claimId" ORDER BY rc."claimId" COLLATE "C") FROM "RecordClaim" rc WHERE rc."recordId" = r.id)`;

/** A record's evidence: its live claims with their spans (in ordinal order), in the order of its claim ids. */
const EVIDENCE = Prisma.sql`(SELECT json_agg(json_build_array(c.id, c."documentId", c."spanCache") ORDER BY c.id COLLATE "C")
  FROM "RecordClaim" rc JOIN "Claim" c ON c.id = rc."claimId" AND c."deletedAt" IS NULL
  WHERE rc."recordId" = r.id)`;

function toExportRecord([id, typeKey, seq, status, dateStart, dateEnd, country, numberOfSources, sources, fields, conflicts, claimIds, evidence]: RecordTuple): ExportRecordRow {
  const out: Record<string, ExportRecordField> = {};
  for (const [key, value, rule, supportingClaims, alternatives, note] of fields ?? []) {
    out[key] = { value: value ?? null, rule, supportingClaims, alternatives: alternatives ?? [], ...(note ? { note } : {}) };
  }
  return {
    id, typeKey, seq, status, dateStart, dateEnd, country, numberOfSources, sources: sources ?? [], fields: out,
    conflicts: (conflicts ?? []).map(([field, kind, message, status, sides]) => ({ field, kind, message, status, sides: sides ?? [] })),
    claimIds: claimIds ?? [],
    ...(evidence !== undefined ? { evidence: evidenceClaims(evidence ?? []) } : {}),
  };
}

/** Evidence claims with their spans; a claim without spans gives none. */
function evidenceClaims(rows: NonNullable<RecordTuple[12]>): EvidenceClaim[] {
  return rows.flatMap(([id, documentId, spans]) =>
    spans?.length ? [{ id, documentId, spans: spans.map(([start, end, exact, prefix, suffix]): ExportSpan => ({ start, end, exact, prefix, suffix })) }] : []);
}

/**
 * The live records `visibility` shows (a record only when every claim of it is visible), filtered by
 * type, in id order, EXPORT_BATCH rows per query.
 */
export async function* exportRecords(db: Db | Tx, projectId: string, visibility: ClaimVisibility, filter: ExportRecordFilter = {}, options: { evidence?: boolean } = {}): AsyncGenerator<ExportRecordRow> {
  const tuple = options.evidence ? Prisma.sql`json_build_array(${RECORD_FIELDS}, ${EVIDENCE})` : Prisma.sql`json_build_array(${RECORD_FIELDS})`;
  const conds: Prisma.Sql[] = [Prisma.sql`r."projectId" = ${projectId}`, Prisma.sql`r."deletedAt" IS NULL`];
  if (visibility.kind !== "all") {
    conds.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "RecordClaim" rc JOIN "Claim" c ON c.id = rc."claimId" JOIN "Document" d ON d.id = c."documentId"
      WHERE rc."recordId" = r.id AND NOT ${visibleClaimsSql(visibility, "c", "d")})`);
  }
  if (filter.typeIds) conds.push(filter.typeIds.length ? Prisma.sql`r."claimTypeId" IN (${Prisma.join(filter.typeIds)})` : Prisma.sql`FALSE`);
  const where = Prisma.join(conds, " AND ");
  const pages = keysetPages((after) => db.$queryRaw<{ id: string; t: string }[]>(Prisma.sql`
      SELECT r.id, ${tuple}::text AS t
      FROM "Record" r JOIN "ClaimType" t ON t.id = r."claimTypeId" AND t."projectId" = r."projectId"
      WHERE ${after === null ? where : Prisma.sql`${where} AND r.id > ${after}`} ORDER BY r.id LIMIT ${EXPORT_BATCH}::int`));
  for await (const rows of pages) {
    // Parsed one at a time, as they are written.
    for (const r of rows) yield toExportRecord(JSON.parse(r.t) as RecordTuple);
  }
}

/** Records with the claims their evidence comes from, for the records JSONL; the records must have been read with `evidence`. */
export async function* withEvidence(records: AsyncIterable<ExportRecordRow>): AsyncGenerator<{ record: ExportRecord; claims: EvidenceClaim[] }> {
  for await (const record of records) {
    if (!record.evidence) throw new Error(`record ${record.id} was read without its evidence`);
    yield { record, claims: record.evidence };
  }
}
