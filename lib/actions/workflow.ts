"use server";
/**
 * Server actions of the review workflow's settings and assignments: thin calls through runAction into
 * lib/services/workflow.ts and lib/services/assignments.ts, which authorize and parse their input.
 */
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { updateWorkflowSettings } from "@/lib/services/workflow";
import { assignDocuments, unassignDocument, updateOwnAssignment } from "@/lib/services/assignments";

const str = (v: unknown) => (typeof v === "string" ? v : "");

export async function updateWorkflowSettingsAction(projectId: string, input: unknown) {
  const result = await runAction((userId) => updateWorkflowSettings(userId, str(projectId), input));
  if (result.ok) revalidatePath(`/projects/${projectId}`, "layout");
  return result;
}

/** `{ documentIds, userIds }`: every document to every member; pairs already assigned are kept. */
export async function assignDocumentsAction(projectId: string, input: unknown) {
  const result = await runAction((userId) => assignDocuments(userId, str(projectId), input));
  if (result.ok) revalidatePath(`/projects/${projectId}`, "layout");
  return result;
}

export async function unassignDocumentAction(projectId: string, input: unknown) {
  const result = await runAction((userId) => unassignDocument(userId, str(projectId), input));
  if (result.ok) revalidatePath(`/projects/${projectId}`, "layout");
  return result;
}

/** The signed-in member marks their own assignment: `{ assignmentId, state, version }`. */
export async function updateMyAssignmentAction(projectId: string, input: unknown) {
  const result = await runAction((userId) => updateOwnAssignment(userId, str(projectId), input));
  if (result.ok) revalidatePath(`/projects/${projectId}`, "layout");
  return result;
}
