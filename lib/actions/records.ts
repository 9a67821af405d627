"use server";
/**
 * Server actions for records, conflicts and the actor list: thin calls through runAction into the
 * services, which authorize against the project (document.curate for every change) and parse input.
 * Each change refreshes the records pages so the next render shows the recomputed record.
 */
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import {
  confirmProposal, detachClaim, mergeRecords, refreshRecord, resolveConflict, setFieldRule, setRecordStatus, splitRecord,
} from "@/lib/services/records";
import { createActor, deleteActor } from "@/lib/services/actors";
import type { ActionResult } from "@/lib/errors";

const str = (v: unknown) => (typeof v === "string" ? v : "");

async function changed<T>(projectId: string, result: Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const r = await result;
  if (r.ok) {
    revalidatePath(`/projects/${projectId}/records`, "layout");
    revalidatePath(`/projects/${projectId}/conflicts`);
  }
  return r;
}

/** `{ claimIds }`: makes a record of a proposal. */
export async function confirmProposalAction(projectId: string, input: unknown) {
  return changed(str(projectId), runAction((userId) => confirmProposal(userId, str(projectId), input)));
}

/** `{ recordId, version, otherRecordId, otherVersion }` */
export async function mergeRecordsAction(projectId: string, input: unknown) {
  return changed(str(projectId), runAction((userId) => mergeRecords(userId, str(projectId), input)));
}

/** `{ recordId, version, claimIds }` */
export async function splitRecordAction(projectId: string, input: unknown) {
  return changed(str(projectId), runAction((userId) => splitRecord(userId, str(projectId), input)));
}

/** `{ recordId, version, claimId }` */
export async function detachClaimAction(projectId: string, input: unknown) {
  return changed(str(projectId), runAction((userId) => detachClaim(userId, str(projectId), input)));
}

/** `{ recordId, version }` */
export async function refreshRecordAction(projectId: string, input: unknown) {
  return changed(str(projectId), runAction((userId) => refreshRecord(userId, str(projectId), input)));
}

/** `{ recordId, version, status }` */
export async function setRecordStatusAction(projectId: string, input: unknown) {
  return changed(str(projectId), runAction((userId) => setRecordStatus(userId, str(projectId), input)));
}

/** `{ recordId, fieldKey, version, rule, claimId? }` */
export async function setFieldRuleAction(projectId: string, input: unknown) {
  return changed(str(projectId), runAction((userId) => setFieldRule(userId, str(projectId), input)));
}

/** `{ conflictId, version, side, note }` */
export async function resolveConflictAction(projectId: string, input: unknown) {
  return changed(str(projectId), runAction((userId) => resolveConflict(userId, str(projectId), input)));
}

/** `{ name, aliases }` */
export async function createActorAction(projectId: string, input: unknown) {
  return changed(str(projectId), runAction((userId) => createActor(userId, str(projectId), input)));
}

/** `{ actorId }` */
export async function deleteActorAction(projectId: string, input: unknown) {
  return changed(str(projectId), runAction((userId) => deleteActor(userId, str(projectId), input)));
}
