/**
 * Sessions that end. A session token (a signed, encrypted JWT) carries the user, a random session id
 * and the user's session version at sign-in; every request confirms them here:
 * - signing out records the session id as revoked, which ends that one session (a copy of its token
 *   included) and no other;
 * - "sign out everywhere" increments the user's session version, which ends every session at once.
 * A revoked id is kept until no copy of its token can still be unexpired: tokens are re-issued only
 * for live sessions, so every copy expires within SESSION_MAX_AGE_SECONDS of the revocation.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import { PUBLIC_USER, type PublicUser } from "./users";

/** A session not used for 7 days ends on its own. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 3600;
/** Covers a token re-issued by a request that was already running when the session was revoked. */
const REVOCATION_MARGIN_MS = 60 * 60_000;

export interface SessionClaims {
  userId: string;
  sessionId: string;
  sessionVersion: number;
}

/** The user a session belongs to, or null when the session has ended (or the user is gone). */
export async function findSessionUser({ userId, sessionId, sessionVersion }: SessionClaims): Promise<PublicUser | null> {
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { ...PUBLIC_USER, sessionVersion: true, revokedSessions: { where: { id: sessionId }, select: { id: true } } },
  });
  if (!user || user.sessionVersion !== sessionVersion || user.revokedSessions.length > 0) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** Ends one session (signing out in one browser). Also drops revocations that can no longer matter. */
export async function revokeSession(userId: string, sessionId: string, now = new Date()): Promise<void> {
  const db = await getDb();
  const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000 + REVOCATION_MARGIN_MS);
  await db.revokedSession.createMany({ data: [{ id: sessionId, userId, expiresAt }], skipDuplicates: true });
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
}

/** Ends every session of the user, on every device, the current one included. */
export async function endAllSessions(userId: string): Promise<void> {
  const db = await getDb();
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
