"use server";
/** Server actions of curation: thin calls through runAction into lib/services/curation.ts, which authorizes and parses. */
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { acceptVersion, mergeVersions, openForCuration, rejectUnit, reopenUnit, undoCuration, type CurationView } from "@/lib/services/curation";

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** Every member sees every claim on the document from now on (blind annotation ends for it). */
export async function openForCurationAction(projectId: string, documentId: string, version: number) {
  const result = await runAction((userId) => openForCuration(userId, str(projectId), str(documentId), version));
  if (result.ok) revalidatePath(`/projects/${projectId}`, "layout");
  return result;
}

/** Curation decisions on a unit; each answers with the refreshed view (the page keeps its focus). */
export async function acceptVersionAction(projectId: string, input: unknown) {
  return curated(projectId, (userId) => acceptVersion(userId, str(projectId), input));
}

export async function mergeVersionsAction(projectId: string, input: unknown) {
  return curated(projectId, (userId) => mergeVersions(userId, str(projectId), input));
}

export async function rejectUnitAction(projectId: string, input: unknown) {
  return curated(projectId, (userId) => rejectUnit(userId, str(projectId), input));
}

export async function reopenUnitAction(projectId: string, input: unknown) {
  return curated(projectId, (userId) => reopenUnit(userId, str(projectId), input));
}

export async function undoCurationAction(projectId: string, input: unknown) {
  return curated(projectId, (userId) => undoCuration(userId, str(projectId), input));
}

async function curated(projectId: string, fn: (userId: string) => Promise<CurationView>) {
  const result = await runAction(fn);
  if (result.ok) revalidatePath(`/projects/${projectId}`, "layout");
  return result;
}
