import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/core/client-address";

describe("clientAddress", () => {
  it("takes the hop the nearest proxy appended, not what the client put in front", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(clientAddress(["1.1.1.1, 2.2.2.2", "203.0.113.9"])).toBe("203.0.113.9");
  });
  it("counts a request without the header, or with only blanks in it, as local", () => {
    expect(clientAddress(null)).toBe("local");
    expect(clientAddress(undefined)).toBe("local");
    expect(clientAddress(" , ")).toBe("local");
  });
});
