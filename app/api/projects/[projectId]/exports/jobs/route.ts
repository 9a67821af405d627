/** GET the member's recent exports in the project (the page's list polls it while one runs). */
import type { NextRequest } from "next/server";
import { runRoute } from "@/lib/server/action";
import { listExportJobs } from "@/lib/services/exports";

type Ctx = { params: Promise<{ projectId: string }> };

export async function GET(_req: NextRequest, ctx: Ctx) {
  const { projectId } = await ctx.params;
  return runRoute((userId) => listExportJobs(userId, projectId));
}
