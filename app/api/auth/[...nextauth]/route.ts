/**
 * next-auth's endpoints, with two additions to the credentials sign-in: a throttled attempt leaves
 * next-auth as an ordinary failure and is answered here as 429 with Retry-After
 * (lib/auth/throttled-sign-in.ts); a successful one marks the browser as a known device of the
 * account (lib/auth/known-device.ts).
 */
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/server/auth/options";
import { getAuthSecret } from "@/lib/server/auth/secret";
import { answerThrottled } from "@/lib/server/auth/throttled-sign-in";
import { knownDeviceCookie } from "@/lib/server/auth/known-device";
import { normalizeEmail } from "@/lib/services/users";

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function GET(req: Request, ctx: Ctx) {
  return NextAuth(req as never, ctx as never, await getAuthOptions());
}

async function POST(req: Request, ctx: Ctx) {
  const [action, provider] = (await ctx.params).nextauth;
  if (action !== "callback" || provider !== "credentials") return NextAuth(req as never, ctx as never, await getAuthOptions());
  const form = await req.clone().formData().catch(() => null);
  const response = await answerThrottled(await NextAuth(req as never, ctx as never, await getAuthOptions()));
  const email = form?.get("email");
  if (typeof email === "string" && startedSession(response)) {
    const secure = (process.env.NEXTAUTH_URL ?? req.url).startsWith("https://");
    response.headers.append("Set-Cookie", knownDeviceCookie(normalizeEmail(email), await getAuthSecret(), secure));
  }
  return response;
}

/** Whether next-auth's answer set a session cookie (a successful sign-in). */
function startedSession(response: Response): boolean {
  return response.headers.getSetCookie().some((c) => /^(__Secure-)?next-auth\.session-token(\.\d+)?=[^;]/.test(c));
}

export { GET, POST };
