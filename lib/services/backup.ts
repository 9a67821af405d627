/**
 * Backup and restore of a whole project as one zip: a JSONL file per table (the rows as PostgreSQL
 * renders them with row_to_json, so every column, JSON value, timestamp and byte survives the round
 * trip unchanged: release files travel in their rows as bytea hex) and a manifest.json, written last,
 * with the format, its version, the row counts and the SHA-256 of every entry. People are named by
 * e-mail, never by this instance's user ids, so a backup can be restored elsewhere; users.jsonl lists
 * the user ids the rows mention with their e-mail, so ids inside JSON values (history before/after)
 * can be mapped too.
 *
 * Backing up = project.backup (the owner: it holds every member's work and the project's history).
 * Rows are read in keyset batches in id order (deterministic, never a whole table in memory). The
 * batches are separate reads, so a backup taken while people work can straddle an edit; taking it at
 * a quiet moment is the owner's call.
 *
 * Restoring keeps the archive's ids when none of them exists here (another instance, or this one once
 * the original is gone): the project keeps its ids, name and dates, so its exports and releases are
 * byte-identical to the original's. When one does (a copy next to its original), every row gets a new
 * id (every old id found anywhere in a row, JSON included, is replaced), the project is named
 * "(restored)" and dated now; seq numbers and content stay the same, and the result says which
 * happened (idsKept). The restoring user owns the result. Members are matched by e-mail to existing
 * users; members without an account here are left out and their work is attributed to the restoring
 * user (exports then show that user's name), and the result says so. The archive is read by offset
 * from any ZipSource (bytes, or the upload on disk) and checked in full before anything is written
 * (lib/import/zip-guard.ts: names, symlinks, duplicates, unknown entries, sizes and ratios; then the
 * format version and the SHA-256 of every entry), then everything is written in one transaction: on
 * any error, nothing is.
 */
import "server-only";
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { z } from "zod";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/db/audit";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { zipStream, type ZipEntry } from "@/lib/exports/zip-writer";
import { listZipEntries, type ZipEntryInfo } from "@/lib/import/zip-guard";
import { readZipEntry, ZipEntryError } from "@/lib/import/zip-entry-stream";
import { bytesSource, fileSource, type ZipSource } from "@/lib/import/zip-source";

const BACKUP_FORMAT = "attest-backup";
const BACKUP_FORMAT_VERSION = 1;
const BATCH = 500;
const INSERT_BATCH = 200;

type Table = {
  /** The entry's name in the archive. */
  entry: string;
  /** The SQL table (a constant here, never from input). */
  table: string;
  /** Which of the table's rows belong to project $1. */
  where: string;
  /** Columns holding a user id: written as the user's e-mail. */
  users: string[];
  /** Absent from archives written before the table existed: such an archive restores it empty. */
  optional?: true;
  /** Columns the database derives from other rows (kept by triggers): left out, and rebuilt on restore. */
  derived?: string[];
};

const inClaims = `"claimId" IN (SELECT id FROM "Claim" WHERE "projectId" = $1)`;

