/**
 * POST one file (multipart field `file`) or pasted text (`text` + `title`) into a project, with
 * optional `metadata` (JSON: title, authors, publisher, published, url, language; each given field
 * overrides what the file says).
 * One file per request, so the browser can show upload progress and a result per file.
 * Oversized bodies are refused from Content-Length before anything is read; so are bodies without one
 * (browsers always send it for a form upload), which could otherwise grow without a bound.
 */
import { NextResponse, type NextRequest } from "next/server";
import { runRoute, NO_STORE } from "@/lib/server/action";
import { importDocument } from "@/lib/services/documents";
import { AppError } from "@/lib/errors";
import { limitsFromEnv } from "@/lib/import";

type Ctx = { params: Promise<{ projectId: string }> };

/** Multipart framing adds a little to the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

function sameOrigin(req: NextRequest): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = req.headers.get("origin");
  if (!origin) return site === "same-origin";
  return origin === req.nextUrl.origin || origin === `${req.headers.get("x-forwarded-proto") ?? req.nextUrl.protocol.replace(":", "")}://${req.headers.get("host")}`;
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
  if (!sameOrigin(req)) return NextResponse.json({ error: { code: "forbidden", message: "Cross-site request refused." } }, { status: 403, headers: NO_STORE });
  const limits = limitsFromEnv(process.env);
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (!Number.isFinite(declared)) {
    return NextResponse.json({ error: { code: "invalid", message: "The upload must declare its length." } }, { status: 411, headers: NO_STORE });
  }
  if (declared > limits.maxFileBytes + MULTIPART_OVERHEAD) {
    const mb = Math.round(limits.maxFileBytes / 1024 / 1024);
    return NextResponse.json({ error: { code: "too_large", message: `The file is larger than the ${mb} MB limit.` } }, { status: 413, headers: NO_STORE });
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
      if (file.size > limits.maxFileBytes) throw new AppError("too_large", `${file.name}: larger than the ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB limit.`);
      const bytes = new Uint8Array(await file.arrayBuffer());
      return importDocument(userId, projectId, { fileName: file.name, bytes }, { repair, metadata });
    }
    const text = form.get("text");
    if (typeof text === "string") {
      const title = String(form.get("title") ?? "").trim() || "Pasted text";
      return importDocument(userId, projectId, { fileName: title, pastedText: text }, { repair, metadata: { ...(metadata as object | undefined), title } });
    }
    throw new AppError("invalid", "Attach a file or paste some text.");
  });
}
