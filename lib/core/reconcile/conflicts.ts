/**
 * Conflicts among the claims of one record, listed until an editor resolves them (claims.md
 * "Conflicts are first-class"). Kinds:
 * - date_mismatch: date windows of one field that do not all overlap;
 * - figure_mismatch: figures of one field whose ranges do not all overlap (figures.ts);
 * - none_vs_reported: sources saying none (0) against sources saying at least one;
 * - denial: sources denying or disputing (attribution stance denied/disputed) what others
 *   present as fact or report (asserted, reported, claimed, alleged);
 * - internal: claims of one document disagree: by the tests above for dates, figures and
 *   attributions, by different non-empty values for every other kind; the message says whether
 *   they share a passage (annotators disagree) or not (the document contradicts itself).
 * At most one conflict per kind, field (and document, for internal), each with two sides, so a
 * record of n claims costs O(n log n), never a conflict per pair. Values are grouped by canonical
 * key first. Windows (and figure ranges) all overlap iff the latest start is no later than the
 * earliest end; when not, one side holds the claims ending before the latest start (they
 * contradict the latest-starting claim), the other the rest of those starting after the earliest
 * end (they contradict the earliest-ending one); claims overlapping both extremes take no side.
 * Denials and none_vs_reported split the claims by stance or by none/some; other kinds set the
 * first value against the rest. A side's first claims are those of its extreme (or first) value,
 * which is the side's `value`; the side with the earlier claim comes first. The across-documents kinds are reported only when the sides
 * include two different documents.
 */
import type { ClaimTypeDefinition, FieldDefinition } from "@/lib/core/claim-types";
import type { ActorIndex } from "./actors";
import { formatWindow, readDateWindow } from "./dates";
import { figureRange, isPositive, readFigure } from "./figures";
import { asRecord } from "./normalize";
import type { ReconcileClaim } from "./types";
import { isEmptyValue, valueKey } from "./value-keys";

export type ConflictKind = "date_mismatch" | "figure_mismatch" | "none_vs_reported" | "denial" | "internal";
export type ConflictSide = { claimIds: string[]; documentIds: string[]; value: unknown };
export type Conflict = { kind: ConflictKind; field: string; sides: [ConflictSide, ConflictSide]; message: string };

const DENYING = new Set(["denied", "disputed"]);
const ASSERTING = new Set(["asserted", "reported", "claimed", "alleged"]);

type Group = { key: string; value: unknown; claims: ReconcileClaim[] };

/** Two sides of one disagreement, each a non-empty list of value groups, the representative first. */
type Split = { kind: "date_mismatch" | "figure_mismatch" | "none_vs_reported" | "denial" | "differ"; sides: [Group[], Group[]] };

const claimsOf = (gs: Group[]) => gs.flatMap((g) => g.claims);

function side(gs: Group[]): ConflictSide {
  const claims = claimsOf(gs);
  return { claimIds: claims.map((c) => c.id), documentIds: [...new Set(claims.map((c) => c.documentId))].sort(), value: gs[0].value };
}

function describe(f: FieldDefinition, v: unknown): string {
  const raw = asRecord(v)?.raw;
  if (f.kind === "date") {
    const w = readDateWindow(v);
    if (w) return typeof raw === "string" && raw.trim() ? `"${raw}" (${formatWindow(w)})` : formatWindow(w);
  }
  if (typeof raw === "string" && raw.trim()) return `"${raw}"`;
  if (f.kind === "quantity") {
    const q = readFigure(v);
    if (q) return [q.low, q.best, q.high].filter((n) => n !== null).join("/") || q.qualifier;
  }
  return typeof v === "string" ? `"${v}"` : JSON.stringify(v);
}

const ids = (cs: ReconcileClaim[]) => cs.map((c) => c.id).join(", ");

/**
 * Whether a span of one list overlaps a span of the other (x.start < y.end && y.start < x.end),
 * by one sweep in start order instead of every pair: a span overlaps an earlier-starting one of
 * the other list iff that one ends after it starts; spans starting together overlap iff both are
 * non-empty.
 */
function anySpansOverlap(xs: ReconcileClaim[], ys: ReconcileClaim[]): boolean {
  const spans = [
    ...xs.flatMap((c) => (c.spans ?? []).map((s) => ({ ...s, of: 0 }))),
    ...ys.flatMap((c) => (c.spans ?? []).map((s) => ({ ...s, of: 1 }))),
  ].sort((a, b) => a.start - b.start);
  const reach = [-Infinity, -Infinity];
  for (let p = 0; p < spans.length; ) {
    let q = p;
    const together = [false, false];
    while (q < spans.length && spans[q].start === spans[p].start) {
      const s = spans[q++];
      if (reach[1 - s.of] > s.start) return true;
      if (s.end > s.start) together[s.of] = true;
    }
    if (together[0] && together[1]) return true;
    for (let k = p; k < q; k++) reach[spans[k].of] = Math.max(reach[spans[k].of], spans[k].end);
    p = q;
  }
  return false;
}

/**
 * Sides of a disagreement among intervals (date windows, figure ranges), or null when they all
 * overlap: the groups ending before the latest start, against the other groups starting after
 * the earliest end, each led by its extreme.
 */
function intervalSplit(items: { g: Group; lo: number; hi: number }[]): [Group[], Group[]] | null {
  if (items.length < 2) return null;
  let latest = items[0];
  let earliest = items[0];
  for (const x of items) {
    if (x.lo > latest.lo) latest = x;
    if (x.hi < earliest.hi) earliest = x;
  }
  if (latest.lo <= earliest.hi) return null;
  const before = [earliest.g];
  const after = [latest.g];
  for (const x of items) {
    if (x === earliest || x === latest) continue;
    if (x.hi < latest.lo) before.push(x.g);
    else if (x.lo > earliest.hi) after.push(x.g);
  }
  return inOrder(items.map((x) => x.g), [before, after]);
}

