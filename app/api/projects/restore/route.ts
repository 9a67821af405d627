/**
 * POST a backup zip (multipart field `file`, optional `name`) to restore it as a new project owned by
 * the signed-in user (lib/services/backup.ts checks the archive in full, then writes it in one
 * transaction). As for document uploads, a cross-site request is refused first, then a body over the
 * limit or without a declared length, before anything is read, with `Connection: close`; the proxy
 * does not run on this route (proxy.ts), so the body reaches it unbuffered.
 */
import { NextResponse, type NextRequest } from "next/server";
import { runRoute, NO_STORE } from "@/lib/server/action";
import { CROSS_SITE_MESSAGE, isSameOrigin } from "@/lib/server/request";
import { AppError } from "@/lib/errors";
import { backupLimits, restoreProject } from "@/lib/services/backup";

/** Multipart framing adds a little to the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

function refuse(status: 411 | 413, code: string, message: string) {
  return NextResponse.json({ error: { code, message } }, { status, headers: { ...NO_STORE, Connection: "close" } });
}

export async function POST(req: NextRequest) {
  if (!isSameOrigin(req.headers)) return NextResponse.json({ error: { code: "forbidden", message: CROSS_SITE_MESSAGE } }, { status: 403, headers: NO_STORE });
  const limits = backupLimits();
  // An archive is never larger than what it expands to (deflate only shrinks JSON), so one cap serves both.
  const maxBytes = limits.maxTotalBytes;
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (!Number.isFinite(declared)) return refuse(411, "invalid", "The upload must declare its length.");
  if (declared > maxBytes + MULTIPART_OVERHEAD) {
    return refuse(413, "too_large", `The backup is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit.`);
  }
  return runRoute(async (userId) => {
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new AppError("invalid", "The upload could not be read.");
    }
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("invalid", "Choose a backup file (.zip).");
    if (file.size > maxBytes) throw new AppError("too_large", `The backup is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit.`);
    const name = form.get("name");
    return restoreProject(userId, new Uint8Array(await file.arrayBuffer()), { name: typeof name === "string" ? name : undefined });
  });
}
