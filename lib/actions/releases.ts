"use server";
/**
 * Server actions for releases: a thin call through runAction into the service, which authorizes
 * (release.publish) and validates. The request's own origin goes into the citation's URL.
 */
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action";
import { publishRelease } from "@/lib/services/releases";

const str = (v: unknown) => (typeof v === "string" ? v : "");

async function origin(): Promise<string | undefined> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!host || !/^[A-Za-z0-9.:[\]-]+$/.test(host)) return undefined;
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https";
  return `${proto}://${host}`;
}

/** `{ version?, title, notes }` */
export async function publishReleaseAction(projectId: string, input: unknown) {
  const id = str(projectId);
  const base = await origin();
  const result = await runAction((userId) => publishRelease(userId, id, input, { origin: base }));
  if (result.ok) revalidatePath(`/projects/${id}/releases`, "layout");
  return result;
}
