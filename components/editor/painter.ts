/** Sorted union of spans: overlapping or touching spans merged. */
export function mergeSpans(spans: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/**
 * Paint claim spans with the CSS Custom Highlight API.
 *
 * Why this API: measured load-to-painted stays flat from 1,000 to 20,000 claims and adds no DOM
 * elements, where ProseMirror decorations or marks grow by seconds and hundreds of thousands of
 * elements (see design/architecture.md). One `Highlight` per claim type holds the Ranges of every
 * claim of that type; one more holds the focused claim's Ranges at a higher priority.
 *
 * Invariants:
 * - paint() and rebuild() paint each type's spans merged (see paintMerged); add() adds only the new
 *   claim's ranges; remove() deletes a claim's own ranges (from add()) or else repaints its type
 *   (its spans may share merged ranges).
 * - paintedCount counts claim spans with rendered text, not ranges.
 * - Ranges are live DOM ranges: when ProseMirror re-renders paragraphs they collapse, so the
 *   owner calls rebuild() (ReadingView watches the DOM with a MutationObserver; the locator's
 *   isStale() is a cheap check for other owners).
 * - Without `CSS.highlights` the painter is inert (`supported === false`); nothing throws.
 */
import { type TextDomLocator, type DomPoint, type RangeLike } from "./dom-text";
import type { UnderlineStyle } from "@/lib/core/color/palette";
import { DEFAULT_FOCUS_COLOR, DEFAULT_HIGHLIGHT_PREFIX, focusHighlightName, highlightCss, typeHighlightName } from "./highlight-css";

export interface PaintClaim {
  id: string;
  typeKey: string;
  color: string;
  /** The type's underline style (see highlight-css.ts); none when absent. */
  underline?: UnderlineStyle;
  /** Code point offsets into the canonical text, end exclusive. */
  spans: { start: number; end: number }[];
}

export interface HighlightPainter {
  readonly supported: boolean;
  /** Number of spans currently painted (spans with rendered text). */
  readonly paintedCount: number;
  paint(claims: readonly PaintClaim[]): void;
  add(claim: PaintClaim): void;
  remove(id: string): void;
  setFocus(id: string | null): void;
  rebuild(): void;
  destroy(): void;
}

/** The parts of a Highlight the painter uses (a Set of ranges plus a priority). */
export interface HighlightLike {
  add(range: RangeLike): unknown;
  delete(range: RangeLike): boolean;
  clear(): void;
  priority: number;
}

/** Browser services, injected so the painter can be tested without a DOM. */
export interface PainterEnv {
  /** null when the CSS Custom Highlight API is missing. */
  registry: { set(name: string, h: HighlightLike): unknown; delete(name: string): boolean } | null;
  createHighlight(): HighlightLike;
  createRange(): RangeLike;
  /**
   * A StaticRange where the browser has them: far cheaper to create than live Ranges (20,000 in a few
   * ms) and no cost on later DOM changes. They do not follow DOM edits, which is fine here: every
   * re-render of the text triggers rebuild() anyway.
   */
  createStaticRange?(start: DomPoint, end: DomPoint): RangeLike;
  setStyle(css: string): void;
  removeStyle(): void;
}

export interface PainterOptions {
  /** Highlight name prefix; give each reading view on a page its own. */
  prefix?: string;
  focusColor?: string;
}

interface Painted {
  claim: PaintClaim;
  ranges: RangeLike[];
}

export function browserPainterEnv(doc: Document, styleId: string): PainterEnv {
  const supported = typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight === "function";
  let style: HTMLStyleElement | null = null;
  return {
    registry: supported ? (CSS.highlights as unknown as PainterEnv["registry"]) : null,
    createHighlight: () => new Highlight() as unknown as HighlightLike,
    createRange: () => doc.createRange(),
    createStaticRange:
      typeof StaticRange === "function"
        ? (a, b) => new StaticRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset }) as unknown as RangeLike
        : undefined,
    setStyle: (css) => {
      if (!style) {
        // Adopt the element the server-rendered prepaint wrote (prepaint.ts), if any.
        style = Array.from(doc.head.querySelectorAll("style")).find((s) => s.dataset.highlights === styleId) ?? null;
      }
      if (!style) {
        style = doc.createElement("style");
        style.dataset.highlights = styleId;
        doc.head.appendChild(style);
      }
      if (style.textContent !== css) style.textContent = css;
    },
    removeStyle: () => {
      style?.remove();
      style = null;
    },
  };
}

export class CssHighlightPainter implements HighlightPainter {
  readonly supported: boolean;
  private readonly prefix: string;
  private readonly focusColor: string;
  private readonly painted = new Map<string, Painted>();
  private readonly types = new Map<string, { highlight: HighlightLike; color: string; underline?: UnderlineStyle }>();
  private focus: HighlightLike | null = null;
  private focusId: string | null = null;
  private count = 0;

  constructor(
    private readonly locator: TextDomLocator,
    private readonly env: PainterEnv,
    options: PainterOptions = {},
  ) {
    this.supported = env.registry !== null;
    this.prefix = options.prefix ?? DEFAULT_HIGHLIGHT_PREFIX;
    this.focusColor = options.focusColor ?? DEFAULT_FOCUS_COLOR;
  }

  get paintedCount(): number {
    return this.count;
  }

