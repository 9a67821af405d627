/**
 * The browser side of signing in and out, through next-auth's own endpoints (CSRF token, then POST)
 * without next-auth's client library. Signing in this way lets the form read a throttled attempt's
 * `Retry-After`, which next-auth's `signIn()` does not pass on.
 */

export type SignInOutcome =
  | { ok: true }
  | { ok: false; reason: "invalid" | "failed" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

async function csrfToken(): Promise<string> {
  return ((await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
}

function post(path: string, fields: Record<string, string>): Promise<Response> {
  return fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

export async function signInWithPassword(email: string, password: string): Promise<SignInOutcome> {
  try {
    const res = await post("/api/auth/callback/credentials", { csrfToken: await csrfToken(), email, password, json: "true" });
    if (res.status === 429) return { ok: false, reason: "throttled", retryAfterSeconds: Number(res.headers.get("Retry-After")) || 60 };
    const body = (await res.json().catch(() => null)) as { url?: string } | null;
    const error = body?.url ? new URL(body.url, window.location.origin).searchParams.get("error") : "unknown";
    if (res.ok && !error) return { ok: true };
    return { ok: false, reason: error === "CredentialsSignin" ? "invalid" : "failed" };
  } catch {
    return { ok: false, reason: "failed" };
  }
}

/** Ends this browser's session on the server and clears its cookie. */
export async function signOutHere(): Promise<void> {
  await post("/api/auth/signout", { csrfToken: await csrfToken(), json: "true" });
}

/** "Try again in 4 minutes": the wait a throttled attempt was given, rounded up for people. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
