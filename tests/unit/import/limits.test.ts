import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, limitsFromEnv, resolveLimits } from "@/lib/import/limits";

const MB = 1024 * 1024;

describe("DEFAULT_LIMITS", () => {
  it("has the documented defaults", () => {
    expect(DEFAULT_LIMITS).toMatchObject({
      maxFileBytes: 20 * MB,
      maxExpandedBytes: 200 * MB,
      maxArchiveEntries: 2000,
      maxCompressionRatio: 200,
      pdfTimeoutMs: 30_000,
    });
    expect(DEFAULT_LIMITS.maxPdfPages).toBeGreaterThan(0);
  });

  it("cannot be mutated by a caller", () => {
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
  });
});

describe("limitsFromEnv", () => {
  it.each<[string, string | undefined, number]>([
    ["unset keeps 20 MB", undefined, 20 * MB],
    ["empty keeps default", "", 20 * MB],
    ["whole number of MB", "50", 50 * MB],
    ["surrounding spaces allowed", " 5 ", 5 * MB],
    ["decimal MB", "0.5", Math.floor(0.5 * MB)],
    ["zero keeps default", "0", 20 * MB],
    ["negative keeps default", "-5", 20 * MB],
    ["not a number keeps default", "lots", 20 * MB],
    ["units are not parsed", "10MB", 20 * MB],
    ["hex is not parsed", "0x10", 20 * MB],
    ["over 1024 MB keeps default", "5000", 20 * MB],
  ])("%s", (_name, value, expected) => {
    const limits = limitsFromEnv({ ATTEST_MAX_UPLOAD_MB: value });
    expect(limits.maxFileBytes).toBe(expected);
    expect(limits.maxExpandedBytes).toBe(DEFAULT_LIMITS.maxExpandedBytes);
  });

  it("returns a fresh object each time", () => {
    const a = limitsFromEnv({});
    a.maxFileBytes = 1;
    expect(limitsFromEnv({}).maxFileBytes).toBe(20 * MB);
  });
});

describe("text cap", () => {
  it("defaults to five million characters, with worker memory and time budgets", () => {
    expect(DEFAULT_LIMITS).toMatchObject({ maxTextChars: 5_000_000, workerMemoryMb: 512 });
    expect(DEFAULT_LIMITS.workerTimeoutMs).toBeGreaterThan(DEFAULT_LIMITS.pdfTimeoutMs);
  });

  it.each<[string, string | undefined, number]>([
    ["unset keeps 5,000,000", undefined, 5_000_000],
    ["a whole number", "200000", 200_000],
    ["spaces allowed", " 1000 ", 1000],
    ["decimals are refused", "1000.5", 5_000_000],
    ["zero keeps default", "0", 5_000_000],
    ["separators are not parsed", "5,000,000", 5_000_000],
    ["over 50 million keeps default", "60000000", 5_000_000],
  ])("ATTEST_MAX_TEXT_CHARS: %s", (_name, value, expected) => {
    const limits = limitsFromEnv({ ATTEST_MAX_TEXT_CHARS: value });
    expect(limits.maxTextChars).toBe(expected);
    expect(limits.maxFileBytes).toBe(DEFAULT_LIMITS.maxFileBytes);
  });
});

describe("resolveLimits", () => {
  it("fills missing values from the defaults and keeps given ones", () => {
    expect(resolveLimits({ maxPdfPages: 3 })).toEqual({ ...DEFAULT_LIMITS, maxPdfPages: 3 });
    expect(resolveLimits()).toEqual(DEFAULT_LIMITS);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("ignores the invalid value %s", (v) => {
    expect(resolveLimits({ maxFileBytes: v }).maxFileBytes).toBe(DEFAULT_LIMITS.maxFileBytes);
  });
});
