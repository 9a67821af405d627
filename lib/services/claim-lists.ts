/**
 * Read models for lists of claims: the project-wide claims table (allow-listed filters and sorts,
 * per-field columns of one claim type) and the key values of a few claims of a document, which the
 * document page's list fetches for the rows in view. (The document page's claims themselves come
 * from claim-snapshots.ts.)
 *
 * URL parameters: type, document, author, status, created ("today" | "week", UTC days, as in
 * lib/core/activity.ts), sort (built-in orders), page; with a type
 * chosen: by + dir (sort by a field), dateField + from / to (ISO days), qtyField + min / max,
 * col (repeated; the columns shown) with colset=1 (columns were chosen, even if none), and
 * fieldsOf (the type the form's field controls belonged to: when the analyst switches the type
 * in the form, the previous type's field parameters are dropped, not refused).
 * Every field key is checked against the chosen type's current definition (table-columns.ts)
 * after authorization; a key that is not a field of the right kind is refused as `invalid`.
 * Both read only the claims the member may see (claim-visibility.ts: blind annotation).
 */
import "server-only";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import { typeUnderlines } from "./type-cues";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/auth/authorize";
import { CLAIM_STATUSES } from "@/lib/core/claim-status";
import { ClaimTypeDefinitionSchema, type ClaimTypeDefinition } from "@/lib/core/claim-types/definition";
import { CLAIM_SORTS, SORT_DIRECTIONS, defaultColumnKeys, tableFieldParamsSchema } from "@/lib/core/claim-types/table-columns";
import { fromIso } from "@/lib/core/values/date-calendar";
import { keyValues } from "@/lib/core/summary";
import { DAY_PRESETS, dayWindow } from "@/lib/core/activity";
import { selectClaimPage, type ListOrder } from "./claim-list-sql";
import { CLAIM_TYPE_SELECT, withCurrentDefinition } from "./claim-types";
import { claimVisibility, visibleClaimsWhere } from "./claim-visibility";
import { Id, parseInput } from "./input";

export const CLAIM_TABLE_PAGE_SIZE = 50;
/** Most claims whose key values one call returns: a screenful of list rows, with room to scroll. */
export const MAX_KEY_VALUE_CLAIMS = 100;

const fieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
const isoDay = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && fromIso(s) !== null, { error: "dates are written YYYY-MM-DD" });
const bound = z.coerce.number().finite().min(0);

