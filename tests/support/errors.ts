/** Assertion helpers for service calls that must fail with a typed error. */
import { AppError } from "@/lib/errors";

/** The AppError the call failed with; fails the test if it succeeded or threw something else. */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}

/** "ok", or the code of the AppError the call failed with. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}
