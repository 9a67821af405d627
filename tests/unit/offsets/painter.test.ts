import { describe, expect, it } from "vitest";
import { buildTextModel } from "@/lib/core/offsets";
import { diffClaims } from "@/components/editor/claim-diff";
import { pointInNodes, TextDomLocator, type RangeLike, type TextDom } from "@/components/editor/dom-text";
import { highlightCss, safeColor, typeHighlightName } from "@/components/editor/highlight-css";
import { CssHighlightPainter, mergeSpans, type HighlightLike, type PaintClaim, type PainterEnv } from "@/components/editor/painter";
import { textToDoc } from "@/components/editor/reading-extensions";

/** Fake DOM: each paragraph is an element whose text is split into text nodes of `chunk` units. */
function fakeDom(text: string, chunk = Infinity) {
  const model = buildTextModel(text);
  let elements = model.paragraphs.map((p, i) => ({ tag: `p${i}`, text: p.text }) as unknown as Element);
  const nodes = new Map<Element, Text[]>();
  const dom: TextDom = {
    paragraphElements: () => elements,
    textNodes: (el) => {
      if (!nodes.has(el)) {
        const t = (el as unknown as { text: string }).text;
        const parts: Text[] = [];
        for (let i = 0; i < t.length; i += chunk) {
          const data = t.slice(i, i + chunk);
          parts.push({ data, length: data.length, owner: el } as unknown as Text);
        }
        nodes.set(el, parts);
      }
      return nodes.get(el)!;
    },
  };
  const rerender = () => {
    elements = model.paragraphs.map((p, i) => ({ tag: `p${i}'`, text: p.text }) as unknown as Element);
  };
  return { model, dom, rerender };
}

class FakeRange implements RangeLike {
  start: [Node, number] | null = null;
  end: [Node, number] | null = null;
  setStart(n: Node, o: number) {
    this.start = [n, o];
  }
  setEnd(n: Node, o: number) {
    this.end = [n, o];
  }
  /** The text this range covers, assuming one paragraph or a span within fake nodes. */
  get text(): string {
    const [a, ao] = this.start!;
    const [b, bo] = this.end!;
    const ad = (a as unknown as Text).data;
    return a === b ? ad.slice(ao, bo) : `${ad.slice(ao)}|${(b as unknown as Text).data.slice(0, bo)}`;
  }
}

class FakeHighlight extends Set<RangeLike> implements HighlightLike {
  priority = 0;
}

function fakeEnv(supported = true) {
  const registry = new Map<string, HighlightLike>();
  const state = { css: "", styleWrites: 0, rangesCreated: 0 };
  const env: PainterEnv = {
    registry: supported ? registry : null,
    createHighlight: () => new FakeHighlight(),
    createRange: () => {
      state.rangesCreated++;
      return new FakeRange();
    },
    setStyle: (css) => {
      state.css = css;
      state.styleWrites++;
    },
    removeStyle: () => {
      state.css = "";
    },
  };
  return { env, registry, state };
}

const texts = (h: HighlightLike | undefined) => [...((h as FakeHighlight | undefined) ?? [])].map((r) => (r as FakeRange).text).sort();

// cp offsets: "Alpha 😀 beta" = 12 cps [0,12), "\n\n" [12,14), "gamma delta" [14,25)
const TEXT = "Alpha 😀 beta\n\ngamma delta";
const claim = (id: string, typeKey: string, spans: [number, number][], color = "#ff0000"): PaintClaim => ({
  id,
  typeKey,
  color,
  spans: spans.map(([start, end]) => ({ start, end })),
});

