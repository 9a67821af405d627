import { describe, expect, it } from "vitest";
import { ActorSchema, AttributionSchema, PlaceSchema, TristateSchema } from "@/lib/core/values";

describe("PlaceSchema", () => {
  it.each([
    [{ raw: "Kabul airport" }],
    [{ raw: "Kabul airport", country: "AFG", admin1: "Kabul", admin2: "Kabul", lat: 34.56, lon: 69.21, precision: 1 }],
    [{ raw: "northern Afghanistan", country: "AFG", precision: 5 }],
    [{ raw: "Gulf of Aden", precision: 7 }],
  ])("accepts %o", (v) => expect(PlaceSchema.safeParse(v).success).toBe(true));

  it.each([
    ["empty raw", { raw: " " }],
    ["lower-case country", { raw: "x", country: "afg" }],
    ["alpha-2 country", { raw: "x", country: "AF" }],
    ["precision 0", { raw: "x", precision: 0 }],
    ["precision 8", { raw: "x", precision: 8 }],
    ["latitude without longitude", { raw: "x", lat: 10 }],
    ["latitude off the globe", { raw: "x", lat: 91, lon: 0 }],
    ["longitude off the globe", { raw: "x", lat: 0, lon: -181 }],
    ["unknown key", { raw: "x", city: "Kabul" }],
  ])("rejects %s", (_n, v) => expect(PlaceSchema.safeParse(v).success).toBe(false));
});

describe("ActorSchema", () => {
  it("accepts a name with or without a link", () => {
    expect(ActorSchema.safeParse({ raw: "ISKP" }).success).toBe(true);
    expect(ActorSchema.safeParse({ raw: "IS-KP", actorId: "act_1" }).success).toBe(true);
  });
  it.each([[{ raw: "" }], [{ raw: "ISKP", actorId: "" }], [{ raw: "ISKP", alias: "x" }], [{ actorId: "a" }]])(
    "rejects %o",
    (v) => expect(ActorSchema.safeParse(v).success).toBe(false),
  );
});

describe("AttributionSchema", () => {
  it("accepts every source type and stance", () => {
    for (const sourceType of ["government", "military", "perpetrator_claim", "group_media", "un_ngo", "media", "witness", "academic", "unknown"]) {
      for (const stance of ["asserted", "reported", "alleged", "claimed", "disputed", "denied"]) {
        expect(AttributionSchema.safeParse({ raw: "UN Security Council", sourceType, stance }).success).toBe(true);
      }
    }
  });
  it.each([
    [{ raw: "", sourceType: "media", stance: "reported" }],
    [{ raw: "x", sourceType: "newspaper", stance: "reported" }],
    [{ raw: "x", sourceType: "media", stance: "rumoured" }],
    [{ raw: "x", sourceType: "media" }],
  ])("rejects %o", (v) => expect(AttributionSchema.safeParse(v).success).toBe(false));
});

describe("TristateSchema", () => {
  it("is yes, no or unknown and nothing else", () => {
    for (const v of ["yes", "no", "unknown"]) expect(TristateSchema.safeParse(v).success).toBe(true);
    for (const v of [true, false, "maybe", "", null]) expect(TristateSchema.safeParse(v).success).toBe(false);
  });
});
