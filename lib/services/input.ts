/**
 * Input parsing shared by every service: a strict zod schema per call, and one way a failure reads.
 * The message is the first problem's; a nested place (a claim-type field, a span) is named after it.
 */
import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";

/** Ids of rows (generated, URL-safe). */
export const Id = z.string().min(1).max(64);
/** A row's version, as read before a change. */
export const Version = z.number().int().positive();

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first && first.path.length > 1 ? ` (${first.path.join(".")})` : "";
  throw new AppError("invalid", first ? `${first.message}${where}` : undefined, parsed.error.issues);
}