describe("mergeSpans", () => {
  it.each([
    [[], []],
    [[[0, 5]], [[0, 5]]],
    [[[5, 9], [0, 3]], [[0, 3], [5, 9]]],
    [[[0, 5], [3, 8]], [[0, 8]]],
    [[[0, 5], [5, 8]], [[0, 8]]],
    [[[0, 10], [2, 3], [4, 12], [20, 21]], [[0, 12], [20, 21]]],
    [[[4, 4], [1, 2]], [[1, 2]]],
  ])("%j -> %j", (input, expected) => {
    const out = mergeSpans((input as [number, number][]).map(([start, end]) => ({ start, end })));
    expect(out.map((s) => [s.start, s.end])).toEqual(expected);
  });
});

describe("CssHighlightPainter merging", () => {
  it("paints overlapping spans of one type as one range, keeps types apart, and counts spans", () => {
    const { model, dom } = fakeDom(TEXT);
    const { env, registry } = fakeEnv();
    const p = new CssHighlightPainter(new TextDomLocator(model, dom), env);
    p.paint([claim("1", "t", [[0, 5]]), claim("2", "t", [[3, 7]]), claim("3", "u", [[3, 7]])]);
    expect(texts(registry.get("claim-t"))).toEqual(["Alpha 😀"]);
    expect(texts(registry.get("claim-u"))).toEqual(["ha 😀"]);
    expect(p.paintedCount).toBe(3);
  });

  it("removing one of two overlapping claims leaves the other's words painted", () => {
    const { model, dom } = fakeDom(TEXT);
    const { env, registry } = fakeEnv();
    const p = new CssHighlightPainter(new TextDomLocator(model, dom), env);
    p.paint([claim("1", "t", [[0, 5]]), claim("2", "t", [[3, 7]])]);
    p.remove("1");
    expect(texts(registry.get("claim-t"))).toEqual(["ha 😀"]);
    expect(p.paintedCount).toBe(1);
    p.add(claim("4", "t", [[8, 12]]));
    expect(texts(registry.get("claim-t"))).toEqual(["beta", "ha 😀"]);
    p.remove("4");
    expect(texts(registry.get("claim-t"))).toEqual(["ha 😀"]);
  });

  it("focus paints the focused claim's own spans, not the merged union", () => {
    const { model, dom } = fakeDom(TEXT);
    const { env, registry } = fakeEnv();
    const p = new CssHighlightPainter(new TextDomLocator(model, dom), env);
    p.paint([claim("1", "t", [[0, 5]]), claim("2", "t", [[3, 7]])]);
    p.setFocus("2");
    expect(texts(registry.get("claim-focus"))).toEqual(["ha 😀"]);
  });
});

