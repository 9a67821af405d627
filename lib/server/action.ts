/**
 * The one wrapper for server actions and route handlers: did one of our pages send it (Origin /
 * Sec-Fetch-Site, lib/server/request) -> who is asking -> run the service (which parses its input with
 * zod and calls authorize()) -> map errors. Unknown errors are logged and answered with a generic
 * message; nothing internal reaches the client. Every caller changes state or reads through a POST
 * (server actions are always POST; runRoute serves only POST handlers), so every call is checked.
 */
import "server-only";
import { NextResponse } from "next/server";
import { AppError, HTTP_STATUS, toActionError, type ActionResult } from "@/lib/errors";
import { getCurrentUser } from "@/lib/server/auth/session";
import { SlidingWindowLimiter } from "@/lib/core/rate-limit";
import { assertSameOrigin, requestClientAddress } from "@/lib/server/request";
import { headers } from "next/headers";

/**
 * Burst policy: 600 actions a minute per user and instance (ten a second, sustained, is far beyond
 * anyone annotating by hand); past it, requests are refused as rate_limited with the wait in details.
 */
const limiter = ((globalThis as unknown as { __attestLimiter?: SlidingWindowLimiter }).__attestLimiter ??= new SlidingWindowLimiter(600, 60_000));

function isNextControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_NOT_FOUND") || digest === "DYNAMIC_SERVER_USAGE");
}

export async function runAction<T>(fn: (userId: string) => Promise<T>): Promise<ActionResult<T>> {
  try {
    assertSameOrigin(await headers());
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthenticated");
    const wait = limiter.take(user.id);
    if (wait > 0) throw new AppError("rate_limited", undefined, { retryAfterSeconds: Math.ceil(wait / 1000) });
    return { ok: true, data: await fn(user.id) };
  } catch (err) {
    if (isNextControlFlow(err)) throw err;
    return { ok: false, error: toActionError(err) };
  }
}

/**
 * Actions open to visitors who are not signed in (creating an account): limited per client address,
 * far more tightly than signed-in work, since each call may hash a password (scrypt, 32 MiB). Without
 * a trusted proxy the address is not known and all visitors share this allowance (lib/server/request).
 */
const publicLimiter = ((globalThis as unknown as { __attestPublicLimiter?: SlidingWindowLimiter }).__attestPublicLimiter ??= new SlidingWindowLimiter(30, 15 * 60_000));

export async function runPublicAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    const requestHeaders = await headers();
    assertSameOrigin(requestHeaders);
    const wait = publicLimiter.take(requestClientAddress(requestHeaders));
    if (wait > 0) throw new AppError("rate_limited", undefined, { retryAfterSeconds: Math.ceil(wait / 1000) });
    return { ok: true, data: await fn() };
  } catch (err) {
    if (isNextControlFlow(err)) throw err;
    return { ok: false, error: toActionError(err) };
  }
}

export const NO_STORE = { "Cache-Control": "private, no-store" };

export async function runRoute(fn: (userId: string) => Promise<unknown>): Promise<NextResponse> {
  const result = await runAction(fn);
  if (result.ok) return NextResponse.json(result.data ?? null, { headers: NO_STORE });
  const retry = (result.error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  const headers = retry ? { ...NO_STORE, "Retry-After": String(retry) } : NO_STORE;
  return NextResponse.json({ error: result.error }, { status: HTTP_STATUS[result.error.code], headers });
}
