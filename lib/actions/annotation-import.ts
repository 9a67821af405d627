"use server";
/**
 * Annotation imports on the document page and the decisions on the suggestions they leave. The
 * services parse, authorize and scope everything by project; these only pass the session user on.
 */
import { runAction } from "@/lib/server/action";
import { acceptSuggestions, importAnnotations, listSuggestions, rejectSuggestions } from "@/lib/services/annotation-import";

const str = (v: unknown) => (typeof v === "string" ? v : "");

export async function importAnnotationsAction(projectId: string, input: unknown) {
  return runAction((userId) => importAnnotations(userId, str(projectId), input));
}

export async function listSuggestionsAction(projectId: string, documentId: string) {
  return runAction((userId) => listSuggestions(userId, str(projectId), { documentId: str(documentId) }));
}

export async function acceptSuggestionsAction(projectId: string, input: unknown) {
  return runAction((userId) => acceptSuggestions(userId, str(projectId), input));
}

export async function rejectSuggestionsAction(projectId: string, input: unknown) {
  return runAction((userId) => rejectSuggestions(userId, str(projectId), input));
}
