/**
 * next-auth configuration: e-mail + password (Credentials provider, JWT sessions). Kept in this one
 * module so a later move to another auth library touches nothing else.
 */
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { checkCredentials } from "@/lib/services/users";
import { getAuthSecret } from "./secret";
import { safeCallbackPath } from "@/lib/core/safe-redirect";
import { clientAddress } from "@/lib/core/client-address";

export async function getAuthOptions(): Promise<NextAuthOptions> {
  return {
    secret: await getAuthSecret(),
    session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "E-mail and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const result = await checkCredentials(
            { email: credentials?.email ?? "", password: credentials?.password ?? "" },
            clientAddress((req?.headers as Record<string, string | string[] | undefined> | undefined)?.["x-forwarded-for"]),
          );
          if (result.ok) return result.user;
          if (result.reason === "throttled") throw new Error("throttled");
          return null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
      async redirect({ url, baseUrl }) {
        if (url.startsWith(baseUrl)) return baseUrl + safeCallbackPath(url.slice(baseUrl.length), "/projects");
        return baseUrl + safeCallbackPath(url, "/projects");
      },
    },
  };
}
