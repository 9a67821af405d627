/**
 * Who is asking: the one place pages, server actions and route handlers read the session. The token
 * is confirmed against the database on every call (next-auth's jwt callback, lib/auth/options.ts):
 * a signed-out session, one ended by "sign out everywhere", or a removed user reads as no one.
 */
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getAuthOptions } from "./options";
import type { PublicUser } from "@/lib/services/users";

/** Once per request: the layout and the page both ask. */
export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await getServerSession(await getAuthOptions());
  const user = session?.user as { id?: unknown; name?: unknown; email?: unknown } | undefined;
  if (!user || typeof user.id !== "string" || typeof user.name !== "string" || typeof user.email !== "string") return null;
  return { id: user.id, name: user.name, email: user.email };
});

/** For pages: the user, or a redirect to sign-in that comes back here. */
export async function requireUser(returnTo: string): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
