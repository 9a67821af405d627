/**
 * Documents: import (file or pasted text) into canonical text with an import report and an offset
 * map from the decoded source, metadata edits, and reading. A document's text is immutable once it
 * has claims; identical texts are refused. The stored report always describes the text stored.
 */
import "server-only";
import { z } from "zod";
import { Id, parseInput, Version } from "./input";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/db/audit";
import { prepareText, contentHash, decodeBytes, decodedDescription, type DecodeResult, type ImportTextReport, type SourceMap } from "@/lib/core/text";
import { cpLength } from "@/lib/core/offsets";
import { extractFile, limitsFromEnv, sanitizeFileName, sanitizeLabel, textLengthProblem, titleFromFileName, type ExtractedMetadata } from "@/lib/import";
import { Prisma } from "@/lib/generated/prisma/client";
import { publishedPrecision } from "@/lib/core/values";
import { DocumentMetadataInput, ImportMetadataInput, type DocumentMetadata } from "./document-metadata";

/**
 * What makes two documents identical: their canonical text without the white space at its edges, so a
 * file saved with or without a final newline is still a duplicate (the stored text keeps that white
 * space: it is part of the source's offsets).
 */
export function documentHash(text: string): Promise<string> {
  return contentHash(text.trim());
}

export interface ImportSource {
  fileName: string;
  bytes?: Uint8Array;
  pastedText?: string;
}

export interface ImportOptions {
  /** Apply the detected mojibake repair (default true); false keeps the text as decoded. */
  repair?: boolean;
  /** Checked against ImportMetadataInput. */
  metadata?: unknown;
}

export type StoredImportReport = ImportTextReport & { format: string; notes: string[] };

export interface ImportOutcome {
  documentId: string;
  title: string;
  version: number;
  /** The metadata stored, and what the file itself said (so a form can show both). */
  metadata: DocumentMetadata;
  fromFile: ExtractedMetadata;
  report: StoredImportReport;
}

/** The unrepaired text's report and map, kept while that text can still be chosen. */
interface OriginalImport {
  report: StoredImportReport;
  sourceMap: SourceMap | null;
}

const PASTED = "pasted text";

function mergeMetadata(fileName: string, extracted: ExtractedMetadata, given: Partial<DocumentMetadata> | undefined): DocumentMetadata {
  // A field given with the upload wins over the file's, even an empty one (the title excepted: a document needs one).
  const candidate = {
    title: given?.title || extracted.title || titleFromFileName(fileName) || "Untitled document",
    authors: given?.authors ?? extracted.authors,
    publisher: given?.publisher ?? extracted.publisher,
    published: given?.published ?? extracted.published,
    url: given?.url ?? extracted.url,
    language: given?.language ?? extracted.language,
  };
  // A value read from the file that does not validate is dropped on its own (the others are kept)
  // rather than failing the import; given values were checked already (ImportMetadataInput).
  const shape = DocumentMetadataInput.shape;
  const valid = Object.fromEntries(Object.entries(candidate).filter(([k, v]) => v !== undefined && shape[k as keyof typeof shape].safeParse(v).success));
  return DocumentMetadataInput.parse({ title: candidate.title.slice(0, 500), ...valid });
}

export async function importDocument(userId: string, projectId: string, source: ImportSource, options: ImportOptions = {}): Promise<ImportOutcome> {
  const db = await getDb();
  await authorize(db, userId, projectId, "document.import");
  const limits = limitsFromEnv(process.env);
  // The name is stored and echoed: no controls, NUL or bidi overrides (a pasted text's title may hold "/").
  source = { ...source, fileName: source.pastedText !== undefined ? sanitizeLabel(source.fileName) : sanitizeFileName(source.fileName) };
  const given = options.metadata === undefined ? undefined : parseInput(ImportMetadataInput, options.metadata);
  let format = "paste";
  let notes: string[] = [];
  let extracted: ExtractedMetadata = {};
  let input: Uint8Array | string;
  let decodedAs: DecodeResult | undefined;
  let obtained: string | undefined;
  if (source.pastedText !== undefined) {
    if (source.pastedText.length > limits.maxFileBytes) throw new AppError("too_large", "The pasted text is larger than the upload limit.");
    input = source.pastedText;
    obtained = PASTED;
  } else if (source.bytes) {
    // HTML and Markdown are decoded before their text is extracted; the report tells of that decoding.
    const result = await extractFile({ name: source.fileName, bytes: source.bytes, decode: (b) => ((decodedAs = decodeBytes(b)), decodedAs.text) }, limits);
    if (!result.ok) throw new AppError(result.error.code === "too_large" ? "too_large" : "invalid", result.error.message, { importError: result.error.code });
    format = result.format;
    notes = result.notes;
    extracted = result.metadata;
    input = result.bytes ?? result.text ?? "";
    obtained = result.obtained && (decodedAs ? `${result.obtained}, read as ${decodedDescription(decodedAs.encoding, decodedAs.bom)}` : result.obtained);
  } else {
    throw new AppError("invalid", "Nothing to import.");
  }
  const prepared = prepareText(input, { repair: options.repair ?? true, decodedAs, obtained });
  const tooLong = textLengthProblem(prepared.canonical, source.fileName || "The text", limits);
  if (tooLong) throw new AppError("too_large", tooLong.message, { importError: tooLong.code });
  // Only a text with nothing but white space is empty; white space around real text is kept (offsets).
  if (prepared.canonical.trim() === "") throw new AppError("invalid", `${source.fileName || "The text"}: no text to import.`);
  const hash = await documentHash(prepared.canonical);
  const existing = await db.document.findUnique({ where: { projectId_contentHash: { projectId, contentHash: hash } }, select: { id: true, title: true } });
  if (existing) {
    throw new AppError("duplicate", `${source.fileName || "This text"} is identical to “${existing.title}”, already in this project.`, { documentId: existing.id });
  }
  const meta = mergeMetadata(source.fileName, extracted, given);
  const report: StoredImportReport = { ...prepared.report, format, notes };
  const repaired = prepared.report.mojibake.applied;
  const originalImport: OriginalImport | null = repaired ? { report: { ...prepared.originalReport, format, notes }, sourceMap: prepared.originalMap } : null;
  const id = newId();
  await db.$transaction(async (tx) => {
    await tx.document.create({
      data: {
        id,
        projectId,
        ...meta,
        publishedPrecision: publishedPrecision(meta.published),
        text: prepared.canonical,
        textLength: cpLength(prepared.canonical),
        contentHash: hash,
        originalText: repaired ? prepared.original : null,
        sourceFileName: source.fileName.slice(0, 500),
        sourceFormat: format,
        importReport: report as unknown as Prisma.InputJsonValue,
        sourceMap: prepared.map === null ? Prisma.DbNull : (prepared.map as unknown as Prisma.InputJsonValue),
        originalImport: originalImport === null ? Prisma.DbNull : (originalImport as unknown as Prisma.InputJsonValue),
        createdById: userId,
      },
    });
    await recordAuditEvent(tx, { projectId, actorId: userId, action: "document.import", objectType: "document", objectId: id, after: { title: meta.title, format, contentHash: hash } });
  });
  return { documentId: id, title: meta.title, version: 1, metadata: meta, fromFile: extracted, report };
}

