/**
 * The project's activity feed: its audit events (what was done, not refused attempts), newest first,
 * in pages by keyset (createdAt desc, id desc), filtered by member and by day (today, this week, or
 * one date; UTC days). Each event is read as a line: who, what ("created Attack #3 on Report",
 * "edited 2 fields of ..."), when, and a link to what it names while that still exists.
 *
 * Who sees it: owners and editors ("activity.view"). The feed names every member's claims, so in a
 * blind project it would tell an annotator about the others' work; it is kept to the members who see
 * every claim anyway. Every query is scoped by the authorized project.
 *
 * URL parameters: member (a user id), day ("today" | "week"), on (YYYY-MM-DD, wins over day), before
 * (the cursor of the last line shown).
 */
import "server-only";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/auth/authorize";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { DAY_PRESETS, activityVerb, dayWindow, decodeCursor, encodeCursor, isIsoDay } from "@/lib/core/activity";
import type { Prisma } from "@/lib/generated/prisma/client";
import { asRecord, fieldChanges } from "./history";
import { Id } from "./input";

export const ACTIVITY_PAGE_SIZE = 50;

const ActivityQuery = z.strictObject({
  member: Id.optional(),
  day: z.enum(DAY_PRESETS).optional(),
  on: z.string().refine(isIsoDay, { error: "dates are written YYYY-MM-DD" }).optional(),
  before: z.string().max(120).optional(),
});
export type ActivityQuery = z.infer<typeof ActivityQuery>;

const KEYS = ["member", "day", "on", "before"] as const;

/** Parses URL search params; unknown keys are ignored, a bad value is `invalid`. */
export function parseActivityQuery(params: Record<string, string | string[] | undefined>): ActivityQuery {
  const flat: Record<string, string> = {};
  for (const key of KEYS) {
    const v = params[key];
    const value = Array.isArray(v) ? v[0] : v;
    if (value) flat[key] = value;
  }
  const parsed = ActivityQuery.safeParse(flat);
  if (!parsed.success || (parsed.data.before !== undefined && !decodeCursor(parsed.data.before))) {
    throw new AppError("invalid", "Unknown filter.", parsed.success ? [] : parsed.error.issues);
  }
  return parsed.data;
}

export interface ActivityLine {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string;
  /** "created", "approved", "edited 2 fields of". */
  verb: string;
  /** What it was done to ("Attack #3 on Report"), "" when the verb says it all. */
  object: string;
  /** A link to the object, while it still exists. */
  href: string | null;
  /** A rejection's reason, a comment's text, a role change. */
  detail: string | null;
}

export interface ActivityPage {
  project: { id: string; name: string };
  role: Role;
  members: { userId: string; name: string }[];
  query: ActivityQuery;
  /** The time the day filters were read against (and the feed's "Today" heading is). */
  now: Date;
  lines: ActivityLine[];
  /** The cursor for the next (older) page, null on the last. */
  next: string | null;
}

