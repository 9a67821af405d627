/**
 * The sign-in throttling policy: which recent failed attempts block the next one, and for how long.
 * Pure and clock-injected; the service reads the failures from the database and asks this module.
 *
 * Rules (one sliding window of `windowMs`; only failed password checks count, never refused ones, so
 * hammering a throttled door does not keep it shut):
 * - Per (account, address) pair: after `perPair` failures, that address may not try that account until
 *   the oldest of them leaves the window. This is the limit a password guesser meets first, and it
 *   cannot touch the account's owner signing in from anywhere else.
 * - Per address, over all accounts: after `perAddress` failures the address may not try any account
 *   (one machine spraying many accounts).
 * - Per account, over all addresses: after `perAccount` failures, addresses that have not signed in to
 *   that account successfully within `knownAddressMs` are refused too (guessing spread over many
 *   addresses). It is no cheap lockout: reaching it takes at least perAccount / perPair addresses, it
 *   ends `windowMs` after the guessing stops, and the owner's usual addresses are never refused by it.
 *
 * Invariant: a refusal always carries a positive wait, the time until the failure that caused it
 * leaves the window; an answer of "allowed" has none.
 */

export interface ThrottlePolicy {
  windowMs: number;
  perPair: number;
  perAddress: number;
  perAccount: number;
  knownAddressMs: number;
}

/** 15 minutes; 10 guesses per account and address; 50 per address; 100 per account from strangers. */
export const SIGN_IN_THROTTLE: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  perPair: 10,
  perAddress: 50,
  perAccount: 100,
  knownAddressMs: 30 * 24 * 3600_000,
};

/** Failure times (ms since epoch) within the window, newest first, at most `limit` of each. */
export interface RecentFailures {
  pair: number[];
  address: number[];
  account: number[];
  /** Whether this address signed in to this account successfully within `knownAddressMs`. */
  knownAddress: boolean;
}

export type ThrottleLimit = "pair" | "address" | "account";
export type ThrottleDecision = { allowed: true } | { allowed: false; limit: ThrottleLimit; waitMs: number };

/** Milliseconds until fewer than `limit` of `newestFirst` remain in the window, or 0. */
export function waitForLimit(newestFirst: readonly number[], limit: number, windowMs: number, now: number): number {
  if (newestFirst.length < limit) return 0;
  // The limit-th newest failure is the one that must leave the window before one more is allowed.
  const wait = newestFirst[limit - 1]! + windowMs - now;
  return wait > 0 ? wait : 0;
}

export function decideSignIn(failures: RecentFailures, now: number, policy: ThrottlePolicy = SIGN_IN_THROTTLE): ThrottleDecision {
  const waits: [ThrottleLimit, number][] = [
    ["pair", waitForLimit(failures.pair, policy.perPair, policy.windowMs, now)],
    ["address", waitForLimit(failures.address, policy.perAddress, policy.windowMs, now)],
    ["account", failures.knownAddress ? 0 : waitForLimit(failures.account, policy.perAccount, policy.windowMs, now)],
  ];
  let worst: [ThrottleLimit, number] | null = null;
  for (const w of waits) if (w[1] > 0 && (!worst || w[1] > worst[1])) worst = w;
  return worst ? { allowed: false, limit: worst[0], waitMs: worst[1] } : { allowed: true };
}

/** Whole seconds for a `Retry-After` header: never 0 for a refusal. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}
