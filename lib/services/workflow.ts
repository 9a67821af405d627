/**
 * A project's workflow settings: open or blind annotation, how many annotators each document needs,
 * and whether editors may approve their own claims. Only owners change them; the write names the
 * project version it read, so two owners editing at once cannot silently overwrite each other.
 */
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/db/audit";
import { parseInput, Version } from "./input";

export const ANNOTATION_MODES = ["open", "blind"] as const;
export type AnnotationMode = (typeof ANNOTATION_MODES)[number];

/** Bounds of annotatorsPerDocument; the database holds the same CHECK. */
export const MIN_ANNOTATORS_PER_DOCUMENT = 1;
export const MAX_ANNOTATORS_PER_DOCUMENT = 5;

export const UpdateWorkflowInput = z.strictObject({
  annotationMode: z.enum(ANNOTATION_MODES),
  annotatorsPerDocument: z
    .number()
    .int("Annotators per document must be a whole number.")
    .min(MIN_ANNOTATORS_PER_DOCUMENT, `Annotators per document must be between ${MIN_ANNOTATORS_PER_DOCUMENT} and ${MAX_ANNOTATORS_PER_DOCUMENT}.`)
    .max(MAX_ANNOTATORS_PER_DOCUMENT, `Annotators per document must be between ${MIN_ANNOTATORS_PER_DOCUMENT} and ${MAX_ANNOTATORS_PER_DOCUMENT}.`),
  selfApproval: z.boolean(),
  version: Version,
});

export interface WorkflowSettings {
  annotationMode: AnnotationMode;
  annotatorsPerDocument: number;
  selfApproval: boolean;
  /** The project's version, to send back with a change. */
  version: number;
}

const SETTINGS_SELECT = { annotationMode: true, annotatorsPerDocument: true, selfApproval: true, version: true } as const;

function toSettings(row: { annotationMode: string; annotatorsPerDocument: number; selfApproval: boolean; version: number }): WorkflowSettings {
  return {
    annotationMode: row.annotationMode === "blind" ? "blind" : "open",
    annotatorsPerDocument: row.annotatorsPerDocument,
    selfApproval: row.selfApproval,
    version: row.version,
  };
}

/** The settings for the owner's form. */
export async function getWorkflowSettings(userId: string, projectId: string) {
  const db = await getDb();
  const access = await authorize(db, userId, projectId, "project.workflow");
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, name: true, ...SETTINGS_SELECT } });
  return { access, project: { id: project.id, name: project.name }, settings: toSettings(project) };
}

export async function updateWorkflowSettings(userId: string, projectId: string, input: unknown): Promise<WorkflowSettings> {
  const db = await getDb();
  await authorize(db, userId, projectId, "project.workflow");
  const { version, ...data } = parseInput(UpdateWorkflowInput, input);
  return db.$transaction(async (tx) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: SETTINGS_SELECT });
    const res = await tx.project.updateMany({
      where: { id: projectId, version },
      data: { ...data, version: { increment: 1 }, updatedAt: new Date() },
    });
    if (res.count === 0) throw new AppError("conflict", "Someone changed these settings in the meantime. Reload to see them.", { current: toSettings(before) });
    await recordAuditEvent(tx, {
      projectId, actorId: userId, action: "project.workflow", objectType: "project", objectId: projectId,
      before: { annotationMode: before.annotationMode, annotatorsPerDocument: before.annotatorsPerDocument, selfApproval: before.selfApproval },
      after: data,
    });
    return { ...data, version: version + 1 };
  });
}