  paint(claims: readonly PaintClaim[]): void {
    if (!this.supported) return;
    this.clearRanges();
    let styleChanged = false;
    const byType = new Map<string, PaintClaim[]>();
    for (const claim of claims) {
      styleChanged = this.typeEntry(claim) || styleChanged;
      this.painted.set(claim.id, { claim, ranges: [] });
      const list = byType.get(claim.typeKey);
      if (list) list.push(claim);
      else byType.set(claim.typeKey, [claim]);
    }
    for (const [typeKey, list] of byType) this.count += this.paintMerged(typeKey, list);
    if (styleChanged) this.writeStyle();
    this.paintFocus();
  }

  add(claim: PaintClaim): void {
    if (!this.supported) return;
    if (this.painted.has(claim.id)) this.remove(claim.id);
    const styleChanged = this.typeEntry(claim);
    const ranges = this.createRanges(claim.spans);
    const h = this.types.get(claim.typeKey)!.highlight;
    for (const r of ranges) h.add(r);
    this.painted.set(claim.id, { claim, ranges });
    this.count += this.renderedSpans(claim);
    if (styleChanged) this.writeStyle();
    if (claim.id === this.focusId) this.paintFocus();
  }

  remove(id: string): void {
    const p = this.painted.get(id);
    if (!p) return;
    this.painted.delete(id);
    this.count -= this.renderedSpans(p.claim);
    const typeKey = p.claim.typeKey;
    if (p.ranges.length > 0) {
      // Painted by add(): these ranges are its own, nothing else's is merged into them.
      const h = this.types.get(typeKey)?.highlight;
      for (const r of p.ranges) h?.delete(r);
      if (id === this.focusId) this.paintFocus();
      return;
    }
    // Its spans may be merged with others' into shared ranges: repaint its type from what is left.
    const rest = [...this.painted.values()].filter((q) => q.claim.typeKey === typeKey);
    for (const q of rest) q.ranges = [];
    this.types.get(typeKey)?.highlight.clear();
    this.paintMerged(typeKey, rest.map((q) => q.claim)); // the count of the rest is unchanged
    if (id === this.focusId) this.paintFocus();
  }

  setFocus(id: string | null): void {
    this.focusId = id;
    if (this.supported) this.paintFocus();
  }

  rebuild(): void {
    this.locator.refresh();
    this.paint([...this.painted.values()].map((p) => p.claim));
  }

  destroy(): void {
    if (!this.supported || !this.env.registry) return;
    for (const typeKey of this.types.keys()) this.env.registry.delete(typeHighlightName(this.prefix, typeKey));
    this.env.registry.delete(focusHighlightName(this.prefix));
    this.env.removeStyle();
    this.types.clear();
    this.painted.clear();
    this.focus = null;
    this.count = 0;
  }

  private renderedSpans(claim: PaintClaim): number {
    let n = 0;
    for (const s of claim.spans) if (this.locator.hasText(s.start, s.end)) n++;
    return n;
  }

  /** The type's Highlight, created on first use; true if the CSS must change. */
  private typeEntry(claim: PaintClaim): boolean {
    const entry = this.types.get(claim.typeKey);
    if (!entry) {
      const highlight = this.env.createHighlight();
      this.types.set(claim.typeKey, { highlight, color: claim.color, underline: claim.underline });
      this.env.registry?.set(typeHighlightName(this.prefix, claim.typeKey), highlight);
      return true;
    }
    if (entry.color !== claim.color || entry.underline !== claim.underline) {
      entry.color = claim.color; // the latest claim of a type decides its colour and underline
      entry.underline = claim.underline;
      return true;
    }
    return false;
  }

  /**
   * Paints the union of the claims' spans with as few ranges as possible: overlapping or touching
   * spans of one type become one range. A Highlight paints the union of its ranges anyway, so the
   * pixels are the same; with thousands of claims the browser has far fewer ranges to create and walk.
   */
  private paintMerged(typeKey: string, claims: readonly PaintClaim[]): number {
    const h = this.types.get(typeKey)?.highlight;
    const spans = claims.flatMap((c) => c.spans);
    if (!h) return 0;
    const textless: { start: number; end: number }[] = [];
    for (const merged of mergeSpans(spans)) {
      const [range] = this.createRanges([merged]);
      if (range) h.add(range);
      else textless.push(merged); // only separators: none of the spans inside it shows anything
    }
    if (textless.length === 0) return spans.filter((s) => s.end > s.start).length;
    return spans.filter((s) => s.end > s.start && !textless.some((t) => s.start >= t.start && s.end <= t.end)).length;
  }

  private createRanges(spans: readonly { start: number; end: number }[]): RangeLike[] {
    const out: RangeLike[] = [];
    for (const span of spans) {
      if (this.env.createStaticRange) {
        const points = this.locator.points(span.start, span.end);
        if (points) out.push(this.env.createStaticRange(points[0], points[1]));
      } else {
        const range = this.env.createRange();
        if (this.locator.setRange(range, span.start, span.end)) out.push(range);
      }
    }
    return out;
  }

  private clearRanges(): void {
    for (const { highlight } of this.types.values()) highlight.clear();
    this.focus?.clear();
    this.painted.clear();
    this.count = 0;
  }

  private paintFocus(): void {
    if (!this.focus) {
      this.focus = this.env.createHighlight();
      this.focus.priority = 1; // above every type highlight (priority 0)
      this.env.registry?.set(focusHighlightName(this.prefix), this.focus);
      this.writeStyle();
    }
    this.focus.clear();
    const p = this.focusId === null ? undefined : this.painted.get(this.focusId);
    if (p) for (const r of this.createRanges(p.claim.spans)) this.focus.add(r);
  }

  private writeStyle(): void {
    const styles = [...this.types].map(([k, v]) => [k, v.color, v.underline] as const);
    this.env.setStyle(highlightCss(this.prefix, styles, this.focusColor));
  }
}
