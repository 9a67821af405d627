import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/core/safe-redirect";

describe("safeCallbackPath", () => {
  it.each([
    ["/projects/abc", "/projects/abc"],
    ["/projects/abc?x=1#h", "/projects/abc?x=1#h"],
    ["%2Fprojects%2Fx", "/projects/x"],
    ["/a/../b", "/b"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.tld", "//evil.tld", "/\\evil.tld", "\\\\evil.tld", "javascript:alert(1)", "%", "%2F%2Fevil.tld",
    "http:/evil.tld", "/\tevil", "", "relative/path", "/%0d%0aSet-Cookie:x", "x".repeat(3000),
  ])("falls back for %s", (input) => {
    expect(safeCallbackPath(input)).toBe("/projects");
  });

  it("falls back for null and undefined, with a custom fallback", () => {
    expect(safeCallbackPath(null, "/home")).toBe("/home");
    expect(safeCallbackPath(undefined)).toBe("/projects");
  });
});
