/**
 * Decides where to send a user after sign-in or sign-up. Pure, so the server (the page that hands the
 * destination to the form) and the browser (the form that navigates) run the same check.
 *
 * Rules:
 * - The destination is judged AFTER the URL parser has normalized it (dot segments collapsed, tabs and
 *   newlines dropped, backslashes read as slashes), because that is what the browser will follow:
 *   `/.//evil.tld` is harmless as written but normalizes to `//evil.tld`, which leaves the site.
 * - Accepted: a path starting with `/`, or an absolute URL whose origin is exactly `origin` (when the
 *   caller knows it). The answer is always the normalized path + query + fragment, never a host.
 * - Refused (the fallback is returned): anything resolving to another origin or scheme, a normalized
 *   path beginning `//` or `/\` (a scheme-relative URL in disguise), one that would begin so after one
 *   round of percent-decoding (`/%2F%2Fevil.tld`), control characters (raw or percent-encoded),
 *   relative paths (`evil.tld`, `%2F%2Fevil.tld`), over-long or malformed input.
 * - The query and fragment are kept as sent (never decoded), so their meaning does not change.
 *
 * Invariant: the result is a fixed point — resolving it against any base keeps that base's origin.
 */

/** Longer destinations are not links anyone follows; refusing them bounds the work. */
const MAX_DESTINATION_LENGTH = 2048;
/** Stands in for "this site" when the caller does not know its public origin. */
const PLACEHOLDER_ORIGIN = "http://attest.invalid";
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:/i;

export function safeCallbackPath(raw: string | null | undefined, fallback = "/projects", origin?: string): string {
  if (!raw || raw.length > MAX_DESTINATION_LENGTH) return fallback;
  if (CONTROL_CHARACTERS.test(raw) || CONTROL_CHARACTERS.test(decodeOnce(raw))) return fallback;
  const base = originOf(origin) ?? PLACEHOLDER_ORIGIN;
  const absolute = ABSOLUTE_URL.test(raw);
  if (!raw.startsWith("/") && !(absolute && base !== PLACEHOLDER_ORIGIN)) return fallback;

  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  const path = url.pathname + url.search + url.hash;
  // Some layer between here and the browser might decode the path once more: `/%2F%2Fevil.tld` and
  // `/.%2F%2Fevil.tld` would then leave the site, so the decoded path must stay on it too.
  if (!isPlainPath(path) || !staysOnSite(decodeOnce(url.pathname), base)) return fallback;
  // Fixed point: the answer must land on the same place when resolved again.
  if (new URL(path, base).href !== url.href) return fallback;
  return path;
}

/** `/x...` but not `//host` or `/\host`. */
function isPlainPath(path: string): boolean {
  return path.startsWith("/") && path[1] !== "/" && path[1] !== "\\";
}

function staysOnSite(path: string, base: string): boolean {
  try {
    const url = new URL(path, base);
    return url.origin === base && isPlainPath(url.pathname) && isPlainPath(path);
  } catch {
    return false;
  }
}

function decodeOnce(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return "//\u0000"; // undecodable: fails both the path and the control-character checks
  }
}

function originOf(origin: string | undefined): string | undefined {
  if (!origin) return undefined;
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
