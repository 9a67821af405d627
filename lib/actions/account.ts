"use server";
import { runAction } from "@/lib/server/action";
import { endAllSessions } from "@/lib/services/sessions";
import type { ActionResult } from "@/lib/errors";

/** Ends every session of the signed-in user, this one included. */
export async function signOutEverywhereAction(): Promise<ActionResult<null>> {
  return runAction(async (userId) => {
    await endAllSessions(userId);
    return null;
  });
}
