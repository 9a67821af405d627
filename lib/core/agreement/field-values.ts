/**
 * When two annotators' values of one field agree, per field kind.
 *
 * - text: equal after normalization (NFC, case-folded, runs of white space made one space, ends
 *   trimmed); enum: the same option, or for several choices the same set; boolean (yes / no /
 *   unknown) and number: equal.
 * - quantity: the intervals the figures allow overlap. Interval by qualifier (quantities are never
 *   negative): exact [best, best]; approx [low ?? best, high ?? best] (no range is invented
 *   around "about N"); at_least / more_than [low, ∞); at_most [0, high]; range [low, high];
 *   vague [low ?? 0, high ?? ∞]; unknown_nonzero [max(1, low ?? 1), high ?? ∞]; none [0, 0].
 *   "unknown" (the source says the number is unknown) has no interval and agrees only with
 *   "unknown". Figures with different units (both given) never agree: 300 fighters are not
 *   300 members.
 * - date: the [start, end] windows overlap (ISO days compare as strings); an unknown date (no
 *   window) agrees only with another unknown date.
 * - place: the normalized names as written are equal.
 * - actor: both linked to the actor list → the same actor id; otherwise the normalized names as
 *   written are equal. A link decides when both sides have one, since the list is what merges
 *   spellings ("ISKP" and "IS-K").
 * - attribution: the normalized source name, the source type and the stance are all equal.
 * - lists (`many` fields, multi-choice enums): equal as sets under the kind's rule: every value
 *   on one side has an agreeing value on the other, both ways.
 * A value of the wrong shape (not what the kind stores) agrees with nothing.
 * Pure; never throws.
 */
import type { FieldKind } from "@/lib/core/claim-types/definition";

/** NFC, case-folded (upper then lower, so "ß" and "SS" meet), white space collapsed and trimmed. */
export function normalizeText(s: string): string {
  return s.normalize("NFC").toUpperCase().toLowerCase().normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** Not stated: absent, null, blank text or an empty list. "unknown" values are stated. */
export function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);
}

type Rec = Record<string, unknown>;
const asRec = (v: unknown): Rec | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Rec) : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

type Interval = { lo: number; hi: number };

/** The interval a quantity allows; "unknown" for an unknown figure; null when malformed. */
export function quantityInterval(v: unknown): Interval | "unknown" | null {
  const q = asRec(v);
  if (!q) return null;
  const low = num(q.low);
  const best = num(q.best);
  const high = num(q.high);
  const make = (lo: number | null, hi: number | null) => (lo === null || hi === null || lo > hi ? null : { lo, hi });
  switch (q.qualifier) {
    case "exact": return make(best ?? low, best ?? high);
    case "approx": return make(low ?? best, high ?? best);
    case "at_least":
    case "more_than": return make(low, Infinity);
    case "at_most": return make(0, high);
    case "range": return make(low, high);
    case "vague": return make(low ?? 0, high ?? Infinity);
    case "unknown_nonzero": return make(Math.max(1, low ?? 1), high ?? Infinity);
    case "none": return make(0, 0);
    case "unknown": return "unknown";
    default: return null;
  }
}

function sameQuantity(a: unknown, b: unknown): boolean {
  const ia = quantityInterval(a);
  const ib = quantityInterval(b);
  if (ia === null || ib === null) return false;
  const ua = str(asRec(a)?.unit);
  const ub = str(asRec(b)?.unit);
  if (ua !== null && ub !== null && normalizeText(ua) !== normalizeText(ub)) return false;
  if (ia === "unknown" || ib === "unknown") return ia === ib;
  return ia.lo <= ib.hi && ib.lo <= ia.hi;
}

function sameDate(a: unknown, b: unknown): boolean {
  const da = asRec(a);
  const db = asRec(b);
  if (!da || !db) return false;
  const wa = str(da.start) !== null && str(da.end) !== null;
  const wb = str(db.start) !== null && str(db.end) !== null;
  if (!wa || !wb) return !wa && !wb && da.precision === "unknown" && db.precision === "unknown";
  return (da.start as string) <= (db.end as string) && (db.start as string) <= (da.end as string);
}

function sameName(a: unknown, b: unknown): boolean {
  const ra = str(asRec(a)?.raw);
  const rb = str(asRec(b)?.raw);
  return ra !== null && rb !== null && normalizeText(ra) === normalizeText(rb);
}

function sameActor(a: unknown, b: unknown): boolean {
  const ia = str(asRec(a)?.actorId);
  const ib = str(asRec(b)?.actorId);
  if (ia !== null && ib !== null) return ia === ib;
  return sameName(a, b);
}

function sameAttribution(a: unknown, b: unknown): boolean {
  const ra = asRec(a);
  const rb = asRec(b);
  return !!ra && !!rb && sameName(a, b) && ra.sourceType === rb.sourceType && ra.stance === rb.stance;
}

function samePlain(a: unknown, b: unknown): boolean {
  if (typeof a === "string" && typeof b === "string") return a === b;
  if (typeof a === "number" && typeof b === "number") return a === b;
  return false;
}

const SAME: Record<FieldKind, (a: unknown, b: unknown) => boolean> = {
  text: (a, b) => typeof a === "string" && typeof b === "string" && normalizeText(a) === normalizeText(b),
  number: samePlain,
  enum: samePlain,
  boolean: samePlain,
  quantity: sameQuantity,
  date: sameDate,
  place: sameName,
  actor: sameActor,
  attribution: sameAttribution,
};

function sameList(a: readonly unknown[], b: readonly unknown[], same: (x: unknown, y: unknown) => boolean): boolean {
  return a.every((x) => b.some((y) => same(x, y))) && b.every((y) => a.some((x) => same(x, y)));
}

/** Whether two stated values of a field of this kind agree; see the module comment. */
export function valuesAgree(kind: FieldKind, a: unknown, b: unknown): boolean {
  const same = SAME[kind];
  if (Array.isArray(a) || Array.isArray(b)) {
    return sameList(Array.isArray(a) ? a : [a], Array.isArray(b) ? b : [b], same);
  }
  return same(a, b);
}
