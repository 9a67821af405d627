/**
 * The address a request came from, for per-address limits.
 *
 * Rules:
 * - `trustedProxies` (the ATTEST_TRUSTED_PROXIES setting, default 0) is how many reverse proxies the
 *   operator runs in front of Attest. Each proxy appends the address it received the request from to
 *   `X-Forwarded-For`, so the last `trustedProxies` entries were written by them and everything to
 *   the left is whatever the client chose to send. The client is the entry `trustedProxies` from the
 *   right; nothing further left is ever read.
 * - With 0 trusted proxies the header is ignored entirely: the address is the socket's peer when the
 *   caller knows it, else the shared bucket `DIRECT_BUCKET`. A forged header can therefore never choose
 *   the address that is limited (to escape a limit or to lock someone else out).
 * - A chain shorter than the number of trusted proxies did not pass through them all (or was sent
 *   straight to the app): it is the shared bucket too. So is an entry that is not an IP address.
 * - IPv4-mapped IPv6 addresses (`::ffff:1.2.3.4`) are the IPv4 address; a port or brackets are dropped.
 */

/** Where requests go whose own address is not known; limits on it are shared by all such requests. */
export const DIRECT_BUCKET = "direct";
/** More hops than this is a misreading of the setting, not a deployment. */
const MAX_TRUSTED_PROXIES = 10;
const TRUSTED_PROXIES_SETTING = "ATTEST_TRUSTED_PROXIES";
/** Longest textual IPv6 address with a zone is far below this; longer entries are not addresses. */
const MAX_ADDRESS_LENGTH = 64;

/** Reads the setting: a whole number 0..MAX_TRUSTED_PROXIES, 0 when unset; anything else is an error. */
export function trustedProxiesFromEnv(env: Record<string, string | undefined>): number {
  const raw = env[TRUSTED_PROXIES_SETTING]?.trim();
  if (!raw) return 0;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > MAX_TRUSTED_PROXIES) {
    throw new Error(`${TRUSTED_PROXIES_SETTING} must be a whole number from 0 to ${MAX_TRUSTED_PROXIES} (the reverse proxies in front of Attest); got "${raw}".`);
  }
  return n;
}

type AddressSource = {
  /** The X-Forwarded-For header(s) as received (several headers are one list, in order). */
  forwardedFor: string | readonly string[] | null | undefined;
  /** How many reverse proxies in front of the app are trusted to append to X-Forwarded-For. */
  trustedProxies: number;
  /** The socket's peer address, when the runtime exposes it. */
  peer?: string | null;
};

export function clientAddress({ forwardedFor, trustedProxies, peer }: AddressSource): string {
  if (trustedProxies <= 0) return normalizeAddress(peer) ?? DIRECT_BUCKET;
  const header = typeof forwardedFor === "string" ? forwardedFor : (forwardedFor ?? []).join(",");
  const hops = header.split(",").map((h) => h.trim()).filter(Boolean);
  if (hops.length < trustedProxies) return DIRECT_BUCKET;
  return normalizeAddress(hops[hops.length - trustedProxies]) ?? DIRECT_BUCKET;
}

/** An IPv4 or IPv6 address in a canonical-enough form to be a map key, or null if it is not one. */
function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw || raw.length > MAX_ADDRESS_LENGTH) return null;
  let value = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.indexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(value);
  if (mapped) value = mapped[1]!;
  if (isIPv4(value) || isIPv6(value)) return value;
  return null;
}

function isIPv4(value: string): boolean {
  const parts = value.split(".");
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function isIPv6(value: string): boolean {
  const [address, zone] = value.split("%", 2) as [string, string | undefined];
  if (zone !== undefined && !/^[\w.-]+$/.test(zone)) return false;
  if (!/^[\da-f:.]+$/.test(address) || !address.includes(":")) return false;
  const halves = address.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h ? h.split(":") : []));
  const tail = groups[groups.length - 1] ?? "";
  const v4 = tail.includes(".");
  if (v4 && !isIPv4(tail)) return false;
  const hexGroups = v4 ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((g) => /^[\da-f]{1,4}$/.test(g))) return false;
  const width = hexGroups.length + (v4 ? 2 : 0);
  return halves.length === 2 ? width < 8 : width === 8;
}
