/**
 * Sessions that end, at the level where sessions are read: next-auth's own handlers (sign-in, sign-out)
 * and getServerSession, driven with the app's options against a real database. The threat: a session
 * token copied from a browser (a shared machine, a stolen cookie) must stop working when its owner
 * signs out, and every session must end when the owner signs out everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import NextAuth, { getServerSession, type NextAuthOptions } from "next-auth";
import { encode } from "next-auth/jwt";
import { useTestDatabase, testEngines } from "../support/db";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import type { OpenDatabase } from "@/lib/db/engine";
import { getAuthOptions } from "@/lib/server/auth/options";
import { getAuthSecret } from "@/lib/server/auth/secret";
import { answerThrottled } from "@/lib/server/auth/throttled-sign-in";
import { endAllSessions } from "@/lib/services/sessions";
import { SIGN_IN_THROTTLE } from "@/lib/core/sign-in-throttle";
import { DIRECT_BUCKET } from "@/lib/core/client-address";

const SESSION_COOKIE = "next-auth.session-token";
type Jar = Map<string, string>;

/** The parts of a Node response that next-auth's handlers use, recording what they set. */
class RecordingResponse {
  statusCode = 200;
  headers = new Map<string, string | string[]>();
  body: unknown;
  status(code: number) {
    this.statusCode = code;
    return this;
  }
  getHeader(name: string) {
    return this.headers.get(name.toLowerCase());
  }
  setHeader(name: string, value: string | string[]) {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }
  json(body: unknown) {
    this.body = body;
  }
  send(body: unknown) {
    this.body = body;
  }
  end() {}
  /** Applies Set-Cookie to a browser's cookie jar (an empty or expired cookie deletes it). */
  applyCookies(jar: Jar) {
    const raw = this.headers.get("set-cookie") ?? [];
    for (const cookie of Array.isArray(raw) ? raw : [raw]) {
      const [pair, ...attrs] = cookie.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = decodeURIComponent(pair!.slice(eq + 1).trim());
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim()) || (/^expires=/i.test(a.trim()) && Date.parse(a.split("=")[1]!) < Date.now()));
      if (!value || expired) jar.delete(name);
      else jar.set(name, value);
    }
  }
}

describe.each(testEngines())("sessions on %s", (engine) => {
  let db: OpenDatabase;
  let options: NextAuthOptions;
  const savedUrl = process.env.NEXTAUTH_URL;

  beforeAll(async () => {
    db = await useTestDatabase(engine);
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    options = await getAuthOptions();
  });
  afterAll(async () => {
    if (savedUrl === undefined) delete process.env.NEXTAUTH_URL;
    else process.env.NEXTAUTH_URL = savedUrl;
    await db?.close();
  });

  /** One request to next-auth's endpoints (`/api/auth/<path>`) from the browser holding `jar`. */
  async function request(jar: Jar, path: string[], method: "GET" | "POST", body?: Record<string, string>) {
    const res = new RecordingResponse();
    const req = { query: { nextauth: path }, method, body, cookies: Object.fromEntries(jar), headers: { host: "localhost:3000" } };
    await NextAuth(req as never, res as never, options);
    res.applyCookies(jar);
    return res;
  }

  async function csrf(jar: Jar): Promise<string> {
    return ((await request(jar, ["csrf"], "GET")).body as { csrfToken: string }).csrfToken;
  }

  async function signIn(email: string, password = TEST_PASSWORD): Promise<Jar> {
    const jar: Jar = new Map();
    const res = await request(jar, ["callback", "credentials"], "POST", { csrfToken: await csrf(jar), email, password, json: "true" });
    expect(res.statusCode).toBe(200);
    expect(jar.has(SESSION_COOKIE)).toBe(true);
    return jar;
  }

  async function signOut(jar: Jar) {
    await request(jar, ["signout"], "POST", { csrfToken: await csrf(jar), json: "true" });
    expect(jar.has(SESSION_COOKIE)).toBe(false);
  }

  /** Who the session in `jar` belongs to, read the way every page, action and route reads it. */
  async function whoIs(jar: Jar): Promise<string | null> {
    const session = await getServerSession({ headers: { host: "localhost:3000" }, cookies: Object.fromEntries(jar) } as never, new RecordingResponse() as never, options);
    return (session?.user as { id?: string } | undefined)?.id ?? null;
  }

  it("ends a copied session token when its owner signs out, and only that session", async () => {
    const user = await makeUser("Owner");
    const browser = await signIn(user.email);
    const copy = new Map(browser); // the same cookie, taken to another machine
    const laptop = await signIn(user.email); // a second, separate session
    expect(await whoIs(browser)).toBe(user.id);
    expect(await whoIs(copy)).toBe(user.id);

    await signOut(browser);
    expect(await whoIs(copy)).toBeNull();
    expect(await whoIs(laptop)).toBe(user.id);
    // The ended token is not re-issued either: next-auth's session endpoint answers no session.
    const res = await request(copy, ["session"], "GET");
    expect(res.body).toEqual({});
    expect(copy.has(SESSION_COOKIE)).toBe(false);
  });

  it("ends every session of the user when they sign out everywhere, and no one else's", async () => {
    const user = await makeUser("Everywhere");
    const other = await makeUser("Bystander");
    const [a, b, c] = [await signIn(user.email), await signIn(user.email), await signIn(other.email)];
    await endAllSessions(user.id);
    expect(await whoIs(a)).toBeNull();
    expect(await whoIs(b)).toBeNull();
    expect(await whoIs(c)).toBe(other.id);
    // Signing in again starts a session under the new version.
    expect(await whoIs(await signIn(user.email))).toBe(user.id);
  });

  it("refuses a validly signed token that lacks the session claims", async () => {
    const user = await makeUser("Legacy");
    const token = await encode({ token: { sub: user.id, name: user.name, email: user.email }, secret: await getAuthSecret() });
    expect(await whoIs(new Map([[SESSION_COOKIE, token]]))).toBeNull();
  });

  it("answers a throttled sign-in with 429 and Retry-After", async () => {
    const user = await makeUser("Throttled");
    // With no trusted proxy configured, next-auth's requests all come from the shared direct bucket.
    await db.prisma.loginAttempt.createMany({
      data: Array.from({ length: SIGN_IN_THROTTLE.perPair }, (_, i) => ({ id: `throttle-${engine}-${i}`, email: user.email, ip: DIRECT_BUCKET, success: false })),
    });
    const jar: Jar = new Map();
    const res = await request(jar, ["callback", "credentials"], "POST", { csrfToken: await csrf(jar), email: user.email, password: TEST_PASSWORD, json: "true" });
    expect(jar.has(SESSION_COOKIE)).toBe(false);
    const answer = await answerThrottled(Response.json(res.body, { status: res.statusCode }));
    expect(answer.status).toBe(429);
    const wait = Number(answer.headers.get("Retry-After"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(SIGN_IN_THROTTLE.windowMs / 1000);
    expect(await answer.json()).toMatchObject({ error: { code: "rate_limited", details: { retryAfterSeconds: wait } } });
    // An ordinary failure passes through untouched.
    const wrong = await request(jar, ["callback", "credentials"], "POST", { csrfToken: await csrf(jar), email: "nobody@example.org", password: "wrong", json: "true" });
    expect((await answerThrottled(Response.json(wrong.body, { status: wrong.statusCode }))).status).toBe(401);
  });
});
