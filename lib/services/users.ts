/**
 * Accounts: sign-up and credential checks with throttling. Password hashes never leave this module.
 * The throttling rules are in lib/core/sign-in-throttle.ts; this module reads and records attempts.
 */
import "server-only";
import { z } from "zod";
import { parseInput } from "./input";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { DUMMY_HASH, hashPassword, verifyPassword } from "@/lib/auth/password";
import { MAX_PASSWORD_LENGTH, passwordWeakness } from "@/lib/auth/password-strength";
import { decideSignIn, retryAfterSeconds, SIGN_IN_THROTTLE, type ThrottleLimit } from "@/lib/core/sign-in-throttle";

export const SignUpInput = z.strictObject({
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid e-mail address.")).pipe(z.string().max(254)),
  password: z.string().max(MAX_PASSWORD_LENGTH),
});

/** How an e-mail address is compared: accounts are unique regardless of case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const SignInInput = z.strictObject({
  email: z.string().max(300).transform(normalizeEmail).pipe(z.string().max(254)),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export interface PublicUser {
  id: string;
  email: string;
  name: string;
}

/** What a new session is built from: the user and the session version it starts under. */
export interface SignedInUser extends PublicUser {
  sessionVersion: number;
}

export const PUBLIC_USER = { id: true, email: true, name: true } as const;

export async function signUp(input: unknown): Promise<PublicUser> {
  const { name, email, password } = parseInput(SignUpInput, input);
  const weak = await passwordWeakness(password, [email, name]);
  if (weak) throw new AppError("invalid", weak, [{ path: ["password"], message: weak }]);
  const db = await getDb();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new AppError("duplicate", "An account with this e-mail address exists. Sign in instead.");
  return db.user.create({
    data: { id: newId(), email, name, passwordHash: await hashPassword(password) },
    select: PUBLIC_USER,
  });
}

export type CredentialCheck =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; limit: ThrottleLimit; retryAfterSeconds: number };

/**
 * Where an attempt comes from: the client address, and the browser's known-device id for the account
 * when it has one (lib/auth/known-device.ts). A known device is throttled on its own, under its id in
 * place of the address: guessing from elsewhere, or from behind the same address, does not reach it.
 */
export interface SignInClient {
  address: string;
  knownDevice?: string | null;
}

/**
 * Checks an e-mail and password from `client` under the throttling policy. The attempt is recorded
 * as a failure before anything is decided, so concurrent guesses see each other and cannot slip past
 * the limits together; a refused attempt's row is removed again (refusals do not extend a block), a
 * successful one is marked so.
 */
export async function checkCredentials(input: unknown, client: SignInClient, now = new Date()): Promise<CredentialCheck> {
  const parsed = SignInInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const db = await getDb();
  const attemptId = newId();
  const source = client.knownDevice ? `device:${client.knownDevice}` : client.address;
  await db.loginAttempt.create({ data: { id: attemptId, email, ip: source, success: false, createdAt: now } });

  const decision = decideSignIn(await recentFailures(email, source, Boolean(client.knownDevice), attemptId, now), now.getTime());
  if (!decision.allowed) {
    await db.loginAttempt.delete({ where: { id: attemptId } });
    console.warn(`[attest] sign-in throttled (${decision.limit} limit) for ${email} from ${client.address} (${source})`);
    return { ok: false, reason: "throttled", limit: decision.limit, retryAfterSeconds: retryAfterSeconds(decision.waitMs) };
  }

  const user = await db.user.findUnique({ where: { email }, select: { ...PUBLIC_USER, sessionVersion: true, passwordHash: true } });
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) return { ok: false, reason: "invalid" };
  await db.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}

/** The failures the policy weighs, newest first, each list only as long as its limit needs. */
async function recentFailures(email: string, ip: string, knownDevice: boolean, ownAttempt: string, now: Date) {
  const db = await getDb();
  const policy = SIGN_IN_THROTTLE;
  const failed = { success: false, id: { not: ownAttempt }, createdAt: { gt: new Date(now.getTime() - policy.windowMs), lte: now } };
  const times = (rows: { createdAt: Date }[]) => rows.map((r) => r.createdAt.getTime());
  const newest = { orderBy: { createdAt: "desc" as const }, select: { createdAt: true } };
  const [pair, address, account] = await Promise.all([
    db.loginAttempt.findMany({ where: { ...failed, email, ip }, take: policy.perPair, ...newest }),
    db.loginAttempt.findMany({ where: { ...failed, ip }, take: policy.perAddress, ...newest }),
    db.loginAttempt.findMany({ where: { ...failed, email }, take: policy.perAccount, ...newest }),
  ]);
  // Only worth asking once the account-wide limit is in reach.
  const knownAddress =
    knownDevice ||
    (account.length >= policy.perAccount &&
    (await db.loginAttempt.count({
      where: { email, ip, success: true, createdAt: { gt: new Date(now.getTime() - policy.knownAddressMs) } },
    })) > 0);
  return { pair: times(pair), address: times(address), account: times(account), knownAddress };
}
