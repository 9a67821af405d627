/**
 * next-auth configuration: e-mail + password (Credentials provider, JWT sessions). Kept in this one
 * module so a later move to another auth library touches nothing else.
 */
import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { checkCredentials, normalizeEmail, type SignedInUser } from "@/lib/services/users";
import { findSessionUser, revokeSession, SESSION_MAX_AGE_SECONDS, type SessionClaims } from "@/lib/services/sessions";
import { newId } from "@/lib/ids";
import { throttledSignInError } from "./throttled-sign-in";
import { knownDeviceFor } from "./known-device";
import { getAuthSecret } from "./secret";
import { safeCallbackPath } from "@/lib/core/safe-redirect";
import { clientAddress, trustedProxiesFromEnv } from "@/lib/core/client-address";

export async function getAuthOptions(): Promise<NextAuthOptions> {
  const secret = await getAuthSecret();
  return {
    secret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "E-mail and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const email = credentials?.email ?? "";
          const headers = (req?.headers ?? {}) as Record<string, string | string[] | undefined>;
          const cookie = Array.isArray(headers.cookie) ? headers.cookie.join("; ") : headers.cookie;
          const result = await checkCredentials(
            { email, password: credentials?.password ?? "" },
            {
              // Next does not expose the socket address here either: see lib/server/request.ts.
              address: clientAddress({ forwardedFor: headers["x-forwarded-for"], trustedProxies: trustedProxiesFromEnv(process.env) }),
              knownDevice: knownDeviceFor(cookie, normalizeEmail(email), secret),
            },
          );
          if (result.ok) return result.user;
          if (result.reason === "throttled") throw throttledSignInError(result.retryAfterSeconds);
          return null;
        },
      }),
    ],
    events: {
      // After next-auth has checked the sign-out request's CSRF token; the cookie is cleared anyway.
      async signOut({ token }) {
        const claims = sessionClaims(token);
        if (claims) await revokeSession(claims.userId, claims.sessionId);
      },
    },
    logger: {
      // An ended session is the expected answer to a stale token, not a fault worth a log line.
      error(code, metadata) {
        if (metadata instanceof SessionEndedError) return;
        console.error(`[next-auth] ${code}`, metadata);
      },
    },
    callbacks: {
      // Runs on sign-in (with `user`) and on every later reading of the session, by our pages and by
      // next-auth's own endpoints alike. Throwing ends the session: next-auth answers "no session",
      // clears the cookie where it can, and never re-issues the token.
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as SignedInUser;
          return { sub: signedIn.id, name: signedIn.name, email: signedIn.email, sid: newId(), sv: signedIn.sessionVersion };
        }
        const claims = sessionClaims(token);
        const live = claims && (await findSessionUser(claims));
        if (!live) throw new SessionEndedError();
        return { ...token, name: live.name, email: live.email };
      },
      async session({ session, token }) {
        session.user = { id: token.sub, name: token.name, email: token.email } as typeof session.user;
        return session;
      },
      async redirect({ url, baseUrl }) {
        if (url.startsWith(baseUrl)) return baseUrl + safeCallbackPath(url.slice(baseUrl.length), "/projects");
        return baseUrl + safeCallbackPath(url, "/projects");
      },
    },
  };
}

/** An ended session (signed out, signed out everywhere, or its user removed): not an error to log. */
class SessionEndedError extends Error {
  constructor() {
    super("session ended");
  }
}

/** The claims our sign-in put in the token; null for anything else (e.g. a token from before them). */
function sessionClaims(token: JWT | null | undefined): SessionClaims | null {
  if (!token || typeof token.sub !== "string" || typeof token.sid !== "string" || typeof token.sv !== "number") return null;
  return { userId: token.sub, sessionId: token.sid, sessionVersion: token.sv };
}