/** In the order rows are restored, so each row's references already exist. */
const TABLES: readonly Table[] = [
  { entry: "project.jsonl", table: "Project", where: `t.id = $1`, users: [] },
  { entry: "members.jsonl", table: "Membership", where: `t."projectId" = $1`, users: ["userId"] },
  { entry: "claim-types.jsonl", table: "ClaimType", where: `t."projectId" = $1`, users: [] },
  { entry: "claim-type-versions.jsonl", table: "ClaimTypeVersion", where: `t."claimTypeId" IN (SELECT id FROM "ClaimType" WHERE "projectId" = $1)`, users: ["createdById"] },
  { entry: "claim-type-defaults.jsonl", table: "ClaimTypeDefaults", where: `t."projectId" = $1`, users: ["updatedById"], optional: true },
  { entry: "documents.jsonl", table: "Document", where: `t."projectId" = $1`, users: ["createdById"] },
  { entry: "actors.jsonl", table: "Actor", where: `t."projectId" = $1`, users: [] },
  { entry: "actor-aliases.jsonl", table: "ActorAlias", where: `t."projectId" = $1`, users: [] },
  { entry: "claims.jsonl", table: "Claim", where: `t."projectId" = $1`, users: ["authorId"], derived: ["spanCache"] },
  { entry: "claim-spans.jsonl", table: "ClaimSpan", where: `t.${inClaims}`, users: [] },
  { entry: "claim-sources.jsonl", table: "ClaimSource", where: `t."projectId" = $1`, users: [] },
  { entry: "review-decisions.jsonl", table: "ReviewDecision", where: `t."projectId" = $1`, users: ["actorId"] },
  { entry: "comments.jsonl", table: "ClaimComment", where: `t."projectId" = $1`, users: ["authorId"] },
  { entry: "assignments.jsonl", table: "Assignment", where: `t."projectId" = $1`, users: ["userId", "assignedById"] },
  { entry: "records.jsonl", table: "Record", where: `t."projectId" = $1`, users: ["createdById"] },
  { entry: "record-claims.jsonl", table: "RecordClaim", where: `t."projectId" = $1`, users: [] },
  { entry: "record-fields.jsonl", table: "RecordField", where: `t."projectId" = $1`, users: [] },
  { entry: "conflicts.jsonl", table: "Conflict", where: `t."projectId" = $1`, users: ["resolvedById"] },
  { entry: "suggestions.jsonl", table: "Suggestion", where: `t."projectId" = $1`, users: ["importedById", "decidedById"] },
  { entry: "releases.jsonl", table: "Release", where: `t."projectId" = $1`, users: ["createdById"] },
  // The files' bytes as PostgreSQL renders bytea in JSON (hex), so they come back byte for byte.
  { entry: "release-files.jsonl", table: "ReleaseFile", where: `t."releaseId" IN (SELECT id FROM "Release" WHERE "projectId" = $1)`, users: [] },
  { entry: "history.jsonl", table: "AuditEvent", where: `t."projectId" = $1`, users: ["actorId"] },
];
const USERS_ENTRY = "users.jsonl";
const MANIFEST = "manifest.json";
const KNOWN_ENTRIES = new Set([MANIFEST, USERS_ENTRY, ...TABLES.map((t) => t.entry)]);
const OPTIONAL_ENTRIES = new Set(TABLES.filter((t) => t.optional).map((t) => t.entry));

type Row = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Backup

/** Every user a backed-up row names, with the e-mail that stands for them in the archive. */
async function referencedUsers(db: Db, projectId: string): Promise<{ id: string; email: string; name: string }[]> {
  const parts = TABLES.flatMap((t) => t.users.map((c) => `SELECT t."${c}" AS uid FROM "${t.table}" t WHERE ${t.where}`));
  return db.$queryRawUnsafe<{ id: string; email: string; name: string }[]>(
    `SELECT u.id, u.email, u.name FROM "User" u WHERE u.id IN (${parts.join(" UNION ")}) ORDER BY u.email`,
    projectId,
  );
}

async function* tableRows(db: Db, table: Table, projectId: string): AsyncGenerator<Row> {
  let after = "";
  for (;;) {
    const batch = await db.$queryRawUnsafe<{ id: string; row: string }[]>(
      `SELECT t.id, row_to_json(t)::text AS row FROM "${table.table}" t WHERE ${table.where} AND t.id > $2 ORDER BY t.id LIMIT ${BATCH}`,
      projectId, after,
    );
    for (const { row } of batch) {
      const parsed = JSON.parse(row) as Row;
      for (const column of table.derived ?? []) delete parsed[column];
      yield parsed;
    }
    if (batch.length < BATCH) return;
    after = batch[batch.length - 1].id;
  }
}

type EntryStats = { sha256: string; bytes: number; rows: number };

/** JSONL lines of `rows`, counted and hashed on the way into the archive. */
async function* jsonl(rows: AsyncIterable<Row>, stats: EntryStats): AsyncGenerator<Uint8Array> {
  const hash = createHash("sha256");
  const encoder = new TextEncoder();
  for await (const row of rows) {
    const line = encoder.encode(`${JSON.stringify(row)}\n`);
    hash.update(line);
    stats.bytes += line.byteLength;
    stats.rows++;
    yield line;
  }
  stats.sha256 = hash.digest("hex");
}

