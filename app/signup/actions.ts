"use server";
import { signUp } from "@/lib/services/users";
import { toActionError, type ActionResult } from "@/lib/errors";

export async function signUpAction(input: { name: string; email: string; password: string }): Promise<ActionResult<{ email: string }>> {
  try {
    const user = await signUp(input);
    return { ok: true, data: { email: user.email } };
  } catch (err) {
    return { ok: false, error: toActionError(err) };
  }
}
