import { describe, expect, it } from "vitest";
import { isFatalityWording } from "@/lib/core/values";

// claims.md rule 8 (ACLED): "casualties" without deaths are not fatalities.
describe("isFatalityWording", () => {
  it.each([
    ["12 killed", true],
    ["at least 30 dead", true],
    ["the attack left 5 people dead", true],
    ["deaths, number unknown", true],
    ["170 fatalities", true],
    ["two soldiers died", true],
    ["dozens lost their lives", true],
    ["no one was killed", true],
    ["KILLED: 4", true],
    ["12 casualties", false],
    ["heavy casualties", false],
    ["40 wounded", false],
    ["injured: 25", false],
    ["no one was hurt", false],
    ["no casualties", false],
    ["12 killed or wounded", false],
    ["30 dead and injured", false],
    ["casualties (killed/wounded)", false],
    ["3,000 fighters", false],
    ["", false],
  ])("%j -> %s", (raw, expected) => {
    expect(isFatalityWording(raw)).toBe(expected);
  });

  it("does not take 'skilled' or 'deadline' for deaths", () => {
    expect(isFatalityWording("200 skilled fighters")).toBe(false);
    expect(isFatalityWording("a deadline of 5 days")).toBe(false);
  });
});
