/**
 * A claim's history: its audit events (create, edit, delete, restore, comments, refused attempts)
 * and its review decisions, merged in time order, each with who, what, when, and for an edit which
 * fields changed (before and after, formatted as the claims table shows them). Review actions are
 * read from the decision rows (they carry the version decided on and the reason); their audit twins
 * are skipped. Refused attempts are shown to reviewers only.
 */
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { Id, parseInput } from "./input";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import { CLAIM_STATUS_LABELS, type ClaimStatus } from "@/lib/core/claim-status";
import { formatFieldValue } from "@/lib/core/claim-types/field-display";
import type { ClaimTypeDefinition, FieldDefinition } from "@/lib/core/claim-types/definition";
import { quotePreview } from "@/lib/core/offsets";
import { findDefinition } from "./claim-types";
import { loadVisibleClaim } from "./review";

const HistoryInput = z.strictObject({ claimId: Id });

/** One field (or the note, the evidence, a record's status or claims) before and after a change. */
export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

export interface HistoryEntry {
  id: string;
  at: Date;
  actorName: string;
  kind: "change" | "review" | "comment" | "denied";
  /** What happened, in words: "created the claim", "approved version 2". */
  what: string;
  reason?: string;
  changes: FieldChange[];
}

const REVIEW_AUDIT_ACTIONS = new Set(["claim.submit", "claim.approve", "claim.reject", "claim.reopen"]);
const CHANGE_WORDS: Record<string, string> = {
  "claim.create": "created the claim",
  "claim.update": "edited the claim",
  "claim.delete": "deleted the claim",
  "claim.restore": "restored the claim",
  "claim.comment": "commented",
};
const DECISION_WORDS: Record<ClaimStatus, string> = { draft: "returned", submitted: "submitted", approved: "approved", rejected: "rejected" };

export async function getClaimHistory(userId: string, projectId: string, input: unknown): Promise<HistoryEntry[]> {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "project.view");
  const { claimId } = parseInput(HistoryInput, input);
  await loadVisibleClaim(db, access, claimId);
  const seesDenied = can(access.role, "claim.review");
  const [claim, events, decisions] = await Promise.all([
    db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { claimTypeId: true, claimTypeVersion: true } }),
    db.auditEvent.findMany({
      where: { projectId, objectType: "claim", objectId: claimId, ...(seesDenied ? {} : { outcome: "ok" }) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, actorId: true, action: true, outcome: true, before: true, after: true, createdAt: true },
    }),
    db.reviewDecision.findMany({
      where: { projectId, claimId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, actorId: true, claimVersion: true, fromStatus: true, toStatus: true, reason: true, createdAt: true },
    }),
  ]);
  const def = await findDefinition(projectId, claim.claimTypeId, claim.claimTypeVersion);
  const actorIds = [...new Set([...events.map((e) => e.actorId), ...decisions.map((d) => d.actorId)].filter((id): id is string => id !== null))];
  const users = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const nameOf = (id: string | null) => (id ? names.get(id) ?? "a former member" : "the system");

  // An event and the decision it caused share a transaction and can share a timestamp: events first.
  const merged: (HistoryEntry & { order: number })[] = [];
  for (const e of events) {
    if (e.outcome === "ok" && REVIEW_AUDIT_ACTIONS.has(e.action)) continue;
    const denied = e.outcome === "denied";
    const verb = e.action.replace(/^claim\./, "");
    merged.push({
      id: e.id, at: e.createdAt, order: 0, actorName: nameOf(e.actorId),
      kind: denied ? "denied" : e.action === "claim.comment" ? "comment" : "change",
      what: denied ? `tried to ${verb} the claim (refused)` : CHANGE_WORDS[e.action] ?? e.action,
      changes: e.action === "claim.update" && !denied ? fieldChanges(def, asRecord(e.before), asRecord(e.after)) : [],
      ...(e.action === "claim.comment" ? { reason: String(asRecord(e.after).body ?? "") } : {}),
    });
  }
  for (const d of decisions) {
    merged.push({
      id: d.id, at: d.createdAt, order: 1, actorName: nameOf(d.actorId), kind: "review",
      what: `${DECISION_WORDS[d.toStatus]} version ${d.claimVersion} (${CLAIM_STATUS_LABELS[d.fromStatus]} → ${CLAIM_STATUS_LABELS[d.toStatus]})`,
      changes: [],
      ...(d.reason ? { reason: d.reason } : {}),
    });
  }
  merged.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
  return merged.map(({ order: _order, ...entry }) => entry);
}

export function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields, note and evidence that differ between a change's before and after (`values` keyed by
 * field, as claims store them and record events carry them), each written by `format` (default: as
 * the claims table shows a claim's stored value).
 */
export function fieldChanges(
  def: ClaimTypeDefinition | null, before: Record<string, unknown>, after: Record<string, unknown>,
  format: (f: FieldDefinition, v: unknown) => string = (f, v) => formatFieldValue(f, v).text,
): FieldChange[] {
  const out: FieldChange[] = [];
  const bv = asRecord(before.values);
  const av = asRecord(after.values);
  const keys = def ? def.fields.map((f) => f.key) : [...new Set([...Object.keys(bv), ...Object.keys(av)])];
  for (const key of keys) {
    if (same(bv[key], av[key])) continue;
    const f = def?.fields.find((x) => x.key === key);
    const show = (v: unknown) => (f ? format(f, v) : JSON.stringify(v ?? null));
    out.push({ label: f?.label ?? key, before: show(bv[key]), after: show(av[key]) });
  }
  if (!same(before.note, after.note)) out.push({ label: "Note", before: String(before.note ?? ""), after: String(after.note ?? "") });
  if (!same(before.spans, after.spans)) out.push({ label: "Evidence", before: quotes(before.spans), after: quotes(after.spans) });
  return out;
}

function quotes(spans: unknown): string {
  if (!Array.isArray(spans)) return "";
  return spans.map((s) => `“${quotePreview(String(asRecord(s).exact ?? ""), 80)}”`).join(", ");
}
