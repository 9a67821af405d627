/**
 * The activity feed against real databases: the project's events newest first, read as lines (who,
 * what, a link while the object still exists), refused attempts left out; only owners and editors
 * see it (annotators are refused in open and blind projects alike, so no annotator learns of another's
 * claims), a non-member or a foreign project is not found; filters by member and by day (today, this
 * week, one date); keyset pages that meet exactly, ties broken by id; another project's events never
 * appear.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testEngines } from "../support/db";
import { addMemberWithRole, claimTypeByKey, makeDocument, makeProject, makeUser } from "../support/factories";
import { codeOf, failure } from "../support/errors";
import type { OpenDatabase } from "@/lib/db/engine";
import { createClaim, deleteClaim, updateClaim } from "@/lib/services/claims";
import { approveClaim, submitClaim } from "@/lib/services/review";
import { ACTIVITY_PAGE_SIZE, listActivity, parseActivityQuery, type ActivityLine } from "@/lib/services/activity";
import { utcDay } from "@/lib/core/activity";
import { newId } from "@/lib/ids";

type Who = { id: string; name: string; email: string };
const DAY = 86_400_000;
const sentence = (l: ActivityLine) => [l.actorName, l.verb, l.object].filter(Boolean).join(" ");

describe.each(testEngines())("activity feed on %s", (engine) => {
  let db: OpenDatabase;
  let owner: Who, editor: Who, a: Who, b: Who, viewer: Who, stranger: Who;
  let projectId: string, otherProjectId: string, docId: string, typeName: string;
  let claimA: { id: string; seq: number }, claimB: { id: string; seq: number };
  /** The newest event written through the services; day filters are read against its time. */
  let anchor: Date;
  let oldEventId: string;

  const feed = async (who: Who, params: Record<string, string> = {}, now = anchor, project = projectId) =>
    listActivity(who.id, project, parseActivityQuery(params), now);

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    owner = await makeUser("Owner");
    editor = await makeUser("Editor");
    a = await makeUser("Ann");
    b = await makeUser("Bea");
    viewer = await makeUser("Viewer");
    stranger = await makeUser("Stranger");
    projectId = (await makeProject(owner.id, "Activity")).id;
    await addMemberWithRole(owner.id, projectId, editor.email, "editor");
    await addMemberWithRole(owner.id, projectId, a.email, "annotator");
    await addMemberWithRole(owner.id, projectId, b.email, "annotator");
    await addMemberWithRole(owner.id, projectId, viewer.email, "viewer");
    const attack = await claimTypeByKey(owner.id, projectId, "attack");
    typeName = attack.name;
    docId = (await makeDocument(owner.id, projectId)).documentId;
    const c1 = await createClaim(a.id, projectId, { documentId: docId, claimTypeId: attack.id, spans: [{ start: 0, end: 6 }] });
    const e1 = await updateClaim(a.id, projectId, { claimId: c1.id, version: c1.version, note: "Checked against the wire copy." });
    await submitClaim(a.id, projectId, { claimId: c1.id, version: e1.version });
    await approveClaim(editor.id, projectId, { claimId: c1.id, version: e1.version });
    claimA = c1;
    const c2 = await createClaim(b.id, projectId, { documentId: docId, claimTypeId: attack.id, spans: [{ start: 7, end: 12 }] });
    await deleteClaim(b.id, projectId, { claimId: c2.id, version: c2.version });
    claimB = c2;
    // A refused attempt is in the log but not in the feed.
    await codeOf(approveClaim(a.id, projectId, { claimId: c1.id, version: e1.version }));
    const newest = await db.prisma.auditEvent.findFirstOrThrow({ where: { projectId, outcome: "ok" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    anchor = newest.createdAt;
    // An older event, ten days before: never in "today" or "this week".
    oldEventId = newId();
    await db.prisma.auditEvent.create({
      data: { id: oldEventId, projectId, actorId: owner.id, action: "document.metadata", objectType: "document", objectId: docId, createdAt: new Date(anchor.getTime() - 10 * DAY) },
    });
    otherProjectId = (await makeProject(stranger.id, "Elsewhere")).id;
    await makeDocument(stranger.id, otherProjectId);
  });
  afterAll(async () => db?.close());

  it("reads the project's events as lines, newest first, with links while the object exists", async () => {
    const page = await feed(owner);
    const lines = page.lines.map(sentence);
    const doc = `${typeName} #${claimA.seq} on Report`;
    const deleted = `${typeName} #${claimB.seq} on Report`;
    expect(lines.slice(0, 7)).toEqual([
      `${b.name} deleted ${deleted}`,
      `${b.name} created ${deleted}`,
      `${editor.name} approved ${doc}`,
      `${a.name} submitted ${doc}`,
      `${a.name} edited 1 field of ${doc}`,
      `${a.name} created ${doc}`,
      `${owner.name} imported Report`,
    ]);
    expect(lines).toContain(`${owner.name} added ${a.name} as Annotator`);
    expect(lines.at(-1)).toBe(`${owner.name} edited the details of Report`);
    expect(page.lines.some((l) => l.verb.startsWith("tried") || (l.actorId === a.id && l.verb === "approved"))).toBe(false);
    const base = `/projects/${projectId}`;
    expect(page.lines[5]!.href).toBe(`${base}/documents/${docId}#claim-${claimA.seq}`);
    expect(page.lines[0]!.href).toBeNull();
    expect(page.lines[1]!.href).toBeNull();
    expect(page.lines[6]!.href).toBe(`${base}/documents/${docId}`);
    expect(page.next).toBeNull();
    const times = page.lines.map((l) => l.at.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(page.members.map((m) => m.userId).sort()).toEqual([owner.id, editor.id, a.id, b.id, viewer.id].sort());
  });

  it("is for owners and editors only: annotators (open or blind project) and viewers are refused, others are not told it exists", async () => {
    expect((await feed(editor)).lines.length).toBe((await feed(owner)).lines.length);
    for (const mode of ["open", "blind"] as const) {
      await db.prisma.project.update({ where: { id: projectId }, data: { annotationMode: mode } });
      expect(await codeOf(feed(a))).toBe("forbidden");
      expect(await codeOf(feed(b))).toBe("forbidden");
    }
    expect(await codeOf(feed(viewer))).toBe("forbidden");
    expect(await codeOf(feed(stranger))).toBe("not_found");
    expect(await codeOf(feed(owner, {}, anchor, otherProjectId))).toBe("not_found");
    expect(await codeOf(feed(owner, {}, anchor, "no-such-project"))).toBe("not_found");
  });

  it("filters by member", async () => {
    const mine = await feed(editor, { member: a.id });
    expect(mine.lines.map((l) => l.verb)).toEqual(["submitted", "edited 1 field of", "created"]);
    expect(mine.lines.every((l) => l.actorId === a.id)).toBe(true);
    expect((await feed(editor, { member: stranger.id })).lines).toEqual([]);
  });

  it("filters by day: today, this week, or one date (UTC days)", async () => {
    const all = (await feed(owner)).lines.map((l) => l.id);
    const today = (await feed(owner, { day: "today" })).lines.map((l) => l.id);
    const week = (await feed(owner, { day: "week" })).lines.map((l) => l.id);
    expect(today).not.toContain(oldEventId);
    expect(week).not.toContain(oldEventId);
    expect(today.length).toBeGreaterThanOrEqual(7);
    expect(week).toEqual(expect.arrayContaining(today));
    expect(all).toContain(oldEventId);
    const onOldDay = await feed(owner, { on: utcDay(new Date(anchor.getTime() - 10 * DAY)) });
    expect(onOldDay.lines.map((l) => l.id)).toEqual([oldEventId]);
    // Read ten days later, nothing is "today", and the date wins over the preset.
    expect((await feed(owner, { day: "today" }, new Date(anchor.getTime() + 10 * DAY))).lines).toEqual([]);
    expect((await feed(owner, { day: "today", on: utcDay(anchor) })).lines.map((l) => l.id)).toEqual(today);
  });

  it("refuses filters it does not know", async () => {
    expect((await failure(feed(owner, { day: "month" }))).code).toBe("invalid");
    expect((await failure(feed(owner, { on: "2026-02-30" }))).code).toBe("invalid");
    expect((await failure(feed(owner, { before: "yesterday" }))).code).toBe("invalid");
    expect((await failure(feed(owner, { member: "not an id" }))).code).toBe("invalid");
  });

  it("pages by keyset: pages meet exactly, ties on time broken by id, and only this project's events appear", async () => {
    const projectOf = (await makeProject(owner.id, "Busy")).id;
    const instants = [0, 1, 2].map((i) => new Date(anchor.getTime() - (i + 1) * 60_000));
    const ids: string[] = [];
    for (let i = 0; i < ACTIVITY_PAGE_SIZE + 25; i++) {
      const id = newId();
      ids.push(id);
      await db.prisma.auditEvent.create({
        data: { id, projectId: projectOf, actorId: owner.id, action: "claim.comment", objectType: "claim", objectId: newId(), createdAt: instants[i % 3]! },
      });
    }
    const seen: string[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const page = await feed(owner, before ? { before } : {}, anchor, projectOf);
      expect(page.lines.length).toBeLessThanOrEqual(ACTIVITY_PAGE_SIZE);
      seen.push(...page.lines.map((l) => l.id));
      before = page.next;
      pages++;
    } while (before && pages < 10);
    const created = await db.prisma.auditEvent.findMany({ where: { projectId: projectOf }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(seen).toEqual(created.map((e) => e.id));
    expect(seen).toEqual(expect.arrayContaining(ids));
    expect(pages).toBe(2);
    // Comments on claims that are not this project's are named as gone, never looked up elsewhere.
    const comment = (await feed(owner, {}, anchor, projectOf)).lines.find((l) => l.verb === "commented on");
    expect(comment?.object).toBe("a claim no longer here");
    expect(comment?.href).toBeNull();
    const main = (await feed(owner)).lines.map((l) => l.id);
    expect(main.some((id) => ids.includes(id))).toBe(false);
  });
});