/** Which document, at which version (the positional arguments of the document writes). */
const DocumentAt = z.strictObject({ documentId: Id, version: Version });

export async function updateDocumentMetadata(userId: string, projectId: string, id: string, at: number, input: unknown) {
  const db = await getDb();
  await authorize(db, userId, projectId, "document.editMetadata");
  const { documentId, version } = parseInput(DocumentAt, { documentId: id, version: at });
  const data = parseInput(DocumentMetadataInput, input);
  const before = await db.document.findFirst({ where: { id: documentId, projectId }, select: { title: true, authors: true, publisher: true, published: true, url: true, language: true } });
  if (!before) throw new AppError("not_found");
  return db.$transaction(async (tx) => {
    const res = await tx.document.updateMany({
      where: { id: documentId, projectId, version },
      data: { ...data, publishedPrecision: publishedPrecision(data.published), version: { increment: 1 }, updatedAt: new Date() },
    });
    if (res.count === 0) throw new AppError("conflict", "Someone else changed this document's details. Reload to see their version.");
    await recordAuditEvent(tx, { projectId, actorId: userId, action: "document.metadata", objectType: "document", objectId: documentId, before, after: data });
    return { version: version + 1 };
  });
}

/** Replaces the repaired text with the text as originally decoded; only while nothing is annotated. */
export async function revertToOriginalText(userId: string, projectId: string, id: string, at: number) {
  const db = await getDb();
  await authorize(db, userId, projectId, "document.editMetadata");
  const { documentId, version } = parseInput(DocumentAt, { documentId: id, version: at });
  const doc = await db.document.findFirst({ where: { id: documentId, projectId }, select: { originalText: true, originalImport: true, importReport: true } });
  if (!doc) throw new AppError("not_found");
  if (doc.originalText === null) throw new AppError("invalid", "This document has no other version of its text.");
  const kept = keptOriginal(doc.originalImport as OriginalImport | null, doc.importReport as unknown as StoredImportReport);
  return db.$transaction(async (tx) => {
    const hash = await documentHash(doc.originalText!);
    const clash = await tx.document.findFirst({ where: { projectId, contentHash: hash, NOT: { id: documentId } }, select: { id: true } });
    if (clash) throw new AppError("duplicate", "The original text is identical to another document.", { documentId: clash.id });
    const res = await tx.document.updateMany({
      // claimSeq counts every claim ever made (deleted ones too): once annotated, the text is fixed.
      where: { id: documentId, projectId, version, claimSeq: 0 },
      data: {
        text: doc.originalText!,
        textLength: cpLength(doc.originalText!),
        contentHash: hash,
        originalText: null,
        importReport: kept.report as unknown as Prisma.InputJsonValue,
        sourceMap: kept.sourceMap === null ? Prisma.DbNull : (kept.sourceMap as unknown as Prisma.InputJsonValue),
        originalImport: Prisma.DbNull,
        version: { increment: 1 },
        updatedAt: new Date(),
      },
    });
    if (res.count === 0) {
      const now = await tx.document.findFirst({ where: { id: documentId, projectId }, select: { claimSeq: true } });
      if (now && now.claimSeq > 0) throw new AppError("conflict", "The text cannot change: the document already has claims.");
      throw new AppError("conflict");
    }
    await recordAuditEvent(tx, { projectId, actorId: userId, action: "document.useOriginal", objectType: "document", objectId: documentId });
    return { version: version + 1 };
  });
}

/**
 * The report and map once the original text is chosen. Documents imported before the original's own
 * report was kept get the repaired text's report with the repair marked declined; their positions were
 * not recorded, so the map is left out and the report says offsets are not mapped.
 */
function keptOriginal(original: OriginalImport | null, current: StoredImportReport): OriginalImport {
  if (original) return original;
  const warnings = (current.warnings ?? []).filter((w) => !w.startsWith("Repaired "));
  warnings.unshift("The repair was declined: the text is shown as it was decoded.");
  const mojibake = { ...current.mojibake, applied: false };
  return { report: { ...current, mojibake, warnings, offsets: "unmapped-repair", changes: [] }, sourceMap: null };
}
