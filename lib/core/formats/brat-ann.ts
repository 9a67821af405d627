/**
 * brat standoff `.ann` files: parsing into a neutral model and writing it back
 * (https://brat.nlplab.org/standoff.html).
 *
 * Offsets: brat reads the `.txt` as a Python 3 `str`, so its offsets count Unicode code points,
 * the same unit as our spans (no conversion at this boundary); the file is read without newline
 * translation, so a CR counts as a character.
 * Lines (fields separated by tabs):
 *   T  `T1\tType 0 5;16 23\tcovered text`   text-bound annotation; fragments joined by ';', the
 *      covered text is the fragments' texts joined by a space, as brat writes it;
 *   A  `A1\tName T1 [Value]` attribute (binary when the value is absent; `M` is its old name);
 *   N  `N1\tReference T1 Wikipedia:64488\ttext` normalization;
 *   #  `#1\tAnnotatorNotes T1\tnote` note;
 *   E, R, `*` events, relations, equivalences: Attest has no such annotations, so they are
 *      listed as unsupported (by id; `*` lines have none, by line) and never fail a file.
 * Attributes, normalizations and notes are kept only on T annotations; those on events or
 * relations are unsupported too. Unknown or malformed lines are reported with their line
 * number, never fatal. Covered text is checked against the `.txt` when it is given; a line break
 * inside a fragment reads as a space, since an `.ann` line cannot hold one.
 * Pure; never throws.
 */
import { CodePointIndex, cpLength } from "@/lib/core/offsets";

export type BratFragment = { start: number; end: number };
export type BratEntity = { id: string; type: string; fragments: BratFragment[]; text: string };
export type BratAttribute = { id: string; name: string; target: string; value: string | null };
export type BratNormalization = { id: string; type: string; target: string; ref: string; text: string };
export type BratNote = { id: string; type: string; target: string; text: string };
export type BratUnsupported = { id: string | null; kind: "event" | "relation" | "equivalence" | "attribute" | "note" | "normalization"; line: number };
export type BratIssue = { line: number; id?: string; message: string };

export type BratAnn = {
  entities: BratEntity[];
  attributes: BratAttribute[];
  normalizations: BratNormalization[];
  notes: BratNote[];
};
export type BratParse = BratAnn & { unsupported: BratUnsupported[]; issues: BratIssue[] };

const FRAGMENTS_RE = /^\d+ \d+(;\d+ \d+)*$/;

/** The covered text as brat writes it: fragments joined by a space, line breaks read as spaces. */
export function coveredText(text: string, fragments: readonly BratFragment[], index = new CodePointIndex(text)): string {
  return fragments.map((f) => text.slice(index.toUtf16(f.start), index.toUtf16(f.end))).join(" ").replace(/\r\n|[\r\n]/g, " ");
}

function parseFragments(s: string): BratFragment[] | null {
  if (!FRAGMENTS_RE.test(s)) return null;
  return s.split(";").map((p) => {
    const [a, b] = p.split(" ").map(Number);
    return { start: a, end: b };
  });
}

