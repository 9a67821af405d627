import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { activityVerb, dayHeading, dayWindow, decodeCursor, encodeCursor, groupByDay, isIsoDay, utcDay } from "@/lib/core/activity";

const at = (iso: string) => new Date(iso);
const win = (w: { from: Date; to: Date } | null) => (w ? [w.from.toISOString(), w.to.toISOString()] : null);

describe("day windows (UTC)", () => {
  // Thursday 26 November 2026, late evening UTC.
  const now = at("2026-11-26T23:59:59.999Z");

  it("reads today as the UTC day of now", () => {
    expect(win(dayWindow("today", now))).toEqual(["2026-11-26T00:00:00.000Z", "2026-11-27T00:00:00.000Z"]);
    expect(win(dayWindow("today", at("2026-11-27T00:00:00.000Z")))).toEqual(["2026-11-27T00:00:00.000Z", "2026-11-28T00:00:00.000Z"]);
  });

  it("reads this week as Monday to Sunday, whatever day now is", () => {
    const week = ["2026-11-23T00:00:00.000Z", "2026-11-30T00:00:00.000Z"];
    expect(win(dayWindow("week", now))).toEqual(week);
    expect(win(dayWindow("week", at("2026-11-23T00:00:00.000Z")))).toEqual(week);
    expect(win(dayWindow("week", at("2026-11-29T23:59:59.999Z")))).toEqual(week);
    expect(win(dayWindow("week", at("2026-11-30T00:00:00.000Z")))).toEqual(["2026-11-30T00:00:00.000Z", "2026-12-07T00:00:00.000Z"]);
    // Across a year's end.
    expect(win(dayWindow("week", at("2027-01-01T12:00:00.000Z")))).toEqual(["2026-12-28T00:00:00.000Z", "2027-01-04T00:00:00.000Z"]);
  });

  it("reads one ISO day, and nothing else", () => {
    expect(win(dayWindow("2024-02-29", now))).toEqual(["2024-02-29T00:00:00.000Z", "2024-03-01T00:00:00.000Z"]);
    for (const bad of ["2023-02-29", "2026-13-01", "26-11-2026", "yesterday", "", "2026-11-26T00:00"]) {
      expect(dayWindow(bad, now)).toBeNull();
      expect(isIsoDay(bad)).toBe(false);
    }
    expect(isIsoDay("2026-11-26")).toBe(true);
    expect(utcDay(at("2026-11-26T23:59:59.999Z"))).toBe("2026-11-26");
  });
});

describe("feed cursor", () => {
  it("round-trips time and id", () => {
    const c = { at: at("2026-11-26T08:41:16.123Z"), id: "0b7a6c1e-1f2d-4c3b-9a8e-7d6c5b4a3f2e" };
    const s = encodeCursor(c);
    expect(decodeCursor(s)).toEqual(c);
    // Ids may hold underscores: only the first separator after the time counts.
    expect(decodeCursor(encodeCursor({ ...c, id: "a_b" }))?.id).toBe("a_b");
  });

  it("refuses anything else", () => {
    for (const bad of ["", "2026-11-26T08:41:16.123Z", "2026-11-26T08:41:16.123Z_", "2026-11-26T08:41:16.123Zx1", "2026-02-30T08:41:16.123Z_x",
      "2026-11-26T08:41:16.123Z_has space", "yesterday_x", `2026-11-26T08:41:16.123Z_${"x".repeat(65)}`]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });
});

describe("activity words", () => {
  it("names what was done", () => {
    expect(activityVerb("claim.create")).toBe("created");
    expect(activityVerb("claim.approve")).toBe("approved");
    expect(activityVerb("claim.delete")).toBe("deleted");
    expect(activityVerb("claim.restore")).toBe("restored");
    expect(activityVerb("document.import")).toBe("imported");
  });

  it("counts the fields an edit changed", () => {
    expect(activityVerb("claim.update", 2)).toBe("edited 2 fields of");
    expect(activityVerb("claim.update", 1)).toBe("edited 1 field of");
    expect(activityVerb("claim.update", 0)).toBe("edited");
    expect(activityVerb("claim.update")).toBe("edited");
  });

  it("has words for every action the services write to the audit log", () => {
    const dir = path.join(__dirname, "../../../lib/services");
    const written = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      for (const m of readFileSync(path.join(dir, file), "utf8").matchAll(/action: "([A-Za-z]+\.[A-Za-z]+)"/g)) written.add(m[1]!);
    }
    expect(written.size).toBeGreaterThan(20);
    const fallback = [...written].filter((a) => activityVerb(a) === a.replace(".", " "));
    expect(fallback).toEqual([]);
  });

  it("falls back to the action's own words for one it does not know", () => {
    expect(activityVerb("widget.polish")).toBe("widget polish");
  });
});

describe("grouping by day", () => {
  it("groups a newest-first list by UTC day, keeping the order", () => {
    const items = [
      { id: "a", at: at("2026-11-26T08:00:00.000Z") },
      { id: "b", at: at("2026-11-26T00:00:00.000Z") },
      { id: "c", at: at("2026-11-25T23:59:59.999Z") },
      { id: "d", at: at("2026-11-20T10:00:00.000Z") },
    ];
    expect(groupByDay(items).map((g) => [g.day, g.items.map((i) => i.id)])).toEqual([
      ["2026-11-26", ["a", "b"]],
      ["2026-11-25", ["c"]],
      ["2026-11-20", ["d"]],
    ]);
    expect(groupByDay([])).toEqual([]);
  });

  it("heads a day as today, yesterday, or its date", () => {
    const now = at("2026-11-26T08:00:00.000Z");
    expect(dayHeading("2026-11-26", now)).toBe("Today");
    expect(dayHeading("2026-11-25", now)).toBe("Yesterday");
    expect(dayHeading("2026-11-20", now)).toBe("Friday 20 November 2026");
  });
});
