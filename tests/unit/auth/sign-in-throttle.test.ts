import { describe, expect, it } from "vitest";
import { decideSignIn, retryAfterSeconds, SIGN_IN_THROTTLE, waitForLimit, type RecentFailures } from "@/lib/core/sign-in-throttle";

const NOW = 1_800_000_000_000;
const MINUTE = 60_000;
const { windowMs, perPair, perAddress, perAccount } = SIGN_IN_THROTTLE;
/** `n` failures, the newest `newestAgoMs` before NOW, one a second further back each. */
const failures = (n: number, newestAgoMs = 0) => Array.from({ length: n }, (_, i) => NOW - newestAgoMs - i * 1000);
const none: RecentFailures = { pair: [], address: [], account: [], knownAddress: false };

describe("waitForLimit", () => {
  it("allows below the limit and waits for the limit-th newest failure to leave the window at it", () => {
    expect(waitForLimit(failures(2), 3, windowMs, NOW)).toBe(0);
    // Failures at NOW, NOW-1s, NOW-2s: the third newest leaves the window at NOW - 2s + windowMs.
    expect(waitForLimit(failures(3), 3, windowMs, NOW)).toBe(windowMs - 2000);
    expect(waitForLimit(failures(5), 3, windowMs, NOW)).toBe(windowMs - 2000);
  });

  it("never answers a negative wait", () => {
    expect(waitForLimit([NOW - windowMs - 1], 1, windowMs, NOW)).toBe(0);
  });
});

describe("decideSignIn", () => {
  it("allows when no limit is reached", () => {
    expect(decideSignIn(none, NOW)).toEqual({ allowed: true });
    expect(decideSignIn({ ...none, pair: failures(perPair - 1), address: failures(perAddress - 1), account: failures(perAccount - 1) }, NOW)).toEqual({ allowed: true });
  });

  it("refuses an (account, address) pair at its limit, with the wait until its oldest failure expires", () => {
    const decision = decideSignIn({ ...none, pair: failures(perPair, 5 * MINUTE) }, NOW);
    expect(decision).toEqual({ allowed: false, limit: "pair", waitMs: windowMs - 5 * MINUTE - (perPair - 1) * 1000 });
  });

  it("refuses an address that reached its ceiling over all accounts", () => {
    expect(decideSignIn({ ...none, address: failures(perAddress) }, NOW)).toMatchObject({ allowed: false, limit: "address" });
  });

  it("applies the account-wide limit to strangers only, never to an address the owner signed in from", () => {
    const spread = { ...none, account: failures(perAccount) };
    expect(decideSignIn(spread, NOW)).toMatchObject({ allowed: false, limit: "account" });
    expect(decideSignIn({ ...spread, knownAddress: true }, NOW)).toEqual({ allowed: true });
  });

  it("reports the longest wait when several limits are reached", () => {
    const decision = decideSignIn({ ...none, pair: failures(perPair, 10 * MINUTE), address: failures(perAddress, 1 * MINUTE) }, NOW);
    expect(decision).toMatchObject({ allowed: false, limit: "address" });
  });

  it("makes the account-wide limit reachable only from many addresses", () => {
    // The policy's promise that it is no cheap lockout: a single address meets its own limits long before.
    expect(perAccount / perPair).toBeGreaterThanOrEqual(10);
    expect(perAddress).toBeLessThan(perAccount);
  });
});

describe("retryAfterSeconds", () => {
  it("rounds up and never says 0", () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1000)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
  });
});
