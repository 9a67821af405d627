/**
 * The underline style of each claim type of a project, as the document page draws it: by the type's
 * place in the project's list of all types, archived ones included, oldest first (withTypeCues), so
 * a table or queue shows a type with the same line as its highlights in the text.
 */
import "server-only";
import { withTypeCues, type UnderlineStyle } from "@/lib/core/color/palette";
import type { Db } from "@/lib/db/client";

export async function typeUnderlines(db: Db, projectId: string): Promise<Map<string, UnderlineStyle>> {
  const types = await db.claimType.findMany({ where: { projectId }, orderBy: { createdAt: "asc" }, select: { id: true } });
  return new Map(withTypeCues(types).map((t) => [t.id, t.underline]));
}
