/**
 * The one wrapper (runAction, runRoute, runPublicAction) refuses state-changing requests that no page
 * of ours sent, before any work, and keys per-address limits on the address the trusted proxies saw,
 * never on what the client wrote. Request headers are constructed; the session is a stand-in, since
 * the question here is only whether the wrapper lets the call through.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";

let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));
vi.mock("@/lib/server/auth/session", () => ({ getCurrentUser: async () => ({ id: "user-1" }) }));

const { runAction, runPublicAction, runRoute } = await import("@/lib/server/action");
const { CROSS_SITE_MESSAGE } = await import("@/lib/server/request");

const HOST = "attest.example.org";
function withHeaders(h: Record<string, string>) {
  requestHeaders = new Headers({ host: HOST, ...h });
}

describe("the wrapper's origin check", () => {
  beforeEach(() => withHeaders({}));

  it.each([
    ["no Origin and no Sec-Fetch-Site", {}],
    ["a foreign Origin", { origin: "https://evil.tld" }],
    ["a null Origin", { origin: "null" }],
    ["no Origin, cross-site", { "sec-fetch-site": "cross-site" }],
    ["our Origin but a cross-site fetch", { origin: `https://${HOST}`, "sec-fetch-site": "cross-site" }],
  ])("refuses %s without running the action", async (_label, h) => {
    withHeaders(h);
    const fn = vi.fn(async () => "done");
    const result = await runAction(fn);
    expect(result).toEqual({ ok: false, error: { code: "forbidden", message: CROSS_SITE_MESSAGE } });
    expect(fn).not.toHaveBeenCalled();
    const publicFn = vi.fn(async () => "done");
    expect((await runPublicAction(publicFn)).ok).toBe(false);
    expect(publicFn).not.toHaveBeenCalled();
  });

  it.each([
    ["our Origin", { origin: `https://${HOST}` }],
    ["no Origin but Sec-Fetch-Site: same-origin", { "sec-fetch-site": "same-origin" }],
    ["our Origin as the proxy forwarded it", { origin: "https://public.example.org", "x-forwarded-host": "public.example.org" }],
  ])("runs the action for %s", async (_label, h) => {
    withHeaders(h);
    expect(await runAction(async (userId) => `done by ${userId}`)).toEqual({ ok: true, data: "done by user-1" });
    expect(await runPublicAction(async () => "done")).toEqual({ ok: true, data: "done" });
  });

  it("answers a route 403 with the reason, and 200 for our own page", async () => {
    withHeaders({});
    const refused = await runRoute(async () => "done");
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: "forbidden", message: CROSS_SITE_MESSAGE } });
    withHeaders({ origin: `https://${HOST}` });
    const accepted = await runRoute(async () => "done");
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toBe("done");
  });
});

describe("per-address limits in the wrapper (30 account creations per address in 15 minutes)", () => {
  const SIGN_UP_ALLOWANCE = 30;
  // Each case starts with the limiter the server would have after a restart.
  let runFresh: typeof runPublicAction;
  beforeEach(async () => {
    delete (globalThis as { __attestPublicLimiter?: unknown }).__attestPublicLimiter;
    vi.resetModules();
    runFresh = (await import("@/lib/server/action")).runPublicAction;
  });

  async function attempts(headersFor: (i: number) => Record<string, string>, n: number) {
    const codes: string[] = [];
    for (let i = 0; i < n; i++) {
      withHeaders({ origin: `https://${HOST}`, ...headersFor(i) });
      const result = await runFresh(async () => "created");
      codes.push(result.ok ? "ok" : result.error.code);
    }
    return codes;
  }

  it("behind one trusted proxy, a client rotating forged entries stays one address, and others are not locked out", async () => {
    vi.stubEnv("ATTEST_TRUSTED_PROXIES", "1");
    try {
      const attacker = await attempts((i) => ({ "x-forwarded-for": `10.9.${i}.1, 198.51.100.66` }), SIGN_UP_ALLOWANCE + 1);
      expect(attacker.slice(0, SIGN_UP_ALLOWANCE).every((c) => c === "ok")).toBe(true);
      expect(attacker[SIGN_UP_ALLOWANCE]).toBe("rate_limited");
      // naming the victim's address in front does not spend the victim's allowance
      const victim = await attempts(() => ({ "x-forwarded-for": "198.51.100.66, 203.0.113.5" }), 1);
      expect(victim).toEqual(["ok"]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("with no trusted proxy, the header is ignored: forged addresses share one allowance", async () => {
    vi.stubEnv("ATTEST_TRUSTED_PROXIES", "0");
    try {
      const codes = await attempts((i) => ({ "x-forwarded-for": `192.0.2.${i}` }), SIGN_UP_ALLOWANCE + 1);
      expect(codes.slice(0, SIGN_UP_ALLOWANCE).every((c) => c === "ok")).toBe(true);
      expect(codes[SIGN_UP_ALLOWANCE]).toBe("rate_limited");
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
