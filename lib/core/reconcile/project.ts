/**
 * Typed projection: from a claim's stored values and its claim-type definition, what matching
 * needs (type, date window, place, actors, main figure, spans). Pure and total: an odd stored
 * value projects to null or an empty list, never an exception, because stored claims may have
 * been written under older definitions.
 *
 * Which fields: the definition marks none, so by default the main date is the first date field
 * (attack `date`, leader change `date_of_change`, size estimate `reference_date`), the main figure
 * the first quantity field (`fatalities`, `estimate`), the place the first place field, and the
 * actors come from every actor field (perpetrators; group and both leaders). `ProjectionFields`
 * overrides any of these per claim type.
 */
import type { ClaimTypeDefinition, FieldKind } from "@/lib/core/claim-types";
import type { ActorIndex } from "./actors";
import { actorKey } from "./actors";
import { readDateWindow } from "./dates";
import { readFigure } from "./figures";
import { asRecord, normalizeName, readString } from "./normalize";
import type { CpRange, ProjectedActors, ProjectedClaim, ProjectedPlace, ReconcileClaim } from "./types";

export type ProjectionFields = { date?: string; figure?: string; place?: string; actors?: readonly string[] };

const firstOfKind = (def: ClaimTypeDefinition, kind: FieldKind) => def.fields.find((f) => f.kind === kind)?.key;

/** The field keys a definition's projection reads; see the module comment. */
export function projectionFields(def: ClaimTypeDefinition, override: ProjectionFields = {}): Required<ProjectionFields> {
  return {
    date: override.date ?? firstOfKind(def, "date") ?? "",
    figure: override.figure ?? firstOfKind(def, "quantity") ?? "",
    place: override.place ?? firstOfKind(def, "place") ?? "",
    actors: override.actors ?? def.fields.filter((f) => f.kind === "actor").map((f) => f.key),
  };
}

const firstOf = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

export function readPlace(v: unknown): ProjectedPlace | null {
  const r = asRecord(firstOf(v));
  if (!r) return null;
  const country = typeof r.country === "string" && /^[A-Za-z]{3}$/.test(r.country) ? r.country.toUpperCase() : null;
  const name = (x: unknown) => {
    const s = readString(x);
    const n = s === null ? "" : normalizeName(s);
    return n === "" ? null : n;
  };
  const place = { country, admin1: name(r.admin1), admin2: name(r.admin2), raw: name(r.raw) };
  return place.country || place.admin1 || place.admin2 || place.raw ? place : null;
}

export function readActors(values: Record<string, unknown>, keys: readonly string[], index?: ActorIndex): ProjectedActors {
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const k of keys) {
    for (const item of listOf(values[k])) {
      const a = asRecord(item);
      const raw = a ? readString(a.raw) : null;
      if (!a || raw === null) continue;
      const id = readString(a.actorId) ?? index?.resolve(raw) ?? null;
      if (id !== null) ids.add(id);
      const key = actorKey(raw);
      if (key !== "") names.add(key);
    }
  }
  const sortedIds = [...ids].sort();
  const sortedNames = [...names].sort();
  return { ids: sortedIds, names: sortedNames, keys: [...sortedIds.map((i) => `id:${i}`), ...sortedNames.map((n) => `name:${n}`)] };
}

function readSpans(spans: unknown): CpRange[] {
  const out: CpRange[] = [];
  for (const s of listOf(spans)) {
    const r = asRecord(s);
    if (r && Number.isInteger(r.start) && Number.isInteger(r.end) && (r.start as number) <= (r.end as number)) {
      out.push({ start: r.start as number, end: r.end as number });
    }
  }
  return out;
}

/** Projects one claim; `def` must be the definition of the claim's type (its fields are read by key). */
export function projectClaim(
  claim: ReconcileClaim,
  def: ClaimTypeDefinition,
  options: { actors?: ActorIndex; fields?: ProjectionFields } = {},
): ProjectedClaim {
  const values = asRecord(claim.values) ?? {};
  const f = projectionFields(def, options.fields);
  return {
    id: claim.id,
    documentId: claim.documentId,
    typeKey: claim.typeKey,
    date: f.date ? readDateWindow(values[f.date]) : null,
    place: f.place ? readPlace(values[f.place]) : null,
    actors: readActors(values, f.actors, options.actors),
    figure: f.figure ? readFigure(values[f.figure]) : null,
    spans: readSpans(claim.spans),
    linked: listOf(claim.linkedClaimIds).filter((x): x is string => typeof x === "string"),
  };
}

const NO_FIELDS: ClaimTypeDefinition = { key: "unknown", name: "Unknown", color: "#000000", fields: [] };

/** Projects many claims, each by its type's definition; a type with no definition projects to nulls. */
export function projectClaims(
  claims: readonly ReconcileClaim[],
  defs: readonly ClaimTypeDefinition[],
  options: { actors?: ActorIndex; fields?: Record<string, ProjectionFields> } = {},
): ProjectedClaim[] {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  return claims.map((c) =>
    projectClaim(c, byKey.get(c.typeKey) ?? NO_FIELDS, { actors: options.actors, fields: options.fields?.[c.typeKey] }),
  );
}
