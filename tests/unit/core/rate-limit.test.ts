import { describe, expect, it } from "vitest";
import { SlidingWindowLimiter } from "@/lib/core/rate-limit";

describe("SlidingWindowLimiter", () => {
  it("allows `limit` events per window per key, then says how long to wait", () => {
    let now = 1_000_000;
    const l = new SlidingWindowLimiter(3, 60_000, () => now);
    expect([l.take("a"), l.take("a"), l.take("a")]).toEqual([0, 0, 0]);
    expect(l.take("a")).toBe(60_000);
    expect(l.take("b")).toBe(0); // keys are independent
    now += 30_000;
    expect(l.take("a")).toBe(30_000);
    now += 30_001;
    expect(l.take("a")).toBe(0); // the first events left the window
  });
});