type BackupDownload = { fileName: string; chunks: AsyncGenerator<Uint8Array> };

/** Authorizes at once (so a refusal is an error, not a broken download), then streams the archive. */
export async function backupProject(userId: string, projectId: string, now: Date = new Date()): Promise<BackupDownload> {
  const db = await getDb();
  await authorize(db, userId, projectId, "project.backup");
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } });
  await recordAuditEvent(db, { projectId, actorId: userId, action: "project.backup", objectType: "project", objectId: projectId });
  const slug = project.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "project";
  const fileName = `${slug}-backup-${now.toISOString().slice(0, 10)}.zip`;
  return { fileName, chunks: backupChunks(db, projectId, now) };
}

async function* backupChunks(db: Db, projectId: string, now: Date): AsyncGenerator<Uint8Array> {
  const users = await referencedUsers(db, projectId);
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  const stats = new Map<string, EntryStats>();
  const statsFor = (name: string) => {
    const s: EntryStats = { sha256: "", bytes: 0, rows: 0 };
    stats.set(name, s);
    return s;
  };
  async function* withEmails(table: Table): AsyncGenerator<Row> {
    for await (const row of tableRows(db, table, projectId)) {
      for (const c of table.users) if (typeof row[c] === "string") row[c] = emailOf.get(row[c] as string) ?? null;
      yield row;
    }
  }
  async function* userRows(): AsyncGenerator<Row> {
    for (const u of users) yield { ref: u.id, email: u.email, name: u.name };
  }
  function* entries(): Generator<ZipEntry> {
    yield { name: USERS_ENTRY, data: jsonl(userRows(), statsFor(USERS_ENTRY)) };
    for (const t of TABLES) yield { name: t.entry, data: jsonl(withEmails(t), statsFor(t.entry)) };
    // Last, so it can hold the hashes of everything before it.
    yield { name: MANIFEST, data: (async function* () { yield JSON.stringify(manifest(stats, now), null, 2); })() };
  }
  yield* zipStream(entries(), { modified: now });
}

function manifest(stats: Map<string, EntryStats>, now: Date) {
  const entries = Object.fromEntries([...stats].map(([name, s]) => [name, s]));
  const counts = Object.fromEntries([...stats].map(([name, s]) => [name.replace(/\.jsonl$/, ""), s.rows]));
  return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, created: now.toISOString(), counts, entries };
}

// ---------------------------------------------------------------------------------------------
// Reading an archive safely

export type BackupLimits = {
  /** The most the archive may expand to, all entries together. */
  maxTotalBytes: number;
  /** The most any entry over 64 KiB may be compressed (uncompressed / compressed). */
  maxCompressionRatio: number;
  maxEntries: number;
};

export function backupLimits(env: Record<string, string | undefined> = process.env): BackupLimits {
  const mb = Number(env.ATTEST_BACKUP_MAX_MB);
  return {
    maxTotalBytes: (Number.isFinite(mb) && mb > 0 ? mb : 500) * 1024 * 1024,
    maxCompressionRatio: 250,
    // Far above the entries a backup holds: past this, the directory is not even walked.
    maxEntries: 4 * KNOWN_ENTRIES.size,
  };
}

const unsafe = (detail: string) => new AppError("invalid", `This backup cannot be restored: ${detail}`);

/** The archive's entries from its central directory (lib/import/zip-guard.ts), refusing anything a backup we wrote never holds. */
async function listEntries(source: ZipSource, limits: BackupLimits): Promise<Map<string, ZipEntryInfo>> {
  const listed = await listZipEntries(source, {
    maxEntries: limits.maxEntries,
    maxExpandedBytes: limits.maxTotalBytes,
    maxCompressionRatio: limits.maxCompressionRatio,
    required: [...KNOWN_ENTRIES].filter((name) => !OPTIONAL_ENTRIES.has(name)).map((name) => ({ name, missing: `the entry ${name} is missing.` })),
    allowed: KNOWN_ENTRIES,
    refuseBackslash: true,
    encrypted: "the archive is encrypted.",
    zip64: "the archive uses ZIP64, which a backup never needs.",
  });
  if (!listed.ok) throw unsafe(listed.detail);
  return new Map(listed.entries.map((e) => [e.name, e]));
}

