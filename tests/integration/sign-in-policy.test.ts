/**
 * Sign-in policy against a real database. The threat: a password guesser (or someone who only wants
 * to lock a victim out) sends wrong passwords for the victim's account. Guessing must be throttled;
 * the victim, signing in from elsewhere, must not be locked out by it. And new passwords must not be
 * ones that such a guesser tries first.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { useTestDatabase, testEngines } from "../support/db";
import { failure } from "../support/errors";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import type { OpenDatabase } from "@/lib/db/engine";
import { checkCredentials, signUp } from "@/lib/services/users";
import { SIGN_IN_THROTTLE } from "@/lib/core/sign-in-throttle";
import { DIRECT_BUCKET } from "@/lib/core/client-address";

const { windowMs, perPair, perAddress, perAccount } = SIGN_IN_THROTTLE;
const ATTACKER = "198.51.100.66";
const VICTIM_HOME = "203.0.113.10";

describe.each(testEngines())("sign-in policy on %s", (engine) => {
  let db: OpenDatabase;
  beforeAll(async () => {
    db = await useTestDatabase(engine);
  });
  afterAll(async () => db?.close());

  /** Failed attempts recorded directly: the policy weighs rows, however they came to be. */
  async function recordFailures(email: string, ips: string[], at = new Date()) {
    await db.prisma.loginAttempt.createMany({
      data: ips.map((ip) => ({ id: randomBytes(12).toString("hex"), email, ip, success: false, createdAt: at })),
    });
  }

  it("throttles a guesser's address for that account, not the owner signing in from elsewhere", async () => {
    const victim = await makeUser("Victim");
    await recordFailures(victim.email, Array(perPair - 2).fill(ATTACKER));
    for (const guess of ["wrong guess 1", "wrong guess 2"]) {
      expect(await checkCredentials({ email: victim.email, password: guess }, { address: ATTACKER })).toEqual({ ok: false, reason: "invalid" });
    }
    const refused = await checkCredentials({ email: victim.email, password: TEST_PASSWORD }, { address: ATTACKER });
    expect(refused).toMatchObject({ ok: false, reason: "throttled", limit: "pair" });
    const wait = (refused as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(windowMs / 1000);
    // The owner, from anywhere else, is unaffected.
    expect(await checkCredentials({ email: victim.email, password: TEST_PASSWORD }, { address: VICTIM_HOME })).toMatchObject({ ok: true, user: { id: victim.id } });
    // Refused attempts are not counted: hammering a throttled door does not keep it shut longer.
    expect(await db.prisma.loginAttempt.count({ where: { email: victim.email, ip: ATTACKER } })).toBe(perPair);
  });

  it("keeps a known device signing in even when everyone shares one address", async () => {
    // Without a trusted proxy every visitor is the same address; the owner's browser is told apart by
    // its known-device cookie, which only a successful sign-in to this account hands out.
    const owner = await makeUser("Shared");
    await recordFailures(owner.email, Array(perAddress).fill(DIRECT_BUCKET));
    expect(await checkCredentials({ email: owner.email, password: TEST_PASSWORD }, { address: DIRECT_BUCKET })).toMatchObject({ reason: "throttled" });
    const device = randomUUID();
    expect(await checkCredentials({ email: owner.email, password: TEST_PASSWORD }, { address: DIRECT_BUCKET, knownDevice: device })).toMatchObject({ ok: true });
    // A known device is throttled on its own like any pair.
    await recordFailures(owner.email, Array(perPair).fill(`device:${device}`));
    expect(await checkCredentials({ email: owner.email, password: TEST_PASSWORD }, { address: DIRECT_BUCKET, knownDevice: device })).toMatchObject({ reason: "throttled", limit: "pair" });
  });

  it("lets the pair try again once the window has moved past its failures", async () => {
    const user = await makeUser("Patient");
    await recordFailures(user.email, Array(perPair).fill(ATTACKER));
    expect(await checkCredentials({ email: user.email, password: TEST_PASSWORD }, { address: ATTACKER })).toMatchObject({ reason: "throttled" });
    const later = new Date(Date.now() + windowMs + 1000);
    expect(await checkCredentials({ email: user.email, password: TEST_PASSWORD }, { address: ATTACKER }, later)).toMatchObject({ ok: true });
  });

  it("lets concurrent guesses past the pair limit no more than the limit allows", async () => {
    const user = await makeUser("Raced");
    const results = await Promise.all(
      Array.from({ length: perPair * 2 }, (_, i) => checkCredentials({ email: user.email, password: `parallel ${i}` }, { address: ATTACKER })),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid").length).toBeLessThanOrEqual(perPair);
    expect(results.filter((r) => !r.ok && r.reason === "throttled").length).toBeGreaterThanOrEqual(perPair);
  });

  it("caps one address over all accounts (password spraying)", async () => {
    const sprayer = "198.51.100.77";
    const target = await makeUser("Sprayed");
    // Spread below every pair limit, over many accounts (existing or not).
    for (let i = 0; i < perAddress; i++) await recordFailures(`nobody-${i % 10}-${randomBytes(3).toString("hex")}@example.org`, [sprayer]);
    expect(await checkCredentials({ email: target.email, password: TEST_PASSWORD }, { address: sprayer })).toMatchObject({ ok: false, reason: "throttled", limit: "address" });
    expect(await checkCredentials({ email: target.email, password: TEST_PASSWORD }, { address: "198.51.100.78" })).toMatchObject({ ok: true });
  });

  it("slows guessing spread over many addresses, but never at an address the owner has used", async () => {
    const owner = await makeUser("Distributed");
    expect(await checkCredentials({ email: owner.email, password: TEST_PASSWORD }, { address: VICTIM_HOME })).toMatchObject({ ok: true });
    const botnet = Array.from({ length: perAccount }, (_, i) => `192.0.2.${i % 250}`);
    await recordFailures(owner.email, botnet);
    expect(await checkCredentials({ email: owner.email, password: TEST_PASSWORD }, { address: "203.0.113.200" })).toMatchObject({ ok: false, reason: "throttled", limit: "account" });
    expect(await checkCredentials({ email: owner.email, password: TEST_PASSWORD }, { address: VICTIM_HOME })).toMatchObject({ ok: true });
  });

  it("stores only a scrypt hash, never the password", async () => {
    const user = await makeUser("Hashed");
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(JSON.stringify(user)).not.toContain("scrypt");
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(stored.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it("refuses guessable passwords at sign-up and says why", async () => {
    for (const password of ["Password1!", "qwerty1234", "P@ssw0rd123", "password123"]) {
      const err = await failure(signUp({ name: "Weak", email: `weak-${randomBytes(3).toString("hex")}@example.org`, password }));
      expect(err.code).toBe("invalid");
      expect(err.message).toMatch(/common|guess|similar/i); // the estimator's warning
      expect(err.message).toMatch(/Add more words/); // and its suggestion
    }
    expect((await failure(signUp({ name: "W", email: "short@example.org", password: "short" }))).message).toMatch(/10 characters/);
    const own = await failure(signUp({ name: "Margaret Hamilton", email: "mhamilton@example.org", password: "mhamilton2024" }));
    expect(own.code).toBe("invalid");
  });

  it("accepts strong passphrases and refuses a second account for one address", async () => {
    const user = await signUp({ name: "Strong", email: "Strong@Example.org", password: "a long test passphrase 42" });
    expect(user.email).toBe("strong@example.org");
    expect((await failure(signUp({ name: "Again", email: "strong@example.org", password: TEST_PASSWORD }))).message).toMatch(/exists/);
  });
});
