/**
 * Conflicts among the claims of one record, listed until an editor resolves them (claims.md
 * "Conflicts are first-class"). Kinds:
 * - date_mismatch: two date windows of one field that do not overlap;
 * - figure_mismatch: two figures of one field whose ranges do not overlap (figures.ts);
 * - none_vs_reported: one source says none (0), another at least one;
 * - denial: a source denying or disputing (attribution stance denied/disputed) what another
 *   presents as fact or report (asserted, reported, claimed, alleged);
 * - internal: two claims of one document disagree: by the tests above for dates, figures and
 *   attributions, by different non-empty values for every other kind; the message says whether
 *   they share a passage (annotators disagree) or not (the document contradicts itself).
 * Values are grouped by canonical key first, so a conflict lists every claim on each side once;
 * the across-documents kinds are reported only when the sides include two different documents.
 */
import type { ClaimTypeDefinition, FieldDefinition } from "@/lib/core/claim-types";
import type { ActorIndex } from "./actors";
import { formatWindow, readDateWindow, windowsOverlap } from "./dates";
import { figuresOverlap, isPositive, readFigure } from "./figures";
import { asRecord } from "./normalize";
import type { ReconcileClaim } from "./types";
import { isEmptyValue, valueKey } from "./value-keys";

export type ConflictKind = "date_mismatch" | "figure_mismatch" | "none_vs_reported" | "denial" | "internal";
export type ConflictSide = { claimIds: string[]; documentIds: string[]; value: unknown };
export type Conflict = { kind: ConflictKind; field: string; sides: [ConflictSide, ConflictSide]; message: string };

const DENYING = new Set(["denied", "disputed"]);
const ASSERTING = new Set(["asserted", "reported", "claimed", "alleged"]);

type Group = { key: string; value: unknown; claims: ReconcileClaim[] };

function side(claims: ReconcileClaim[], value: unknown): ConflictSide {
  return { claimIds: claims.map((c) => c.id), documentIds: [...new Set(claims.map((c) => c.documentId))].sort(), value };
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

function spansOverlap(a: ReconcileClaim, b: ReconcileClaim): boolean {
  return (a.spans ?? []).some((x) => (b.spans ?? []).some((y) => x.start < y.end && y.start < x.end));
}

/** What kind of disagreement two groups of one field are, or null when they do not clash. */
function clash(f: FieldDefinition, x: Group, y: Group): "date_mismatch" | "figure_mismatch" | "none_vs_reported" | "denial" | "differ" | null {
  if (f.kind === "date") {
    const a = readDateWindow(x.value);
    const b = readDateWindow(y.value);
    return a && b && !windowsOverlap(a, b) ? "date_mismatch" : null;
  }
  if (f.kind === "quantity") {
    const a = readFigure(x.value);
    const b = readFigure(y.value);
    if (!a || !b) return null;
    if ((a.qualifier === "none" && isPositive(b)) || (b.qualifier === "none" && isPositive(a))) return "none_vs_reported";
    return figuresOverlap(a, b) ? null : "figure_mismatch";
  }
  if (f.kind === "attribution") {
    const sa = asRecord(x.value)?.stance;
    const sb = asRecord(y.value)?.stance;
    const deny = (s: unknown, t: unknown) => DENYING.has(s as string) && ASSERTING.has(t as string);
    return deny(sa, sb) || deny(sb, sa) ? "denial" : null;
  }
  return x.key === y.key ? null : "differ";
}

function message(kind: ConflictKind, f: FieldDefinition, x: Group, y: Group, doc?: string): string {
  const a = `${describe(f, x.value)} (${ids(x.claims)})`;
  const b = `${describe(f, y.value)} (${ids(y.claims)})`;
  switch (kind) {
    case "date_mismatch": return `${f.label}: the dates do not overlap: ${a} vs ${b}.`;
    case "figure_mismatch": return `${f.label}: the figures' ranges do not overlap: ${a} vs ${b}.`;
    case "none_vs_reported": return `${f.label}: one source reports none, another some: ${a} vs ${b}.`;
    case "denial": return `${f.label}: one source denies or disputes what another reports: ${a} vs ${b}.`;
    case "internal": {
      const shared = x.claims.some((c) => y.claims.some((d) => spansOverlap(c, d)));
      const why = shared ? "annotators of the same passage disagree" : "the document contradicts itself";
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

/** Every conflict among the claims of one record; see the module comment. */
export function detectConflicts(def: ClaimTypeDefinition, claims: readonly ReconcileClaim[], options: { actors?: ActorIndex } = {}): Conflict[] {
  const out: Conflict[] = [];
  for (const f of def.fields) {
    const groups = groupsOf(f, claims, options.actors);
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const x = groups[i];
        const y = groups[j];
        const kind = clash(f, x, y);
        if (kind === null) continue;
        const acrossDocuments = x.claims.some((c) => y.claims.some((d) => c.documentId !== d.documentId));
        if (kind !== "differ" && acrossDocuments) {
          out.push({ kind, field: f.key, sides: [side(x.claims, x.value), side(y.claims, y.value)], message: message(kind, f, x, y) });
        }
        for (const doc of new Set(x.claims.map((c) => c.documentId))) {
          const xs = { ...x, claims: x.claims.filter((c) => c.documentId === doc) };
          const ys = { ...y, claims: y.claims.filter((c) => c.documentId === doc) };
          if (ys.claims.length === 0) continue;
          out.push({ kind: "internal", field: f.key, sides: [side(xs.claims, x.value), side(ys.claims, y.value)], message: message("internal", f, xs, ys, doc) });
        }
      }
    }
  }
  return out;
}
