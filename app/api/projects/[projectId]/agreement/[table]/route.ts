/**
 * GET one agreement table as CSV (documents, types, fields, matrix or pairs), with the page's
 * filters (`document`, `type`) as query parameters. The download is a link on the agreement page,
 * so it goes through the same wrapper as every call (same-origin check, sign-in, rate limit) and the
 * service authorizes it: a missing or foreign project is a 404, an annotator's request a 403.
 */
import { NextResponse, type NextRequest } from "next/server";
import { runAction, NO_STORE } from "@/lib/server/action";
import { HTTP_STATUS } from "@/lib/errors";
import { agreementCsv } from "@/lib/services/agreement";

type Ctx = { params: Promise<{ projectId: string; table: string }> };

export async function GET(req: NextRequest, ctx: Ctx) {
  const { projectId, table } = await ctx.params;
  const q = req.nextUrl.searchParams;
  const filters = { documentId: q.get("document") || undefined, typeKey: q.get("type") || undefined };
  const result = await runAction((userId) => agreementCsv(userId, projectId, table, filters));
  if (!result.ok) return NextResponse.json({ error: result.error }, { status: HTTP_STATUS[result.error.code], headers: NO_STORE });
  return new NextResponse(result.data.csv, {
    headers: {
      ...NO_STORE,
      "Content-Type": "text/csv; charset=utf-8",
      // The name is ASCII letters, digits and dashes only (agreementCsv), so quoting it is enough.
      "Content-Disposition": `attachment; filename="${result.data.fileName}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
