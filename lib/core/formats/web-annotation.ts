/**
 * Claims as W3C Web Annotations (JSON-LD): one Annotation per claim, gathered in an
 * AnnotationCollection split into AnnotationPages.
 *
 * Shape of one annotation, and why:
 * - `motivation: "classifying"`: a claim says "this passage is evidence of an attack / a leader
 *   change", which is the model's classifying (the target is classified as an instance of the
 *   claim type), not free tagging. Each body carries its own `purpose`:
 *   - a TextualBody with the claim type's name, purpose `classifying`, readable by any client;
 *   - a TextualBody with `format: "application/json"` whose `value` holds the claim type's key, the
 *     typed field values, status and number, purpose `describing`. The model has no vocabulary
 *     for typed values; keeping them in one JSON body is lossless and still a valid body, where
 *     one body per field would lose the types (numbers, nulls, nested quantities);
 *   - the note, when there is one, as a plain-text TextualBody with purpose `commenting`.
 * - one target per span: a SpecificResource over the document with a TextQuoteSelector (exact,
 *   prefix, suffix) and a TextPositionSelector (start, end). The model counts positions in
 *   characters of the text, and a character there is a Unicode code point (not a UTF-16 unit),
 *   which is exactly how spans are stored, so offsets pass through unchanged.
 * - quotes are cut again from the document text at export, never copied from stored columns, so
 *   `exact` always equals the document text between `start` and `end`.
 *
 * The whole export is one JSON-LD document whose top level is a list: the collection description,
 * then its pages in order. Each page embeds the collection in `partOf` (the page schemas require
 * an object there), and pages are not nested in each other, so no reader needs deep recursion.
 * `streamWebAnnotations` yields it in string chunks, holding one claim and one document at a time.
 */
import { CodePointIndex } from "../offsets/code-points";
import { DEFAULT_CONTEXT_LENGTH, makeSelector } from "../offsets/selector";
import type { ExportDocument, ExportSpan } from "./types";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
/** Annotations per page unless the caller chooses: small enough for a client to page through. */
export const DEFAULT_PAGE_SIZE = 100;

/** The document fields the export reads (the shared `ExportDocument` has them all). */
export type WebAnnotationDocument = Pick<ExportDocument, "id" | "title" | "text" | "url">;

/**
 * A claim as this export reads it: the shared `ExportClaim`'s fields plus the claim type's name
 * (the classifying body) and the author's id (the creator's IRI) and name.
 */
export interface WebAnnotationClaim {
  id: string;
  seq: number;
  documentId: string;
  typeKey: string;
  typeName: string;
  values: Record<string, unknown>;
  note?: string | null;
  status: string;
  author: { id: string; name: string };
  createdAt: Date | string;
  updatedAt: Date | string;
  spans: ExportSpan[];
}

export interface ExportInput {
  /** IRI of this export; annotations, pages, documents and people get IRIs below it. */
  baseUrl: string;
  /** Collection label, e.g. the project's name and release version. */
  label: string;
  /** Number of claims `claims` will yield: a collection states its total before its pages. */
  total: number;
  created?: Date | string;
  pageSize?: number;
  /** Looks up a claim's document (called once per change of document in the claims' order). */
  document: (id: string) => WebAnnotationDocument | undefined | Promise<WebAnnotationDocument | undefined>;
  claims: Iterable<WebAnnotationClaim> | AsyncIterable<WebAnnotationClaim>;
}

/** The claims JSON body's value, parsed: what the importer recognizes as our own export. */
export interface ClaimPayload {
  claimType: string;
  values: Record<string, unknown>;
  status?: string;
  seq?: number;
}

export type WebAnnotationExportErrorCode = "unknown_document" | "span_mismatch" | "bad_date" | "bad_total" | "bad_page_size";

/** A claim that cannot be exported faithfully: refusing beats writing a wrong quote. */
export class WebAnnotationExportError extends Error {
  constructor(readonly code: WebAnnotationExportErrorCode, message: string) {
    super(message);
    this.name = "WebAnnotationExportError";
  }
}

/** IRIs derived from the export's base, one rule each. */
export function webAnnotationIris(baseUrl: string) {
  const base = baseUrl.replace(/\/+$/, "");
  const seg = (s: string | number) => encodeURIComponent(String(s));
  return {
    collection: base,
    page: (n: number) => `${base}/pages/${n}`,
    annotation: (claimId: string) => `${base}/annotations/${seg(claimId)}`,
    document: (documentId: string) => `${base}/documents/${seg(documentId)}`,
    person: (userId: string) => `${base}/people/${seg(userId)}`,
  };
}

function isoDate(value: Date | string, what: string): string {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) throw new WebAnnotationExportError("bad_date", `${what} is not a valid date: ${String(value)}`);
  return d.toISOString();
}

