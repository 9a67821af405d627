"use server";
/**
 * Server actions: thin. Each resolves the signed-in user (runAction), then calls one service, which
 * authorizes against the project and parses its input with zod (arguments arrive from the network
 * as whatever the caller sent). Results are ActionResult values.
 */
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { createProject } from "@/lib/services/projects";
import { addMember, changeMemberRole, removeMember } from "@/lib/services/members";
import { updateDocumentMetadata, revertToOriginalText } from "@/lib/services/documents";
import { createClaim, deleteClaim, getClaimForEditing, restoreClaim, updateClaim } from "@/lib/services/claims";
import { createClaimType, setClaimTypeArchived, updateClaimType } from "@/lib/services/claim-types";
import { listClaimKeyValues } from "@/lib/services/claim-lists";
import { setFieldDefault } from "@/lib/services/claim-type-defaults";

const str = (v: unknown) => (typeof v === "string" ? v : "");

export async function createProjectAction(input: { name: string; description?: string }) {
  return runAction((userId) => createProject(userId, input));
}

export async function addMemberAction(projectId: string, input: { email: string; role: string }) {
  const result = await runAction((userId) => addMember(userId, str(projectId), input));
  if (result.ok) revalidatePath(`/projects/${projectId}`);
  return result;
}

export async function changeMemberRoleAction(projectId: string, input: { membershipId: string; role: string; version: number }) {
  const result = await runAction((userId) => changeMemberRole(userId, str(projectId), input));
  if (result.ok) revalidatePath(`/projects/${projectId}`);
  return result;
}

export async function removeMemberAction(projectId: string, membershipId: string) {
  const result = await runAction((userId) => removeMember(userId, str(projectId), membershipId));
  if (result.ok) revalidatePath(`/projects/${projectId}`);
  return result;
}

export async function updateDocumentMetadataAction(projectId: string, documentId: string, version: number, input: unknown) {
  return runAction((userId) => updateDocumentMetadata(userId, str(projectId), documentId, version, input));
}

export async function revertToOriginalTextAction(projectId: string, documentId: string, version: number) {
  return runAction((userId) => revertToOriginalText(userId, str(projectId), documentId, version));
}

export async function createClaimAction(projectId: string, input: unknown) {
  return runAction((userId) => createClaim(userId, str(projectId), input));
}

export async function getClaimAction(projectId: string, claimId: string) {
  return runAction((userId) => getClaimForEditing(userId, str(projectId), { claimId }));
}

/** Opens a claim by its number within a document (what the reading view knows). */
export async function getClaimBySeqAction(projectId: string, documentId: string, seq: number) {
  return runAction((userId) => getClaimForEditing(userId, str(projectId), { documentId, seq }));
}

/** Key values (date, figure) of the claims a document's list shows: `{ documentId, seqs }`. */
export async function getClaimKeyValuesAction(projectId: string, input: unknown) {
  return runAction((userId) => listClaimKeyValues(userId, str(projectId), input));
}

export async function updateClaimAction(projectId: string, input: unknown) {
  return runAction((userId) => updateClaim(userId, str(projectId), input));
}

export async function deleteClaimAction(projectId: string, input: unknown) {
  return runAction((userId) => deleteClaim(userId, str(projectId), input));
}

export async function restoreClaimAction(projectId: string, input: unknown) {
  return runAction((userId) => restoreClaim(userId, str(projectId), input));
}

export async function createClaimTypeAction(projectId: string, definition: unknown) {
  const result = await runAction((userId) => createClaimType(userId, str(projectId), definition));
  if (result.ok) revalidatePath(`/projects/${projectId}/claim-types`);
  return result;
}

export async function updateClaimTypeAction(projectId: string, input: unknown) {
  const result = await runAction((userId) => updateClaimType(userId, str(projectId), input));
  if (result.ok) revalidatePath(`/projects/${projectId}/claim-types`);
  return result;
}

export async function setClaimTypeArchivedAction(projectId: string, claimTypeId: string, version: number, archived: boolean) {
  const result = await runAction((userId) => setClaimTypeArchived(userId, str(projectId), claimTypeId, version, archived));
  if (result.ok) revalidatePath(`/projects/${projectId}/claim-types`);
  return result;
}

/** Sets or removes one field's project default for a claim type: `{ claimTypeId, version, field, value }`. */
export async function setFieldDefaultAction(projectId: string, input: unknown) {
  const result = await runAction((userId) => setFieldDefault(userId, str(projectId), input));
  if (result.ok) revalidatePath(`/projects/${projectId}/claim-types`);
  return result;
}
