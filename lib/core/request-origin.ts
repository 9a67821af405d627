/**
 * Whether a state-changing request was sent by one of this site's own pages (the check that stops
 * cross-site request forgery before any work is done).
 *
 * Rules:
 * - `Sec-Fetch-Site`, when the browser sends it, must be `same-origin`: `cross-site`, `same-site` (a
 *   sibling subdomain) and `none` (typed into the address bar, never a page's fetch) are refused.
 * - `Origin`, when present, must name this host (the host the client addressed: `X-Forwarded-Host`
 *   if a proxy set it, else `Host`); `null` (sandboxed frames, some
 *   redirects) is refused.
 * - A request with NO `Origin` is accepted only with `Sec-Fetch-Site: same-origin`. Every current
 *   browser sends one or the other on a POST; a request with neither did not come from a page of ours
 *   (or came from a browser too old to protect), so it is refused rather than trusted.
 * The host comparison ignores the scheme (a reverse proxy may terminate TLS) and letter case.
 */

type OriginHeaders = {
  origin: string | null;
  secFetchSite: string | null;
  /** `X-Forwarded-Host` (first entry) if present, else `Host`. */
  host: string | null;
};

export function isSameOriginRequest({ origin, secFetchSite, host }: OriginHeaders): boolean {
  const site = secFetchSite?.trim().toLowerCase();
  if (site && site !== "same-origin") return false;
  if (origin === null || origin.trim() === "") return site === "same-origin";
  const expected = host?.split(",")[0]?.trim().toLowerCase();
  if (!expected) return false;
  return hostOf(origin) === expected;
}

function hostOf(origin: string): string | null {
  if (origin.trim() === "null") return null;
  try {
    const url = new URL(origin.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.host.toLowerCase() : null;
  } catch {
    return null;
  }
}
