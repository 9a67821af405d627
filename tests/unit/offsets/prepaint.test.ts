import { describe, expect, it } from "vitest";
import { buildTextModel } from "@/lib/core/offsets";
import type { PaintClaim } from "@/components/editor/painter";
import { applyPrepaint, planPrepaint, prepaintScript, staticParagraphsHtml, type PrepaintEnv, type PrepaintPlan } from "@/components/editor/prepaint";
import { bruteUtf16Positions, rng } from "./helpers";

const claim = (id: string, typeKey: string, spans: [number, number][], color = "#d1495b"): PaintClaim => ({
  id,
  typeKey,
  color,
  spans: spans.map(([start, end]) => ({ start, end })),
});

/** Characters (as "paragraph:offset") a plan's highlight covers, from its quadruples. */
function coveredByPlan(text: string, ranges: number[]): Set<string> {
  const model = buildTextModel(text);
  const out = new Set<string>();
  for (let k = 0; k < ranges.length; k += 4) {
    const [pa, oa, pb, ob] = ranges.slice(k, k + 4) as [number, number, number, number];
    for (let p = pa; p <= pb; p++) {
      const len = model.paragraphs[p]!.end - model.paragraphs[p]!.start;
      for (let o = p === pa ? oa : 0; o < (p === pb ? ob : len); o++) out.add(`${p}:${o}`);
    }
  }
  return out;
}

/** Brute force: characters of the claims' spans, as "paragraph:offset", separators left out. */
function coveredBySpans(text: string, claims: PaintClaim[]): Set<string> {
  const model = buildTextModel(text);
  const u16 = bruteUtf16Positions(text);
  const out = new Set<string>();
  for (const c of claims) {
    for (const s of c.spans) {
      for (let i = u16[s.start]!; i < u16[s.end]!; i++) {
        const p = model.paragraphs.findIndex((q) => i >= q.start && i < q.end);
        if (p >= 0) out.add(`${p}:${i - model.paragraphs[p]!.start}`);
      }
    }
  }
  return out;
}

describe("planPrepaint", () => {
  // cp offsets: "Alpha 😀 beta" = 12 cps [0,12), "\n\n" [12,14), "gamma delta" [14,25)
  const TEXT = "Alpha 😀 beta\n\ngamma delta";

  it("records each type's merged ranges as paragraph + UTF-16 offset, with the painter's count and CSS", () => {
    const plan = planPrepaint(buildTextModel(TEXT), [claim("1", "attack", [[0, 5]]), claim("2", "attack", [[3, 8]]), claim("3", "size", [[14, 19]])], "claim");
    const byName = Object.fromEntries(plan.highlights.map((h) => [h.name, h]));
    expect(byName["claim-attack"]!.ranges).toEqual([0, 0, 0, 9]); // "Alpha 😀 " ends after the emoji's two units
    expect(byName["claim-size"]!.ranges).toEqual([1, 0, 1, 5]);
    expect(byName["claim-focus"]).toBeUndefined(); // nothing focused: no empty highlight sent
    expect(plan.count).toBe(3);
    expect(plan.css).toContain("::highlight(claim-attack)");
    expect(plan.css).toContain("#d1495b");
    expect(plan.styleId).toBe("claim");
  });

  it("snaps spans out of separators and skips spans covering only separators", () => {
    const plan = planPrepaint(buildTextModel(TEXT), [claim("1", "t", [[9, 16]]), claim("2", "u", [[12, 14]])], "claim");
    expect(plan.highlights.map((h) => [h.name, h.ranges])).toEqual([["claim-t", [0, 10, 1, 2]]]);
    expect(plan.count).toBe(1);
  });

  it("covers exactly the characters of the claims' spans, per type (random claims over astral text)", () => {
    const rand = rng(7);
    const words = ["state’s", "😀", "naïve", "مرحبا", "e\u0301", "x", "kabul", "𝒜𝒷"];
    let text = "";
    while (text.length < 3000) text += words[Math.floor(rand() * words.length)]! + (rand() < 0.08 ? "\n\n" : rand() < 0.05 ? "\n" : " ");
    text = text.trim();
    const cps = Array.from(text).length;
    for (let round = 0; round < 5; round++) {
      const claims: PaintClaim[] = [];
      for (let i = 0; i < 200; i++) {
        const start = Math.floor(rand() * (cps - 1));
        const end = Math.min(cps, start + 1 + Math.floor(rand() * 60));
        claims.push(claim(String(i), ["a", "b", "c"][i % 3]!, [[start, end]]));
      }
      const plan = planPrepaint(buildTextModel(text), claims, "claim");
      for (const typeKey of ["a", "b", "c"]) {
        const h = plan.highlights.find((x) => x.name === `claim-${typeKey}`);
        expect(coveredByPlan(text, h?.ranges ?? [])).toEqual(coveredBySpans(text, claims.filter((c) => c.typeKey === typeKey)));
      }
    }
  });
});

