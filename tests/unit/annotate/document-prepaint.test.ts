import { describe, expect, it } from "vitest";
import { packClaims } from "@/lib/core/packed-claims";
import { documentPrepaint } from "@/components/annotate/document-prepaint";

// "Alpha beta" [0,10), "\n\n", "gamma" [12,17)
const TEXT = "Alpha beta\n\ngamma";
const TYPES = [
  { id: "t1", key: "attack", color: "#d1495b" },
  { id: "t2", key: "size_estimate", color: "#2e86ab" },
];
const packed = () =>
  packClaims([
    { id: "1", typeId: "t1", authorId: "u", status: "draft", version: 1, spans: [[0, 5]] },
    { id: "2", typeId: "t2", authorId: "u", status: "draft", version: 1, spans: [[6, 10], [12, 17]] },
  ]);

describe("documentPrepaint", () => {
  it("paints each claim under its type's key, with the document page's highlight names", () => {
    const plan = documentPrepaint(TEXT, packed(), TYPES);
    expect(plan.highlights.map((h) => [h.name, h.ranges])).toEqual([
      ["claim-attack", [0, 0, 0, 5]],
      ["claim-size_estimate", [0, 6, 0, 10, 1, 0, 1, 5]],
    ]);
    expect(plan.count).toBe(3);
    expect(plan.styleId).toBe("claim");
  });

  it("underlines each type in the style of its place in the list of types", () => {
    const plan = documentPrepaint(TEXT, packed(), TYPES);
    expect(plan.css).toContain("::highlight(claim-attack) { background-color: color-mix(in srgb, #d1495b 35%, transparent); text-decoration: underline solid 2px #d1495b; }");
    expect(plan.css).toContain("text-decoration: underline dashed 2px #2e86ab;");
  });

  it("is worked out once per claims snapshot, and again when a type's colour or the text changes", () => {
    const snapshot = packed();
    const first = documentPrepaint(TEXT, snapshot, TYPES);
    expect(documentPrepaint(TEXT, snapshot, TYPES)).toBe(first);
    expect(documentPrepaint(TEXT, packed(), TYPES)).not.toBe(first); // a new snapshot: claims changed

    const recoloured = documentPrepaint(TEXT, snapshot, [{ ...TYPES[0]!, color: "#000000" }, TYPES[1]!]);
    expect(recoloured).not.toBe(first);
    expect(recoloured.css).toContain("#000000");

    const longer = documentPrepaint(`${TEXT} delta`, snapshot, TYPES);
    expect(longer).not.toBe(recoloured);
  });
});
