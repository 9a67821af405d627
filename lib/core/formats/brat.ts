/**
 * Claims to brat standoff and back (the file syntax is brat-ann.ts).
 *
 * Export, per document: the `.txt` is the canonical text unchanged (brat offsets are code
 * points, like ours) and the `.ann` has one T annotation per claim, typed by the claim type's key,
 * one fragment per span. Field values: a single-choice enum or a boolean (yes/no/unknown) whose
 * values brat can write (no spaces) is an A attribute; every other value is an AnnotatorNotes
 * line `field: <JSON>` (compact, readable, and exact for every kind); the claim's own note is
 * `Note: <JSON string>` (capital N, which no field key has). `annotation.conf` lists the claim
 * types as entities and the attribute fields with their Arg and Value lists.
 * Import maps T annotations to claims of the type with that key or name (case, spaces, - and _
 * ignored), A lines and our `field: JSON` notes back to values; any other note joins the claim's
 * note. So our own export imports back to the same types, spans, values and notes.
 * Pure; never throws.
 */
import { isMultiEnum, type FieldDefinition } from "@/lib/core/claim-types";
import { CodePointIndex } from "@/lib/core/offsets";
import { coveredText, writeAnn, type BratAnn, type BratParse } from "./brat-ann";
import type { ExportClaim, ExportClaimType, ExportDocument } from "./types";

const SAFE_VALUE = /^[A-Za-z0-9_.\-]+$/;
const TRISTATE = ["yes", "no", "unknown"];
const NOTE_PREFIX = "Note: ";
const FIELD_NOTE = /^([a-z][a-z0-9_]{0,39}): (.*)$/s;

/** The values brat may hold as an attribute of this field, or null when it goes in a note. */
function attributeValues(f: FieldDefinition): string[] | null {
  if (f.kind === "boolean") return TRISTATE;
  if (f.kind !== "enum" || isMultiEnum(f) || f.many) return null;
  const values = (f.options ?? []).map((o) => o.value);
  return values.every((v) => SAFE_VALUE.test(v)) ? values : null;
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);

/** The `.ann` of one document's claims (claims of other documents are left out). */
export function claimsToAnn(doc: ExportDocument, claims: readonly ExportClaim[], types: readonly ExportClaimType[]): string {
  const defs = new Map(types.map((t) => [t.definition.key, t.definition]));
  const index = new CodePointIndex(doc.text);
  const ann: BratAnn = { entities: [], attributes: [], normalizations: [], notes: [] };
  for (const c of claims) {
    if (c.documentId !== doc.id) continue;
    const id = `T${ann.entities.length + 1}`;
    const fragments = c.spans.map(({ start, end }) => ({ start, end }));
    ann.entities.push({ id, type: c.typeKey, fragments, text: coveredText(doc.text, fragments, index) });
    for (const f of defs.get(c.typeKey)?.fields ?? []) {
      const v = c.values[f.key];
      if (isEmpty(v)) continue;
      const allowed = attributeValues(f);
      if (allowed && typeof v === "string" && allowed.includes(v)) {
        ann.attributes.push({ id: `A${ann.attributes.length + 1}`, name: f.key, target: id, value: v });
      } else {
        ann.notes.push({ id: `#${ann.notes.length + 1}`, type: "AnnotatorNotes", target: id, text: `${f.key}: ${JSON.stringify(v)}` });
      }
    }
    if (c.note !== "") ann.notes.push({ id: `#${ann.notes.length + 1}`, type: "AnnotatorNotes", target: id, text: `${NOTE_PREFIX}${JSON.stringify(c.note)}` });
  }
  return writeAnn(ann);
}

/** One document as brat files. */
export function documentToBrat(doc: ExportDocument, claims: readonly ExportClaim[], types: readonly ExportClaimType[]) {
  return { txt: doc.text, ann: claimsToAnn(doc, claims, types) };
}

