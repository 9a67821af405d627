/**
 * W3C Web Annotation JSON in, spans on one document's canonical text out.
 *
 * Accepts a single Annotation, a list of them, an AnnotationCollection or AnnotationPage with
 * embedded items (following embedded `next` pages), and our own export (a list of the collection
 * and its pages). Every annotation ends up in exactly one of two lists: anchored (spans in code
 * points, how each was found, and whatever the bodies say) or unresolved (its id and a reason).
 * Input that is not Web Annotation JSON at all is an error result; nothing here throws on bad
 * input, since it comes from files users upload.
 *
 * Bodies: our own JSON body gives the claim type's key and typed values; TextualBodies that tag or
 * classify give `tags` (matching a tag to a claim type by name is the caller's choice); a
 * commenting or describing plain-text body, or `bodyValue`, gives the note.
 */
import { CodePointIndex } from "../offsets/code-points";
import { type AnchorHow, type AnchorProblem, anchorTarget, type PositionHint, type QuoteHint } from "./web-annotation-anchor";
import type { ClaimPayload } from "./web-annotation";

export interface ImportedSpan {
  start: number;
  end: number;
  exact: string;
  how: AnchorHow;
}

export interface AnchoredAnnotation {
  annotationId: string;
  spans: ImportedSpan[];
  /** "quote" when any span had to be found by its quote. */
  how: AnchorHow;
  tags: string[];
  typeKey?: string;
  values?: Record<string, unknown>;
  status?: string;
  note?: string;
}

export type UnresolvedReason = AnchorProblem | "malformed" | "no-target";

export interface UnresolvedAnnotation {
  annotationId: string;
  reason: UnresolvedReason;
  message: string;
}

export type WebAnnotationImport =
  | { ok: true; anchored: AnchoredAnnotation[]; unresolved: UnresolvedAnnotation[] }
  | { ok: false; error: { code: "invalid_json" | "not_web_annotation"; message: string } };

