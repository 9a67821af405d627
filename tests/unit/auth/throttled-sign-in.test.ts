import { describe, expect, it } from "vitest";
import { answerThrottled, throttledSignInError } from "@/lib/server/auth/throttled-sign-in";
import { describeWait } from "@/components/auth/auth-requests";

/** next-auth's answer to an `authorize` that threw: JSON for the form, a redirect otherwise. */
const errorUrl = (message: string) => `http://localhost:3000/api/auth/error?error=${encodeURIComponent(message)}`;

describe("answerThrottled", () => {
  it("turns the form's 401 for a throttled attempt into 429 with Retry-After", async () => {
    const answer = await answerThrottled(Response.json({ url: errorUrl(throttledSignInError(840).message) }, { status: 401 }));
    expect(answer.status).toBe(429);
    expect(answer.headers.get("Retry-After")).toBe("840");
    expect(await answer.json()).toMatchObject({ error: { code: "rate_limited", details: { retryAfterSeconds: 840 } } });
  });

  it("does the same for the redirect a plain form post gets", async () => {
    const redirect = new Response(null, { status: 302, headers: { Location: errorUrl(throttledSignInError(5).message) } });
    const answer = await answerThrottled(redirect);
    expect(answer.status).toBe(429);
    expect(answer.headers.get("Retry-After")).toBe("5");
  });

  it("passes every other answer through untouched", async () => {
    const wrong = Response.json({ url: "http://localhost:3000/api/auth/error?error=CredentialsSignin" }, { status: 401 });
    expect(await answerThrottled(wrong)).toBe(wrong);
    const lookalike = Response.json({ url: errorUrl("throttled:soon") }, { status: 401 });
    expect(await answerThrottled(lookalike)).toBe(lookalike);
    const ok = Response.json({ url: "http://localhost:3000/projects" });
    expect(await answerThrottled(ok)).toBe(ok);
  });
});

describe("describeWait", () => {
  it("says seconds under a minute, else whole minutes rounded up", () => {
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(59)).toBe("59 seconds");
    expect(describeWait(60)).toBe("1 minute");
    expect(describeWait(61)).toBe("2 minutes");
    expect(describeWait(900)).toBe("15 minutes");
  });
});
