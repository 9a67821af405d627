/**
 * Known devices: a browser that has signed in to an account successfully gets a signed cookie naming
 * that account and a random device id. Its later sign-in attempts to that account are throttled by
 * device rather than by address, so a guesser cannot lock the owner out even when every visitor
 * shares one address (no trusted proxy, a shared NAT). The signature (HMAC with the auth secret) binds
 * the device id to the account; a cookie cannot be forged, or reused for another account.
 */
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { newId } from "@/lib/ids";

export const KNOWN_DEVICE_COOKIE = "attest-known-device";
/** Half a year: a device stays known across months of sign-ins; each sign-in renews it. */
const KNOWN_DEVICE_MAX_AGE_SECONDS = 180 * 24 * 3600;

function signature(secret: string, email: string, deviceId: string): string {
  return createHmac("sha256", secret).update(`known-device\n${email}\n${deviceId}`).digest("base64url");
}

/** The device id in a Cookie header, when its cookie is valid for `email`; else null. */
export function knownDeviceFor(cookieHeader: string | null | undefined, email: string, secret: string): string | null {
  const raw = (cookieHeader ?? "")
    .split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${KNOWN_DEVICE_COOKIE}=`))
    ?.slice(KNOWN_DEVICE_COOKIE.length + 1);
  const match = raw ? /^([0-9a-f-]{36})\.([\w-]{43})$/.exec(raw) : null;
  if (!match) return null;
  const expected = Buffer.from(signature(secret, email, match[1]!));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1]! : null;
}

/** A Set-Cookie value marking this browser as a known device of `email` (a new id each sign-in). */
export function knownDeviceCookie(email: string, secret: string, secure: boolean): string {
  const deviceId = newId();
  const attributes = [`Max-Age=${KNOWN_DEVICE_MAX_AGE_SECONDS}`, "Path=/api/auth", "HttpOnly", "SameSite=Lax", ...(secure ? ["Secure"] : [])];
  return [`${KNOWN_DEVICE_COOKIE}=${deviceId}.${signature(secret, email, deviceId)}`, ...attributes].join("; ");
}