/** One claim as an Annotation, its quotes cut from `doc.text` (indexed by `index`). */
export function claimToAnnotation(
  claim: WebAnnotationClaim,
  doc: WebAnnotationDocument,
  index: CodePointIndex,
  baseUrl: string,
): Record<string, unknown> {
  const iris = webAnnotationIris(baseUrl);
  const payload: ClaimPayload = { claimType: claim.typeKey, values: claim.values, status: claim.status, seq: claim.seq };
  const body: Record<string, unknown>[] = [
    { type: "TextualBody", purpose: "classifying", format: "text/plain", value: claim.typeName },
    { type: "TextualBody", purpose: "describing", format: "application/json", value: JSON.stringify(payload) },
  ];
  if (claim.note) body.push({ type: "TextualBody", purpose: "commenting", format: "text/plain", value: claim.note });
  const target = claim.spans.map((span) => {
    const ok = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start < span.end && span.end <= index.length;
    const sel = makeSelector(doc.text, index, span.start, span.end, DEFAULT_CONTEXT_LENGTH);
    if (!ok || sel.exact.normalize("NFC") !== span.exact.normalize("NFC")) {
      throw new WebAnnotationExportError(
        "span_mismatch",
        `Claim ${claim.id}: span ${span.start}-${span.end} does not quote document ${doc.id} as stored.`,
      );
    }
    return {
      type: "SpecificResource",
      source: iris.document(doc.id),
      selector: [
        { type: "TextQuoteSelector", exact: sel.exact, prefix: sel.prefix, suffix: sel.suffix },
        { type: "TextPositionSelector", start: sel.start, end: sel.end },
      ],
    };
  });
  return {
    "@context": ANNO_CONTEXT,
    id: iris.annotation(claim.id),
    type: "Annotation",
    motivation: "classifying",
    creator: { id: iris.person(claim.author.id), type: "Person", name: claim.author.name },
    created: isoDate(claim.createdAt, `Claim ${claim.id} createdAt`),
    modified: isoDate(claim.updatedAt, `Claim ${claim.id} updatedAt`),
    body,
    target,
  };
}

/** The collection's description; embedded in a page's `partOf` it goes without `@context`. */
function collectionHead(input: ExportInput, pages: number, embedded = false): Record<string, unknown> {
  const iris = webAnnotationIris(input.baseUrl);
  const head: Record<string, unknown> = {
    ...(embedded ? {} : { "@context": ANNO_CONTEXT }),
    id: iris.collection,
    type: "AnnotationCollection",
    label: input.label,
    total: input.total,
  };
  if (pages > 0) {
    head.first = iris.page(0);
    head.last = iris.page(pages - 1);
  }
  if (input.created !== undefined) head.created = isoDate(input.created, "Collection created");
  return head;
}

function pageHead(input: ExportInput, n: number, pages: number, pageSize: number): Record<string, unknown> {
  const iris = webAnnotationIris(input.baseUrl);
  const head: Record<string, unknown> = {
    "@context": ANNO_CONTEXT,
    id: iris.page(n),
    type: "AnnotationPage",
    partOf: collectionHead(input, pages, true),
    startIndex: n * pageSize,
  };
  if (n > 0) head.prev = iris.page(n - 1);
  if (n < pages - 1) head.next = iris.page(n + 1);
  return head;
}

/** The head of an object as JSON text without its closing brace, so `items` can follow. */
function openObject(head: Record<string, unknown>): string {
  const json = JSON.stringify(head);
  return json.slice(0, -1);
}

/**
 * The export as JSON text chunks: `[collection, page 0, page 1, ...]`. Pages follow the claims'
 * order; the claims must number exactly `total`, or the collection would state a false total.
 */
export async function* streamWebAnnotations(input: ExportInput): AsyncGenerator<string> {
  const pageSize = input.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new WebAnnotationExportError("bad_page_size", `Page size must be a positive whole number, got ${pageSize}.`);
  if (!Number.isInteger(input.total) || input.total < 0) throw new WebAnnotationExportError("bad_total", `Total must be a whole number, got ${input.total}.`);
  const pages = Math.ceil(input.total / pageSize);
  yield "[" + JSON.stringify(collectionHead(input, pages));

  let count = 0;
  let doc: WebAnnotationDocument | undefined;
  let index: CodePointIndex | undefined;
  for await (const claim of input.claims) {
    if (count >= input.total) throw new WebAnnotationExportError("bad_total", `More claims than the stated total of ${input.total}.`);
    if (!doc || doc.id !== claim.documentId) {
      doc = await input.document(claim.documentId);
      if (!doc) throw new WebAnnotationExportError("unknown_document", `Claim ${claim.id} names unknown document ${claim.documentId}.`);
      index = new CodePointIndex(doc.text);
    }
    const n = Math.floor(count / pageSize);
    const opening = count % pageSize === 0 ? `,\n${openObject(pageHead(input, n, pages, pageSize))},"items":[` : ",";
    yield opening + "\n" + JSON.stringify(claimToAnnotation(claim, doc, index!, input.baseUrl));
    count++;
    if (count % pageSize === 0) yield "]}";
  }
  if (count !== input.total) throw new WebAnnotationExportError("bad_total", `Stated total ${input.total}, but ${count} claims were given.`);
  if (count % pageSize !== 0) yield "]}";
  yield "]\n";
}

/** The whole export as one value (tests, small exports): the parsed form of the stream. */
export async function exportWebAnnotations(input: ExportInput): Promise<Record<string, unknown>[]> {
  let text = "";
  for await (const chunk of streamWebAnnotations(input)) text += chunk;
  return JSON.parse(text) as Record<string, unknown>[];
}