describe("staticParagraphsHtml", () => {
  it("renders one escaped paragraph per text paragraph", () => {
    const model = buildTextModel("<script>alert(1)</script> & more\n\nsecond > first");
    const html = staticParagraphsHtml(model);
    expect(html).toBe('<p dir="auto">&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p><p dir="auto">second &gt; first</p>');
  });

  it("renders an empty text as one empty paragraph, like the editor", () => {
    expect(staticParagraphsHtml(buildTextModel(""))).toBe('<p dir="auto"></p>');
  });
});

/** A fake page: paragraphs with one text node each (none when empty), a registry, a head. */
function fakeWindow(paragraphTexts: string[], opts: { highlights?: boolean; rootId?: string } = {}) {
  const nodes = paragraphTexts.map((t) => ({ firstChild: t ? { data: t } : null }));
  const root = { dataset: {} as Record<string, string | undefined>, querySelector: (sel: string) => (sel === "[data-prepaint-text]" ? { children: nodes } : null) };
  const registry = new Map<string, { priority: number; ranges: unknown[] }>();
  const head: unknown[] = [];
  const marks: string[] = [];
  class FakeHighlight {
    priority = 0;
    ranges: unknown[] = [];
    add(r: unknown) {
      this.ranges.push(r);
    }
  }
  class FakeStaticRange {
    constructor(readonly init: { startContainer: unknown; startOffset: number; endContainer: unknown; endOffset: number }) {}
  }
  const env: PrepaintEnv = {
    document: {
      getElementById: (id) => (id === (opts.rootId ?? "r1") ? root : null),
      createElement: () => ({ textContent: "", dataset: {} }),
      head: { appendChild: (n) => head.push(n) },
    },
    Highlight: FakeHighlight,
    StaticRange: FakeStaticRange,
    CSS: opts.highlights === false ? {} : { highlights: { set: (name, h) => registry.set(name, h as FakeHighlight) } },
    performance: { mark: (name) => marks.push(name) },
  };
  return { env, root, nodes, registry, head, marks };
}

const PLAN: PrepaintPlan = {
  css: "::highlight(claim-a) { background-color: red; }",
  styleId: "claim",
  highlights: [
    { name: "claim-a", priority: 0, ranges: [0, 1, 0, 4, 0, 5, 2, 3] },
    { name: "claim-b", priority: 1, ranges: [1, 0, 1, 0] },
  ],
  count: 3,
};

