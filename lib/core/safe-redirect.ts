/**
 * Decides where to send a user after sign-in. Only same-origin paths are allowed: an absolute URL,
 * a protocol-relative `//host`, a backslash trick `/\host`, a `javascript:` URL or anything malformed
 * falls back to the default. Pure, so it is the same check on the server and in the browser.
 */
export function safeCallbackPath(raw: string | null | undefined, fallback = "/projects"): string {
  if (!raw || raw.length > 2048) return fallback;
  let value = raw;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return fallback;
  }
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  // Re-parse against a dummy origin: anything that leaves it is not a path.
  try {
    const url = new URL(value, "http://attest.invalid");
    if (url.origin !== "http://attest.invalid") return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