async function readWhole(bytes: ZipSource, entry: ZipEntryInfo): Promise<Uint8Array> {
  const out = new Uint8Array(entry.uncompressedSize);
  let at = 0;
  for await (const chunk of readZipEntry(bytes, entry)) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The lines of a JSONL entry, decoded as they inflate (the entry is never whole in memory). */
async function* entryLines(bytes: ZipSource, entry: ZipEntryInfo, hash?: ReturnType<typeof createHash>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let rest = "";
  for await (const chunk of readZipEntry(bytes, entry)) {
    hash?.update(chunk);
    const text = rest + decoder.decode(chunk, { stream: true });
    const lines = text.split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) yield line;
  }
  rest += decoder.decode();
  if (rest !== "") yield rest;
}

const Manifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number(),
  created: z.string(),
  counts: z.record(z.string(), z.number()),
  entries: z.record(z.string(), z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().nonnegative(), rows: z.number().int().nonnegative() })),
});
type Manifest = z.infer<typeof Manifest>;

async function readManifest(bytes: ZipSource, entry: ZipEntryInfo): Promise<Manifest> {
  if (entry.uncompressedSize > 1024 * 1024) throw unsafe("its manifest is too large.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(await readWhole(bytes, entry)));
  } catch (err) {
    if (err instanceof ZipEntryError) throw unsafe(err.message);
    throw unsafe("its manifest is not valid JSON.");
  }
  const format = (parsed as { format?: unknown; formatVersion?: unknown } | null);
  if (format?.format !== BACKUP_FORMAT) throw unsafe("it is not an Attest backup.");
  if (format.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw unsafe(`it is in format version ${JSON.stringify(format.formatVersion)}; this version of Attest reads version ${BACKUP_FORMAT_VERSION}.`);
  }
  const m = Manifest.safeParse(parsed);
  if (!m.success) throw unsafe("its manifest is damaged.");
  return m.data;
}

/** Every entry hashed against the manifest and parsed line by line; returns the row ids found, by table. */
async function verify(bytes: ZipSource, entries: Map<string, ZipEntryInfo>, manifest: Manifest): Promise<Map<string, string[]>> {
  const ids = new Map<string, string[]>(TABLES.map((t) => [t.table, []]));
  const tableOf = new Map(TABLES.map((t) => [t.entry, t.table]));
  for (const name of [USERS_ENTRY, ...TABLES.map((t) => t.entry)]) {
    const expected = manifest.entries[name];
    // An older archive, written before an optional table existed, has neither the entry nor its line.
    if (OPTIONAL_ENTRIES.has(name) && !expected && !entries.has(name)) continue;
    if (!expected) throw unsafe(`its manifest does not list ${name}.`);
    if (!entries.has(name)) throw unsafe(`the entry ${name} is missing.`);
    const hash = createHash("sha256");
    let rows = 0;
    try {
      for await (const line of entryLines(bytes, entries.get(name)!, hash)) {
        const row = parseRow(line, name);
        rows++;
        if (name !== USERS_ENTRY) ids.get(tableOf.get(name)!)!.push(row.id as string);
      }
    } catch (err) {
      if (err instanceof ZipEntryError) throw unsafe(err.message);
      if (err instanceof TypeError) throw unsafe(`the entry ${name} is not valid UTF-8.`);
      throw err;
    }
    if (hash.digest("hex") !== expected.sha256) throw unsafe(`the entry ${name} does not match its checksum in the manifest (it was changed or damaged).`);
    if (rows !== expected.rows) throw unsafe(`the entry ${name} has ${rows} rows; its manifest says ${expected.rows}.`);
  }
  if (Object.keys(manifest.entries).some((name) => !KNOWN_ENTRIES.has(name) || name === MANIFEST)) throw unsafe("its manifest lists unknown entries.");
  return ids;
}