/** The two sides, the one holding the earlier of `groups` (the claims' order) first. */
function inOrder(groups: Group[], [x, y]: [Group[], Group[]]): [Group[], Group[]] {
  const inX = new Set(x);
  const inY = new Set(y);
  const first = groups.find((g) => inX.has(g) || inY.has(g));
  return first && inY.has(first) ? [y, x] : [x, y];
}

/** Every disagreement among the value groups of one field; see the module comment. */
function splits(f: FieldDefinition, groups: Group[]): Split[] {
  if (groups.length < 2) return [];
  if (f.kind === "date") {
    const items = [];
    for (const g of groups) {
      const w = readDateWindow(g.value);
      if (w) items.push({ g, lo: w.start, hi: w.end });
    }
    const s = intervalSplit(items);
    return s ? [{ kind: "date_mismatch", sides: s }] : [];
  }
  if (f.kind === "quantity") {
    const none: Group[] = [];
    const some: Group[] = [];
    const ranged = [];
    for (const g of groups) {
      const q = readFigure(g.value);
      if (!q) continue;
      if (q.qualifier === "none") {
        none.push(g);
        continue;
      }
      if (isPositive(q)) some.push(g);
      const r = figureRange(q);
      ranged.push({ g, lo: r.lo, hi: r.hi });
    }
    // "None" overlaps every figure that allows zero, so it only ever clashes as none_vs_reported.
    const out: Split[] = none.length > 0 && some.length > 0 ? [{ kind: "none_vs_reported", sides: inOrder(groups, [none, some]) }] : [];
    const s = intervalSplit(ranged);
    if (s) out.push({ kind: "figure_mismatch", sides: s });
    return out;
  }
  if (f.kind === "attribution") {
    const stance = (g: Group) => asRecord(g.value)?.stance as string;
    const denying = groups.filter((g) => DENYING.has(stance(g)));
    const asserting = groups.filter((g) => ASSERTING.has(stance(g)));
    return denying.length > 0 && asserting.length > 0 ? [{ kind: "denial", sides: inOrder(groups, [denying, asserting]) }] : [];
  }
  return [{ kind: "differ", sides: [groups.slice(0, 1), groups.slice(1)] }];
}

function message(kind: ConflictKind, f: FieldDefinition, [x, y]: [Group[], Group[]], doc?: string): string {
  const list = (gs: Group[]) => gs.map((g) => `${describe(f, g.value)} (${ids(g.claims)})`).join("; ");
  const a = list(x);
  const b = list(y);
  switch (kind) {
    case "date_mismatch": return `${f.label}: the dates do not overlap: ${a} vs ${b}.`;
    case "figure_mismatch": return `${f.label}: the figures' ranges do not overlap: ${a} vs ${b}.`;
    case "none_vs_reported": return `${f.label}: one source reports none, another some: ${a} vs ${b}.`;
    case "denial": return `${f.label}: one source denies or disputes what another reports: ${a} vs ${b}.`;
    case "internal": {
      const why = anySpansOverlap(claimsOf(x), claimsOf(y)) ? "annotators of the same passage disagree" : "the document contradicts itself";
      return `${f.label}: ${why} in document ${doc}: ${a} vs ${b}.`;
    }
  }
}

function groupsOf(f: FieldDefinition, claims: readonly ReconcileClaim[], actors?: ActorIndex): Group[] {
  const byKey = new Map<string, Group>();
  for (const c of claims) {
    const v = asRecord(c.values)?.[f.key];
    if (isEmptyValue(f, v)) continue;
    const key = valueKey(f, v, actors);
    const g = byKey.get(key);
    if (g) g.claims.push(c);
    else byKey.set(key, { key, value: v, claims: [c] });
  }
  return [...byKey.values()];
}

/** The value groups of each document, documents in order of first appearance. */
function byDocument(groups: Group[]): Map<string, Group[]> {
  const docs = new Map<string, Map<string, Group>>();
  for (const g of groups) {
    for (const c of g.claims) {
      let mine = docs.get(c.documentId);
      if (!mine) docs.set(c.documentId, (mine = new Map()));
      const sub = mine.get(g.key);
      if (sub) sub.claims.push(c);
      else mine.set(g.key, { key: g.key, value: g.value, claims: [c] });
    }
  }
  return new Map([...docs].map(([doc, m]) => [doc, [...m.values()]]));
}

/** Whether two sides hold claims of two different documents (some pair across them then disagrees). */
function acrossDocuments([x, y]: [Group[], Group[]]): boolean {
  const first = x[0].claims[0].documentId;
  return [...x, ...y].some((g) => g.claims.some((c) => c.documentId !== first));
}

/** Every conflict among the claims of one record; see the module comment. */
export function detectConflicts(def: ClaimTypeDefinition, claims: readonly ReconcileClaim[], options: { actors?: ActorIndex } = {}): Conflict[] {
  const out: Conflict[] = [];
  for (const f of def.fields) {
    const groups = groupsOf(f, claims, options.actors);
    if (groups.length < 2) continue;
    for (const { kind, sides } of splits(f, groups)) {
      if (kind !== "differ" && acrossDocuments(sides)) {
        out.push({ kind, field: f.key, sides: [side(sides[0]), side(sides[1])], message: message(kind, f, sides) });
      }
    }
    for (const [doc, own] of byDocument(groups)) {
      for (const { sides } of splits(f, own)) {
        out.push({ kind: "internal", field: f.key, sides: [side(sides[0]), side(sides[1])], message: message("internal", f, sides, doc) });
      }
    }
  }
  return out;
}
