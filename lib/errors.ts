/**
 * Typed application errors and their one mapping to HTTP statuses and action results.
 * A foreign id and a missing id are both `not_found`: callers can never tell them apart.
 */
export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid"
  | "duplicate"
  | "too_large"
  | "rate_limited"
  | "internal";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 400,
  duplicate: 409,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
};

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  unauthenticated: "Please sign in.",
  forbidden: "Your role in this project does not allow that.",
  not_found: "Not found.",
  conflict: "Someone else changed this in the meantime.",
  invalid: "Some values are not valid.",
  duplicate: "This already exists.",
  too_large: "That is too large.",
  rate_limited: "Too many attempts. Wait a moment and try again.",
  internal: "Something went wrong. The error was logged; nothing was saved.",
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = "AppError";
  }
}

export type ActionError = { code: ErrorCode; message: string; details?: unknown };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/**
 * Maps any thrown value to a result safe to show: unknown errors never leak SQL or stacks. A unique
 * constraint that a pre-check could not see (two requests racing) is a `duplicate`, not a fault.
 */
export function toActionError(err: unknown): ActionError {
  if (err instanceof AppError) return { code: err.code, message: err.message, details: err.details };
  if ((err as { code?: unknown } | null)?.code === "P2002") return { code: "duplicate", message: DEFAULT_MESSAGES.duplicate };
  console.error("[attest] unexpected error", err);
  return { code: "internal", message: DEFAULT_MESSAGES.internal };
}
