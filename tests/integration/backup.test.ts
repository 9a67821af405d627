/**
 * Backup and restore against real databases: a project with documents, claims (spans, values,
 * statuses, comments), an actor list and a record is backed up and restored into the same database
 * as a copy with new ids, whose documents, claims and records export the same once ids are replaced
 * by stable keys; members are matched by e-mail; only the owner may back up; hostile or damaged
 * archives are refused with a clear error and write nothing, and an error in the middle of the
 * restore leaves nothing behind either. Restored into another instance (a fresh database of each
 * engine, cross-engine when both run), a project with mixed scripts, discontinuous spans, several
 * statuses, a record and a release keeps its ids, and every dataset export and release file is
 * byte-identical to the original's. The restore route refuses an oversized or unsized upload unread.
 */
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { createTestDatabase, useTestDatabase, testEngines } from "../support/db";
import { addMemberWithRole, claimTypeByKey, makeProject, makeUser, TEST_PASSWORD } from "../support/factories";
import { failure } from "../support/errors";
import type { OpenDatabase } from "@/lib/db/engine";
import { setDatabaseForTests } from "@/lib/db/client";
import { signUp } from "@/lib/services/users";
import { approveClaim, rejectClaim, submitClaim } from "@/lib/services/review";
import { startExport } from "@/lib/services/exports";
import { listReleases, publishRelease, RELEASE_FILES, releaseFile } from "@/lib/services/releases";
import { importDocument } from "@/lib/services/documents";
import { createClaim } from "@/lib/services/claims";
import { addClaimComment } from "@/lib/services/comments";
import { createActor } from "@/lib/services/actors";
import { confirmProposal, proposeRecords } from "@/lib/services/records";
import { ALL_CLAIMS } from "@/lib/services/claim-visibility";
import { exportClaims, exportDocuments, exportRecords } from "@/lib/services/export-data";
import { backupProject, backupLimits, restoreProject, restoreProjectFromFile } from "@/lib/services/backup";
import { listFieldDefaults, setFieldDefault } from "@/lib/services/claim-type-defaults";
import { readZipEntry } from "@/lib/import/zip-entry-stream";
import { POST as restoreRoute } from "@/app/api/projects/restore/route";
import { parseDate, parseQuantity } from "@/lib/core/values";
import { KABUL, REPORT_A, REPORT_B } from "../support/reports";


function ok<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error("test value does not parse");
  return r.value;
}
const spanOf = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
async function bytesOf(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(Buffer.concat(await collect(chunks)));
}

// --- A minimal zip reader and writer of our own, to take a backup apart and build hostile ones.

type RawEntry = { name: string; data: Uint8Array; symlink?: boolean; deflate?: boolean; declaredSize?: number };

async function entriesOf(zip: Uint8Array): Promise<RawEntry[]> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.byteLength - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const total = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const out: RawEntry[] = [];
  for (let n = 0; n < total; n++) {
    const nameLen = view.getUint16(p + 28, true);
    const info = {
      name: new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLen)),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
    };
    out.push({ name: info.name, data: await bytesOf(readZipEntry(zip, info)) });
    p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

function writeZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const body = e.deflate ? deflateRawSync(e.data) : Buffer.from(e.data);
    const size = e.declaredSize ?? e.data.byteLength;
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.byteLength, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(name.byteLength, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE((3 << 8) | 20, 4); central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8); central.writeUInt16LE(e.deflate ? 8 : 0, 10); central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.byteLength, 20); central.writeUInt32LE(size, 24); central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(((e.symlink ? 0o120777 : 0o100644) << 16) >>> 0, 38); central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.byteLength + body.byteLength;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.byteLength, 12); end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

