/**
 * Canonical keys of stored field values: two values with one key say the same thing. Used to
 * count votes (majority), list alternatives, and find disagreement. Pure and total; an odd value
 * gets a key of its own rather than an error.
 */
import type { FieldDefinition } from "@/lib/core/claim-types";
import type { ActorIndex } from "./actors";
import { actorKey } from "./actors";
import { readDateWindow } from "./dates";
import { readFigure } from "./figures";
import { asRecord, normalizeName } from "./normalize";
import { readPlace } from "./project";

/** True for a value that states nothing: absent, null, blank, empty list, or "unknown". */
export function isEmptyValue(f: FieldDefinition, v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === "string") return v.trim() === "" || (f.kind === "boolean" && v === "unknown");
  if (Array.isArray(v)) return v.length === 0;
  if (f.kind === "quantity") return readFigure(v) === null;
  if (f.kind === "date") return readDateWindow(v) === null;
  return false;
}

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(",")}]`;
  const r = asRecord(v);
  if (r) return `{${Object.keys(r).sort().map((k) => `${JSON.stringify(k)}:${stable(r[k])}`).join(",")}}`;
  return JSON.stringify(v) ?? "undefined";
}

function oneKey(f: FieldDefinition, v: unknown, actors?: ActorIndex): string {
  switch (f.kind) {
    case "quantity": {
      const q = readFigure(v);
      return q ? `${q.qualifier}|${q.low}|${q.best}|${q.high}` : stable(v);
    }
    case "date": {
      const w = readDateWindow(v);
      return w ? `${w.start}|${w.end}` : stable(v);
    }
    case "place": {
      const p = readPlace(v);
      return p ? `${p.country}|${p.admin1}|${p.admin2}|${p.raw}` : stable(v);
    }
    case "actor": {
      const a = asRecord(v);
      if (!a || typeof a.raw !== "string") return stable(v);
      const id = typeof a.actorId === "string" ? a.actorId : actors?.resolve(a.raw);
      return id ? `id:${id}` : `name:${actorKey(a.raw)}`;
    }
    case "text":
      return typeof v === "string" ? normalizeName(v) : stable(v);
    case "attribution": {
      const a = asRecord(v);
      return a && typeof a.raw === "string" ? `${normalizeName(a.raw)}|${a.sourceType}|${a.stance}` : stable(v);
    }
    default:
      return stable(v);
  }
}

/** The canonical key of a field's value; lists (many, multi-choice) compare as sets. */
export function valueKey(f: FieldDefinition, v: unknown, actors?: ActorIndex): string {
  if (Array.isArray(v)) return `set(${[...new Set(v.map((x) => oneKey(f, x, actors)))].sort().join("\u0001")})`;
  return oneKey(f, v, actors);
}
