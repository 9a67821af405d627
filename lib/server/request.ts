/**
 * What the request headers say about who is asking, for the action/route wrapper and next-auth: the
 * client address that per-address limits key on, and whether a state-changing request came from one
 * of our pages. The rules are in lib/core (client-address, request-origin); this reads the headers.
 *
 * The socket's peer address: Next (route handlers, server actions, next-auth's authorize) does not
 * expose it. Its server only copies it into `X-Forwarded-For` when the client sent no such header, so
 * that header cannot tell a forged value from a real one. With no trusted proxy (the default) the
 * header is therefore never read and every request shares one bucket (DIRECT_BUCKET): per-address
 * limits become one site-wide ceiling, which a single visitor can use up, but no forged header can
 * dodge a limit or lock someone else out. Deployments behind a reverse proxy set
 * ATTEST_TRUSTED_PROXIES so each client is limited on its own.
 */
import "server-only";
import { AppError } from "@/lib/errors";
import { clientAddress, trustedProxiesFromEnv } from "@/lib/core/client-address";
import { isSameOriginRequest } from "@/lib/core/request-origin";

/** Web `Headers` (actions, route handlers) or Node's header record (next-auth's request). */
type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | null {
  if (typeof source.get === "function") return (source as { get(name: string): string | null }).get(name);
  const value = (source as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

export function requestClientAddress(source: HeaderSource): string {
  return clientAddress({ forwardedFor: header(source, "x-forwarded-for"), trustedProxies: trustedProxiesFromEnv(process.env), peer: null });
}

export const CROSS_SITE_MESSAGE = "This request did not come from an Attest page, so it was refused. Reload the page and try again.";

export function isSameOrigin(source: HeaderSource): boolean {
  return isSameOriginRequest({
    origin: header(source, "origin"),
    secFetchSite: header(source, "sec-fetch-site"),
    host: header(source, "x-forwarded-host") ?? header(source, "host"),
  });
}

/** Throws `forbidden` for a state-changing request that no page of ours sent. */
export function assertSameOrigin(source: HeaderSource): void {
  if (!isSameOrigin(source)) throw new AppError("forbidden", CROSS_SITE_MESSAGE);
}
