/**
 * Text and core properties of a Word (.docx) file, read as streams.
 * Order matters: the central-directory guard (zip-guard.ts) passes first; then every entry is
 * checked against its declared size while inflating (zip-entry-stream.ts), and the main part is
 * parsed chunk by chunk as it inflates (docx-text.ts), stopping at the text cap. No part is ever
 * decompressed whole into memory, so a small file whose XML inflates to hundreds of megabytes costs
 * one chunk of memory and fails at the cap. Paragraphs are separated by blank lines. Metadata:
 * dc:title, dc:creator, dcterms:created, dc:language from docProps/core.xml (small, bounded).
 */
import { parseDocument } from "htmlparser2";
import type { RawMetadata } from "../metadata";
import { importError } from "../errors";
import type { ImportLimits } from "../limits";
import { textTooLongError } from "../text-limit";
import { guardZip, type ZipEntryInfo } from "../zip-guard";
import { verifyZipSizes } from "../zip-verify";
import { readZipEntry, ZipEntryError } from "../zip-entry-stream";
import { DocxTextCollector, TextTooLong } from "./docx-text";
import { findAll, textOf, type HNode } from "./html-render";

export type DocxExtract = { text: string; raw: RawMetadata; notes: string[] };

const MAIN_PART = "word/document.xml";
const CORE_PART = "docProps/core.xml";
/** A core-properties part larger than this is not read (real ones are under 2 KB); the text is kept. */
const MAX_CORE_BYTES = 256 * 1024;

async function readMainText(bytes: Uint8Array, entry: ZipEntryInfo, fileName: string, limits: ImportLimits): Promise<string> {
  const collector = new DocxTextCollector(limits.maxTextChars);
  const decoder = new TextDecoder("utf-8");
  try {
    for await (const chunk of readZipEntry(bytes, entry)) collector.write(decoder.decode(chunk, { stream: true }));
    collector.write(decoder.decode());
    return collector.end();
  } catch (err) {
    if (err instanceof TextTooLong) throw textTooLongError(fileName, limits);
    if (err instanceof ZipEntryError) throw importError(err.failure.code, fileName, err.failure.detail);
    throw importError("malformed", fileName, "the Word document is damaged and cannot be read.");
  }
}

async function readCoreProperties(bytes: Uint8Array, entry: ZipEntryInfo | undefined): Promise<RawMetadata> {
  if (!entry || entry.uncompressedSize > MAX_CORE_BYTES) return {};
  const chunks: Uint8Array[] = [];
  for await (const chunk of readZipEntry(bytes, entry)) chunks.push(chunk);
  const xml = Buffer.concat(chunks).toString("utf8");
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
  const main = guard.entries.find((e) => e.name === MAIN_PART)!; // the guard requires it
  const core = guard.entries.find((e) => e.name === CORE_PART);
  // The main part first: a text over the cap fails before the rest of the archive is inflated.
  const text = normalizeParagraphs(await readMainText(bytes, main, fileName, limits));
  const verified = await verifyZipSizes(bytes, guard.entries, new Set([MAIN_PART]));
  if (verified) throw importError(verified.code, fileName, verified.detail);
  if (!text) throw importError("empty", fileName, "the Word document contains no text.");
  // Metadata is optional: a damaged core.xml must not cost the user their text.
  const raw = await readCoreProperties(bytes, core).catch(() => ({}) as RawMetadata);
  return { text, raw, notes: ["Text read from the Word document."] };
}
