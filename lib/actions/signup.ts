"use server";
import { signUp } from "@/lib/services/users";
import { runPublicAction } from "@/lib/server/action";
import type { ActionResult } from "@/lib/errors";

export async function signUpAction(input: { name: string; email: string; password: string }): Promise<ActionResult<{ email: string }>> {
  return runPublicAction(async () => ({ email: (await signUp(input)).email }));
}
