/** Accounts: sign-up and credential checks with throttling. Password hashes never leave this module. */
import "server-only";
import { z } from "zod";
import { parseInput } from "./input";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { DUMMY_HASH, hashPassword, passwordWeakness, verifyPassword } from "@/lib/auth/password";

export const SignUpInput = z.strictObject({
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid e-mail address.")).pipe(z.string().max(254)),
  password: z.string().max(200),
});

export const SignInInput = z.strictObject({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().min(1).max(200),
});

export interface PublicUser {
  id: string;
  email: string;
  name: string;
}

const PUBLIC_USER = { id: true, email: true, name: true } as const;

export async function signUp(input: unknown): Promise<PublicUser> {
  const { name, email, password } = parseInput(SignUpInput, input);
  const weak = passwordWeakness(password, email);
  if (weak) throw new AppError("invalid", weak, [{ path: ["password"], message: weak }]);
  const db = await getDb();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new AppError("duplicate", "An account with this e-mail address exists. Sign in instead.");
  return db.user.create({
    data: { id: newId(), email, name, passwordHash: await hashPassword(password) },
    select: PUBLIC_USER,
  });
}

/**
 * Throttling policy: at most 10 failed attempts per account and 50 per client address in any
 * 15-minute window; past that, sign-in is refused (even with the right password) until the window
 * moves on. Every attempt is recorded.
 */
export const THROTTLE = { windowMs: 15 * 60_000, perAccount: 10, perAddress: 50 };

export type CredentialCheck = { ok: true; user: PublicUser } | { ok: false; reason: "invalid" | "throttled" };

export async function checkCredentials(input: unknown, ip: string): Promise<CredentialCheck> {
  const parsed = SignInInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const db = await getDb();
  const since = new Date(Date.now() - THROTTLE.windowMs);
  const [byAccount, byAddress] = await Promise.all([
    db.loginAttempt.count({ where: { email, success: false, createdAt: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
  ]);
  if (byAccount >= THROTTLE.perAccount || byAddress >= THROTTLE.perAddress) {
    await db.loginAttempt.create({ data: { id: newId(), email, ip, success: false } });
    console.warn(`[attest] sign-in throttled for ${email} from ${ip}`);
    return { ok: false, reason: "throttled" };
  }
  const user = await db.user.findUnique({ where: { email }, select: { ...PUBLIC_USER, passwordHash: true } });
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  const success = Boolean(user && valid);
  await db.loginAttempt.create({ data: { id: newId(), email, ip, success } });
  if (!success || !user) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

export async function findUserById(id: string): Promise<PublicUser | null> {
  const db = await getDb();
  return db.user.findUnique({ where: { id }, select: PUBLIC_USER });
}
