/**
 * POST a backup zip (multipart field `file`, optional `name`) to restore it as a project owned by the
 * signed-in user (lib/services/backup.ts checks the archive in full, then writes it in one
 * transaction). As for document uploads, a cross-site request is refused first, then a body over the
 * limit or without a declared length, before anything is read, with `Connection: close`; the proxy
 * does not run on this route (proxy.ts), so the body reaches it unbuffered. The body is streamed to a
 * temporary file (lib/import/multipart-file.ts) and the archive read from it by offset, so memory
 * stays flat whatever the upload's size; the file is removed when the restore ends, however it ends.
 */
import { NextResponse, type NextRequest } from "next/server";
import { runRoute, NO_STORE } from "@/lib/server/action";
import { CROSS_SITE_MESSAGE, isSameOrigin } from "@/lib/server/request";
import { receiveMultipartFile } from "@/lib/import/multipart-file";
import { backupLimits, restoreProjectFromFile } from "@/lib/services/backup";

/** Multipart framing adds a little to the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

function refuse(status: 411 | 413, code: string, message: string) {
  return NextResponse.json({ error: { code, message } }, { status, headers: { ...NO_STORE, Connection: "close" } });
}

export async function POST(req: NextRequest) {
  if (!isSameOrigin(req.headers)) return NextResponse.json({ error: { code: "forbidden", message: CROSS_SITE_MESSAGE } }, { status: 403, headers: NO_STORE });
  // An archive is never larger than what it expands to (deflate only shrinks JSON), so one cap serves both.
  const maxBytes = backupLimits().maxTotalBytes;
  const tooLarge = `The backup is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit.`;
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (!Number.isFinite(declared)) return refuse(411, "invalid", "The upload must declare its length.");
  if (declared > maxBytes + MULTIPART_OVERHEAD) return refuse(413, "too_large", tooLarge);
  return runRoute(async (userId) => {
    const upload = await receiveMultipartFile(req.body, req.headers.get("content-type"), {
      field: "file", maxBytes, tooLarge, missing: "Choose a backup file (.zip).",
    });
    try {
      return await restoreProjectFromFile(userId, upload.path, { name: upload.fields.get("name") });
    } finally {
      await upload.remove();
    }
  });
}
