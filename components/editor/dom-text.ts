/**
 * Find DOM text positions for canonical-text offsets in the rendered reading view.
 *
 * The ProseMirror root's element children are the paragraphs, in order (one `<p>` per
 * Paragraph of the TextModel). Inside a `<p>` there is normally one text node; several are
 * handled (marks, browser extensions), and so are zero (an empty paragraph holds only a `<br>`).
 * Looking paragraphs up by index avoids `view.domAtPos`, which walks sibling descriptors linearly
 * and would make painting 20,000 spans over thousands of paragraphs quadratic.
 *
 * Invariant: a locator is valid only while ProseMirror keeps the same paragraph elements;
 * `isStale()` detects a re-render and `refresh()` drops the caches.
 */
import { spanToRange, type ParagraphPoint, type TextModel } from "@/lib/core/offsets";

/** What the locator needs from the DOM; the browser adapter is below, tests pass fakes. */
export interface TextDom {
  paragraphElements(): readonly Element[];
  textNodes(paragraph: Element): readonly Text[];
}

export interface DomPoint {
  node: Node;
  offset: number;
}

export interface RangeLike {
  setStart(node: Node, offset: number): void;
  setEnd(node: Node, offset: number): void;
}

export function browserTextDom(root: HTMLElement): TextDom {
  return {
    paragraphElements: () => Array.from(root.children),
    textNodes: (paragraph) => {
      const walker = paragraph.ownerDocument.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      const out: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
      return out;
    },
  };
}

/**
 * Node + offset for `offset` UTF-16 units into a paragraph made of `nodes`. An offset on the
 * border of two text nodes resolves to the end of the first ("start of range" and "end of range"
 * paint the same either way).
 */
export function pointInNodes(nodes: readonly Text[], offset: number): { index: number; offset: number } | null {
  let rest = offset;
  for (let i = 0; i < nodes.length; i++) {
    if (rest <= nodes[i].length) return { index: i, offset: Math.max(0, rest) };
    rest -= nodes[i].length;
  }
  return nodes.length > 0 ? { index: nodes.length - 1, offset: nodes[nodes.length - 1].length } : null;
}

export class TextDomLocator {
  private elements: readonly Element[] | null = null;
  private readonly textCache = new Map<number, readonly Text[]>();

  constructor(
    readonly model: TextModel,
    private readonly dom: TextDom,
  ) {}

  private paragraphs(): readonly Element[] {
    if (!this.elements) this.elements = this.dom.paragraphElements();
    return this.elements;
  }

  /** True when the rendered paragraphs no longer match the cached ones (ProseMirror re-rendered). */
  isStale(): boolean {
    if (!this.elements) return false;
    const now = this.dom.paragraphElements();
    const old = this.elements;
    return now.length !== old.length || now[0] !== old[0] || now[now.length - 1] !== old[old.length - 1];
  }

  refresh(): void {
    this.elements = null;
    this.textCache.clear();
  }

  paragraphElement(i: number): Element | null {
    return this.paragraphs()[i] ?? null;
  }

  domPoint(p: ParagraphPoint): DomPoint | null {
    const el = this.paragraphElement(p.paragraph);
    if (!el) return null;
    let nodes = this.textCache.get(p.paragraph);
    if (!nodes) {
      nodes = this.dom.textNodes(el);
      this.textCache.set(p.paragraph, nodes);
    }
    const at = pointInNodes(nodes, p.offset);
    return at ? { node: nodes[at.index], offset: at.offset } : { node: el, offset: 0 };
  }

  /** Whether the code point span [start, end) covers any rendered text (not only separators). */
  hasText(start: number, end: number): boolean {
    return spanToRange(this.model, start, end) !== null;
  }

  /** DOM start and end points of the code point span [start, end); null when it has no rendered text. */
  points(start: number, end: number): [DomPoint, DomPoint] | null {
    const r = spanToRange(this.model, start, end);
    if (!r) return null;
    const a = this.domPoint(r.from);
    const b = this.domPoint(r.to);
    return a && b ? [a, b] : null;
  }

  /** Set `range` to the code point span [start, end); false when the span has no rendered text. */
  setRange(range: RangeLike, start: number, end: number): boolean {
    const p = this.points(start, end);
    if (!p) return false;
    range.setStart(p[0].node, p[0].offset);
    range.setEnd(p[1].node, p[1].offset);
    return true;
  }
}

/**
 * Where a DOM point falls in rendered paragraphs: the paragraph's index among `paragraphs` and the
 * UTF-16 offset of the point in its text; null when the point is outside them. The inverse of
 * TextDomLocator.domPoint, for any DOM of one element per paragraph (the editor's or the server's).
 */
export function paragraphPointOf(paragraphs: ArrayLike<Element>, node: Node, offset: number): ParagraphPoint | null {
  const list = Array.from(paragraphs);
  const paragraph = list.findIndex((p) => p === node || p.contains(node));
  if (paragraph < 0) return null;
  const before = node.ownerDocument!.createRange();
  before.setStart(list[paragraph]!, 0);
  before.setEnd(node, offset);
  return { paragraph, offset: before.toString().length };
}

/** Caret position under a viewport point, with the standard API or WebKit's older one. */
export function caretFromPoint(doc: Document, x: number, y: number): DomPoint | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === "function") {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === "function") {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/**
 * The caret sits between two characters; return the DOM point just before the character whose
 * box actually contains (x, y), or null when the pointer is not over a character (margins,
 * past a line's end).
 */
export function characterAtPoint(doc: Document, caret: DomPoint, x: number, y: number): DomPoint | null {
  const node = caret.node;
  if (node.nodeType !== Node.TEXT_NODE) return null;
  const data = (node as Text).data;
  const width = (i: number) => (i + 1 < data.length && /[\uD800-\uDBFF]/.test(data[i]) ? 2 : 1);
  const candidates = [caret.offset, caret.offset - 1, caret.offset - 2].filter((i) => i >= 0 && i < data.length);
  const range = doc.createRange();
  for (const i of candidates) {
    range.setStart(node, i);
    range.setEnd(node, Math.min(data.length, i + width(i)));
    for (const rect of Array.from(range.getClientRects())) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return { node, offset: i };
    }
  }
  return null;
}
