/**
 * Opening a document for curation: in a blind project, from then on every member sees every claim
 * on it (claim-visibility.ts reads `Document.curationOpenedAt` on each request). Opening is a change
 * to the document, so it names the document version it was decided on and bumps it; it is recorded
 * in the audit log. There is no closing: claims once shown cannot be unseen.
 */
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/db/audit";
import { Id, parseInput, Version } from "./input";

const OpenInput = z.strictObject({ documentId: Id, version: Version });

export interface CurationState {
  documentId: string;
  version: number;
  curationOpenedAt: Date;
}

export async function openForCuration(userId: string, projectId: string, documentId: string, version: number): Promise<CurationState> {
  const db = await getDb();
  await authorize(db, userId, projectId, "document.curate");
  const data = parseInput(OpenInput, { documentId, version });
  const doc = await db.document.findFirst({ where: { id: data.documentId, projectId }, select: { version: true, curationOpenedAt: true } });
  if (!doc) throw new AppError("not_found");
  // Asked twice (two editors, a double click): the state asked for already holds.
  if (doc.curationOpenedAt) return { documentId: data.documentId, version: doc.version, curationOpenedAt: doc.curationOpenedAt };
  return db.$transaction(async (tx) => {
    const at = new Date();
    const res = await tx.document.updateMany({
      where: { id: data.documentId, projectId, version: data.version, curationOpenedAt: null },
      data: { curationOpenedAt: at, version: { increment: 1 }, updatedAt: at },
    });
    if (res.count === 0) throw new AppError("conflict", "This document changed after you opened it. Reload it and try again.");
    await recordAuditEvent(tx, {
      projectId, actorId: userId, action: "document.openCuration", objectType: "document", objectId: data.documentId,
      before: { version: data.version, curationOpenedAt: null }, after: { version: data.version + 1, curationOpenedAt: at },
    });
    return { documentId: data.documentId, version: data.version + 1, curationOpenedAt: at };
  });
}
