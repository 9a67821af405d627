/** Everything the document page shows, behind one authorization: the document, its claims, types, members. */
import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/auth/authorize";
import { CLAIM_TYPE_SELECT, withCurrentDefinition } from "./claim-types";
import { documentClaimsSnapshot } from "./claim-snapshots";
import { claimVisibility, seesWholeDocument } from "./claim-visibility";
import { fieldDefaultsOf } from "./claim-type-defaults";

export async function getDocumentPage(userId: string, projectId: string, documentId: string) {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "project.view");
  const doc = await db.document.findFirst({
    where: { id: documentId, projectId },
    select: {
      id: true, title: true, authors: true, publisher: true, published: true, publishedPrecision: true, url: true,
      language: true, text: true, textLength: true, sourceFileName: true, sourceFormat: true, importReport: true,
      version: true, claimsVersion: true, claimSeq: true, curationOpenedAt: true, createdAt: true,
    },
  });
  if (!doc) throw new AppError("not_found");
  const visibility = await claimVisibility(db, access);
  const [claims, types, members, project, originals] = await Promise.all([
    documentClaimsSnapshot(db, projectId, documentId, doc.claimsVersion, visibility, doc.curationOpenedAt),
    db.claimType.findMany({ where: { projectId }, orderBy: { createdAt: "asc" }, select: CLAIM_TYPE_SELECT }),
    db.membership.findMany({ where: { projectId }, select: { user: { select: { id: true, name: true } } } }),
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true, annotationMode: true } }),
    // Whether the text as first decoded is kept (without loading that second copy of the text).
    db.document.count({ where: { id: documentId, originalText: { not: null } } }),
  ]);
  const { claimsVersion: _cv, claimSeq, ...document } = doc;
  const claimTypes = types.map(withCurrentDefinition);
  return {
    access,
    projectName: project.name,
    // Annotated = a claim was ever made (deleted ones too): from then on the text is fixed.
    document: { ...document, hasOriginal: originals > 0, annotated: claimSeq > 0 },
    claims,
    /**
     * Blind annotation on this document: `ownOnly` when the reader sees only their own claims (until
     * an editor opens the document for curation); `curationOpen` once one has.
     */
    blind: {
      mode: project.annotationMode,
      ownOnly: !seesWholeDocument(visibility, doc.curationOpenedAt),
      curationOpen: doc.curationOpenedAt !== null,
    },
    claimTypes,
    /** Field defaults by claim type id, which the claim form fills into new claims (marked as defaults). */
    fieldDefaults: await fieldDefaultsOf(db, projectId, claimTypes),
    members: members.map((m) => m.user),
  };
}