export const ClaimTableQuery = z.strictObject({
  type: z.string().max(64).optional(),
  document: z.string().max(64).optional(),
  author: z.string().max(64).optional(),
  status: z.enum(CLAIM_STATUSES).optional(),
  created: z.enum(DAY_PRESETS).optional(),
  sort: z.enum(CLAIM_SORTS).default("newest"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  by: fieldKey.optional(),
  dir: z.enum(SORT_DIRECTIONS).default("asc"),
  dateField: fieldKey.optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  qtyField: fieldKey.optional(),
  min: bound.optional(),
  max: bound.optional(),
  col: z.array(fieldKey).max(40).optional(),
  colset: z.literal("1").optional(),
  fieldsOf: z.string().max(64).optional(),
});
export type ClaimTableQuery = z.infer<typeof ClaimTableQuery>;

const SINGLE_KEYS = ["type", "document", "author", "status", "created", "sort", "page", "by", "dir", "dateField", "from", "to", "qtyField", "min", "max", "colset", "fieldsOf"] as const;
const FIELD_KEYS = ["by", "dir", "dateField", "from", "to", "qtyField", "min", "max", "col", "colset", "fieldsOf"] as const;

/** The query without its field parameters (they belong to one claim type). */
export function withoutFieldParams(q: ClaimTableQuery): ClaimTableQuery {
  const out: Record<string, unknown> = { ...q };
  for (const k of FIELD_KEYS) delete out[k];
  return ClaimTableQuery.parse(out);
}

/** Parses URL search params; only allow-listed keys and values ever reach the query. */
export function parseClaimTableQuery(params: Record<string, string | string[] | undefined>): ClaimTableQuery {
  const flat: Record<string, string | string[]> = {};
  for (const key of SINGLE_KEYS) {
    const v = params[key];
    const value = Array.isArray(v) ? v[0] : v;
    if (value) flat[key] = value;
  }
  const cols = params.col;
  if (cols !== undefined) flat.col = (Array.isArray(cols) ? cols : [cols]).filter(Boolean);
  const parsed = ClaimTableQuery.safeParse(flat);
  if (!parsed.success) throw new AppError("invalid", "Unknown filter or sort.", parsed.error.issues);
  const q = parsed.data;
  return q.fieldsOf !== undefined && q.fieldsOf !== q.type ? withoutFieldParams(q) : q;
}

async function loadChosenType(db: Db, projectId: string, typeId: string) {
  const row = await db.claimType.findFirst({ where: { id: typeId, projectId }, select: CLAIM_TYPE_SELECT });
  return row ? withCurrentDefinition(row) : null;
}

/** Field parameters checked against the chosen type; see the module comment. */
function checkFieldParams(def: ClaimTypeDefinition | null, q: ClaimTableQuery) {
  const given = { by: q.by, dateField: q.dateField, qtyField: q.qtyField, cols: q.col };
  const any = Object.values(given).some((v) => v !== undefined);
  if (!def) {
    if (any) throw new AppError("invalid", "Choose a claim type to sort, filter or show columns by its fields.");
    return null;
  }
  const parsed = tableFieldParamsSchema(def).safeParse(given);
  if (!parsed.success) throw new AppError("invalid", "That field is not available for this claim type.", parsed.error.issues);
  return parsed.data;
}

/** Definitions of the versions the rows were written against, keyed "typeId:version". */
async function rowDefinitions(db: Db, projectId: string, pairs: { claimTypeId: string; claimTypeVersion: number }[]) {
  const unique = [...new Map(pairs.map((p) => [`${p.claimTypeId}:${p.claimTypeVersion}`, p])).values()];
  if (unique.length === 0) return new Map<string, ClaimTypeDefinition>();
  const rows = await db.claimTypeVersion.findMany({
    where: { claimType: { projectId }, OR: unique.map((p) => ({ claimTypeId: p.claimTypeId, version: p.claimTypeVersion })) },
    select: { claimTypeId: true, version: true, definition: true },
  });
  return new Map(rows.map((r) => [`${r.claimTypeId}:${r.version}`, ClaimTypeDefinitionSchema.parse(r.definition)]));
}

export async function listProjectClaims(userId: string, projectId: string, query: ClaimTableQuery, now: Date = new Date()) {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "project.view");
  const visibility = await claimVisibility(db, access);
  const chosen = query.type ? await loadChosenType(db, projectId, query.type) : null;
  const fields = checkFieldParams(chosen?.definition ?? null, query);
  const byField = fields?.by ? chosen!.definition.fields.find((f) => f.key === fields.by)! : null;
  const created = query.created ? dayWindow(query.created, now) : null;
  const order: ListOrder = byField ? { field: byField.key, kind: byField.kind, dir: query.dir } : { builtIn: query.sort };
  const { ids, total } = await selectClaimPage(db, {
    projectId, visibility, type: query.type, document: query.document, author: query.author, status: query.status,
    ...(created ? { createdFrom: created.from, createdTo: created.to } : {}),
    dateField: fields?.dateField, from: query.from, to: query.to, qtyField: fields?.qtyField, min: query.min, max: query.max,
  }, order, (query.page - 1) * CLAIM_TABLE_PAGE_SIZE, CLAIM_TABLE_PAGE_SIZE);
  const found = await db.claim.findMany({
    where: { id: { in: ids }, projectId, deletedAt: null, ...visibleClaimsWhere(visibility) },
    select: {
      id: true, seq: true, status: true, createdAt: true, values: true, documentId: true, claimTypeId: true, claimTypeVersion: true,
      document: { select: { title: true } },
      claimType: { select: { name: true, color: true } },
      authorId: true,
      spans: { select: { start: true, end: true, exact: true }, orderBy: { ordinal: "asc" } },
    },
  });
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  const authorIds = [...new Set(rows.map((r) => r.authorId))];
  const [authors, definitions, underlines] = await Promise.all([
    db.user.findMany({ where: { id: { in: authorIds }, memberships: { some: { projectId } } }, select: { id: true, name: true } }),
    rowDefinitions(db, projectId, rows),
    typeUnderlines(db, projectId),
  ]);
  const names = new Map(authors.map((a) => [a.id, a.name]));
  return {
    total,
    pageSize: CLAIM_TABLE_PAGE_SIZE,
    /** The chosen claim type (current version) and the columns to show, when one type is chosen. */
    claimType: chosen,
    columns: chosen ? (query.colset || fields?.cols ? fields?.cols ?? [] : defaultColumnKeys(chosen.definition)) : [],
    rows: rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      status: r.status,
      createdAt: r.createdAt,
      values: r.values as Record<string, unknown>,
      definition: definitions.get(`${r.claimTypeId}:${r.claimTypeVersion}`) ?? null,
      documentId: r.documentId,
      documentTitle: r.document.title,
      typeId: r.claimTypeId,
      typeName: r.claimType.name,
      typeColor: r.claimType.color,
      typeUnderline: underlines.get(r.claimTypeId),
      authorName: names.get(r.authorId) ?? "former member",
      spans: r.spans,
    })),
  };
}

const KeyValuesInput = z.strictObject({
  documentId: Id,
  seqs: z.array(z.number().int().positive()).min(1).max(MAX_KEY_VALUE_CLAIMS),
});

/**
 * The key values (first date, first figure: summary.ts `keyValues`) of some claims of a document,
 * by their number in it: { "12": "Date: 18 April 2022 (day) · Fatalities: 12 (exact)" }. Claims
 * without key values map to "". Deleted, unknown and hidden (blind annotation) numbers are left out.
 */
export async function listClaimKeyValues(userId: string, projectId: string, input: unknown): Promise<Record<string, string>> {
  const { documentId, seqs } = parseInput(KeyValuesInput, input);
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "project.view");
  const visibility = await claimVisibility(db, access);
  const rows = await db.claim.findMany({
    where: { projectId, documentId, seq: { in: [...new Set(seqs)] }, deletedAt: null, ...visibleClaimsWhere(visibility) },
    select: { seq: true, values: true, claimTypeId: true, claimTypeVersion: true },
  });
  const definitions = await rowDefinitions(db, projectId, rows);
  const out: Record<string, string> = {};
  for (const r of rows) {
    const def = definitions.get(`${r.claimTypeId}:${r.claimTypeVersion}`);
    out[String(r.seq)] = def ? keyValues(def, r.values as Record<string, unknown>) : "";
  }
  return out;
}