function parseRow(line: string, name: string): Row {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    throw unsafe(`the entry ${name} holds a line that is not JSON.`);
  }
  if (typeof row !== "object" || row === null || Array.isArray(row)) throw unsafe(`the entry ${name} holds a line that is not an object.`);
  const r = row as Row;
  if (name === USERS_ENTRY) {
    if (typeof r.ref !== "string" || typeof r.email !== "string") throw unsafe(`the entry ${name} is damaged.`);
  } else if (typeof r.id !== "string" || r.id === "") {
    throw unsafe(`the entry ${name} holds a row without an id.`);
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// Restore

type RestoreResult = {
  projectId: string;
  name: string;
  /**
   * True when the archive's ids were kept (none of them exists here: another instance, or this one
   * after the project was deleted), so every export of the restored project matches the original's
   * byte for byte; false when one did and every row was given a new id.
   */
  idsKept: boolean;
  counts: Record<string, number>;
  /** E-mails of members with no account here: left out, their work attributed to the restoring user. */
  unmatchedMembers: string[];
  /** Assignments of those members, which cannot be kept (an assignment needs a member). */
  droppedAssignments: number;
};

type RestoreOptions = { name?: string; limits?: BackupLimits };

const RestoreName = z.string().trim().min(1).max(120);
const ID_CHECK_BATCH = 5000;

/** Replaces every old id found in `v` (a string, or one inside arrays and objects) by its new id. */
function remap(v: unknown, ids: Map<string, string>): unknown {
  if (typeof v === "string") return ids.get(v) ?? v;
  if (Array.isArray(v)) return v.map((x) => remap(x, ids));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, remap(x, ids)]));
  return v;
}