/** `annotation.conf` for the claim types: entities, attributes; relations and events empty. */
export function annotationConf(types: readonly ExportClaimType[]): string {
  const attrs = new Map<string, { types: string[]; values: string[] }>();
  for (const t of types) {
    for (const f of t.definition.fields) {
      const values = attributeValues(f);
      if (!values) continue;
      const a = attrs.get(f.key) ?? { types: [], values: [] };
      a.types.push(t.definition.key);
      for (const v of values) if (!a.values.includes(v)) a.values.push(v);
      attrs.set(f.key, a);
    }
  }
  return [
    "[entities]",
    ...types.map((t) => t.definition.key),
    "",
    "[relations]",
    "",
    "[events]",
    "",
    "[attributes]",
    ...[...attrs].map(([name, a]) => `${name}\tArg:${a.types.join("|")}, Value:${a.values.join("|")}`),
    "",
  ].join("\n");
}

export type ImportedClaim = {
  /** The T annotation's id in the file. */
  bratId: string;
  /** The matching claim type's key, or null when no type has that name. */
  typeKey: string | null;
  typeName: string;
  spans: { start: number; end: number; exact: string }[];
  values: Record<string, unknown>;
  note: string;
};

const nameKey = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "");

/** Claims from a parsed `.ann` and its `.txt`; problems are reported by line, never thrown. */
export function bratToClaims(parsed: BratParse, text: string, types: readonly ExportClaimType[]): { claims: ImportedClaim[]; issues: { id: string; message: string }[] } {
  const byName = new Map<string, ExportClaimType>();
  for (const t of types) byName.set(nameKey(t.definition.name), t);
  for (const t of types) byName.set(nameKey(t.definition.key), t);
  const index = new CodePointIndex(text);
  const issues: { id: string; message: string }[] = [];
  const claims = new Map<string, ImportedClaim & { fields: Map<string, FieldDefinition> }>();
  for (const e of parsed.entities) {
    const type = byName.get(nameKey(e.type));
    if (!type) issues.push({ id: e.id, message: `${e.id}: "${e.type}" is not a claim type of this project` });
    claims.set(e.id, {
      bratId: e.id, typeKey: type?.definition.key ?? null, typeName: e.type,
      spans: e.fragments.map((f) => ({ ...f, exact: text.slice(index.toUtf16(f.start), index.toUtf16(f.end)) })),
      values: {}, note: "", fields: new Map((type?.definition.fields ?? []).map((f) => [f.key, f])),
    });
  }
  const addNote = (c: ImportedClaim, s: string) => (c.note = c.note === "" ? s : `${c.note}\n${s}`);
  for (const a of parsed.attributes) {
    const c = claims.get(a.target)!;
    const f = c.fields.get(a.name);
    const value = a.value ?? (f?.kind === "boolean" ? "yes" : null);
    if (!f || value === null || !attributeValues(f)?.includes(value)) {
      issues.push({ id: a.id, message: `${a.id}: ${a.name}${a.value ? ` ${a.value}` : ""} is not a value of ${c.typeName}; kept in the note` });
      addNote(c, `${a.name}: ${a.value ?? "true"}`);
    } else c.values[f.key] = value;
  }
  for (const n of parsed.notes) {
    const c = claims.get(n.target)!;
    const m = FIELD_NOTE.exec(n.text);
    if (n.text.startsWith(NOTE_PREFIX)) {
      addNote(c, readJsonString(n.text.slice(NOTE_PREFIX.length)));
    } else if (m && c.fields.has(m[1]) && isJson(m[2])) {
      c.values[m[1]] = JSON.parse(m[2]);
    } else addNote(c, n.text);
  }
  for (const x of parsed.normalizations) addNote(claims.get(x.target)!, `${x.type} ${x.ref}${x.text ? ` (${x.text})` : ""}`);
  return { claims: [...claims.values()].map(({ fields: _fields, ...c }) => c), issues };
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

/** Our note encoding; a hand-written "Note: text" that is not JSON is taken as it stands. */
function readJsonString(s: string): string {
  try {
    const v: unknown = JSON.parse(s);
    return typeof v === "string" ? v : s;
  } catch {
    return s;
  }
}
