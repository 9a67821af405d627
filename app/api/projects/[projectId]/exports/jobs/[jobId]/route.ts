/**
 * GET one of the member's own export jobs (state, rows and bytes so far): the page polls it while a
 * download runs. Someone else's job, or a foreign project, is a 404.
 */
import type { NextRequest } from "next/server";
import { runRoute } from "@/lib/server/action";
import { getExportJob } from "@/lib/services/exports";

type Ctx = { params: Promise<{ projectId: string; jobId: string }> };

export async function GET(_req: NextRequest, ctx: Ctx) {
  const { projectId, jobId } = await ctx.params;
  return runRoute((userId) => getExportJob(userId, projectId, { jobId }));
}
