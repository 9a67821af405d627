/**
 * Backup and restore of a whole project as one zip: a JSONL file per table (the rows as PostgreSQL
 * renders them with row_to_json, so every column, JSON value and timestamp survives the round trip
 * unchanged) and a manifest.json, written last, with the format, its version, the row counts and the
 * SHA-256 of every entry. People are named by e-mail, never by this instance's user ids, so a backup
 * can be restored elsewhere; users.jsonl lists the user ids the rows mention with their e-mail, so ids
 * inside JSON values (history before/after) can be mapped too.
 *
 * Backing up = project.backup (the owner: it holds every member's work and the project's history).
 * Rows are read in keyset batches in id order (deterministic, never a whole table in memory). The
 * batches are separate reads, so a backup taken while people work can straddle an edit; taking it at
 * a quiet moment is the owner's call.
 *
 * Restoring creates a NEW project owned by the restoring user, with new ids everywhere (every old id
 * found anywhere in a row, JSON included, is replaced) and the same seq numbers and content. Members
 * are matched by e-mail to existing users; members without an account here are left out and their
 * work is attributed to the restoring user, and the result says so. The archive is checked in full
 * before anything is written (names, symlinks, duplicates, unknown entries, sizes and ratios, format
 * version, SHA-256 of every entry), then everything is written in one transaction: on any error,
 * nothing is.
 */
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/db/audit";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { zipStream, type ZipEntry } from "@/lib/exports/zip-writer";
import { unsafeEntryName, type ZipEntryInfo } from "@/lib/import/zip-guard";
import { readZipEntry, ZipEntryError } from "@/lib/import/zip-entry-stream";

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
};

const inClaims = `"claimId" IN (SELECT id FROM "Claim" WHERE "projectId" = $1)`;

/** In the order rows are restored, so each row's references already exist. */
const TABLES: readonly Table[] = [
  { entry: "project.jsonl", table: "Project", where: `t.id = $1`, users: [] },
  { entry: "members.jsonl", table: "Membership", where: `t."projectId" = $1`, users: ["userId"] },
  { entry: "claim-types.jsonl", table: "ClaimType", where: `t."projectId" = $1`, users: [] },
  { entry: "claim-type-versions.jsonl", table: "ClaimTypeVersion", where: `t."claimTypeId" IN (SELECT id FROM "ClaimType" WHERE "projectId" = $1)`, users: ["createdById"] },
  { entry: "documents.jsonl", table: "Document", where: `t."projectId" = $1`, users: ["createdById"] },
  { entry: "actors.jsonl", table: "Actor", where: `t."projectId" = $1`, users: [] },
  { entry: "actor-aliases.jsonl", table: "ActorAlias", where: `t."projectId" = $1`, users: [] },
  { entry: "claims.jsonl", table: "Claim", where: `t."projectId" = $1`, users: ["authorId"] },
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
  { entry: "history.jsonl", table: "AuditEvent", where: `t."projectId" = $1`, users: ["actorId"] },
];
const USERS_ENTRY = "users.jsonl";
const MANIFEST = "manifest.json";
const KNOWN_ENTRIES = new Set([MANIFEST, USERS_ENTRY, ...TABLES.map((t) => t.entry)]);

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
    for (const { row } of batch) yield JSON.parse(row) as Row;
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

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const UNIX = 3;
const RATIO_MIN_BYTES = 64 * 1024;

/** The archive's entries from its central directory, refusing anything a backup we wrote never holds. */
function listEntries(bytes: Uint8Array, limits: BackupLimits): Map<string, ZipEntryInfo> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) { eocd = i; break; }
  }
  if (eocd < 0) throw unsafe("it is not a zip archive.");
  const total = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (total > limits.maxEntries) throw unsafe(`it has ${total} entries; a backup has at most ${limits.maxEntries}.`);
  if (cdOffset + cdSize > eocd) throw unsafe("the archive is damaged.");
  const entries = new Map<string, ZipEntryInfo>();
  let expanded = 0;
  let p = cdOffset;
  for (let n = 0; n < total; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL_SIGNATURE) throw unsafe("the archive is damaged.");
    const madeBy = view.getUint16(p + 4, true);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const external = view.getUint32(p + 38, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen > eocd) throw unsafe("the archive is damaged.");
    const name = new TextDecoder(flags & 0x0800 ? "utf-8" : "latin1").decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;

    const bad = name.includes("\\") ? `a name with a backslash (${name})` : unsafeEntryName(name);
    if (bad) throw unsafe(`it contains ${bad}.`);
    if (madeBy >> 8 === UNIX && ((external >>> 16) & S_IFMT) === S_IFLNK) throw unsafe(`it contains a symbolic link (${name}).`);
    if (entries.has(name)) throw unsafe(`it lists ${name} twice.`);
    if (!KNOWN_ENTRIES.has(name)) throw unsafe(`it contains an unknown entry (${name}).`);
    if (flags & 0x0001) throw unsafe("it is encrypted.");
    if (method !== 0 && method !== 8) throw unsafe(`it uses an unsupported compression method (${method}).`);
    if (localHeaderOffset + compressedSize > cdOffset) throw unsafe(`the entry ${name} is out of bounds.`);
    if (uncompressedSize > RATIO_MIN_BYTES && uncompressedSize / Math.max(compressedSize, 1) > limits.maxCompressionRatio) {
      throw unsafe(`the entry ${name} is compressed more than ${limits.maxCompressionRatio}:1, which looks like a zip bomb.`);
    }
    expanded += uncompressedSize;
    if (expanded > limits.maxTotalBytes) {
      throw unsafe(`it would expand to more than ${Math.round(limits.maxTotalBytes / (1024 * 1024))} MB.`);
    }
    entries.set(name, { name, method, compressedSize, uncompressedSize, localHeaderOffset });
  }
  for (const name of KNOWN_ENTRIES) if (!entries.has(name)) throw unsafe(`the entry ${name} is missing.`);
  return entries;
}

