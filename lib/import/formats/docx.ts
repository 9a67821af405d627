/**
 * Text and core properties of a Word (.docx) file.
 * Order matters: the central-directory guard (zip-guard.ts) and the inflated-size check
 * (zip-verify.ts) both pass before mammoth or JSZip decompress anything. Paragraphs are separated
 * by blank lines. Metadata: dc:title, dc:creator, dcterms:created, dc:language from docProps/core.xml.
 */
import mammoth from "mammoth";
import JSZip from "jszip";
import type { RawMetadata } from "../metadata";
import { importError } from "../errors";
import type { ImportLimits } from "../limits";
import { guardZip } from "../zip-guard";
import { verifyZipSizes } from "../zip-verify";
import { findAll, textOf, type HNode } from "./html-render";
import { parseDocument } from "htmlparser2";

export type DocxExtract = { text: string; raw: RawMetadata; notes: string[] };

const CORE_PART = "docProps/core.xml";

async function readCoreProperties(bytes: Uint8Array): Promise<RawMetadata> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(CORE_PART)?.async("string");
  if (!xml) return {};
  const doc = parseDocument(xml, { xmlMode: true }) as unknown as HNode;
  const get = (name: string) => {
    const el = findAll(doc, name)[0];
    return el ? textOf(el) : undefined;
  };
  return { title: get("dc:title"), authors: [get("dc:creator")], published: get("dcterms:created"), language: get("dc:language") };
}

/** Paragraphs separated by exactly one blank line, no trailing spaces on lines. */
const normalizeParagraphs = (s: string) =>
  s.replace(/\r\n?/g, "\n").replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").trim();

export async function extractDocx(bytes: Uint8Array, fileName: string, limits: ImportLimits): Promise<DocxExtract> {
  const guard = guardZip(bytes, limits);
  if (!guard.ok) throw importError(guard.code, fileName, guard.detail);
  const verified = await verifyZipSizes(bytes, guard.entries);
  if (verified) throw importError(verified.code, fileName, verified.detail);

  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }));
  } catch {
    throw importError("malformed", fileName, "the Word document is damaged and cannot be read.");
  }
  const text = normalizeParagraphs(value);
  if (!text) throw importError("empty", fileName, "the Word document contains no text.");
  // Metadata is optional: a damaged core.xml must not cost the user their text.
  const raw = await readCoreProperties(bytes).catch(() => ({}) as RawMetadata);
  return { text, raw, notes: ["Text read from the Word document."] };
}