export async function listActivity(userId: string, projectId: string, query: ActivityQuery, now: Date = new Date()): Promise<ActivityPage> {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "activity.view");
  const q = parseActivityQuery(query);
  const window = q.on ? dayWindow(q.on, now) : q.day ? dayWindow(q.day, now) : null;
  const cursor = q.before ? decodeCursor(q.before) : null;
  const and: Prisma.AuditEventWhereInput[] = [];
  if (window) and.push({ createdAt: { gte: window.from, lt: window.to } });
  if (cursor) and.push({ OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] });
  const [project, memberships, events] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, name: true } }),
    db.membership.findMany({ where: { projectId }, select: { userId: true, user: { select: { name: true } } } }),
    db.auditEvent.findMany({
      where: { projectId, outcome: "ok", ...(q.member ? { actorId: q.member } : {}), AND: and },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: ACTIVITY_PAGE_SIZE + 1,
      select: { id: true, actorId: true, action: true, objectType: true, objectId: true, before: true, after: true, createdAt: true },
    }),
  ]);
  const page = events.slice(0, ACTIVITY_PAGE_SIZE);
  const last = page.at(-1);
  const lines = await describeEvents(db, projectId, page);
  const members = memberships.map((m) => ({ userId: m.userId, name: m.user.name })).sort((a, b) => a.name.localeCompare(b.name));
  return {
    project, role: access.role, members, query: q, now, lines,
    next: events.length > ACTIVITY_PAGE_SIZE && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

type EventRow = {
  id: string; actorId: string | null; action: string; objectType: string; objectId: string;
  before: Prisma.JsonValue; after: Prisma.JsonValue; createdAt: Date;
};

const idsOf = (events: EventRow[], type: string) => [...new Set(events.filter((e) => e.objectType === type).map((e) => e.objectId))];
const str = (v: unknown) => (typeof v === "string" ? v : null);

/** Loads what the events name (always within the project) and writes each as a line. */
async function describeEvents(db: Db, projectId: string, events: EventRow[]): Promise<ActivityLine[]> {
  const base = `/projects/${projectId}`;
  // Members an event is about (membership and assignment events carry the user's id).
  const memberships = await db.membership.findMany({ where: { projectId, id: { in: idsOf(events, "membership") } }, select: { id: true, userId: true } });
  const memberOf = new Map(memberships.map((m) => [m.id, m.userId]));
  const aboutUser = (e: EventRow) => {
    if (e.objectType !== "membership" && e.objectType !== "assignment") return null;
    return str(asRecord(e.after).userId) ?? str(asRecord(e.before).userId) ?? memberOf.get(e.objectId) ?? null;
  };
  const aboutUsers = events.map(aboutUser).filter((id): id is string => id !== null);
  const assignmentDocs = events.filter((e) => e.objectType === "assignment").map((e) => str(asRecord(e.after).documentId) ?? str(asRecord(e.before).documentId));
  const userIds = [...new Set([...events.map((e) => e.actorId).filter((id): id is string => id !== null), ...aboutUsers])];
  const documentIds = [...new Set([...idsOf(events, "document"), ...assignmentDocs.filter((id): id is string => id !== null)])];
  const [users, claims, documents, records, types, releases] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    db.claim.findMany({
      where: { projectId, id: { in: idsOf(events, "claim") } },
      select: { id: true, seq: true, deletedAt: true, documentId: true, document: { select: { title: true } }, claimType: { select: { name: true } } },
    }),
    db.document.findMany({ where: { projectId, id: { in: documentIds } }, select: { id: true, title: true } }),
    db.record.findMany({ where: { projectId, id: { in: idsOf(events, "record") } }, select: { id: true, seq: true, deletedAt: true, claimType: { select: { name: true } } } }),
    db.claimType.findMany({ where: { projectId, id: { in: idsOf(events, "claimType") } }, select: { id: true, name: true } }),
    db.release.findMany({ where: { projectId, id: { in: idsOf(events, "release") } }, select: { id: true, version: true } }),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  const claimById = new Map(claims.map((c) => [c.id, c]));
  const docById = new Map(documents.map((d) => [d.id, d]));
  const recordById = new Map(records.map((r) => [r.id, r]));
  const typeById = new Map(types.map((t) => [t.id, t]));
  const releaseById = new Map(releases.map((r) => [r.id, r]));
  const nameOf = (id: string | null) => (id ? names.get(id) ?? "a former member" : "the system");

  return events.map((e): ActivityLine => {
    const before = asRecord(e.before);
    const after = asRecord(e.after);
    let object = "";
    let href: string | null = null;
    let detail: string | null = null;
    let changed: number | undefined;
    switch (e.objectType) {
      case "claim": {
        const c = claimById.get(e.objectId);
        object = c ? `${c.claimType.name} #${c.seq} on ${c.document.title}` : "a claim no longer here";
        href = c && !c.deletedAt ? `${base}/documents/${c.documentId}#claim-${c.seq}` : null;
        if (e.action === "claim.update") changed = fieldChanges(null, before, after).length;
        if (e.action === "claim.reject") detail = str(after.reason);
        if (e.action === "claim.comment") detail = str(after.body);
        break;
      }
      case "document": {
        const d = docById.get(e.objectId);
        object = d ? d.title : str(after.title) ?? "a document no longer here";
        href = d ? `${base}/documents/${d.id}` : null;
        break;
      }
      case "record": {
        const r = recordById.get(e.objectId);
        object = r ? `${r.claimType.name} record #${r.seq}` : "a record no longer here";
        href = r && !r.deletedAt ? `${base}/records/${r.id}` : null;
        break;
      }
      case "claimType": {
        const t = typeById.get(e.objectId);
        object = t?.name ?? "";
        href = t ? `${base}/claim-types` : null;
        break;
      }
      case "release": {
        const r = releaseById.get(e.objectId);
        object = r?.version ?? "";
        href = r ? `${base}/releases/${r.id}` : null;
        break;
      }
      case "membership": {
        const who = aboutUser(e);
        const role = str(after.role);
        const as = role && role in ROLE_LABELS ? ` ${e.action === "member.role" ? "to" : "as"} ${ROLE_LABELS[role as Role]}` : "";
        object = `${who ? nameOf(who) : "a member"}${as}`;
        break;
      }
      case "assignment": {
        const who = aboutUser(e);
        const docId = str(after.documentId) ?? str(before.documentId);
        const d = docId ? docById.get(docId) : undefined;
        object = `${d?.title ?? "a document"}${who ? ` to ${nameOf(who)}` : ""}`;
        href = d ? `${base}/documents/${d.id}` : null;
        break;
      }
    }
    return { id: e.id, at: e.createdAt, actorId: e.actorId, actorName: nameOf(e.actorId), verb: activityVerb(e.action, changed), object, href, detail };
  });
}