/** Whether any of the archive's row ids is already taken in its table here. */
async function idsCollide(db: Db, ids: Map<string, string[]>): Promise<boolean> {
  for (const [table, list] of ids) {
    for (let i = 0; i < list.length; i += ID_CHECK_BATCH) {
      const hit = await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "${table}" WHERE id = ANY($1::text[]) LIMIT 1`, list.slice(i, i + ID_CHECK_BATCH));
      if (hit.length > 0) return true;
    }
  }
  return false;
}

async function insertRows(tx: Tx, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  // PostgreSQL types each column from the table itself (enums, arrays, jsonb, timestamps, bytea); a
  // value that does not fit fails the statement, and with it the whole restore.
  await tx.$executeRawUnsafe(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`, JSON.stringify(rows));
}

/** Restores from bytes in memory or any ZipSource (the restore route's upload, on disk). */
export async function restoreProject(userId: string, input: Uint8Array | ZipSource, options: RestoreOptions = {}): Promise<RestoreResult> {
  const db = await getDb();
  const archive = input instanceof Uint8Array ? bytesSource(input) : input;
  const restorer = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!restorer) throw new AppError("unauthenticated");
  const nameOverride = options.name === undefined || options.name.trim() === "" ? undefined : RestoreName.safeParse(options.name);
  if (nameOverride && !nameOverride.success) throw new AppError("invalid", "The project name must be 1 to 120 characters.");

  const entries = await listEntries(archive, options.limits ?? backupLimits());
  const manifest = await readManifest(archive, entries.get(MANIFEST)!);
  const oldIds = await verify(archive, entries, manifest);

  // People: by e-mail to this instance's users; anyone unknown becomes the restoring user.
  const users: { ref: string; email: string }[] = [];
  for await (const line of entryLines(archive, entries.get(USERS_ENTRY)!)) users.push(parseRow(line, USERS_ENTRY) as { ref: string; email: string });
  const emails = [...new Set(users.map((u) => u.email))];
  const known = new Map((await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  const userFor = (email: unknown): string => (typeof email === "string" && known.get(email)) || restorer.id;

  // The archive's ids are kept unless one is taken here (the project restored into the instance it came
  // from): then every row gets a new id, and every old id found anywhere in a row, JSON included, is replaced.
  const write = async (keepIds: boolean): Promise<RestoreResult> => {
    const ids = new Map<string, string>();
    if (!keepIds) for (const list of oldIds.values()) for (const id of list) ids.set(id, newId());
    for (const u of users) ids.set(u.ref, userFor(u.email));

    const counts: Record<string, number> = {};
    const unmatched = new Set<string>();
    let droppedAssignments = 0;
    let restored = { id: "", name: "" };

    await db.$transaction(async (tx) => {
      for (const table of TABLES) {
        if (!entries.has(table.entry)) continue; // an optional table the archive predates (checked in verify)
        let batch: Row[] = [];
        let count = 0;
        for await (const line of entryLines(archive, entries.get(table.entry)!)) {
          const original = parseRow(line, table.entry);
          const emailsOf = Object.fromEntries(table.users.map((c) => [c, original[c]]));
          const row = remap(original, ids) as Row;
          for (const c of table.users) row[c] = emailsOf[c] === null || emailsOf[c] === undefined ? null : userFor(emailsOf[c]);

          if (table.table === "Project") {
            if (count > 0) throw unsafe("it holds more than one project.");
            if (nameOverride?.success) row.name = nameOverride.data;
            else if (!keepIds) row.name = `${String(original.name ?? "Project")} (restored)`.slice(0, 120);
            // A copy next to its original is a new project; the same project elsewhere keeps its dates.
            if (!keepIds) row.createdAt = row.updatedAt = new Date().toISOString();
            restored = { id: row.id as string, name: row.name as string };
          } else if ("projectId" in row) {
            row.projectId = restored.id;
          }
          if (table.table === "Membership") {
            const email = emailsOf.userId;
            if (typeof email !== "string" || !known.has(email)) {
              if (typeof email === "string") unmatched.add(email);
              continue;
            }
            if (email === restorer.email) row.role = "owner";
          }
          // An idempotency key only guards a client's retries of one save; kept, it would collide with the
          // original claim's key when the same person restores a project into the instance it came from.
          if (table.table === "Claim") row.idempotencyKey = null;
          // What the database derives is never taken from an archive: the triggers rebuild it from the rows it comes from.
          for (const c of table.derived ?? []) delete row[c];
          if (table.table === "Assignment" && (typeof emailsOf.userId !== "string" || !known.has(emailsOf.userId))) {
            droppedAssignments++;
            continue;
          }
          batch.push(row);
          count++;
          if (batch.length >= INSERT_BATCH) {
            await insertRows(tx, table.table, batch);
            batch = [];
          }
        }
        await insertRows(tx, table.table, batch);
        if (table.table === "Project" && count !== 1) throw unsafe("it holds no project.");
        if (table.table === "Membership") {
          const owner = await tx.membership.findUnique({ where: { projectId_userId: { projectId: restored.id, userId: restorer.id } } });
          if (!owner) {
            await tx.membership.create({ data: { id: newId(), projectId: restored.id, userId: restorer.id, role: "owner" } });
            count++;
          }
        }
        counts[table.entry.replace(/\.jsonl$/, "")] = count;
      }
      await recordAuditEvent(tx, {
        projectId: restored.id, actorId: restorer.id, action: "project.restore", objectType: "project", objectId: restored.id,
        after: { name: restored.name, backupCreated: manifest.created, idsKept: keepIds, counts, unmatchedMembers: [...unmatched].sort(), droppedAssignments },
      });
    }, { timeout: 10 * 60_000, maxWait: 30_000 });
    // A restore can add a large project at once: refresh the planner's statistics of the tables it
    // wrote (the embedded engine has no autovacuum, and a server's would only come later).
    await db.$executeRawUnsafe(`ANALYZE ${[...new Set(TABLES.map((t) => `"${t.table}"`))].join(", ")}`);

    return { projectId: restored.id, name: restored.name, idsKept: keepIds, counts, unmatchedMembers: [...unmatched].sort(), droppedAssignments };
  };

  if (await idsCollide(db, oldIds)) return write(false);
  try {
    return await write(true);
  } catch (err) {
    // Another restore of the same archive may have taken the ids between the check and the write:
    // then this one becomes a copy. Any other failure stands (and wrote nothing).
    if (!(await idsCollide(db, oldIds))) throw err;
    return write(false);
  }
}

/** Restores from an archive on disk (an upload streamed to a file), read by offset: never whole in memory. */
export async function restoreProjectFromFile(userId: string, filePath: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const handle = await open(filePath, "r");
  try {
    const { size } = await handle.stat();
    return await restoreProject(userId, fileSource(handle, size), options);
  } finally {
    await handle.close();
  }
}
