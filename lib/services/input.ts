/**
 * Input parsing shared by every service: a strict zod schema per call, and one way a failure reads.
 * The message is the first problem's; a nested place (a claim-type field, a span) is named after it.
 * An id that is not id-shaped names nothing: it answers `not_found`, like an id that does not exist.
 * No accepted string may hold U+0000 (PostgreSQL cannot store it in text or JSON): such input is
 * refused with a clear message instead of failing in the database.
 */
import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { isIdShaped } from "@/lib/ids";

/** Ids of rows (generated, URL-safe); a malformed one is `not_found`. */
export const Id = z.string().refine(isIdShaped, { error: "Not found.", params: { notFound: true } });
/** A row's version, as read before a change. */
export const Version = z.number().int().positive();

/** Deepest nesting searched for NUL; service inputs are shallow, and zod has bounded their size. */
const MAX_DEPTH = 12;

function holdsNul(v: unknown, depth = 0): boolean {
  if (typeof v === "string") return v.includes("\u0000");
  if (depth >= MAX_DEPTH || v === null || typeof v !== "object") return false;
  const items = Array.isArray(v) ? v : [...Object.keys(v), ...Object.values(v)];
  return items.some((x) => holdsNul(x, depth + 1));
}

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) {
    if (holdsNul(parsed.data)) throw new AppError("invalid", "Text may not contain the NUL character (U+0000); remove it and try again.");
    return parsed.data;
  }
  if (parsed.error.issues.some((i) => i.code === "custom" && (i.params as { notFound?: boolean } | undefined)?.notFound)) {
    throw new AppError("not_found");
  }
  const first = parsed.error.issues[0];
  const where = first && first.path.length > 1 ? ` (${first.path.join(".")})` : "";
  throw new AppError("invalid", first ? `${first.message}${where}` : undefined, parsed.error.issues);
}
