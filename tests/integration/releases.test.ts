/**
 * Releases against real databases: publishing stores five files and a hash over them; the working
 * dataset changing afterwards leaves every byte of the release as it was; the next release's
 * changelog names the added record and the changed field with old and new value; any two releases
 * compare; versions are validated; only editors publish; foreign ids are not found; and the
 * database itself refuses to rewrite a release.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { addMemberWithRole, claimTypeByKey, makeProject, makeUser } from "../support/factories";
import { failure } from "../support/errors";
import type { OpenDatabase } from "@/lib/db/engine";
import { importDocument } from "@/lib/services/documents";
import { createClaim, updateClaim } from "@/lib/services/claims";
import { confirmProposal, refreshRecord } from "@/lib/services/records";
import { compareReleases, contentHash, getRelease, listReleases, publishRelease, RELEASE_FILES, releaseFile } from "@/lib/services/releases";
import { parseDate, parseQuantity } from "@/lib/core/values";
import { CLAIM_COLUMNS } from "@/lib/core/formats/claims-csv";
import { RECORD_COLUMNS } from "@/lib/core/formats/records-csv";
import { readCsv } from "../support/csv";

const REPORT =
  "Kabul, 27 August 2021. A suicide bombing at Hamid Karzai International Airport on 26 August 2021 killed at least 170 people, " +
  "officials said. On 29 August 2021 a drone strike in Kabul killed 10 people, relatives said.";

function ok<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error("bad value");
  return r.value;
}
const QUOTE = "A suicide bombing at Hamid Karzai International Airport on 26 August 2021 killed at least 170 people";
const spanOf = (words: string) => ({ start: REPORT.indexOf(words), end: REPORT.indexOf(words) + words.length });
const text = (b: Uint8Array) => Buffer.from(b).toString("utf8");

describe.each(testEngines())("releases on %s", (engine) => {
  let db: OpenDatabase;
  let owner: { id: string }, annotator: { id: string }, stranger: { id: string };
  let projectId: string, attackId: string, docId: string;
  let first: { id: string; version: string };
  let firstBytes: Map<string, Uint8Array>;
  let claim1: { id: string; version: number }, record1: string;

  const approve = (claimId: string) => db.prisma.claim.update({ where: { id: claimId }, data: { status: "approved" } });

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    owner = await makeUser("Owner");
    annotator = await makeUser("Annotator");
    stranger = await makeUser("Stranger");
    projectId = (await makeProject(owner.id, "Kabul events")).id;
    const email = (await db.prisma.user.findUniqueOrThrow({ where: { id: annotator.id } })).email;
    await addMemberWithRole(owner.id, projectId, email, "annotator");
    attackId = (await claimTypeByKey(owner.id, projectId, "attack")).id;
    docId = (await importDocument(owner.id, projectId, { fileName: "r.txt", pastedText: REPORT }, { metadata: { title: "Report", published: "2021-08-30" } })).documentId;
    claim1 = await createClaim(owner.id, projectId, {
      documentId: docId, claimTypeId: attackId, spans: [spanOf(QUOTE)],
      values: { date: ok(parseDate("26 August 2021")), location: { raw: "Kabul airport", country: "AFG" }, fatalities: ok(parseQuantity("at least 170")) },
    });
    await approve(claim1.id);
    // A draft claim is not part of any release.
    await createClaim(annotator.id, projectId, { documentId: docId, claimTypeId: attackId, spans: [spanOf("killed 10 people")] });
    record1 = (await confirmProposal(owner.id, projectId, { claimIds: [claim1.id] })).id;
  });
  afterAll(async () => db?.close());

  it("suggests 1.0.0 and publishes the five files with their hashes, counts and citation", async () => {
    expect((await listReleases(owner.id, projectId)).suggestedVersion).toBe("1.0.0");
    first = await publishRelease(owner.id, projectId, { title: "First cut", notes: "Airport attack." }, { origin: "https://attest.example" });
    expect(first.version).toBe("1.0.0");
    const { release, changelog, previous } = await getRelease(annotator.id, projectId, first.id);
    expect(previous).toBeNull();
    expect(release.files.map((f) => f.name).sort()).toEqual([...RELEASE_FILES].sort());
    firstBytes = new Map();
    for (const f of release.files) {
      const file = await releaseFile(annotator.id, projectId, first.id, f.name);
      expect(createHash("sha256").update(file.bytes).digest("hex")).toBe(f.sha256);
      expect(file.bytes.length).toBe(f.size);
      firstBytes.set(f.name, file.bytes);
    }
    expect(release.contentHash).toBe(contentHash(release.files));
    expect(release.counts).toMatchObject({ records: { attack: 1 }, claims: { approved: 1, draft: 1 }, recordsTotal: 1, approvedClaims: 1, changes: { added: 1, removed: 0, changed: 0 } });
    expect(changelog.added.map((r) => r.id)).toEqual([record1]);
    // Only the approved claim, never the draft.
    expect(text(firstBytes.get("claims.jsonl")!).trim().split("\n").map((l) => JSON.parse(l).id)).toEqual([claim1.id]);
    // The CSVs read back with a standard parser in strict mode, as the records and claims they hold.
    const records = readCsv(firstBytes.get("records.csv")!);
    expect(records[0].slice(0, RECORD_COLUMNS.length)).toEqual([...RECORD_COLUMNS]);
    expect(records.slice(1).map((r) => Object.fromEntries(records[0].map((h, i) => [h, r[i]])))).toEqual([
      expect.objectContaining({ id: record1, type: "attack", date_start: "2021-08-26", date_end: "2021-08-26", country: "AFG", location: "Kabul airport", low: "170", number_of_sources: "1", source_documents: docId }),
    ]);
    const claims = readCsv(firstBytes.get("claims.csv")!);
    expect(claims[0].slice(0, CLAIM_COLUMNS.length)).toEqual([...CLAIM_COLUMNS]);
    expect(claims.slice(1).map((r) => Object.fromEntries(claims[0].map((h, i) => [h, r[i]])))).toEqual([
      expect.objectContaining({ id: claim1.id, document: docId, status: "approved", quote: REPORT.slice(spanOf(QUOTE).start, spanOf(QUOTE).end), start: String(spanOf(QUOTE).start) }),
    ]);
    expect(text(firstBytes.get("records.jsonl")!)).toContain(record1);
    const anno = JSON.parse(text(firstBytes.get("annotations.jsonld")!));
    expect(anno[0].type).toBe("AnnotationCollection");
    expect(release.citation).toMatchObject({ type: "dataset", version: "1.0.0", publisher: "Kabul events", URL: `https://attest.example/projects/${projectId}/releases/${first.id}` });
    expect(release.citationText).toContain("(Version 1.0.0) [Data set]");
    const audit = await db.prisma.auditEvent.findFirst({ where: { objectType: "release", objectId: first.id } });
    expect(audit?.action).toBe("release.publish");
  });

  it("gives the same bytes after the working dataset changes", async () => {
    const edited = await updateClaim(owner.id, projectId, { claimId: claim1.id, version: claim1.version, values: { date: ok(parseDate("26 August 2021")), location: { raw: "Kabul airport", country: "AFG" }, fatalities: ok(parseQuantity("183")) } });
    claim1 = edited;
    await approve(claim1.id);
    const rec = await db.prisma.record.findUniqueOrThrow({ where: { id: record1 } });
    await refreshRecord(owner.id, projectId, { recordId: record1, version: rec.version });
    const claim2 = await createClaim(owner.id, projectId, {
      documentId: docId, claimTypeId: attackId, spans: [spanOf("On 29 August 2021 a drone strike in Kabul killed 10 people")],
      values: { date: ok(parseDate("29 August 2021")), location: { raw: "Kabul", country: "AFG" }, fatalities: ok(parseQuantity("10")) },
    });
    await approve(claim2.id);
    await confirmProposal(owner.id, projectId, { claimIds: [claim2.id] });
    for (const name of RELEASE_FILES) {
      expect(Buffer.from((await releaseFile(owner.id, projectId, first.id, name)).bytes).equals(Buffer.from(firstBytes.get(name)!))).toBe(true);
    }
  });

  it("validates versions and suggests a minor bump after records were added", async () => {
    expect((await listReleases(owner.id, projectId)).suggestedVersion).toBe("1.1.0");
    expect((await failure(publishRelease(owner.id, projectId, { version: "1.0.0", title: "Again" }))).code).toBe("invalid");
    expect((await failure(publishRelease(owner.id, projectId, { version: "0.9.9", title: "Older" }))).code).toBe("invalid");
    expect((await failure(publishRelease(owner.id, projectId, { version: "v1.2", title: "Bad" }))).code).toBe("invalid");
    expect((await failure(publishRelease(owner.id, projectId, { version: "1.2.0-rc.1", title: "Pre" }))).code).toBe("invalid");
    expect((await failure(publishRelease(owner.id, projectId, { title: "" }))).code).toBe("invalid");
    expect((await listReleases(owner.id, projectId)).releases).toHaveLength(1);
  });

  it("lists the changes field by field in the next release's changelog, and compares any two releases", async () => {
    const second = await publishRelease(owner.id, projectId, { title: "Second cut" });
    expect(second.version).toBe("1.1.0");
    const { changelog, previous, others } = await getRelease(owner.id, projectId, second.id);
    expect(previous?.id).toBe(first.id);
    expect(others.map((o) => o.id)).toEqual([first.id]);
    expect(changelog.added).toHaveLength(1);
    expect(changelog.removed).toEqual([]);
    expect(changelog.changed).toHaveLength(1);
    expect(changelog.changed[0].id).toBe(record1);
    const fatal = changelog.changed[0].changes.find((c) => c.field === "fields.fatalities")!;
    expect(fatal.old).toMatchObject({ low: 170 });
    expect(fatal.new).toMatchObject({ best: 183 });
    const forward = await compareReleases(owner.id, projectId, first.id, second.id);
    expect(forward.changelog).toEqual(changelog);
    const backward = await compareReleases(owner.id, projectId, second.id, first.id);
    expect(backward.changelog.removed.map((r) => r.id)).toEqual(changelog.added.map((r) => r.id));
    expect(backward.changelog.changed[0].changes.find((c) => c.field === "fields.fatalities")).toEqual({ field: "fields.fatalities", old: fatal.new, new: fatal.old });
    // Nothing changed since: a patch is suggested, and the same dataset gives the same files.
    expect((await listReleases(owner.id, projectId)).suggestedVersion).toBe("1.1.1");
    const third = await publishRelease(owner.id, projectId, { title: "Unchanged", version: "2.0.0" });
    const [a, b] = await Promise.all([getRelease(owner.id, projectId, second.id), getRelease(owner.id, projectId, third.id)]);
    expect(b.release.contentHash).toBe(a.release.contentHash);
    expect(b.changelog).toEqual({ added: [], removed: [], changed: [] });
  });

  it("refuses an annotator's publish and answers foreign ids as not found", async () => {
    expect((await failure(publishRelease(annotator.id, projectId, { title: "Mine" }))).code).toBe("forbidden");
    expect((await failure(listReleases(stranger.id, projectId))).code).toBe("not_found");
    expect((await failure(releaseFile(stranger.id, projectId, first.id, "records.csv"))).code).toBe("not_found");
    const other = (await makeProject(stranger.id, "Other")).id;
    const foreign = await publishRelease(stranger.id, other, { title: "Theirs" });
    expect((await failure(getRelease(owner.id, projectId, foreign.id))).code).toBe("not_found");
    expect((await failure(releaseFile(owner.id, projectId, foreign.id, "records.csv"))).code).toBe("not_found");
    expect((await failure(compareReleases(owner.id, projectId, first.id, foreign.id))).code).toBe("not_found");
    expect((await failure(releaseFile(owner.id, projectId, first.id, "../secrets"))).code).toBe("not_found");
    expect((await failure(getRelease(owner.id, projectId, "not an id!"))).code).toBe("not_found");
  });

  it("refuses UPDATE and DELETE on releases and their files, but lets them go with their project", async () => {
    await expect(db.prisma.release.update({ where: { id: first.id }, data: { title: "Rewritten" } })).rejects.toThrow(/immutable/);
    await expect(db.prisma.release.delete({ where: { id: first.id } })).rejects.toThrow(/immutable/);
    const file = await db.prisma.releaseFile.findFirstOrThrow({ where: { releaseId: first.id, name: "records.csv" } });
    await expect(db.prisma.releaseFile.update({ where: { id: file.id }, data: { bytes: new Uint8Array([1]), size: 1 } })).rejects.toThrow(/immutable/);
    await expect(db.prisma.releaseFile.delete({ where: { id: file.id } })).rejects.toThrow(/immutable/);
    expect((await releaseFile(owner.id, projectId, first.id, "records.csv")).sha256).toBe(file.sha256);
    const other = (await makeProject(owner.id, "Disposable")).id;
    const rel = await publishRelease(owner.id, other, { title: "Gone soon" });
    await db.prisma.project.delete({ where: { id: other } });
    expect(await db.prisma.release.findUnique({ where: { id: rel.id } })).toBeNull();
    expect(await db.prisma.releaseFile.count({ where: { releaseId: rel.id } })).toBe(0);
  });
});
