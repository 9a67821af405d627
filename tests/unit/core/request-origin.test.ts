import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "@/lib/core/request-origin";

const HOST = "attest.example.org";

describe("isSameOriginRequest", () => {
  it.each([
    // [Origin, Sec-Fetch-Site, host, accepted]
    ["https://attest.example.org", "same-origin", HOST, true],
    ["https://attest.example.org", null, HOST, true],
    ["http://attest.example.org", null, HOST, true], // TLS ended at the proxy
    ["https://ATTEST.example.org", null, HOST, true],
    ["http://127.0.0.1:3100", "same-origin", "127.0.0.1:3100", true],
    [null, "same-origin", HOST, true],
    ["https://attest.example.org", "same-origin", "attest.example.org, internal:3000", true],
    // no Origin and nothing that vouches for the request: refused (the hole this closes)
    [null, null, HOST, false],
    ["", null, HOST, false],
    // the browser says it came from elsewhere
    [null, "cross-site", HOST, false],
    [null, "same-site", HOST, false],
    [null, "none", HOST, false],
    ["https://attest.example.org", "cross-site", HOST, false],
    // another origin, or an opaque one
    ["https://evil.tld", null, HOST, false],
    ["https://evil.tld", "same-origin", HOST, false],
    ["https://attest.example.org.evil.tld", null, HOST, false],
    ["https://attest.example.org:8443", null, HOST, false],
    ["null", null, HOST, false],
    ["null", "same-origin", HOST, false],
    ["javascript:alert(1)", null, HOST, false],
    ["not a url", null, HOST, false],
    // nothing to compare the Origin with
    ["https://attest.example.org", null, null, false],
  ])("Origin %j, Sec-Fetch-Site %j, host %j: %s", (origin, secFetchSite, host, accepted) => {
    expect(isSameOriginRequest({ origin, secFetchSite, host })).toBe(accepted);
  });
});
