/** Who is asking: the signed-in user, read from the session and confirmed against the database. */
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getAuthOptions } from "./options";
import { findUserById, type PublicUser } from "@/lib/services/users";

/** Once per request: the layout and the page both ask. */
export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await getServerSession(await getAuthOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return findUserById(id);
});

/** For pages: the user, or a redirect to sign-in that comes back here. */
export async function requireUser(returnTo: string): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
