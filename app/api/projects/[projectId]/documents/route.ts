/**
 * POST one file (multipart field `file`) or pasted text (`text` + `title`) into a project, with
 * optional `metadata` (JSON: title, authors, publisher, published, url, language; each given field
 * overrides what the file says).
 * One file per request, so the browser can show upload progress and a result per file.
 * Oversized bodies are refused from Content-Length before anything is read; so are bodies without one
 * (browsers always send it for a form upload), which could otherwise grow without a bound. Those
 * refusals close the connection, so the server does not go on receiving a body it has refused (the
 * proxy does not run on this route, see proxy.ts: it would buffer the body before the route answers).
 * File names and pasted titles are sanitized (lib/import/file-name.ts) before they are stored or echoed.
 */
import { NextResponse, type NextRequest } from "next/server";
import { runRoute, NO_STORE } from "@/lib/server/action";
import { CROSS_SITE_MESSAGE, isSameOrigin } from "@/lib/server/request";
import { importDocument } from "@/lib/services/documents";
import { AppError } from "@/lib/errors";
import { limitsFromEnv, sanitizeFileName, sanitizeLabel } from "@/lib/import";

type Ctx = { params: Promise<{ projectId: string }> };

/** Multipart framing adds a little to the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** A refusal sent before the body is read; `Connection: close` stops the client's upload there. */
function refuse(status: 411 | 413, code: string, message: string) {
  return NextResponse.json({ error: { code, message } }, { status, headers: { ...NO_STORE, Connection: "close" } });
}

/** The `metadata` field as sent (checked by the service), or undefined when absent. */
function metadataField(value: FormDataEntryValue | null): unknown {
  if (typeof value !== "string" || value === "") return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw new AppError("invalid", "The document details could not be read.");
  }
}

export async function POST(req: NextRequest, ctx: Ctx) {
  const { projectId } = await ctx.params;
  // Checked here too (runRoute checks again) so a cross-site upload is refused before its size is.
  if (!isSameOrigin(req.headers)) return NextResponse.json({ error: { code: "forbidden", message: CROSS_SITE_MESSAGE } }, { status: 403, headers: NO_STORE });
  const limits = limitsFromEnv(process.env);
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (!Number.isFinite(declared)) {
    return refuse(411, "invalid", "The upload must declare its length.");
  }
  if (declared > limits.maxFileBytes + MULTIPART_OVERHEAD) {
    const mb = Math.round(limits.maxFileBytes / 1024 / 1024);
    return refuse(413, "too_large", `The file is larger than the ${mb} MB limit.`);
  }
  return runRoute(async (userId) => {
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new AppError("invalid", "The upload could not be read.");
    }
    const repair = form.get("repair") !== "false";
    const metadata = metadataField(form.get("metadata"));
    const file = form.get("file");
    if (file instanceof File) {
      const fileName = sanitizeFileName(file.name);
      if (file.size > limits.maxFileBytes) throw new AppError("too_large", `${fileName || "The file"}: larger than the ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB limit.`);
      const bytes = new Uint8Array(await file.arrayBuffer());
      return importDocument(userId, projectId, { fileName, bytes }, { repair, metadata });
    }
    const text = form.get("text");
    if (typeof text === "string") {
      // A title is a name too: the same cleaning keeps controls and bidi overrides out of it.
      const title = sanitizeLabel(form.get("title")) || "Pasted text";
      return importDocument(userId, projectId, { fileName: title, pastedText: text }, { repair, metadata: { ...(metadata as object | undefined), title } });
    }
    throw new AppError("invalid", "Attach a file or paste some text.");
  });
}
