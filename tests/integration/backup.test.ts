/**
 * Backup and restore against real databases: a project with documents, claims (spans, values,
 * statuses, comments), an actor list and a record is backed up and restored into the same database
 * as a new project whose documents, claims and records export the same once ids are replaced by
 * stable keys; members are matched by e-mail; only the owner may back up; hostile or damaged
 * archives are refused with a clear error and write nothing, and an error in the middle of the
 * restore leaves nothing behind either.
 */
import { createHash } from "node:crypto";
import { deflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { addMemberWithRole, claimTypeByKey, makeProject, makeUser } from "../support/factories";
import { failure } from "../support/errors";
import type { OpenDatabase } from "@/lib/db/engine";
import { importDocument } from "@/lib/services/documents";
import { createClaim } from "@/lib/services/claims";
import { addClaimComment } from "@/lib/services/comments";
import { createActor } from "@/lib/services/actors";
import { confirmProposal, proposeRecords } from "@/lib/services/records";
import { ALL_CLAIMS } from "@/lib/services/claim-visibility";
import { exportClaims, exportDocuments, exportRecords } from "@/lib/services/export-data";
import { backupProject, backupLimits, restoreProject } from "@/lib/services/backup";
import { readZipEntry } from "@/lib/import/zip-entry-stream";
import { parseDate, parseQuantity } from "@/lib/core/values";

const REPORT_A =
  "Kabul, 27 August 2021. A suicide bombing at Hamid Karzai International Airport on 26 August 2021 killed at least 170 people, " +
  "Afghan health officials said. ISIS-K said it carried out the attack on the crowds waiting at the gates.";
const REPORT_B =
  "Washington, 15 September 2021. The Pentagon said the Islamic State Khorasan Province bombing at Kabul airport on " +
  "August 26, 2021 killed 183 people, among them 13 US service members, in one of the deadliest days of the evacuation.";
const KABUL = { raw: "Kabul airport", country: "AFG", admin1: "Kabul" };

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
          : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== "claimTypeId").map(([k, x]) => [k, norm(x)]))
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
    expect(result).toMatchObject({ name: "Kabul airport (copy)", unmatchedMembers: [], droppedAssignments: 0 });
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
