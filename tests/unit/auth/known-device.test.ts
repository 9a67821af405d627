import { describe, expect, it } from "vitest";
import { KNOWN_DEVICE_COOKIE, knownDeviceCookie, knownDeviceFor } from "@/lib/server/auth/known-device";

const SECRET = "s".repeat(48);
const EMAIL = "owner@example.org";

/** The Cookie header a browser sends back for a Set-Cookie value. */
const asCookieHeader = (setCookie: string, others = "next-auth.csrf-token=abc") => `${others}; ${setCookie.split(";")[0]}`;

describe("known-device cookie", () => {
  it("names a device of the account it was issued for, and only that account", () => {
    const header = asCookieHeader(knownDeviceCookie(EMAIL, SECRET, false));
    const device = knownDeviceFor(header, EMAIL, SECRET);
    expect(device).toMatch(/^[0-9a-f-]{36}$/);
    expect(knownDeviceFor(header, "someone-else@example.org", SECRET)).toBeNull();
    expect(knownDeviceFor(header, EMAIL, "t".repeat(48))).toBeNull();
  });

  it("refuses a tampered, truncated or absent cookie", () => {
    const value = knownDeviceCookie(EMAIL, SECRET, false).split(";")[0]!;
    const [name, token] = value.split("=") as [string, string];
    const otherDevice = `${"0".repeat(8)}-0000-4000-8000-${"0".repeat(12)}${token.slice(36)}`;
    expect(knownDeviceFor(`${name}=${otherDevice}`, EMAIL, SECRET)).toBeNull();
    expect(knownDeviceFor(`${name}=${token.slice(0, -1)}`, EMAIL, SECRET)).toBeNull();
    expect(knownDeviceFor(`${name}=`, EMAIL, SECRET)).toBeNull();
    expect(knownDeviceFor(undefined, EMAIL, SECRET)).toBeNull();
    expect(knownDeviceFor("other=1", EMAIL, SECRET)).toBeNull();
  });

  it("is sent only to the auth endpoints, never readable by scripts, Secure on https", () => {
    const plain = knownDeviceCookie(EMAIL, SECRET, false);
    expect(plain.startsWith(`${KNOWN_DEVICE_COOKIE}=`)).toBe(true);
    expect(plain).toContain("Path=/api/auth");
    expect(plain).toContain("HttpOnly");
    expect(plain).not.toContain("Secure");
    expect(knownDeviceCookie(EMAIL, SECRET, true)).toContain("Secure");
  });
});