describe("CssHighlightPainter", () => {
  it("uses static ranges when the environment offers them, over the same text", () => {
    const { model, dom } = fakeDom(TEXT);
    const { env, registry, state } = fakeEnv();
    let statics = 0;
    env.createStaticRange = (a, b) => {
      statics++;
      const r = new FakeRange();
      r.setStart(a.node, a.offset);
      r.setEnd(b.node, b.offset);
      return r;
    };
    new CssHighlightPainter(new TextDomLocator(model, dom), env).paint([claim("1", "fact", [[6, 7]]), claim("3", "quote", [[14, 19], [20, 25]])]);
    expect(statics).toBe(3);
    expect(state.rangesCreated).toBe(0);
    expect(texts(registry.get("claim-fact"))).toEqual(["😀"]);
    expect(texts(registry.get("claim-quote"))).toEqual(["delta", "gamma"]);
  });

  it("paints one Highlight per type with ranges over the right text", () => {
    const { model, dom } = fakeDom(TEXT);
    const { env, registry, state } = fakeEnv();
    const p = new CssHighlightPainter(new TextDomLocator(model, dom), env);
    p.paint([claim("1", "fact", [[6, 7]]), claim("2", "fact", [[8, 12]]), claim("3", "quote", [[14, 19], [20, 25]], "#00f")]);
    expect(p.supported).toBe(true);
    expect(p.paintedCount).toBe(4);
    expect(texts(registry.get("claim-fact"))).toEqual(["beta", "😀"]);
    expect(texts(registry.get("claim-quote"))).toEqual(["delta", "gamma"]);
    expect(state.css).toContain("::highlight(claim-fact)");
    expect(state.css).toContain("::highlight(claim-quote)");
    expect(state.css).toContain("::highlight(claim-focus)");
  });

  it("paints a span across paragraphs as one range from paragraph to paragraph", () => {
    const { model, dom } = fakeDom(TEXT);
    const { env, registry } = fakeEnv();
    new CssHighlightPainter(new TextDomLocator(model, dom), env).paint([claim("x", "t", [[8, 19]])]);
    expect(texts(registry.get("claim-t"))).toEqual(["beta|gamma"]);
  });

  it("finds offsets inside paragraphs split into several text nodes", () => {
    const { model, dom } = fakeDom(TEXT, 3);
    const { env, registry } = fakeEnv();
    new CssHighlightPainter(new TextDomLocator(model, dom), env).paint([claim("x", "t", [[1, 4]])]);
    const [r] = [...(registry.get("claim-t") as FakeHighlight)] as FakeRange[];
    expect((r.start![0] as unknown as Text).data).toBe("Alp");
    expect(r.start![1]).toBe(1);
    expect((r.end![0] as unknown as Text).data).toBe("ha ");
    expect(r.end![1]).toBe(1);
  });

  it("skips spans with no rendered text (only separator newlines)", () => {
    const { model, dom } = fakeDom(TEXT);
    const { env } = fakeEnv();
    const p = new CssHighlightPainter(new TextDomLocator(model, dom), env);
    p.paint([claim("x", "t", [[12, 14], [0, 5]])]);
    expect(p.paintedCount).toBe(1);
  });

  it("add/remove touch only that claim's ranges", () => {
    const { model, dom } = fakeDom(TEXT);
    const { env, registry, state } = fakeEnv();
    const p = new CssHighlightPainter(new TextDomLocator(model, dom), env);
    p.paint([claim("1", "fact", [[0, 5]]), claim("2", "fact", [[8, 12]])]);
    const before = state.rangesCreated;
    const writes = state.styleWrites;
    p.add(claim("3", "fact", [[14, 19]]));
    expect(state.rangesCreated - before).toBe(1);
    expect(state.styleWrites).toBe(writes); // known type and colour: no CSS rewrite
    expect(texts(registry.get("claim-fact"))).toEqual(["Alpha", "beta", "gamma"]);
    p.remove("2");
    expect(texts(registry.get("claim-fact"))).toEqual(["Alpha", "gamma"]);
    expect(p.paintedCount).toBe(2);
    p.remove("missing");
    expect(p.paintedCount).toBe(2);
    p.add(claim("4", "new-type", [[20, 25]], "#123456"));
    expect(state.css).toContain("::highlight(claim-new-type)");
    expect(state.css).toContain("#123456");
  });

  it("re-adding a claim replaces its old ranges", () => {
    const { model, dom } = fakeDom(TEXT);
    const { env, registry } = fakeEnv();
    const p = new CssHighlightPainter(new TextDomLocator(model, dom), env);
    p.paint([claim("1", "fact", [[0, 5]])]);
    p.add(claim("1", "fact", [[8, 12]]));
    expect(texts(registry.get("claim-fact"))).toEqual(["beta"]);
    expect(p.paintedCount).toBe(1);
  });

  it("focus copies the focused claim's ranges into a higher-priority highlight", () => {
    const { model, dom } = fakeDom(TEXT);
    const { env, registry } = fakeEnv();
    const p = new CssHighlightPainter(new TextDomLocator(model, dom), env);
    p.paint([claim("1", "fact", [[0, 5]]), claim("2", "quote", [[14, 19], [20, 25]])]);
    p.setFocus("2");
    const focus = registry.get("claim-focus")!;
    expect(focus.priority).toBeGreaterThan(registry.get("claim-fact")!.priority);
    expect(texts(focus)).toEqual(["delta", "gamma"]);
    p.setFocus("1");
    expect(texts(focus)).toEqual(["Alpha"]);
    p.remove("1");
    expect(texts(focus)).toEqual([]);
    p.add(claim("1", "fact", [[8, 12]]));
    expect(texts(focus)).toEqual(["beta"]); // focus follows a re-added claim
    p.setFocus(null);
    expect(texts(focus)).toEqual([]);
  });

  it("rebuild creates fresh ranges on re-rendered paragraphs; isStale notices the re-render", () => {
    const { model, dom, rerender } = fakeDom(TEXT);
    const { env, registry } = fakeEnv();
    const locator = new TextDomLocator(model, dom);
    const p = new CssHighlightPainter(locator, env);
    p.paint([claim("1", "fact", [[0, 5]])]);
    expect(locator.isStale()).toBe(false);
    rerender();
    expect(locator.isStale()).toBe(true);
    p.rebuild();
    expect(locator.isStale()).toBe(false);
    const [r] = [...(registry.get("claim-fact") as FakeHighlight)] as FakeRange[];
    expect((r.start![0] as unknown as { owner: { tag: string } }).owner.tag).toBe("p0'");
    expect(p.paintedCount).toBe(1);
  });

  it("destroy unregisters every highlight and removes the style", () => {
    const { model, dom } = fakeDom(TEXT);
    const { env, registry, state } = fakeEnv();
    const p = new CssHighlightPainter(new TextDomLocator(model, dom), env);
    p.paint([claim("1", "a", [[0, 5]]), claim("2", "b", [[8, 12]])]);
    expect(registry.size).toBe(3);
    p.destroy();
    expect(registry.size).toBe(0);
    expect(state.css).toBe("");
  });

  it("degrades to doing nothing without the Highlight API", () => {
    const { model, dom } = fakeDom(TEXT);
    const { env, state } = fakeEnv(false);
    const p = new CssHighlightPainter(new TextDomLocator(model, dom), env);
    p.paint([claim("1", "a", [[0, 5]])]);
    p.add(claim("2", "a", [[0, 5]]));
    p.setFocus("1");
    p.remove("1");
    p.rebuild();
    p.destroy();
    expect(p.supported).toBe(false);
    expect(p.paintedCount).toBe(0);
    expect(state.rangesCreated).toBe(0);
  });
});

