/**
 * Runs before every page: a per-request CSP nonce (Next applies it to its own scripts) and
 * `no-store` caching. It is not an auth gate: every page and action authorizes next to its data.
 * It also refuses a server action whose declared body is over the limit, with 413 and a message the
 * browser shows: Next reads action bodies before any of our code runs and answers 500 past the limit.
 */
import { NextResponse, type NextRequest } from "next/server";
import { SERVER_ACTION_BODY_LIMIT_BYTES, SERVER_ACTION_TOO_LARGE_MESSAGE } from "@/lib/server/action-body-limit";

/**
 * A POST outside /api is a server action (pages take no other POST). Next's client shows the body of
 * a failed action as the error message only when the type is exactly `text/plain`.
 */
function oversizedAction(request: NextRequest): NextResponse | null {
  if (request.method !== "POST" || request.nextUrl.pathname.startsWith("/api/")) return null;
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (!(declared > SERVER_ACTION_BODY_LIMIT_BYTES)) return null;
  return new NextResponse(SERVER_ACTION_TOO_LARGE_MESSAGE, {
    status: 413,
    headers: { "Content-Type": "text/plain", "Cache-Control": "private, no-store", Connection: "close" },
  });
}

export function proxy(request: NextRequest) {
  const tooLarge = oversizedAction(request);
  if (tooLarge) return tooLarge;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Highlight colours are injected as style rules at run time; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

export const config = {
  // Not the upload routes (documents, backup restore): Next buffers the body of every request the proxy sees (10 MB at most) and only
  // runs the route once the whole body has arrived, so the route could not refuse an oversized upload
  // from its declared size, and uploads between 10 MB and the limit would arrive cut.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/projects/[^/]+/documents$|api/projects/restore$).*)" }],
};
