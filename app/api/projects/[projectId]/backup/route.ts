/**
 * GET the project's full backup (a zip, lib/services/backup.ts). A link on the settings page, so it
 * goes through the same wrapper as every call (same-origin check, sign-in, rate limit); the service
 * authorizes it (project.backup, the owner) before the first byte, and the archive is pulled from its
 * generator as the client reads, never whole in memory.
 */
import { NextResponse, type NextRequest } from "next/server";
import { runAction, NO_STORE } from "@/lib/server/action";
import { HTTP_STATUS } from "@/lib/errors";
import { backupProject } from "@/lib/services/backup";
import { toReadableStream } from "@/lib/exports/web-stream";

type Ctx = { params: Promise<{ projectId: string }> };

export async function GET(_req: NextRequest, ctx: Ctx) {
  const { projectId } = await ctx.params;
  const result = await runAction((userId) => backupProject(userId, projectId));
  if (!result.ok) return NextResponse.json({ error: result.error }, { status: HTTP_STATUS[result.error.code], headers: NO_STORE });
  const { chunks, fileName } = result.data;
  return new Response(toReadableStream(chunks), {
    headers: {
      ...NO_STORE,
      "Content-Type": "application/zip",
      // The name is lower-case letters, digits and dashes only (backupProject), so quoting it is enough.
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