describe("highlight CSS", () => {
  it.each([
    ["#abc", "#abc"],
    ["#A1B2C3", "#A1B2C3"],
    ["#a1b2c3d4", "#a1b2c3d4"],
    ["rebeccapurple", "rebeccapurple"],
    ["rgb(10, 20, 30)", "rgb(10, 20, 30)"],
    ["oklch(70% 0.1 200 / 50%)", "oklch(70% 0.1 200 / 50%)"],
    ["red; } body { display: none", "#9ca3af"],
    ["url(x)", "#9ca3af"],
    ["#12", "#9ca3af"],
    ["", "#9ca3af"],
  ])("safeColor(%j) = %j", (c, want) => {
    expect(safeColor(c)).toBe(want);
  });

  it.each([
    ["fact", "claim-fact"],
    ["has space", "claim-has_space"],
    ["ünï", "claim-_n_"],
    ["focus", "claim-focus_"],
    ["", "claim-_"],
  ])("typeHighlightName(%j)", (key, want) => {
    expect(typeHighlightName("claim", key)).toBe(want);
  });

  it("emits one rule per type plus the focus rule", () => {
    const css = highlightCss("claim", new Map([["a", "#f00"], ["b", "bad;"]]));
    expect(css.split("\n")).toHaveLength(3);
    expect(css).toContain("::highlight(claim-a) { background-color: color-mix(in srgb, #f00 35%, transparent); }");
    expect(css).toContain("#9ca3af");
    expect(css).not.toContain("bad;");
  });
});