describe("applyPrepaint", () => {
  it("registers one Highlight per plan entry with static ranges on the paragraphs' text nodes", () => {
    const w = fakeWindow(["alpha beta", "", "gamma"]);
    expect(applyPrepaint(w.env, "r1", PLAN)).toBe(true);
    const a = w.registry.get("claim-a")!;
    expect(a.priority).toBe(0);
    expect(a.ranges.map((r) => (r as { init: unknown }).init)).toEqual([
      { startContainer: w.nodes[0]!.firstChild, startOffset: 1, endContainer: w.nodes[0]!.firstChild, endOffset: 4 },
      { startContainer: w.nodes[0]!.firstChild, startOffset: 5, endContainer: w.nodes[2]!.firstChild, endOffset: 3 },
    ]);
    // A point in an empty paragraph falls on the paragraph element itself.
    const b = w.registry.get("claim-b")!;
    expect(b.priority).toBe(1);
    expect((b.ranges[0] as { init: { startContainer: unknown; startOffset: number } }).init.startContainer).toBe(w.nodes[1]);
  });

  it("writes the highlight CSS once, marked for the painter to adopt, and reports what it painted", () => {
    const w = fakeWindow(["alpha beta", "", "gamma"]);
    applyPrepaint(w.env, "r1", PLAN);
    expect(w.head).toEqual([{ textContent: PLAN.css, dataset: { highlights: "claim" } }]);
    expect(w.root.dataset).toEqual({ ready: "true", paintedCount: "3" });
    expect(w.marks).toEqual(["reading-view:prepainted"]);
  });

  it("does nothing without the Highlight API or without its root, and says so", () => {
    const none = fakeWindow(["alpha"], { highlights: false });
    expect(applyPrepaint(none.env, "r1", PLAN)).toBe(false);
    expect(none.root.dataset).toEqual({});
    expect(none.head).toEqual([]);
    const elsewhere = fakeWindow(["alpha"], { rootId: "other" });
    expect(applyPrepaint(elsewhere.env, "r1", PLAN)).toBe(false);
  });

  it("skips ranges pointing past the rendered paragraphs instead of throwing", () => {
    const w = fakeWindow(["alpha"]);
    applyPrepaint(w.env, "r1", { ...PLAN, highlights: [{ name: "claim-a", priority: 0, ranges: [0, 0, 0, 2, 4, 0, 4, 1] }] });
    expect(w.registry.get("claim-a")!.ranges).toHaveLength(1);
  });
});

describe("prepaintScript", () => {
  it("is applyPrepaint's own source called on window: it runs on its own", () => {
    const w = fakeWindow(["alpha beta", "", "gamma"], { rootId: "view-1" });
    new Function("window", prepaintScript("view-1", PLAN))(w.env);
    expect(w.registry.size).toBe(2);
    expect(w.root.dataset.ready).toBe("true");
  });

  it("cannot end its <script> element or open a comment, whatever the plan holds", () => {
    const hostile = { ...PLAN, css: "</script><script>alert(1)</script><!--", styleId: "a\u2028b" };
    const js = prepaintScript("x</script>", hostile);
    expect(js).not.toMatch(/<\/script|<!--|\u2028/i);
    const w = fakeWindow(["alpha"], { rootId: "x</script>" });
    new Function("window", js)(w.env);
    expect(w.head).toEqual([{ textContent: hostile.css, dataset: { highlights: "a\u2028b" } }]);
  });
});

describe("prepaint over a reflowed text", () => {
  const text = "Attack report\n\nThe attack on 18 April killed 12 people.\nWitnesses said the market was crowded at the time.\n\nPage two continues the report.";
  const model = buildTextModel(text, "reflow");

  it("paints a span across a joined line break as one range in one paragraph, on the paragraphs as shown", () => {
    const start = text.indexOf("12 people.");
    const end = text.indexOf("Witnesses") + "Witnesses".length;
    const plan = planPrepaint(model, [claim("c1", "attack", [[start, end]])], "claim");
    const p = model.paragraphs[1]!;
    expect(plan.count).toBe(1);
    expect(plan.highlights.find((h) => h.name === "claim-attack")!.ranges).toEqual([1, start - p.start, 1, end - p.start]);
    expect(staticParagraphsHtml(model)).toBe(
      '<p dir="auto">Attack report</p><p dir="auto">The attack on 18 April killed 12 people. Witnesses said the market was crowded at the time.</p><p dir="auto">Page two continues the report.</p>',
    );
  });
});
