/**
 * The session-signing secret. NEXTAUTH_SECRET when configured (it must be long enough not to be
 * guessable); otherwise one generated on first run and kept in the database, so every app instance
 * on the same database signs with the same secret. The app never runs with a default secret.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";

const MIN_SECRET_LENGTH = 32;
const SETTING_KEY = "auth_secret";

let cached: string | undefined;

/** A configured secret must be long enough not to be guessable; returns the reason it is not, or null. */
export function configuredSecretProblem(value: string): string | null {
  return value.length < MIN_SECRET_LENGTH
    ? `NEXTAUTH_SECRET is shorter than ${MIN_SECRET_LENGTH} characters; refusing to sign sessions with a guessable secret.`
    : null;
}

export async function getAuthSecret(): Promise<string> {
  if (cached) return cached;
  const configured = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (configured !== undefined && configured !== "") {
    const problem = configuredSecretProblem(configured);
    if (problem) throw new Error(problem);
    cached = configured;
    return cached;
  }
  const db = await getDb();
  await db.$executeRaw`INSERT INTO "Setting" ("key", "value") VALUES (${SETTING_KEY}, ${randomBytes(48).toString("base64url")}) ON CONFLICT ("key") DO NOTHING`;
  const row = await db.setting.findUniqueOrThrow({ where: { key: SETTING_KEY } });
  cached = row.value;
  return cached;
}
