/**
 * SQL for the claims table: the WHERE and ORDER BY of one page of claims, built with Prisma.sql so
 * every value (ids, field keys, dates, numbers) is a bound parameter, never text in the query.
 * Field keys are checked against the claim type's definition before they get here
 * (tableFieldParamsSchema); they are still passed as parameters, so a key cannot change the query.
 *
 * Reading values out of the `values` jsonb column works on PostgreSQL and PGlite alike:
 * - a date's window: `values -> key ->> 'start'` / `'end'`, ISO days compared as text in the "C"
 *   collation (YYYY-MM-DD orders as text exactly as in time, whatever the database's locale);
 * - a quantity's figure: best ?? low ?? high (table-columns.ts), each read only when it is a JSON
 *   number, so a value of another shape (a field whose kind changed between versions) reads as
 *   no value instead of failing the query.
 * The project scope is the first condition of every query and of every join; the reader's claim
 * visibility (blind annotation, claim-visibility.ts) is the next, so the page and its total agree.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FieldKind } from "@/lib/core/claim-types/definition";
import { visibleClaimsSql, type ClaimVisibility } from "./claim-visibility";

export interface ListFilter {
  projectId: string;
  /** Which claims the reader may see; required, so no list can forget it. */
  visibility: ClaimVisibility;
  type?: string;
  document?: string;
  author?: string;
  status?: string;
  /** Created in [createdFrom, createdTo). */
  createdFrom?: Date;
  createdTo?: Date;
  dateField?: string;
  from?: string;
  to?: string;
  qtyField?: string;
  min?: number;
  max?: number;
}

export type ListOrder =
  | { builtIn: "newest" | "oldest" | "document" | "type" | "status" }
  | { field: string; kind: FieldKind; dir: "asc" | "desc" };

const fieldValue = (key: string) => Prisma.sql`(c."values" -> ${key}::text)`;
const dateEnd = (key: string, end: "start" | "end") => Prisma.sql`((c."values" -> ${key}::text) ->> ${end}::text) COLLATE "C"`;
const numberAt = (v: Prisma.Sql, prop: string) =>
  Prisma.sql`CASE WHEN jsonb_typeof(${v} -> ${prop}::text) = 'number' THEN (${v} ->> ${prop}::text)::numeric END`;

function quantityFigureSql(key: string): Prisma.Sql {
  const v = fieldValue(key);
  return Prisma.sql`COALESCE(${numberAt(v, "best")}, ${numberAt(v, "low")}, ${numberAt(v, "high")})`;
}

function numberSql(key: string): Prisma.Sql {
  const v = fieldValue(key);
  return Prisma.sql`CASE WHEN jsonb_typeof(${v}) = 'number' THEN (c."values" ->> ${key}::text)::numeric END`;
}

/** An instant as the text of a UTC timestamp without zone, as "createdAt" columns store time. */
const timestamp = (d: Date) => d.toISOString().slice(0, 23).replace("T", " ");

export function whereSql(f: ListFilter): Prisma.Sql {
  // `d` is the Document joined on the claim's document (selectClaimPage).
  const conds: Prisma.Sql[] = [Prisma.sql`c."projectId" = ${f.projectId}`, visibleClaimsSql(f.visibility, "c", "d"), Prisma.sql`c."deletedAt" IS NULL`];
  if (f.type) conds.push(Prisma.sql`c."claimTypeId" = ${f.type}`);
  if (f.document) conds.push(Prisma.sql`c."documentId" = ${f.document}`);
  if (f.author) conds.push(Prisma.sql`c."authorId" = ${f.author}`);
  if (f.status) conds.push(Prisma.sql`c.status::text = ${f.status}`);
  if (f.createdFrom) conds.push(Prisma.sql`c."createdAt" >= ${timestamp(f.createdFrom)}::timestamp`);
  if (f.createdTo) conds.push(Prisma.sql`c."createdAt" < ${timestamp(f.createdTo)}::timestamp`);
  if (f.dateField && (f.from || f.to)) {
    // Overlap of [start, end] with [from, to]: an unknown date (no window) never matches.
    conds.push(Prisma.sql`${dateEnd(f.dateField, "start")} IS NOT NULL`);
    if (f.to) conds.push(Prisma.sql`${dateEnd(f.dateField, "start")} <= ${f.to}::text COLLATE "C"`);
    if (f.from) conds.push(Prisma.sql`${dateEnd(f.dateField, "end")} >= ${f.from}::text COLLATE "C"`);
  }
  if (f.qtyField && (f.min !== undefined || f.max !== undefined)) {
    const figure = quantityFigureSql(f.qtyField);
    if (f.min !== undefined) conds.push(Prisma.sql`${figure} >= ${f.min}::numeric`);
    if (f.max !== undefined) conds.push(Prisma.sql`${figure} <= ${f.max}::numeric`);
  }
  return Prisma.join(conds, " AND ");
}

const BUILT_IN: Record<"newest" | "oldest" | "document" | "type" | "status", Prisma.Sql> = {
  newest: Prisma.sql`c."createdAt" DESC, c.id ASC`,
  oldest: Prisma.sql`c."createdAt" ASC, c.id ASC`,
  document: Prisma.sql`d.title ASC, c."createdAt" ASC, c.id ASC`,
  type: Prisma.sql`t.name ASC, c."createdAt" ASC, c.id ASC`,
  status: Prisma.sql`c.status ASC, c."createdAt" DESC, c.id ASC`,
};

export function orderSql(o: ListOrder): Prisma.Sql {
  if ("builtIn" in o) return BUILT_IN[o.builtIn];
  // Claims without a value come last in both directions; ties fall back to the newest first.
  const dir = o.dir === "desc" ? Prisma.sql`DESC NULLS LAST` : Prisma.sql`ASC NULLS LAST`;
  const tail = Prisma.sql`c."createdAt" DESC, c.id ASC`;
  if (o.kind === "date") return Prisma.sql`${dateEnd(o.field, "start")} ${dir}, ${dateEnd(o.field, "end")} ${dir}, ${tail}`;
  if (o.kind === "quantity") return Prisma.sql`${quantityFigureSql(o.field)} ${dir}, ${tail}`;
  return Prisma.sql`${numberSql(o.field)} ${dir}, ${tail}`;
}

/** The ids of one page of claims, in order, and the number of claims that match. */
export async function selectClaimPage(
  db: { $queryRaw<T>(q: Prisma.Sql): Prisma.PrismaPromise<T> },
  filter: ListFilter, order: ListOrder, skip: number, take: number,
): Promise<{ ids: string[]; total: number }> {
  const where = whereSql(filter);
  // Joins carry the project scope too: a claim can only sort by its own project's rows.
  const from = Prisma.sql`FROM "Claim" c
    JOIN "Document" d ON d.id = c."documentId" AND d."projectId" = ${filter.projectId}
    JOIN "ClaimType" t ON t.id = c."claimTypeId" AND t."projectId" = ${filter.projectId}`;
  const [count, rows] = await Promise.all([
    db.$queryRaw<{ n: bigint | number }[]>(Prisma.sql`SELECT count(*) AS n ${from} WHERE ${where}`),
    db.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT c.id ${from} WHERE ${where} ORDER BY ${orderSql(order)} LIMIT ${take}::int OFFSET ${skip}::int`),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count[0]?.n ?? 0) };
}
