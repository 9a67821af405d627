import { describe, expect, it } from "vitest";
import { detectAndRepairMojibake } from "@/lib/core/text";
import { repairMap } from "@/lib/core/text/repair-map";
import { canonicalToSource, sourceToCanonical } from "@/lib/core/text/source-map";

describe("repairMap", () => {
  it("aligns a GBK repair run by run", () => {
    const decoded = "The group鈥檚 鈥渃ampaign鈥� went on. 😀 Again鈥檚.";
    const r = detectAndRepairMojibake(decoded);
    expect(r.applied).toBe(true);
    const aligned = repairMap(decoded, r.text, r.replacements);
    expect(aligned).not.toBeNull();
    const map = aligned!.map;
    for (const phrase of ["The group", "went on", "😀 Again"]) {
      const s = Array.from(decoded.slice(0, decoded.indexOf(phrase))).length;
      const c = Array.from(r.text.slice(0, r.text.indexOf(phrase))).length;
      expect(sourceToCanonical(map, s)).toBe(c);
      expect(canonicalToSource(map, c)).toBe(s);
    }
    expect(sourceToCanonical(map, Array.from(decoded).length)).toBe(Array.from(r.text).length);
  });

  it("aligns a Windows-1252 repair", () => {
    const decoded = "cafÃ© and naÃ¯ve rÃ©sumÃ©";
    const r = detectAndRepairMojibake(decoded);
    const map = repairMap(decoded, r.text, r.replacements)!.map;
    expect(r.text).toBe("café and naïve résumé");
    expect(sourceToCanonical(map, decoded.indexOf(" and"))).toBe(r.text.indexOf(" and"));
    // Inside a repaired pair: the start of the repaired character, or its end.
    expect(sourceToCanonical(map, 4, "backward")).toBe(3);
    expect(sourceToCanonical(map, 4, "forward")).toBe(4);
  });

  it("gives an identity map for no change and refuses texts the substitutions do not explain", () => {
    expect(repairMap("same", "same", [])).toEqual({ map: null });
    expect(repairMap("abc", "abd", [])).toBeNull();
    expect(repairMap("Ã©x", "éy", [{ from: "Ã©", to: "é" }])).toBeNull();
    expect(repairMap("Ã©", "é!", [{ from: "Ã©", to: "é" }])).toBeNull();
  });
});
