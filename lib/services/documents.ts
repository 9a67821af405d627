/**
 * Documents: import (file or pasted text) into canonical text with an import report, metadata edits,
 * and reading. A document's text is immutable once it has claims; identical texts are refused.
 */
import "server-only";
import { z } from "zod";
import { Id, parseInput, Version } from "./input";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/db/audit";
import { prepareText, contentHash, decodeBytes, type DecodeResult, type ImportTextReport } from "@/lib/core/text";
import { cpLength } from "@/lib/core/offsets";
import { extractFile, limitsFromEnv, titleFromFileName, type ExtractedMetadata } from "@/lib/import";
import type { Prisma } from "@/lib/generated/prisma/client";

export const PUBLISHED_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export const DocumentMetadataInput = z.strictObject({
  title: z.string().trim().min(1, "Give the document a title.").max(500),
  authors: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  publisher: z.string().trim().max(300).default(""),
  published: z
    .string()
    .trim()
    .max(10)
    .refine((v) => v === "" || PUBLISHED_PATTERN.test(v), "Use YYYY, YYYY-MM or YYYY-MM-DD.")
    .default(""),
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((v) => v === "" || /^https?:\/\//i.test(v), "Use an http(s) address.")
    .default(""),
  language: z
    .string()
    .trim()
    .max(35)
    .refine((v) => v === "" || /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(v), "Use a language tag such as en or ar.")
    .default(""),
});
export type DocumentMetadata = z.infer<typeof DocumentMetadataInput>;

export function publishedPrecision(published: string): "day" | "month" | "year" | "unknown" {
  const m = PUBLISHED_PATTERN.exec(published);
  if (!m) return "unknown";
  return m[3] ? "day" : m[2] ? "month" : "year";
}

export interface ImportSource {
  fileName: string;
  bytes?: Uint8Array;
  pastedText?: string;
}

export interface ImportOptions {
  /** Apply the detected mojibake repair (default true); false keeps the text as decoded. */
  repair?: boolean;
  metadata?: Partial<DocumentMetadata>;
}

export interface ImportOutcome {
  documentId: string;
  title: string;
  report: ImportTextReport & { format: string; notes: string[] };
}

function mergeMetadata(fileName: string, extracted: ExtractedMetadata, given: Partial<DocumentMetadata> | undefined): DocumentMetadata {
  const candidate = {
    title: given?.title || extracted.title || titleFromFileName(fileName) || "Untitled document",
    authors: given?.authors ?? extracted.authors,
    publisher: given?.publisher ?? extracted.publisher,
    published: given?.published ?? extracted.published,
    url: given?.url ?? extracted.url,
    language: given?.language ?? extracted.language,
  };
  // A prefilled value that does not validate is dropped on its own (the others are kept) rather
  // than failing the import; the schema is the one the metadata form is checked against.
  const shape = DocumentMetadataInput.shape;
  const valid = Object.fromEntries(Object.entries(candidate).filter(([k, v]) => v !== undefined && shape[k as keyof typeof shape].safeParse(v).success));
  return DocumentMetadataInput.parse({ title: candidate.title.slice(0, 500), ...valid });
}

export async function importDocument(userId: string, projectId: string, source: ImportSource, options: ImportOptions = {}): Promise<ImportOutcome> {
  const db = await getDb();
  await authorize(db, userId, projectId, "document.import");
  const limits = limitsFromEnv(process.env);
  let format = "paste";
  let notes: string[] = [];
  let extracted: ExtractedMetadata = {};
  let input: Uint8Array | string;
  let decodedAs: DecodeResult | undefined;
  if (source.pastedText !== undefined) {
    if (source.pastedText.length > limits.maxFileBytes) throw new AppError("too_large", "The pasted text is larger than the upload limit.");
    input = source.pastedText;
  } else if (source.bytes) {
    // HTML and Markdown are decoded before their text is extracted; the report tells of that decoding.
    const result = await extractFile({ name: source.fileName, bytes: source.bytes, decode: (b) => ((decodedAs = decodeBytes(b)), decodedAs.text) }, limits);
    if (!result.ok) throw new AppError(result.error.code === "too_large" ? "too_large" : "invalid", result.error.message, { importError: result.error.code });
    format = result.format;
    notes = result.notes;
    extracted = result.metadata;
    input = result.bytes ?? result.text ?? "";
  } else {
    throw new AppError("invalid", "Nothing to import.");
  }
  const prepared = prepareText(input, { repair: options.repair ?? true, decodedAs });
  if (prepared.canonical.trim() === "") throw new AppError("invalid", `${source.fileName || "The text"}: no text to import.`);
  const hash = await contentHash(prepared.canonical);
  const existing = await db.document.findUnique({ where: { projectId_contentHash: { projectId, contentHash: hash } }, select: { id: true, title: true } });
  if (existing) {
    throw new AppError("duplicate", `${source.fileName || "This text"} is identical to “${existing.title}”, already in this project.`, { documentId: existing.id });
  }
  const meta = mergeMetadata(source.fileName, extracted, options.metadata);
  const report = { ...prepared.report, format, notes };
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
        originalText: prepared.report.mojibake.applied ? prepared.original : null,
        sourceFileName: source.fileName.slice(0, 500),
        sourceFormat: format,
        importReport: report as unknown as Prisma.InputJsonValue,
        createdById: userId,
      },
    });
    await recordAuditEvent(tx, { projectId, actorId: userId, action: "document.import", objectType: "document", objectId: id, after: { title: meta.title, format, contentHash: hash } });
  });
  return { documentId: id, title: meta.title, report };
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
export async function useOriginalText(userId: string, projectId: string, id: string, at: number) {
  const db = await getDb();
  await authorize(db, userId, projectId, "document.editMetadata");
  const { documentId, version } = parseInput(DocumentAt, { documentId: id, version: at });
  const doc = await db.document.findFirst({ where: { id: documentId, projectId }, select: { originalText: true } });
  if (!doc) throw new AppError("not_found");
  if (doc.originalText === null) throw new AppError("invalid", "This document has no other version of its text.");
  return db.$transaction(async (tx) => {
    const hash = await contentHash(doc.originalText!);
    const clash = await tx.document.findFirst({ where: { projectId, contentHash: hash, NOT: { id: documentId } }, select: { id: true } });
    if (clash) throw new AppError("duplicate", "The original text is identical to another document.", { documentId: clash.id });
    const res = await tx.document.updateMany({
      // claimSeq counts every claim ever made (deleted ones too): once annotated, the text is fixed.
      where: { id: documentId, projectId, version, claimSeq: 0 },
      data: { text: doc.originalText!, textLength: cpLength(doc.originalText!), contentHash: hash, originalText: null, version: { increment: 1 }, updatedAt: new Date() },
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
