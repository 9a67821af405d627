/**
 * The one choke point between a signed-in user and a project's data. It reads the user's role from
 * the database on every call (a demotion takes effect at once), answers `not_found` when the user is
 * not a member (exactly as for a project that does not exist), and `forbidden` when the role lacks
 * the permission. Everything loaded afterwards is filtered by the authorized projectId.
 *
 * Both refusals are recorded as "denied" audit events (actor, the project id as given, the permission
 * asked for). A non-member's attempt is recorded the same way whether or not the project exists, so
 * the answer, its errors and the work done reveal nothing; an id that is not even id-shaped names no
 * project and is answered without a record.
 */
import "server-only";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/db/client";
import { recordDeniedAttempt } from "@/lib/db/audit";
import { can, type Permission, type Role } from "./permissions";
import { isIdShaped } from "@/lib/ids";

export interface ProjectAccess {
  userId: string;
  projectId: string;
  role: Role;
}

export async function authorize(db: Db, userId: string, projectId: string, permission: Permission): Promise<ProjectAccess> {
  if (!isIdShaped(projectId)) throw new AppError("not_found");
  const membership = await db.membership.findUnique({
    where: { projectId_userId: { projectId, userId } },
    select: { role: true },
  });
  if (!membership) {
    await recordDeniedAttempt(db, { actorId: userId, projectId, action: permission });
    throw new AppError("not_found");
  }
  const role = membership.role as Role;
  if (!can(role, permission)) {
    await recordDeniedAttempt(db, { actorId: userId, projectId, action: permission });
    throw new AppError("forbidden");
  }
  return { userId, projectId, role };
}
