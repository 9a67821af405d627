"use server";
/** Server actions of curation: thin calls through runAction into lib/services/curation.ts, which authorizes and parses. */
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { openForCuration } from "@/lib/services/curation";

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** Every member sees every claim on the document from now on (blind annotation ends for it). */
export async function openForCurationAction(projectId: string, documentId: string, version: number) {
  const result = await runAction((userId) => openForCuration(userId, str(projectId), str(documentId), version));
  if (result.ok) revalidatePath(`/projects/${projectId}`, "layout");
  return result;
}
