import { describe, expect, it } from "vitest";
import { clientAddress, DIRECT_BUCKET, trustedProxiesFromEnv } from "@/lib/core/client-address";

describe("clientAddress", () => {
  it.each([
    // [X-Forwarded-For, trusted proxies, peer, expected]
    // no trusted proxy: the header is never read, whatever it says
    ["6.6.6.6", 0, undefined, DIRECT_BUCKET],
    ["6.6.6.6, 7.7.7.7", 0, undefined, DIRECT_BUCKET],
    [null, 0, undefined, DIRECT_BUCKET],
    ["6.6.6.6", 0, "198.51.100.4", "198.51.100.4"],
    [null, 0, "::ffff:198.51.100.4", "198.51.100.4"],
    [null, 0, "::1", "::1"],
    // one proxy: the entry it appended (the rightmost), never what the client put in front
    ["203.0.113.7", 1, "10.0.0.2", "203.0.113.7"],
    ["6.6.6.6, 203.0.113.7", 1, undefined, "203.0.113.7"],
    ["6.6.6.6,203.0.113.7", 1, undefined, "203.0.113.7"],
    [["1.1.1.1, 2.2.2.2", "203.0.113.9"], 1, undefined, "203.0.113.9"],
    // two proxies: the second from the right
    ["6.6.6.6, 203.0.113.7, 10.0.0.5", 2, undefined, "203.0.113.7"],
    ["203.0.113.7, 10.0.0.5", 2, undefined, "203.0.113.7"],
    // a chain shorter than the proxies in front, or an empty one, did not come through them
    ["203.0.113.7", 2, undefined, DIRECT_BUCKET],
    [null, 1, undefined, DIRECT_BUCKET],
    [" , ", 1, undefined, DIRECT_BUCKET],
    // the trusted entry is not an address
    ["unknown", 1, undefined, DIRECT_BUCKET],
    ["1.2.3.4, <script>", 1, undefined, DIRECT_BUCKET],
    ["256.1.1.1", 1, undefined, DIRECT_BUCKET],
    ["1.2.3", 1, undefined, DIRECT_BUCKET],
    ["x".repeat(100), 1, undefined, DIRECT_BUCKET],
    // forms of the same address are one key
    ["203.0.113.7:51234", 1, undefined, "203.0.113.7"],
    ["[2001:DB8::1]:443", 1, undefined, "2001:db8::1"],
    ["2001:db8::1", 1, undefined, "2001:db8::1"],
    ["::ffff:203.0.113.7", 1, undefined, "203.0.113.7"],
    ["2001:db8:0:0:0:0:0:1", 1, undefined, "2001:db8:0:0:0:0:0:1"],
    ["2001:db8::1::2", 1, undefined, DIRECT_BUCKET],
  ] as const)("%j through %i trusted proxies (peer %s) is %s", (forwardedFor, trustedProxies, peer, expected) => {
    expect(clientAddress({ forwardedFor, trustedProxies, peer })).toBe(expected);
  });

  it("cannot be steered by a forged entry once the proxies are trusted", () => {
    const honest = clientAddress({ forwardedFor: "203.0.113.7", trustedProxies: 1 });
    for (const forged of ["198.51.100.1", "198.51.100.1, 198.51.100.2", "203.0.113.99"]) {
      expect(clientAddress({ forwardedFor: `${forged}, 203.0.113.7`, trustedProxies: 1 })).toBe(honest);
    }
  });
});

describe("trustedProxiesFromEnv", () => {
  it.each([
    [undefined, 0],
    ["", 0],
    ["0", 0],
    [" 2 ", 2],
    ["10", 10],
  ])("reads %j as %i", (value, expected) => {
    expect(trustedProxiesFromEnv({ ATTEST_TRUSTED_PROXIES: value })).toBe(expected);
  });

  it.each(["one", "-1", "1.5", "11", "1e1", "0x1"])("refuses %j with a message naming the setting", (value) => {
    expect(() => trustedProxiesFromEnv({ ATTEST_TRUSTED_PROXIES: value })).toThrow(/ATTEST_TRUSTED_PROXIES must be a whole number/);
  });
});
