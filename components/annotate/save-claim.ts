/**
 * The document page's write path, as plain functions (no React), so its rules are unit tested:
 *
 * - Every server call goes through `callAction`: a rejected call (the connection dropped, the response
 *   never arrived, the server answered something that is not a result) becomes a `network` failure the
 *   panel shows as "Not saved — retry", never an exception that would leave the panel busy.
 * - A new claim carries one idempotency key from the moment its draft is opened until a save succeeds,
 *   so a retry after a lost response returns the claim the first attempt stored instead of a second one.
 * - An update sends its evidence only when the spans changed, so an edit of the fields does not rewrite
 *   the claim's spans (nor re-read its wording against them).
 */
import { sameFieldValue, type ClaimTypeDefinition } from "@/lib/core/claim-types";
import type { ActionError, ActionResult } from "@/lib/errors";
import type { FullClaim, PanelState, PanelStatus, SpanDraft } from "./types";

/** What the client sees when a call did not come back with a result: nothing is known to be saved. */
const NETWORK_FAILURE = "Not saved — the connection failed. Your draft is kept in the form; retry when you are back online.";

type ClientError = ActionError | { code: "network"; message: string };
type ClientResult<T> = { ok: true; data: T } | { ok: false; error: ClientError };

function isResult(v: unknown): v is ActionResult<unknown> {
  if (!v || typeof v !== "object") return false;
  const r = v as { ok?: unknown; error?: { message?: unknown } };
  return r.ok === true || (r.ok === false && typeof r.error?.message === "string");
}

/** Runs one server call; any way it can fail without an answer becomes a `network` error. */
export async function callAction<T>(call: () => Promise<ActionResult<T>>, message = NETWORK_FAILURE): Promise<ClientResult<T>> {
  try {
    const res: unknown = await call();
    if (isResult(res)) return res as ActionResult<T>;
  } catch {
    // fetch rejected, or the action threw on its way back: fall through to the network failure
  }
  return { ok: false, error: { code: "network", message } };
}

/** The panel's message for a failed call; only a network failure offers to repeat the call. */
export function statusOf(e: ClientError, retry: PanelStatus["retry"]): PanelStatus {
  if (e.code === "network") return { message: e.message, kind: "network", retry };
  return { message: e.message, kind: e.code === "conflict" ? "conflict" : "error" };
}

/** A key for one draft claim (the server accepts 8 to 100 characters). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

const plainSpans = (spans: SpanDraft[]) => spans.map(({ start, end, exact }) => ({ start, end, exact }));

/** True when the draft's evidence differs from the stored claim's (as a set of offsets; order is not meaning). */
export function spansChanged(stored: { start: number; end: number }[], draft: { start: number; end: number }[]): boolean {
  const key = (list: { start: number; end: number }[]) => list.map((s) => `${s.start}-${s.end}`).sort().join(",");
  return key(stored) !== key(draft);
}

export function createInput(panel: Extract<PanelState, { mode: "new" }>, documentId: string) {
  return { documentId, claimTypeId: panel.typeId, spans: plainSpans(panel.spans), values: panel.values, note: panel.note, idempotencyKey: panel.idempotencyKey };
}

/** The update of an open claim, based on the version it was opened (or re-applied) at. */
export function updateInput(panel: Extract<PanelState, { mode: "edit" }>) {
  return {
    claimId: panel.claim.id,
    version: panel.claim.version,
    values: panel.values,
    note: panel.note,
    ...(spansChanged(panel.claim.spans, panel.spans) ? { spans: plainSpans(panel.spans) } : {}),
  };
}

/** What a draft would store, for telling whether a saved claim holds it. */
export function draftFingerprint(panel: { spans: SpanDraft[]; values: Record<string, unknown>; note: string }): string {
  return JSON.stringify([panel.spans.map((s) => [s.start, s.end]), panel.note, panel.values]);
}

/**
 * True when a claim the server returned lacks part of the draft that was sent: this happens when an
 * earlier attempt with the same key had been stored before the draft was edited, and the retry was
 * answered with that earlier claim. Derived fields are the server's to set, so they are not compared.
 */
export function savedWithoutDraft(saved: FullClaim, sent: { spans: SpanDraft[]; values: Record<string, unknown>; note: string }, definition: ClaimTypeDefinition): boolean {
  if (saved.note !== sent.note || spansChanged(saved.spans, sent.spans)) return true;
  return definition.fields.some((f) => !f.derived && !sameFieldValue(saved.values[f.key], sent.values[f.key]));
}