/** Parses an `.ann` file; with `text` (the `.txt`), checks offsets and covered text against it. */
export function parseAnn(ann: string, text?: string): BratParse {
  const out: BratParse = { entities: [], attributes: [], normalizations: [], notes: [], unsupported: [], issues: [] };
  const index = text === undefined ? undefined : new CodePointIndex(text);
  const length = text === undefined ? Infinity : cpLength(text);
  const kinds = new Map<string, "entity" | "other">();
  const attached: { line: number; kind: "attribute" | "normalization" | "note"; item: BratAttribute | BratNormalization | BratNote }[] = [];
  const lines = ann.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    const cols = raw.split("\t");
    const id = cols[0];
    const issue = (message: string) => out.issues.push({ line, id, message });
    const head = (cols[1] ?? "").split(" ").filter((s) => s !== "");
    switch (id.charAt(0)) {
      case "T": {
        const sp = (cols[1] ?? "").indexOf(" ");
        const frags = sp < 0 ? null : parseFragments(cols[1].slice(sp + 1));
        if (cols.length < 3 || !frags) return void issue(`${id}: expected "${id}<TAB>Type start end[;start end]<TAB>text"`);
        const bad = frags.find((f) => f.start > f.end || f.end > length);
        if (bad) return void issue(`${id}: the span ${bad.start}-${bad.end} is not within the text (${length} characters)`);
        const entity = { id, type: cols[1].slice(0, sp), fragments: frags, text: cols.slice(2).join("\t") };
        if (text !== undefined) {
          const actual = coveredText(text, frags, index);
          if (actual !== entity.text) issue(`${id}: the text at ${cols[1].slice(sp + 1)} is "${actual}", not "${entity.text}"`);
        }
        kinds.set(id, "entity");
        out.entities.push(entity);
        return;
      }
      case "A":
      case "M":
        if (head.length < 2 || head.length > 3) return void issue(`${id}: expected "${id}<TAB>Name Target [Value]"`);
        attached.push({ line, kind: "attribute", item: { id, name: head[0], target: head[1], value: head[2] ?? null } });
        return;
      case "N":
        if (head.length !== 3) return void issue(`${id}: expected "${id}<TAB>Type Target Ref<TAB>text"`);
        attached.push({ line, kind: "normalization", item: { id, type: head[0], target: head[1], ref: head[2], text: cols.slice(2).join("\t") } });
        return;
      case "#":
        if (head.length !== 2) return void issue(`${id}: expected "${id}<TAB>AnnotatorNotes Target<TAB>note"`);
        attached.push({ line, kind: "note", item: { id, type: head[0], target: head[1], text: cols.slice(2).join("\t") } });
        return;
      case "E":
        kinds.set(id, "other");
        out.unsupported.push({ id, kind: "event", line });
        return;
      case "R":
        kinds.set(id, "other");
        out.unsupported.push({ id, kind: "relation", line });
        return;
      case "*":
        out.unsupported.push({ id: null, kind: "equivalence", line });
        return;
      default:
        issue(`unknown annotation line "${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}"`);
    }
  });
  for (const { line, kind, item } of attached) {
    const target = kinds.get(item.target);
    if (target === "entity") {
      if (kind === "attribute") out.attributes.push(item as BratAttribute);
      else if (kind === "normalization") out.normalizations.push(item as BratNormalization);
      else out.notes.push(item as BratNote);
    } else if (target === "other") out.unsupported.push({ id: item.id, kind, line });
    else out.issues.push({ line, id: item.id, message: `${item.id}: the target ${item.target} is not in the file` });
  }
  return out;
}

const fragmentsText = (fs: readonly BratFragment[]) => fs.map((f) => `${f.start} ${f.end}`).join(";");

/**
 * Writes T, A, N and # lines, each entity followed by what is attached to it. Ids are renumbered
 * (T1, A1, N1, #1 … in order) and targets follow, so any parse writes back in one canonical form.
 */
export function writeAnn(ann: BratAnn): string {
  const ids = new Map<string, string>();
  const n = { A: 0, N: 0, "#": 0 };
  const byTarget = <T extends { target: string }>(xs: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) m.set(x.target, [...(m.get(x.target) ?? []), x]);
    return m;
  };
  const attrs = byTarget(ann.attributes);
  const norms = byTarget(ann.normalizations);
  const notes = byTarget(ann.notes);
  const lines: string[] = [];
  ann.entities.forEach((e, i) => {
    const tid = `T${i + 1}`;
    ids.set(e.id, tid);
    lines.push(`${tid}\t${e.type} ${fragmentsText(e.fragments)}\t${e.text}`);
    for (const a of attrs.get(e.id) ?? []) lines.push(`A${++n.A}\t${a.name} ${tid}${a.value === null ? "" : ` ${a.value}`}`);
    for (const x of norms.get(e.id) ?? []) lines.push(`N${++n.N}\t${x.type} ${tid} ${x.ref}\t${x.text}`);
    for (const x of notes.get(e.id) ?? []) lines.push(`#${++n["#"]}\t${x.type} ${tid}\t${x.text}`);
  });
  return lines.map((l) => `${l}\n`).join("");
}

/**
 * The annotations of a file as id-free keys, sorted: equal for two files that brat reads as the
 * same annotations (ids and line order are free in the format).
 */
export function annotationKeys(ann: BratAnn): string[] {
  const key = new Map(ann.entities.map((e) => [e.id, `${e.type} ${fragmentsText(e.fragments)} ${JSON.stringify(e.text)}`]));
  const of = (target: string) => key.get(target) ?? `?${target}`;
  return [
    ...ann.entities.map((e) => `T ${key.get(e.id)}`),
    ...ann.attributes.map((a) => `A ${a.name} ${a.value ?? ""} on ${of(a.target)}`),
    ...ann.normalizations.map((x) => `N ${x.type} ${x.ref} ${JSON.stringify(x.text)} on ${of(x.target)}`),
    ...ann.notes.map((x) => `# ${x.type} ${JSON.stringify(x.text)} on ${of(x.target)}`),
  ].sort();
}
