import { describe, expect, it } from "vitest";
import { actorKey, buildActorIndex, normalizeActorName } from "@/lib/core/reconcile";

const ACTORS = [
  { id: "iskp", name: "Islamic State Khorasan Province", aliases: ["IS-KP", "ISKP", "ISIS-K", "ISIS Khorasan", "Daesh Khorasan"] },
  { id: "ttp", name: "Tehrik-i-Taliban Pakistan", aliases: ["TTP", "Pakistani Taliban"] },
  { id: "taliban", name: "The Taliban", aliases: ["Islamic Emirate of Afghanistan"] },
];

describe("normalizeActorName", () => {
  it.each([
    ["IS-KP", "iskp"],
    ["  Islamic   State\tKhorasan Province ", "islamic state khorasan province"],
    ["The Taliban", "taliban"],
    ["the  taliban", "taliban"],
    ["Theodore's Group", "theodores group"],
    ["ＩＳＩＳ－Ｋ", "isisk"], // full-width forms fold under NFKC
    ["Al-Qa'ida", "alqaida"],
    ["Ansar al‑Sharia", "ansar alsharia"], // non-breaking hyphen
  ])("%j -> %j", (raw, expected) => {
    expect(normalizeActorName(raw)).toBe(expected);
  });

  it("does not drop 'the' inside a name", () => {
    expect(normalizeActorName("Army of the Righteous")).toBe("army of the righteous");
  });
});

describe("actorKey", () => {
  it("joins spellings that differ only in spaces and hyphens", () => {
    expect(actorKey("al-Qaeda")).toBe(actorKey("al Qaeda"));
    expect(actorKey("AlQaeda")).toBe(actorKey("al Qaeda"));
    expect(actorKey("IS-KP")).toBe(actorKey("ISKP"));
  });
  it("keeps different names apart", () => {
    expect(actorKey("ISKP")).not.toBe(actorKey("ISIS-K"));
  });
});

describe("buildActorIndex", () => {
  const index = buildActorIndex(ACTORS);

  it.each(["IS-KP", "ISKP", "ISIS-K", "isis k", "Islamic State Khorasan Province", "islamic state - khorasan province", "Daesh-Khorasan"])(
    "resolves %j to the ISKP actor",
    (raw) => expect(index.resolve(raw)).toBe("iskp"),
  );

  it("resolves the canonical name and drops a leading 'the'", () => {
    expect(index.resolve("Taliban")).toBe("taliban");
    expect(index.resolve("the Pakistani Taliban")).toBe("ttp");
  });

  it("returns null for names not in the list", () => {
    expect(index.resolve("Islamic State")).toBeNull();
    expect(index.resolve("")).toBeNull();
    expect(index.resolve("---")).toBeNull();
  });

  it("reports an alias shared by two actors and resolves it to nothing", () => {
    const shared = buildActorIndex([...ACTORS, { id: "isis", name: "Islamic State", aliases: ["ISKP"] }]);
    expect(shared.ambiguous).toEqual([{ key: "iskp", actorIds: ["isis", "iskp"] }]);
    expect(shared.resolve("IS-KP")).toBeNull();
    expect(shared.resolve("ISIS-K")).toBe("iskp");
    expect(index.ambiguous).toEqual([]);
  });
});
