"use server";
/**
 * Copied passages of a document, computed when the member opens them on the document page (so the
 * page itself loads without the comparison). The service authorizes and scopes by project.
 */
import { runAction } from "@/lib/server/action";
import { copiedPassages } from "@/lib/services/passages";

const str = (v: unknown) => (typeof v === "string" ? v : "");

export async function copiedPassagesAction(projectId: string, documentId: string) {
  return runAction((userId) => copiedPassages(userId, str(projectId), { documentId: str(documentId) }));
}