describe("type underlines", () => {
  it("draws each type's underline style and rewrites the CSS when it changes", () => {
    const { model, dom } = fakeDom(TEXT);
    const { env, state } = fakeEnv();
    const p = new CssHighlightPainter(new TextDomLocator(model, dom), env);
    p.paint([{ ...claim("1", "fact", [[0, 5]]), underline: "dotted" }, claim("2", "plain", [[8, 12]])]);
    expect(state.css).toContain("::highlight(claim-fact) { background-color: color-mix(in srgb, #ff0000 35%, transparent); text-decoration: underline dotted 2px #ff0000; }");
    expect(state.css).toContain("::highlight(claim-plain) { background-color: color-mix(in srgb, #ff0000 35%, transparent); }");
    const writes = state.styleWrites;
    p.add({ ...claim("3", "fact", [[14, 19]]), underline: "dotted" });
    expect(state.styleWrites).toBe(writes);
    p.add({ ...claim("4", "fact", [[20, 25]]), underline: "wavy" });
    expect(state.styleWrites).toBe(writes + 1);
    expect(state.css).toContain("text-decoration: underline wavy 1.5px #ff0000;");
  });
});

describe("diffClaims", () => {
  const a = claim("a", "t", [[0, 1]]);
  const b = claim("b", "t", [[2, 3]]);
  const c = claim("c", "t", [[4, 5]]);
  const d = claim("d", "t", [[6, 7]]);

  it.each([
    ["nothing changed", [a, b, c, d], [a, b, c, d], [], [], false],
    ["equal copies are unchanged", [a, b], [{ ...a, spans: [{ start: 0, end: 1 }] }, b], [], [], false],
    ["one added", [a, b, c], [a, b, c, d], ["d"], [], false],
    ["one removed", [a, b, c, d], [a, b, c], [], ["d"], false],
    ["span change is remove + add", [a, b, c, d], [a, b, c, { ...d, spans: [{ start: 6, end: 8 }] }], ["d"], ["d"], false],
    ["colour change", [a, b, c, d], [{ ...a, color: "#000" }, b, c, d], ["a"], ["a"], false],
    ["underline change", [a, b, c, d], [{ ...a, underline: "wavy" }, b, c, d], ["a"], ["a"], false],
    ["first paint is full", [], [a, b], ["a", "b"], [], true],
    ["most changed is full", [a, b, c, d], [a, claim("x", "t", [[0, 1]]), claim("y", "t", [[0, 1]])], ["x", "y"], ["b", "c", "d"], true],
    ["exactly half is not full", [a, b, c, d], [a, b], [], ["c", "d"], false],
  ] as const)("%s", (_n, prev, next, added, removed, full) => {
    const d2 = diffClaims(prev as unknown as PaintClaim[], next as unknown as PaintClaim[]);
    expect(d2.added.map((x) => x.id).sort()).toEqual([...added]);
    expect([...d2.removed].sort()).toEqual([...removed]);
    expect(d2.full).toBe(full);
  });
});

describe("pointInNodes / textToDoc", () => {
  const nodes = [{ length: 3 }, { length: 0 }, { length: 4 }] as unknown as Text[];
  it.each([
    [0, 0, 0],
    [3, 0, 3],
    [4, 2, 1],
    [7, 2, 4],
    [99, 2, 4],
  ])("offset %i -> node %i offset %i", (o, i, off) => {
    expect(pointInNodes(nodes, o)).toEqual({ index: i, offset: off });
  });

  it("returns null for a paragraph without text nodes", () => {
    expect(pointInNodes([], 0)).toBeNull();
  });

  it("builds doc(paragraph(text)*) with empty paragraphs as bare nodes", () => {
    expect(textToDoc(buildTextModel("a\nb\n\nc").paragraphs)).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "a\nb" }] },
        { type: "paragraph", content: [{ type: "text", text: "c" }] },
      ],
    });
    expect(textToDoc(buildTextModel("").paragraphs)).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });
});