async function readWhole(bytes: Uint8Array, entry: ZipEntryInfo): Promise<Uint8Array> {
  const out = new Uint8Array(entry.uncompressedSize);
  let at = 0;
  for await (const chunk of readZipEntry(bytes, entry)) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The lines of a JSONL entry, decoded as they inflate (the entry is never whole in memory). */
async function* entryLines(bytes: Uint8Array, entry: ZipEntryInfo, hash?: ReturnType<typeof createHash>): AsyncGenerator<string> {
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

async function readManifest(bytes: Uint8Array, entry: ZipEntryInfo): Promise<Manifest> {
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

/** Every entry hashed against the manifest and parsed line by line; returns every row id found (to be replaced). */
async function verify(bytes: Uint8Array, entries: Map<string, ZipEntryInfo>, manifest: Manifest): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const name of [USERS_ENTRY, ...TABLES.map((t) => t.entry)]) {
    const expected = manifest.entries[name];
    if (!expected) throw unsafe(`its manifest does not list ${name}.`);
    const hash = createHash("sha256");
    let rows = 0;
    try {
      for await (const line of entryLines(bytes, entries.get(name)!, hash)) {
        const row = parseRow(line, name);
        rows++;
        if (name !== USERS_ENTRY) ids.add(row.id as string);
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
  counts: Record<string, number>;
  /** E-mails of members with no account here: left out, their work attributed to the restoring user. */
  unmatchedMembers: string[];
  /** Assignments of those members, which cannot be kept (an assignment needs a member). */
  droppedAssignments: number;
};

type RestoreOptions = { name?: string; limits?: BackupLimits };

const RestoreName = z.string().trim().min(1).max(120);

/** Replaces every old id found in `v` (a string, or one inside arrays and objects) by its new id. */
function remap(v: unknown, ids: Map<string, string>): unknown {
  if (typeof v === "string") return ids.get(v) ?? v;
  if (Array.isArray(v)) return v.map((x) => remap(x, ids));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, remap(x, ids)]));
  return v;
}

async function insertRows(tx: Tx, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  // PostgreSQL types each column from the table itself (enums, arrays, jsonb, timestamps); a value
  // that does not fit fails the statement, and with it the whole restore.
  await tx.$executeRawUnsafe(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`, JSON.stringify(rows));
}

export async function restoreProject(userId: string, archive: Uint8Array, options: RestoreOptions = {}): Promise<RestoreResult> {
  const db = await getDb();
  const restorer = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!restorer) throw new AppError("unauthenticated");
  const nameOverride = options.name === undefined || options.name.trim() === "" ? undefined : RestoreName.safeParse(options.name);
  if (nameOverride && !nameOverride.success) throw new AppError("invalid", "The project name must be 1 to 120 characters.");

  const entries = listEntries(archive, options.limits ?? backupLimits());
  const manifest = await readManifest(archive, entries.get(MANIFEST)!);
  const oldIds = await verify(archive, entries, manifest);

  // People: by e-mail to this instance's users; anyone unknown becomes the restoring user.
  const users: { ref: string; email: string }[] = [];
  for await (const line of entryLines(archive, entries.get(USERS_ENTRY)!)) users.push(parseRow(line, USERS_ENTRY) as { ref: string; email: string });
  const emails = [...new Set(users.map((u) => u.email))];
  const known = new Map((await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  const userFor = (email: unknown): string => (typeof email === "string" && known.get(email)) || restorer.id;

  const ids = new Map<string, string>();
  for (const id of oldIds) ids.set(id, newId());
  for (const u of users) ids.set(u.ref, userFor(u.email));

  const counts: Record<string, number> = {};
  const unmatched = new Set<string>();
  let droppedAssignments = 0;
  let restored = { id: "", name: "" };

  await db.$transaction(async (tx) => {
    for (const table of TABLES) {
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
          else row.name = `${String(original.name ?? "Project")} (restored)`.slice(0, 120);
          row.createdAt = row.updatedAt = new Date().toISOString();
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
      after: { name: restored.name, backupCreated: manifest.created, counts, unmatchedMembers: [...unmatched].sort(), droppedAssignments },
    });
  }, { timeout: 10 * 60_000, maxWait: 30_000 });

  return { projectId: restored.id, name: restored.name, counts, unmatchedMembers: [...unmatched].sort(), droppedAssignments };
}