export interface ImportOptions {
  /** When set, only targets whose source is this IRI are anchored; other annotations are left out. */
  documentIri?: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const hasType = (o: Json, t: string) => asList(o.type).includes(t);

/** Annotations in reading order, however they are wrapped. */
function collect(root: unknown, out: unknown[]): boolean {
  if (Array.isArray(root)) {
    // Inside a list, an item that is nothing we know is reported as an unresolved annotation.
    for (const item of root) if (!collect(item, out)) out.push(item);
    return true;
  }
  if (!isObject(root)) return false;
  if (hasType(root, "AnnotationCollection") || hasType(root, "AnnotationPage")) {
    const seen = new Set<unknown>();
    // Embedded pages may chain through `first` and `next`; a page given by IRI only is elsewhere.
    for (let page: unknown = hasType(root, "AnnotationPage") ? root : root.first; isObject(page) && !seen.has(page); page = page.next) {
      seen.add(page);
      out.push(...asList(page.items));
    }
    if (hasType(root, "AnnotationCollection")) out.push(...asList(root.items));
    return true;
  }
  if (hasType(root, "Annotation") || "target" in root) {
    out.push(root);
    return true;
  }
  return false;
}

function selectorsOf(target: Json): { position?: PositionHint; quote?: QuoteHint } {
  const found: { position?: PositionHint; quote?: QuoteHint } = {};
  for (const sel of asList(target.selector)) {
    if (!isObject(sel)) continue;
    if (hasType(sel, "TextPositionSelector") && !found.position) {
      found.position = { start: Number(sel.start), end: Number(sel.end) };
    } else if (hasType(sel, "TextQuoteSelector") && typeof sel.exact === "string" && !found.quote) {
      found.quote = {
        exact: sel.exact,
        prefix: typeof sel.prefix === "string" ? sel.prefix : undefined,
        suffix: typeof sel.suffix === "string" ? sel.suffix : undefined,
      };
    }
  }
  return found;
}

function parsePayload(value: string): ClaimPayload | null {
  try {
    const p: unknown = JSON.parse(value);
    if (isObject(p) && typeof p.claimType === "string" && isObject(p.values)) {
      return {
        claimType: p.claimType,
        values: p.values,
        status: typeof p.status === "string" ? p.status : undefined,
        seq: typeof p.seq === "number" ? p.seq : undefined,
      };
    }
  } catch {
    // Not our JSON body: treated like any other body below.
  }
  return null;
}

function readBodies(anno: Json): Pick<AnchoredAnnotation, "tags" | "typeKey" | "values" | "status" | "note"> {
  const result: Pick<AnchoredAnnotation, "tags" | "typeKey" | "values" | "status" | "note"> = { tags: [] };
  const motivations = asList(anno.motivation);
  if (typeof anno.bodyValue === "string") result.note = anno.bodyValue;
  for (const body of asList(anno.body)) {
    if (!isObject(body) || typeof body.value !== "string") continue;
    const payload = body.format === "application/json" ? parsePayload(body.value) : null;
    if (payload) {
      result.typeKey = payload.claimType;
      result.values = payload.values;
      if (payload.status) result.status = payload.status;
      continue;
    }
    const purposes = body.purpose === undefined ? motivations : asList(body.purpose);
    if (purposes.includes("tagging") || purposes.includes("classifying")) result.tags.push(body.value);
    else if (result.note === undefined) result.note = body.value;
  }
  return result;
}

function importOne(anno: unknown, n: number, text: string, index: CodePointIndex, options: ImportOptions): AnchoredAnnotation | UnresolvedAnnotation | null {
  const fallbackId = `annotation ${n + 1}`;
  if (!isObject(anno)) return { annotationId: fallbackId, reason: "malformed", message: "The item is not an annotation object." };
  const annotationId = typeof anno.id === "string" && anno.id !== "" ? anno.id : fallbackId;
  let targets = asList(anno.target);
  if (targets.length === 0) return { annotationId, reason: "no-target", message: "The annotation has no target." };
  if (options.documentIri !== undefined) {
    targets = targets.filter((t) => (isObject(t) ? t.source ?? t.id : t) === options.documentIri);
    if (targets.length === 0) return null;
  }
  const spans: ImportedSpan[] = [];
  for (const [i, target] of targets.entries()) {
    const where = targets.length > 1 ? ` (target ${i + 1})` : "";
    if (!isObject(target)) {
      return { annotationId, reason: "no-selector", message: `A target given only as an IRI cannot be placed in the text${where}.` };
    }
    const { position, quote } = selectorsOf(target);
    const anchor = anchorTarget(text, index, position, quote);
    if (!anchor.ok) return { annotationId, reason: anchor.reason, message: anchor.message + where };
    spans.push({ start: anchor.start, end: anchor.end, exact: anchor.exact, how: anchor.how });
  }
  const how: AnchorHow = spans.some((s) => s.how === "quote") ? "quote" : "position";
  return { annotationId, spans, how, ...readBodies(anno) };
}

/** Anchor parsed Web Annotation JSON (or its text) on `text`, a document's canonical text. */
export function importWebAnnotations(input: unknown, text: string, options: ImportOptions = {}): WebAnnotationImport {
  let root = input;
  if (typeof input === "string") {
    try {
      root = JSON.parse(input);
    } catch (e) {
      return { ok: false, error: { code: "invalid_json", message: `Not valid JSON: ${(e as Error).message}` } };
    }
  }
  const items: unknown[] = [];
  if (!collect(root, items)) {
    return {
      ok: false,
      error: { code: "not_web_annotation", message: "Expected an Annotation, a list of them, an AnnotationCollection or an AnnotationPage." },
    };
  }
  const index = new CodePointIndex(text);
  const anchored: AnchoredAnnotation[] = [];
  const unresolved: UnresolvedAnnotation[] = [];
  items.forEach((anno, n) => {
    const result = importOne(anno, n, text, index, options);
    if (result === null) return;
    if ("spans" in result) anchored.push(result);
    else unresolved.push(result);
  });
  return { ok: true, anchored, unresolved };
}
