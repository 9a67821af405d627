/** Page helpers: the current user or a sign-in redirect, and service errors turned into 404 pages. */
import "server-only";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AppError } from "@/lib/errors";
import { requireUser } from "@/lib/server/auth/session";

/** Every data page is dynamic (never prerendered at build time) and needs a signed-in user. */
export async function pageUser(returnTo: string) {
  await connection();
  return requireUser(returnTo);
}

/** Runs a service call for a page: a missing or foreign id is a 404, exactly alike. */
export async function orNotFound<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError && (err.code === "not_found" || err.code === "forbidden")) notFound();
    throw err;
  }
}