function crc32(data: Uint8Array): number {
  let c = ~0;
  for (const b of data) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

const text = (e: RawEntry) => new TextDecoder().decode(e.data);
const withText = (e: RawEntry, s: string): RawEntry => ({ ...e, data: new TextEncoder().encode(s) });

/** The backup's entries with `change` applied to them and, unless told not to, the manifest brought in line. */
function rebuilt(entries: RawEntry[], change: (byName: Map<string, RawEntry>) => void, fixManifest = true): Uint8Array {
  const byName = new Map(entries.map((e) => [e.name, e]));
  change(byName);
  if (fixManifest) {
    const manifest = JSON.parse(text(byName.get("manifest.json")!)) as { entries: Record<string, { sha256: string; bytes: number; rows: number }> };
    for (const [name, e] of byName) {
      if (!manifest.entries[name]) continue;
      const body = text(e);
      manifest.entries[name] = { sha256: createHash("sha256").update(e.data).digest("hex"), bytes: e.data.byteLength, rows: body === "" ? 0 : body.trimEnd().split("\n").length };
    }
    byName.set("manifest.json", withText(byName.get("manifest.json")!, JSON.stringify(manifest)));
  }
  return writeZip([...byName.values()]);
}

describe.each(testEngines())("backup and restore on %s", (engine) => {
  let db: OpenDatabase;
  let owner: { id: string }, editor: { id: string }, restorer: { id: string };
  let editorEmail: string;
  let projectId: string;
  let archive: Uint8Array;
  let entries: RawEntry[];

  const projectCount = () => db.prisma.project.count();

  /** Every export of a project with its ids replaced by keys that survive a restore. */
  async function snapshot(pid: string) {
    const docs = await collect(exportDocuments(db.prisma, pid));
    const claims = await collect(exportClaims(db.prisma, pid, ALL_CLAIMS));
    const records = await collect(exportRecords(db.prisma, pid, ALL_CLAIMS));
    const keys = new Map<string, string>();
    for (const d of docs) keys.set(d.id, `doc:${d.title}:${d.text.length}`);
    for (const c of claims) keys.set(c.id, `claim:${keys.get(c.documentId)}#${c.seq}`);
    for (const r of records) keys.set(r.id, `record:${r.seq}`);
    const norm = (v: unknown): unknown =>
      typeof v === "string" ? keys.get(v) ?? v
        : Array.isArray(v) ? v.map(norm)
          : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== "claimTypeId" && k !== "authorKey").map(([k, x]) => [k, norm(x)]))
            : v;
    const byKey = (a: { id: string }, b: { id: string }) => keys.get(a.id)!.localeCompare(keys.get(b.id)!);
    const out = norm({ docs: docs.sort(byKey), claims: claims.sort(byKey), records: records.sort(byKey) }) as {
      docs: unknown[]; claims: { seq: number }[]; records: { claimIds: string[] }[];
    };
    // A record lists its claims in id order, and ids are new after a restore.
    for (const r of out.records) r.claimIds.sort();
    return out;
  }

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    owner = await makeUser("Owner");
    editor = await makeUser("Editor");
    restorer = await makeUser("Restorer");
    editorEmail = (await db.prisma.user.findUniqueOrThrow({ where: { id: editor.id } })).email;
    projectId = (await makeProject(owner.id, "Kabul airport")).id;
    await addMemberWithRole(owner.id, projectId, editorEmail, "editor");
    const attackId = (await claimTypeByKey(owner.id, projectId, "attack")).id;
    const docA = (await importDocument(owner.id, projectId, { fileName: "a.txt", pastedText: REPORT_A }, { metadata: { title: "Report A", published: "2021-08-27" } })).documentId;
    const docB = (await importDocument(editor.id, projectId, { fileName: "b.txt", pastedText: REPORT_B }, { metadata: { title: "Report B", published: "2021-09-15" } })).documentId;
    await createActor(owner.id, projectId, { name: "Islamic State Khorasan Province", aliases: ["ISIS-K", "ISKP"] });
    await setFieldDefault(editor.id, projectId, { claimTypeId: attackId, version: 0, field: "perpetrators", value: [{ raw: "ISKP" }] });
    const a = await createClaim(owner.id, projectId, {
      documentId: docA, claimTypeId: attackId, spans: [spanOf(REPORT_A, "A suicide bombing at Hamid Karzai International Airport on 26 August 2021 killed at least 170 people")],
      values: { date: ok(parseDate("26 August 2021")), location: KABUL, perpetrators: [{ raw: "ISIS-K" }], fatalities: ok(parseQuantity("at least 170")) },
      // Saved with a retry key, as the document page saves: restoring into this instance must not collide with it.
      idempotencyKey: "save-0001-retry-key",
    });
    const b = await createClaim(editor.id, projectId, {
      documentId: docB, claimTypeId: attackId, spans: [spanOf(REPORT_B, "Islamic State Khorasan Province bombing at Kabul airport on August 26, 2021 killed 183 people")],
      values: { date: ok(parseDate("August 26, 2021")), location: KABUL, perpetrators: [{ raw: "Islamic State Khorasan Province" }], fatalities: ok(parseQuantity("183")) },
      note: "Pentagon figure",
    });
    await createClaim(editor.id, projectId, { documentId: docB, claimTypeId: attackId, spans: [spanOf(REPORT_B, "13 US service members")] });
    await addClaimComment(owner.id, projectId, { claimId: b.id, body: "Check the later toll." });
    // Approval belongs to the review workflow (tested there); the record only needs its outcome.
    await db.prisma.claim.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { status: "approved" } });
    const { proposals } = await proposeRecords(owner.id, projectId);
    await confirmProposal(owner.id, projectId, { claimIds: proposals[0].claims.map((c) => c.id) });

    archive = await bytesOf((await backupProject(owner.id, projectId, new Date("2026-11-26T10:00:00Z"))).chunks);
    entries = await entriesOf(archive);
  });
  afterAll(async () => db?.close());

  it("writes a manifest with the format, counts and the checksum of every entry", () => {
    const manifest = JSON.parse(text(entries.find((e) => e.name === "manifest.json")!));
    expect(manifest).toMatchObject({ format: "attest-backup", formatVersion: 1, created: "2026-11-26T10:00:00.000Z" });
    expect(manifest.counts).toMatchObject({ project: 1, members: 2, documents: 2, claims: 3, comments: 1, records: 1, actors: 1 });
    for (const e of entries.filter((x) => x.name !== "manifest.json")) {
      expect(manifest.entries[e.name].sha256).toBe(createHash("sha256").update(e.data).digest("hex"));
    }
    // People are named by e-mail, not by this instance's ids.
    const claims = text(entries.find((e) => e.name === "claims.jsonl")!);
    expect(claims).toContain(editorEmail);
    expect(claims).not.toContain(editor.id);
    // The database's copy of each claim's spans is derived, not data: it stays out of the archive.
    expect(claims).not.toContain("spanCache");
  });

  it("rebuilds each claim's copy of its spans from the archive's spans, whatever a claim row says", async () => {
    const forged = rebuilt(entries, (m) => {
      const lines = text(m.get("claims.jsonl")!).trimEnd().split("\n").map((l) => JSON.stringify({ ...JSON.parse(l), spanCache: [[0, 8, "Invented", "", ""]] }));
      m.set("claims.jsonl", withText(m.get("claims.jsonl")!, `${lines.join("\n")}\n`));
      // One claim loses its spans, so no span row of it would set its copy right afterwards.
      const first = (JSON.parse(lines[0]) as { id: string }).id;
      const spans = text(m.get("claim-spans.jsonl")!).trimEnd().split("\n").filter((l) => (JSON.parse(l) as { claimId: string }).claimId !== first);
      m.set("claim-spans.jsonl", withText(m.get("claim-spans.jsonl")!, `${spans.join("\n")}\n`));
    });
    const result = await restoreProject(owner.id, forged);
    const rows = await db.prisma.$queryRawUnsafe<{ id: string; cache: unknown; spans: unknown }[]>(
      `SELECT c.id, c."spanCache" AS cache, (SELECT jsonb_agg(jsonb_build_array(s.start, s."end", s.exact, s.prefix, s.suffix) ORDER BY s.ordinal) FROM "ClaimSpan" s WHERE s."claimId" = c.id) AS spans
       FROM "Claim" c WHERE c."projectId" = $1`, result.projectId,
    );
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.spans === null)).toHaveLength(1);
    for (const r of rows) expect(r.cache).toEqual(r.spans);
    expect(JSON.stringify(rows)).not.toContain("Invented");
  });

  it("is the same archive byte for byte when taken twice at the same time", async () => {
    const again = await bytesOf((await backupProject(owner.id, projectId, new Date("2026-11-26T10:00:00Z"))).chunks);
    // The first backup's own audit event is in the second one's history: compare everything else.
    const a = entries.filter((e) => e.name !== "history.jsonl" && e.name !== "manifest.json");
    const b = (await entriesOf(again)).filter((e) => e.name !== "history.jsonl" && e.name !== "manifest.json");
    expect(b).toEqual(a);
  });

  it("restores as a new project whose documents, claims and records export the same", async () => {
    const before = await projectCount();
    const result = await restoreProject(owner.id, archive, { name: "Kabul airport (copy)" });
    expect(await projectCount()).toBe(before + 1);
    expect(result.projectId).not.toBe(projectId);
    // Its ids are taken here (the original is still in this database): a copy with new ids.
    expect(result).toMatchObject({ name: "Kabul airport (copy)", idsKept: false, unmatchedMembers: [], droppedAssignments: 0 });
    const original = await snapshot(projectId);
    const restored = await snapshot(result.projectId);
    expect(restored).toEqual(original);
    expect(restored.claims.map((c) => c.seq).sort()).toEqual([1, 1, 2]);
    expect(original.records).toHaveLength(1);
    const members = await db.prisma.membership.findMany({ where: { projectId: result.projectId }, select: { userId: true, role: true } });
    expect(members).toEqual(expect.arrayContaining([{ userId: owner.id, role: "owner" }, { userId: editor.id, role: "editor" }]));
    expect(await db.prisma.claimComment.count({ where: { projectId: result.projectId } })).toBe(1);
    const document = await db.prisma.document.findFirstOrThrow({ where: { projectId: result.projectId, title: "Report B" } });
    expect(document.createdById).toBe(editor.id);
    expect(await db.prisma.auditEvent.count({ where: { projectId: result.projectId, action: "project.restore" } })).toBe(1);
    // The claim types' field defaults come back on the copy's own claim types, with their version.
    const byTypeKey = async (pid: string) => {
      const defaults = await listFieldDefaults(owner.id, pid);
      const types = await db.prisma.claimType.findMany({ where: { projectId: pid }, select: { id: true, key: true } });
      return Object.fromEntries(types.map((t) => [t.key, defaults[t.id]]));
    };
    expect(await byTypeKey(result.projectId)).toEqual(await byTypeKey(projectId));
    expect((await byTypeKey(result.projectId)).attack).toEqual({ version: 1, values: { perpetrators: [{ raw: "ISKP" }] } });
  });

  it("restores an archive written before field defaults existed, with none", async () => {
    const older = rebuilt(entries, (m) => {
      m.delete("claim-type-defaults.jsonl");
      const manifest = JSON.parse(text(m.get("manifest.json")!)) as { entries: Record<string, unknown>; counts: Record<string, unknown> };
      delete manifest.entries["claim-type-defaults.jsonl"];
      delete manifest.counts["claim-type-defaults"];
      m.set("manifest.json", withText(m.get("manifest.json")!, JSON.stringify(manifest)));
    });
    const result = await restoreProject(owner.id, older);
    expect(result.counts).not.toHaveProperty("claim-type-defaults");
    expect(Object.values(await listFieldDefaults(owner.id, result.projectId)).every((d) => d.version === 0)).toBe(true);
    expect(await db.prisma.claim.count({ where: { projectId: result.projectId } })).toBe(3);
  });

  it("refuses an archive whose manifest lists field defaults that are not in it", async () => {
    const damaged = rebuilt(entries, (m) => m.delete("claim-type-defaults.jsonl"));
    expect((await failure(restoreProject(owner.id, damaged))).message).toMatch(/claim-type-defaults\.jsonl is missing/);
  });

  it("gives a stranger's restore to them as owner and attributes unknown members' work to them", async () => {
    const unknown = rebuilt(entries, (m) => {
      for (const name of ["users.jsonl", "members.jsonl", "claims.jsonl", "documents.jsonl"]) {
        m.set(name, withText(m.get(name)!, text(m.get(name)!).replaceAll(editorEmail, "gone@example.org")));
      }
    });
    const result = await restoreProject(restorer.id, unknown);
    expect(result.unmatchedMembers).toEqual(["gone@example.org"]);
    expect(result.name).toBe("Kabul airport (restored)");
    const members = await db.prisma.membership.findMany({ where: { projectId: result.projectId }, select: { userId: true, role: true } });
    expect(members).toEqual(expect.arrayContaining([{ userId: restorer.id, role: "owner" }, { userId: owner.id, role: "owner" }]));
    expect(members).toHaveLength(2);
    expect(await db.prisma.claim.count({ where: { projectId: result.projectId, authorId: restorer.id } })).toBe(2);
    expect(await db.prisma.document.count({ where: { projectId: result.projectId, createdById: restorer.id } })).toBe(1);
  });

  it("lets only the owner back up", async () => {
    expect((await failure(backupProject(editor.id, projectId))).code).toBe("forbidden");
    expect((await failure(backupProject(restorer.id, projectId))).code).toBe("not_found");
  });

  const hostile: [string, () => Uint8Array, RegExp][] = [
    ["a path that leaves the archive", () => writeZip([...entries, { name: "../evil.jsonl", data: new Uint8Array(1) }]), /leaves the archive/],
    ["an absolute path", () => writeZip([...entries, { name: "/etc/passwd", data: new Uint8Array(1) }]), /absolute path/],
    ["a backslash", () => writeZip([...entries, { name: "a\\b.jsonl", data: new Uint8Array(1) }]), /backslash/],
    ["a symbolic link", () => writeZip(entries.map((e) => (e.name === "members.jsonl" ? { ...e, symlink: true } : e))), /symbolic link/],
    ["a duplicate name", () => writeZip([...entries, entries.find((e) => e.name === "claims.jsonl")!]), /twice/],
    ["an unknown entry", () => writeZip([...entries, { name: "notes.txt", data: new Uint8Array(1) }]), /unknown entry/],
    ["a missing entry", () => writeZip(entries.filter((e) => e.name !== "comments.jsonl")), /comments\.jsonl is missing/],
    ["a size bomb", () => writeZip(entries.map((e) => (e.name === "comments.jsonl" ? { ...e, data: new Uint8Array(8 * 1024 * 1024), deflate: true } : e))), /zip bomb/],
    ["an entry larger than it declares", () => writeZip(entries.map((e) => (e.name === "claims.jsonl" ? { ...e, declaredSize: 10, deflate: true } : e))), /declared size|zip bomb/],
    ["an unknown format version", () => rebuilt(entries, (m) => m.set("manifest.json", withText(m.get("manifest.json")!, text(m.get("manifest.json")!).replace('"formatVersion": 1', '"formatVersion": 2'))), false), /format version 2/],
    ["a tampered entry", () => rebuilt(entries, (m) => m.set("claims.jsonl", withText(m.get("claims.jsonl")!, text(m.get("claims.jsonl")!).replace("Pentagon figure", "Invented figure"))), false), /checksum/],
    ["not a zip at all", () => new TextEncoder().encode("hello"), /not a zip/],
  ];

  it.each(hostile)("refuses an archive with %s and writes nothing", async (_label, make, message) => {
    const before = await projectCount();
    const err = await failure(restoreProject(owner.id, make()));
    expect(err.code).toBe("invalid");
    expect(err.message).toMatch(message);
    expect(await projectCount()).toBe(before);
  });

  it("refuses an archive over the configured total size", async () => {
    const before = await projectCount();
    const err = await failure(restoreProject(owner.id, archive, { limits: { ...backupLimits({}), maxTotalBytes: 1024 } }));
    expect(err.message).toMatch(/more than 0 MB/);
    expect(await projectCount()).toBe(before);
  });

  it("writes nothing when a row fails in the middle of the restore", async () => {
    const before = await projectCount();
    const claims = await db.prisma.claim.count();
    const broken = rebuilt(entries, (m) => m.set("record-fields.jsonl", withText(m.get("record-fields.jsonl")!, text(m.get("record-fields.jsonl")!).replace(/"rule":"[^"]*"/, '"rule":null'))));
    await expect(restoreProject(owner.id, broken)).rejects.toThrow();
    expect(await projectCount()).toBe(before);
    expect(await db.prisma.claim.count()).toBe(claims);
  });
});

// --- Restoring into another instance: a fresh database, where none of the archive's ids exists.

const MIXED =
  "Gaza, 12 March 2024 \u{1F6A8}\r\nAn air strike on the Nuseirat camp killed 23 people, among them 8 children, the ministry said.\r\n" +
  "\u0642\u0627\u0644\u062A \u0627\u0644\u0648\u0632\u0627\u0631\u0629 \u0625\u0646 23 \u0634\u062E\u0635\u0627\u064B \u0642\u062A\u0644\u0648\u0627.\r\n" +
  "Witnesses (q\u0307 marks, fam\u{1F468}\u200D\u{1F469}\u200D\u{1F467}ily) said the strike hit at dawn.";
// Mis-decoded UTF-8, repaired on import: the document keeps its original text too.
const MOJIBAKE = "Caf\u00C3\u00A9 owner in M\u00C3\u00BCnchen said 4 people were hurt on 2 May 2024 near the caf\u00C3\u00A9.";
const EXPORT_FORMATS = ["claims-csv", "claims-jsonl", "web-annotation", "brat", "records-csv", "records-jsonl", "datapackage"] as const;

/** A span in code points, as the document page sends it. */
function cpSpan(stored: string, words: string) {
  const at = stored.indexOf(words);
  if (at < 0) throw new Error(`"${words}" is not in the text`);
  const start = [...stored.slice(0, at)].length;
  return { start, end: start + [...words].length };
}

describe.each(testEngines())("backup on %s restored into another instance", (engine) => {
  let source: OpenDatabase;
  const people = [{ name: "Owner", email: "" }, { name: "Editor", email: "" }];
  let ownerId: string, editorId: string;
  let projectId: string;
  let archive: Uint8Array;
  let exported: Map<string, Buffer>;
  let releaseFiles: Map<string, Buffer>;

  /** Every dataset export of the project at one fixed moment (an export names its date), people's ids as e-mails. */
  async function datasetExports(userId: string, pid: string): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-26T12:00:00Z") });
    try {
      for (const format of EXPORT_FORMATS) {
        const started = await startExport(userId, pid, format, {}, { origin: "https://attest.example" });
        let bytes = Buffer.from(await bytesOf(started.chunks));
        if (format === "web-annotation") {
          // The IRIs name the export job, a new one per download; people are named by their membership, which the backup keeps.
          bytes = Buffer.from(bytes.toString("utf8").replaceAll(started.jobId, "JOB"), "utf8");
        }
        out.set(format, bytes);
      }
    } finally {
      vi.useRealTimers();
    }
    return out;
  }

  async function filesOfReleases(userId: string, pid: string): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    for (const r of (await listReleases(userId, pid)).releases) {
      for (const name of RELEASE_FILES) out.set(`${r.version}/${name}`, Buffer.from((await releaseFile(userId, pid, r.id, name)).bytes));
      const { citation, citationText, contentHash, createdAt, createdBy } = r;
      out.set(`${r.version}/summary`, Buffer.from(JSON.stringify({ citation, citationText, contentHash, createdAt, createdBy })));
    }
    return out;
  }

  /** Rows of the project's documents as stored, but for who imported them (an account id). */
  const documentRows = (db: OpenDatabase, pid: string) =>
    db.prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT (row_to_json(t)::jsonb - 'createdById')::text AS row FROM "Document" t WHERE t."projectId" = $1 ORDER BY t.id`, pid);

  beforeAll(async () => {
    source = await useTestDatabase(engine);
    const owner = await makeUser(people[0].name);
    const editor = await makeUser(people[1].name);
    ownerId = owner.id;
    editorId = editor.id;
    for (const [i, u] of [owner, editor].entries()) {
      const row = await source.prisma.user.findUniqueOrThrow({ where: { id: u.id } });
      people[i] = { name: row.name, email: row.email };
    }
    projectId = (await makeProject(ownerId, "Nuseirat \u{1F30D} strikes")).id;
    await addMemberWithRole(ownerId, projectId, people[1].email, "editor");
    const attackId = (await claimTypeByKey(ownerId, projectId, "attack")).id;
    const mixed = (await importDocument(editorId, projectId, { fileName: "gaza.txt", bytes: new TextEncoder().encode(MIXED) }, { metadata: { title: "Gaza \u0639\u0631\u0628\u064A", published: "2024-03-12" } })).documentId;
    const broken = (await importDocument(ownerId, projectId, { fileName: "cafe.txt", pastedText: MOJIBAKE }, { metadata: { title: "Caf\u00E9" } })).documentId;
    const stored = async (id: string) => (await source.prisma.document.findUniqueOrThrow({ where: { id } })).text;
    const mixedText = await stored(mixed);
    const brokenText = await stored(broken);
    await createActor(ownerId, projectId, { name: "Israel Defense Forces", aliases: ["IDF"] });
    await setFieldDefault(ownerId, projectId, { claimTypeId: attackId, version: 0, field: "location", value: { raw: "Nuseirat camp", country: "PSE" } });

    // Discontinuous spans, over emoji, combining marks and Arabic.
    const strike = await createClaim(editorId, projectId, {
      documentId: mixed, claimTypeId: attackId,
      spans: [cpSpan(mixedText, "12 March 2024 \u{1F6A8}"), cpSpan(mixedText, "An air strike on the Nuseirat camp killed 23 people")],
      values: { date: ok(parseDate("12 March 2024")), location: { raw: "Nuseirat camp", country: "PSE" }, fatalities: ok(parseQuantity("23")) },
      note: "\u0642\u062A\u0644\u0649 \u{1F614}",
    });
    const arabic = await createClaim(editorId, projectId, {
      documentId: mixed, claimTypeId: attackId, spans: [cpSpan(mixedText, "\u0625\u0646 23 \u0634\u062E\u0635\u0627\u064B"), cpSpan(mixedText, "q\u0307 marks, fam\u{1F468}\u200D\u{1F469}\u200D\u{1F467}ily")],
      values: { date: ok(parseDate("12 March 2024")), location: { raw: "Nuseirat camp", country: "PSE" }, fatalities: ok(parseQuantity("23")) },
    });
    const rejected = await createClaim(editorId, projectId, { documentId: mixed, claimTypeId: attackId, spans: [cpSpan(mixedText, "8 children")] });
    const submitted = await createClaim(editorId, projectId, { documentId: broken, claimTypeId: attackId, spans: [cpSpan(brokenText, "4 people were hurt")] });
    await createClaim(ownerId, projectId, { documentId: broken, claimTypeId: attackId, spans: [cpSpan(brokenText, "2 May 2024")], note: "draft" });
    for (const c of [strike, arabic, rejected, submitted]) await submitClaim(editorId, projectId, { claimId: c.id, version: c.version });
    for (const c of [strike, arabic]) await approveClaim(ownerId, projectId, { claimId: c.id, version: c.version });
    await rejectClaim(ownerId, projectId, { claimId: rejected.id, version: rejected.version, reason: "Not an attack of its own." });
    await addClaimComment(ownerId, projectId, { claimId: strike.id, body: "Confirmed \u2714 by a second source." });
    await confirmProposal(ownerId, projectId, { claimIds: [strike.id] });
    await publishRelease(ownerId, projectId, { title: "First \u{1F4E6}", notes: "Two approved claims." }, { origin: "https://attest.example" });

    archive = await bytesOf((await backupProject(ownerId, projectId, new Date("2026-11-26T10:00:00Z"))).chunks);
    exported = await datasetExports(ownerId, projectId);
    releaseFiles = await filesOfReleases(ownerId, projectId);
  });
  afterAll(async () => source?.close());

  it("holds the releases with their files and the documents' kept originals", async () => {
    const byName = new Map((await entriesOf(archive)).map((e) => [e.name, text(e)]));
    expect(byName.get("releases.jsonl")!.trimEnd().split("\n")).toHaveLength(1);
    expect(byName.get("release-files.jsonl")!.trimEnd().split("\n")).toHaveLength(RELEASE_FILES.length);
    const documents = byName.get("documents.jsonl")!.trimEnd().split("\n").map((l) => JSON.parse(l) as { originalText: string | null; text: string });
    expect(documents.some((d) => d.originalText === MOJIBAKE)).toBe(true);
    expect(documents.some((d) => d.text.includes("\u{1F6A8}\nAn air strike"))).toBe(true);
    expect(releaseFiles.size).toBe(RELEASE_FILES.length + 1);
  });

  // Each engine as the source, restored into a fresh database of each engine (cross-engine when both run).
  it.each(testEngines())("restores into a fresh %s database with the same ids, and every export is byte-identical", async (target) => {
    const fresh = await createTestDatabase(target);
    try {
      setDatabaseForTests(fresh);
      // The same people have accounts there (matched by e-mail; their ids are that instance's own).
      const accounts = new Map<string, string>();
      for (const p of people) accounts.set((await signUp({ name: p.name, email: p.email, password: TEST_PASSWORD })).id, p.email);
      const restorerId = [...accounts].find(([, email]) => email === people[0].email)![0];
      expect(restorerId).not.toBe(ownerId);

      const result = await restoreProject(restorerId, archive);
      expect(result).toMatchObject({ projectId, idsKept: true, name: "Nuseirat \u{1F30D} strikes", unmatchedMembers: [], droppedAssignments: 0 });
      expect(result.counts).toMatchObject({ releases: 1, "release-files": RELEASE_FILES.length, claims: 5, records: 1 });

      const again = await datasetExports(restorerId, projectId);
      expect([...again.keys()]).toEqual([...exported.keys()]);
      for (const [format, bytes] of exported) expect({ format, equal: again.get(format)!.equals(bytes) }).toEqual({ format, equal: true });
      const files = await filesOfReleases(restorerId, projectId);
      expect([...files.keys()]).toEqual([...releaseFiles.keys()]);
      for (const [name, bytes] of releaseFiles) expect({ name, equal: files.get(name)!.equals(bytes) }).toEqual({ name, equal: true });
      expect((await documentRows(fresh, projectId)).map((r) => JSON.parse(r.row))).toEqual((await documentRows(source, projectId)).map((r) => JSON.parse(r.row)));
      // Field defaults keep their claim type ids and version.
      const defaults = await listFieldDefaults(restorerId, projectId);
      setDatabaseForTests(source);
      expect(defaults).toEqual(await listFieldDefaults(ownerId, projectId));
      setDatabaseForTests(fresh);
      expect(Object.values(defaults).some((d) => d.version === 1 && "location" in d.values)).toBe(true);

      // Restored a second time there, its ids are taken: a copy with new ids, named as one.
      const copy = await restoreProject(restorerId, archive);
      expect(copy).toMatchObject({ idsKept: false, name: "Nuseirat \u{1F30D} strikes (restored)" });
      expect(copy.projectId).not.toBe(projectId);
      const copied = await datasetExports(restorerId, copy.projectId);
      expect(copied.get("claims-csv")!.equals(exported.get("claims-csv")!)).toBe(false);
    } finally {
      setDatabaseForTests(source);
      await fresh.close();
    }
  });

  it("makes the second of two simultaneous restores there a copy, and both succeed", async () => {
    const fresh = await createTestDatabase(engine);
    try {
      setDatabaseForTests(fresh);
      const restorer = await signUp({ name: people[0].name, email: people[0].email, password: TEST_PASSWORD });
      const results = await Promise.all([restoreProject(restorer.id, archive), restoreProject(restorer.id, archive)]);
      expect(results.map((r) => r.idsKept).sort()).toEqual([false, true]);
      expect(results.find((r) => r.idsKept)!.projectId).toBe(projectId);
      expect(await fresh.prisma.project.count()).toBe(2);
      expect(await fresh.prisma.claim.count()).toBe(10);
    } finally {
      setDatabaseForTests(source);
      await fresh.close();
    }
  });

  it("attributes the work of a member without an account there to the restoring user, whose name the exports then show", async () => {
    const fresh = await createTestDatabase(engine);
    const dir = await mkdtemp(path.join(tmpdir(), "attest-backup-test-"));
    try {
      setDatabaseForTests(fresh);
      const restorer = await signUp({ name: people[0].name, email: people[0].email, password: TEST_PASSWORD });
      // From a file on disk, read by offset, as the restore route reads an upload.
      await writeFile(path.join(dir, "backup.zip"), archive);
      const result = await restoreProjectFromFile(restorer.id, path.join(dir, "backup.zip"));
      expect(result).toMatchObject({ projectId, idsKept: true, unmatchedMembers: [people[1].email] });
      const csv = (await datasetExports(restorer.id, projectId)).get("claims-csv")!.toString("utf8");
      expect(csv).not.toContain(people[1].name);
      expect(csv).toContain(people[0].name);
      expect(await fresh.prisma.claim.count({ where: { projectId, authorId: restorer.id } })).toBe(5);
    } finally {
      setDatabaseForTests(source);
      await fresh.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("the restore route", () => {
  /** A request whose body counts how often it is pulled. */
  function upload(headers: Record<string, string>) {
    const pulled = { count: 0 };
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled.count++;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const req = new NextRequest("http://localhost/api/projects/restore", {
      method: "POST",
      headers: { origin: "http://localhost", host: "localhost", "content-type": "multipart/form-data; boundary=x", ...headers },
      body,
      duplex: "half",
      // Node needs `duplex` for a streamed body; the DOM RequestInit type does not know it yet.
    } as unknown as ConstructorParameters<typeof NextRequest>[1]);
    return { req, pulled };
  }

  it("answers 413 from the declared size and 411 without one, before reading the body", async () => {
    const big = upload({ "content-length": String(2 * 1024 * 1024 * 1024) });
    const res = await restoreRoute(big.req);
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    expect(await res.json()).toEqual({ error: { code: "too_large", message: "The backup is larger than the 500 MB limit." } });
    const unsized = upload({});
    const res411 = await restoreRoute(unsized.req);
    expect(res411.status).toBe(411);
    // The stream may be primed once by the runtime; a read of the body would pull many times.
    expect(big.pulled.count).toBeLessThanOrEqual(1);
    expect(unsized.pulled.count).toBeLessThanOrEqual(1);
  });
});
