/**
 * Team activity, the pure part: the words for an audit event's action, day windows for the "today /
 * this week / a date" filters (days are UTC days, as the audit log stores time; a week runs Monday to
 * Sunday), the feed's page cursor (newest first: createdAt desc, id desc) and grouping by day.
 */

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const DAY_PRESETS = ["today", "week"] as const;
export type DayPreset = (typeof DAY_PRESETS)[number];

export const DAY_PRESET_LABELS: Record<DayPreset, string> = { today: "Today", week: "This week" };

/** The UTC day of an instant, YYYY-MM-DD. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** An ISO day (YYYY-MM-DD) that exists in the calendar. */
export function isIsoDay(s: string): boolean {
  if (!ISO_DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && utcDay(d) === s;
}

/**
 * The half-open window [from, to) of a preset or an ISO day, read against `now`: today is the UTC day
 * of `now`, this week the Monday-to-Sunday week holding it. Null for anything else.
 */
export function dayWindow(day: string, now: Date): { from: Date; to: Date } | null {
  const today = new Date(`${utcDay(now)}T00:00:00.000Z`).getTime();
  if (day === "today") return { from: new Date(today), to: new Date(today + DAY_MS) };
  if (day === "week") {
    const sinceMonday = (new Date(today).getUTCDay() + 6) % 7;
    const from = today - sinceMonday * DAY_MS;
    return { from: new Date(from), to: new Date(from + 7 * DAY_MS) };
  }
  if (!isIsoDay(day)) return null;
  const from = new Date(`${day}T00:00:00.000Z`).getTime();
  return { from: new Date(from), to: new Date(from + DAY_MS) };
}

/** A position in the feed: the last event shown; the next page starts strictly after it. */
export interface ActivityCursor {
  at: Date;
  id: string;
}

const ISO_INSTANT_LENGTH = "2026-01-01T00:00:00.000Z".length;

export function encodeCursor(c: ActivityCursor): string {
  return `${c.at.toISOString()}_${c.id}`;
}

/** The cursor written by encodeCursor, or null when `s` is not one. */
export function decodeCursor(s: string): ActivityCursor | null {
  if (s.length <= ISO_INSTANT_LENGTH + 1 || s[ISO_INSTANT_LENGTH] !== "_") return null;
  const iso = s.slice(0, ISO_INSTANT_LENGTH);
  const id = s.slice(ISO_INSTANT_LENGTH + 1);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(iso) || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()) || at.toISOString() !== iso) return null;
  return { at, id };
}

const VERBS: Record<string, string> = {
  "claim.create": "created",
  "claim.update": "edited",
  "claim.delete": "deleted",
  "claim.restore": "restored",
  "claim.submit": "submitted",
  "claim.approve": "approved",
  "claim.reject": "rejected",
  "claim.reopen": "reopened",
  "claim.comment": "commented on",
  "claim.curate": "curated",
  "claim.uncurate": "withdrew the curated",
  "document.import": "imported",
  "document.metadata": "edited the details of",
  "document.useOriginal": "switched to the original text of",
  "document.openCuration": "opened for curation",
  "record.create": "confirmed",
  "record.merge": "merged records into",
  "record.split": "split",
  "record.detach": "detached a claim from",
  "record.refresh": "refreshed",
  "record.status": "changed the status of",
  "member.add": "added",
  "member.role": "changed the role of",
  "member.remove": "removed",
  "assignment.create": "assigned",
  "assignment.delete": "withdrew the assignment of",
  "assignment.state": "updated the assignment of",
  "claimType.create": "created the claim type",
  "claimType.update": "edited the claim type",
  "claimType.defaults": "changed the field defaults of the claim type",
  "actor.create": "added the actor",
  "actor.delete": "removed the actor",
  "release.publish": "published release",
  "suggestion.accept": "accepted a suggestion for",
  "suggestion.reject": "rejected a suggestion for",
  "annotations.import": "imported annotations into",
  "project.create": "created the project",
  "project.edit": "edited the project",
  "project.workflow": "changed the workflow settings",
  "project.backup": "downloaded a backup",
  "project.restore": "restored the project from a backup",
};

/** What the actor did, in words: "created", "approved", "edited 2 fields of". */
export function activityVerb(action: string, changedFields?: number): string {
  if (action === "claim.update" && changedFields !== undefined && changedFields > 0) {
    return `edited ${changedFields} field${changedFields === 1 ? "" : "s"} of`;
  }
  return VERBS[action] ?? action.replace(/\./g, " ");
}

/** Consecutive items of a newest-first list grouped by their UTC day, order kept. */
export function groupByDay<T extends { at: Date }>(items: readonly T[]): { day: string; items: T[] }[] {
  const groups: { day: string; items: T[] }[] = [];
  for (const item of items) {
    const day = utcDay(item.at);
    const last = groups.at(-1);
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

/** A day's heading: "Today", "Yesterday", else "Monday 23 November 2026". */
export function dayHeading(day: string, now: Date): string {
  const today = utcDay(now);
  if (day === today) return "Today";
  if (day === utcDay(new Date(new Date(`${today}T00:00:00.000Z`).getTime() - DAY_MS))) return "Yesterday";
  const d = new Date(`${day}T00:00:00.000Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

// Written out rather than left to the runtime's locale data, so every runtime says the same.
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
