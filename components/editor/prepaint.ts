/**
 * Highlights before the editor: the reading view's text is rendered on the server as plain
 * paragraphs, and a small inline script paints the claims' highlights on them as soon as the
 * browser has parsed them, before any of the page's JavaScript bundles have run. TipTap then
 * loads and takes over (ReadingView swaps its view in and the CssHighlightPainter repaints there).
 *
 * - planPrepaint() runs on the server: it drives the same CssHighlightPainter over a recording DOM
 *   (paragraph index + UTF-16 offset instead of nodes), so the merging, the snapping out of
 *   separators and the painted count are exactly the painter's.
 * - applyPrepaint() runs in the browser, inlined into the page by prepaintScript(): it must stay
 *   self-contained (no imports, no helpers from other modules, plain ES2017), because its source
 *   text is what gets sent. It touches nothing but the given root and the highlight registry.
 * - staticParagraphsHtml() is the server-rendered text: one `<p dir="auto">` per TextModel
 *   paragraph, the same paragraphs ProseMirror renders, so plan indexes match both.
 */
import type { TextModel } from "@/lib/core/offsets";
import { TextDomLocator, type DomPoint, type RangeLike, type TextDom } from "./dom-text";
import { CssHighlightPainter, type HighlightLike, type PaintClaim, type PainterEnv } from "./painter";

export interface PrepaintHighlight {
  name: string;
  priority: number;
  /** Flat quadruples: start paragraph, start UTF-16 offset in it, end paragraph, end offset. */
  ranges: number[];
}

export interface PrepaintPlan {
  /** The highlights' style rules (the painter's own CSS). */
  css: string;
  /** The highlight name prefix, which also marks the `<style>` element so the painter adopts it. */
  styleId: string;
  highlights: PrepaintHighlight[];
  /** Spans with rendered text: what the painter reports as its painted count. */
  count: number;
}

/** A paragraph or text node of the recording DOM: just where it is. */
interface Slot {
  paragraph: number;
  length: number;
}

class RecordingHighlight extends Set<RangeLike> implements HighlightLike {
  priority = 0;
}

class RecordedRange implements RangeLike {
  constructor(readonly quad: [number, number, number, number]) {}
  setStart(): void {}
  setEnd(): void {}
}

/** The highlights a CssHighlightPainter would paint for `claims` over `model`'s paragraphs. */
export function planPrepaint(model: TextModel, claims: readonly PaintClaim[], prefix: string): PrepaintPlan {
  const paragraphs: Slot[] = model.paragraphs.map((p, i) => ({ paragraph: i, length: p.end - p.start }));
  const dom: TextDom = {
    paragraphElements: () => paragraphs as unknown as Element[],
    // An empty paragraph has no text node (as in the browser): points in it fall on the element.
    textNodes: (el) => ((el as unknown as Slot).length > 0 ? [el as unknown as Text] : []),
  };
  const registry = new Map<string, RecordingHighlight>();
  let css = "";
  const slot = (p: DomPoint) => (p.node as unknown as Slot).paragraph;
  const env: PainterEnv = {
    registry: { set: (name, h) => registry.set(name, h as RecordingHighlight), delete: (name) => registry.delete(name) },
    createHighlight: () => new RecordingHighlight(),
    createRange: () => {
      throw new Error("planPrepaint records static ranges only");
    },
    createStaticRange: (a, b) => new RecordedRange([slot(a), a.offset, slot(b), b.offset]),
    setStyle: (text) => {
      css = text;
    },
    removeStyle: () => {
      css = "";
    },
  };
  const painter = new CssHighlightPainter(new TextDomLocator(model, dom), env, { prefix });
  painter.paint(claims);
  const highlights: PrepaintHighlight[] = [];
  for (const [name, h] of registry) {
    if (h.size === 0) continue;
    const ranges: number[] = [];
    for (const r of h) ranges.push(...(r as RecordedRange).quad);
    highlights.push({ name, priority: h.priority, ranges });
  }
  return { css, styleId: prefix, highlights, count: painter.paintedCount };
}

/** The document's text as server-rendered paragraphs (escaped), matching the editor's paragraphs. */
export function staticParagraphsHtml(model: TextModel): string {
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  let html = "";
  for (const p of model.paragraphs) html += `<p dir="auto">${escape(p.text)}</p>`;
  return html;
}

/** What applyPrepaint needs from the browser; tests pass fakes. */
export interface PrepaintEnv {
  document: {
    getElementById(id: string): PrepaintRoot | null;
    createElement(tag: "style"): { textContent: string | null; dataset: Record<string, string | undefined> };
    head: { appendChild(node: unknown): unknown };
  };
  Highlight?: new () => { add(range: unknown): unknown; priority: number };
  StaticRange?: new (init: { startContainer: unknown; startOffset: number; endContainer: unknown; endOffset: number }) => unknown;
  CSS?: { highlights?: { set(name: string, h: unknown): unknown } };
  performance?: { mark(name: string): unknown };
}

export interface PrepaintRoot {
  dataset: Record<string, string | undefined>;
  querySelector(selector: string): { children: ArrayLike<{ firstChild: unknown }> } | null;
}

/**
 * Paints `plan` over the paragraphs in `[data-prepaint-text]` under the element `rootId`, then marks
 * the root `data-ready="true"` with `data-painted-count`, as ReadingView does. Browsers without the
 * CSS Custom Highlight API get nothing painted (and no error). Self-contained: see the module notes.
 */
export function applyPrepaint(env: PrepaintEnv, rootId: string, plan: PrepaintPlan): boolean {
  const root = env.document.getElementById(rootId);
  const text = root && root.querySelector("[data-prepaint-text]");
  const registry = env.CSS && env.CSS.highlights;
  if (!root || !text || !registry || !env.Highlight || !env.StaticRange) return false;
  const paragraphs = text.children;
  const point = (p: number, offset: number) => {
    const el = paragraphs[p];
    if (!el) return null;
    return el.firstChild ? { node: el.firstChild, offset: offset } : { node: el, offset: 0 };
  };
  const style = env.document.createElement("style");
  style.dataset.highlights = plan.styleId;
  style.textContent = plan.css;
  env.document.head.appendChild(style);
  for (let i = 0; i < plan.highlights.length; i++) {
    const spec = plan.highlights[i]!;
    const h = new env.Highlight();
    h.priority = spec.priority;
    const r = spec.ranges;
    for (let k = 0; k + 3 < r.length; k += 4) {
      const a = point(r[k]!, r[k + 1]!);
      const b = point(r[k + 2]!, r[k + 3]!);
      if (a && b) h.add(new env.StaticRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset }));
    }
    registry.set(spec.name, h);
  }
  root.dataset.paintedCount = String(plan.count);
  root.dataset.ready = "true";
  if (env.performance) env.performance.mark("reading-view:prepainted");
  return true;
}

/**
 * The inline script for a page: applyPrepaint's own source called with the plan. The JSON is made
 * safe inside <script> (no "</script>", "<!--" or line separators can appear in it).
 */
export function prepaintScript(rootId: string, plan: PrepaintPlan): string {
  const json = (v: unknown) => JSON.stringify(v).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  return `(${applyPrepaint.toString()})(window,${json(rootId)},${json(plan)});`;
}
