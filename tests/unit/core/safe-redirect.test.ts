import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/core/safe-redirect";

const ORIGIN = "https://attest.example.org";

describe("safeCallbackPath", () => {
  it.each([
    ["/projects/abc", "/projects/abc"],
    ["/projects/abc?x=1#h", "/projects/abc?x=1#h"],
    ["/projects/x?q=a%26b%2F%2Fc", "/projects/x?q=a%26b%2F%2Fc"],
    ["/a/../b", "/b"],
    ["/a/./b/../c", "/a/c"],
    ["/projects/%2e%2e/account", "/account"],
  ])("keeps the same-origin path %s as %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  // Each of these leaves the site when a browser follows it, either as written or once normalized.
  it.each([
    // dot segments that collapse into a scheme-relative URL
    "/.//evil.tld", "/..//evil.tld", "/%2e//evil.tld", "/%2E%2E//evil.tld", "/a/..//evil.tld", "/a/b/../..//evil.tld",
    // percent-encoded slashes and backslashes
    "%2F%2Fevil.tld", "/%2F%2Fevil.tld", "/%2Fevil.tld", "/%5Cevil.tld", "%5C%5Cevil.tld", "/.%2F%2Fevil.tld", "%2Fprojects%2Fx",
    // backslashes
    "/\\evil.tld", "\\\\evil.tld", "\\/evil.tld", "/\\/evil.tld", "/.\\\\evil.tld",
    // scheme-relative
    "//evil.tld", "///evil.tld", "//evil.tld/projects", "//attest.example.org@evil.tld",
    // tab and newline injection (browsers drop them while parsing)
    "/\t/evil.tld", "/\n/evil.tld", "/\r\n/evil.tld", "/%09/evil.tld", "/\tevil",
    // other schemes
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "http:/evil.tld", "http:evil.tld",
    // absolute off-site URLs
    "https://evil.tld", "http://evil.tld/projects", "https://attest.example.org.evil.tld/", "https://evil.tld#https://attest.example.org",
    // malformed, relative, empty, over-long
    "%", "", "relative/path", "evil.tld", "/%0d%0aSet-Cookie:x", "x".repeat(3000),
  ])("falls back for %j", (input) => {
    expect(safeCallbackPath(input)).toBe("/projects");
    expect(safeCallbackPath(input, "/projects", ORIGIN)).toBe("/projects");
  });

  it("accepts an absolute URL on the caller's own origin and answers with its path only", () => {
    expect(safeCallbackPath(`${ORIGIN}/projects/abc?x=1#h`, "/projects", ORIGIN)).toBe("/projects/abc?x=1#h");
    expect(safeCallbackPath(`${ORIGIN}/a/..//evil.tld`, "/projects", ORIGIN)).toBe("/projects");
    // without a known origin nothing absolute is trusted
    expect(safeCallbackPath(`${ORIGIN}/projects/abc`)).toBe("/projects");
    // another scheme or port on the same host is another origin
    expect(safeCallbackPath("http://attest.example.org/projects", "/projects", ORIGIN)).toBe("/projects");
    expect(safeCallbackPath("https://attest.example.org:8443/projects", "/projects", ORIGIN)).toBe("/projects");
  });

  it("gives an answer that stays on the site when resolved again", () => {
    for (const input of ["/projects/abc", "/a/../b?x=%2F%2Fevil", "/x#//evil.tld", "/p/%2e%2e/q", "/%252F%252Fevil.tld"]) {
      const path = safeCallbackPath(input, "/projects", ORIGIN);
      expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
      expect(safeCallbackPath(path, "/projects", ORIGIN)).toBe(path);
    }
  });

  it("falls back for null and undefined, with a custom fallback", () => {
    expect(safeCallbackPath(null, "/home")).toBe("/home");
    expect(safeCallbackPath(undefined)).toBe("/projects");
    expect(safeCallbackPath("//evil.tld", "/home", ORIGIN)).toBe("/home");
  });
});
