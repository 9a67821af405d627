/**
 * GET an ad hoc export of the claims or records page's filter (the page's query parameters) in one
 * format. The download is a link on the page, so it goes through the same wrapper as every call
 * (same-origin check, sign-in, rate limit) and the service authorizes it (export.run; a missing or
 * foreign project is a 404). The body is pulled from the service's generator as the client reads,
 * so the file is never whole in memory; the job id is in a header for the page to poll progress.
 */
import { NextResponse, type NextRequest } from "next/server";
import { runAction, NO_STORE } from "@/lib/server/action";
import { HTTP_STATUS } from "@/lib/errors";
import { startExport } from "@/lib/services/exports";
import { toReadableStream } from "@/lib/exports/web-stream";

type Ctx = { params: Promise<{ projectId: string; format: string }> };

export async function GET(req: NextRequest, ctx: Ctx) {
  const { projectId, format } = await ctx.params;
  const params: Record<string, string | string[]> = {};
  for (const key of new Set(req.nextUrl.searchParams.keys())) {
    const all = req.nextUrl.searchParams.getAll(key);
    params[key] = all.length === 1 ? all[0] : all;
  }
  const result = await runAction((userId) => startExport(userId, projectId, format, params, { origin: req.nextUrl.origin }));
  if (!result.ok) return NextResponse.json({ error: result.error }, { status: HTTP_STATUS[result.error.code], headers: NO_STORE });
  const { chunks, contentType, fileName, jobId } = result.data;
  return new Response(toReadableStream(chunks), {
    headers: {
      ...NO_STORE,
      "Content-Type": contentType,
      // The name is ASCII letters, digits, dots and dashes only (startExport), so quoting it is enough.
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "X-Content-Type-Options": "nosniff",
      "X-Export-Job": jobId,
    },
  });
}
