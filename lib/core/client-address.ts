/**
 * The address a request came from, for per-address limits. The app sits behind a reverse proxy in any
 * shared deployment, which appends the address it saw to `X-Forwarded-For`; entries to its left are
 * whatever the client sent and could be rotated at will to dodge a limit, so the rightmost entry is
 * the one used. Without the header (a direct local connection) every request counts as "local".
 */
export function clientAddress(forwardedFor: string | string[] | null | undefined): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  const hops = (header ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  return hops[hops.length - 1] ?? "local";
}
