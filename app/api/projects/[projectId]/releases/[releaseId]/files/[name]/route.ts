/**
 * GET one file of a release, byte for byte as stored when it was published. Authorized like every
 * download (same-origin check, sign-in, rate limit in the wrapper; project.view in the service): a
 * missing or foreign project, release or file name is a 404. The ETag is the file's SHA-256, so a
 * client can check the download against the hash shown on the release page.
 */
import { NextResponse } from "next/server";
import { runAction, NO_STORE } from "@/lib/server/action";
import { HTTP_STATUS } from "@/lib/errors";
import { releaseFile } from "@/lib/services/releases";

type Ctx = { params: Promise<{ projectId: string; releaseId: string; name: string }> };

export async function GET(_req: Request, ctx: Ctx) {
  const { projectId, releaseId, name } = await ctx.params;
  const result = await runAction((userId) => releaseFile(userId, projectId, releaseId, name));
  if (!result.ok) return NextResponse.json({ error: result.error }, { status: HTTP_STATUS[result.error.code], headers: NO_STORE });
  const file = result.data;
  // The name is one of the fixed release file names (releaseFile refuses any other), so quoting is enough.
  const download = `v${file.version}-${name}`;
  return new NextResponse(Buffer.from(file.bytes), {
    headers: {
      ...NO_STORE,
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": `attachment; filename="${download}"`,
      ETag: `"${file.sha256}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
