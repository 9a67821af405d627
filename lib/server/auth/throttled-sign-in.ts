/**
 * A throttled sign-in, carried through next-auth and answered as HTTP 429 with `Retry-After`.
 * next-auth turns an error thrown by `authorize` into an `error=<message>` parameter on the URL it
 * answers with (401 JSON for the form, a redirect otherwise); the route handler finds that marker
 * here and replaces the whole answer, so the wait reaches the form and any other client.
 */
const MARKER = "throttled:";

const THROTTLED_MESSAGE = "Too many failed sign-in attempts.";

export function throttledSignInError(retryAfterSeconds: number): Error {
  return new Error(`${MARKER}${retryAfterSeconds}`);
}

/** The wait carried by a next-auth answer to a throttled attempt, or null for any other answer. */
async function throttledWait(response: Response): Promise<number | null> {
  let target = response.headers.get("location");
  if (!target && response.headers.get("content-type")?.includes("application/json")) {
    const body = (await response.clone().json().catch(() => null)) as { url?: unknown } | null;
    target = typeof body?.url === "string" ? body.url : null;
  }
  if (!target) return null;
  const error = new URL(target, "http://attest.invalid").searchParams.get("error") ?? "";
  const match = /^throttled:(\d{1,9})$/.exec(error);
  return match ? Number(match[1]) : null;
}

/** Rewrites next-auth's answer to a throttled attempt as 429 + Retry-After; other answers pass. */
export async function answerThrottled(response: Response): Promise<Response> {
  const wait = await throttledWait(response);
  if (wait === null) return response;
  return Response.json(
    { error: { code: "rate_limited", message: THROTTLED_MESSAGE, details: { retryAfterSeconds: wait } } },
    { status: 429, headers: { "Retry-After": String(wait), "Cache-Control": "private, no-store" } },
  );
}
