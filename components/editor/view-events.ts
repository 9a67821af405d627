/**
 * DOM selection / click -> canonical-text offsets for the reading view (browser only).
 *
 * Positions come from ProseMirror (`view.posAtDOM`) and go through the PositionMap and
 * CodePointIndex of the TextModel, so every quote is cut from the canonical text.
 */
import type { EditorView } from "@tiptap/pm/view";
import { IntervalIndex, pmSelectionToOffsets, sliceCp, snapToWords, type SelectedSpan, type TextModel } from "@/lib/core/offsets";
import { caretFromPoint, characterAtPoint, type TextDomLocator } from "./dom-text";
import type { PaintClaim } from "./painter";

function safePosAtDOM(view: EditorView, node: Node, offset: number): number | null {
  try {
    return view.posAtDOM(node, offset);
  } catch {
    return null; // node not inside the editor
  }
}

/** The reading view's share of the current DOM selection, in code points; null if none. */
export function selectionInView(view: EditorView, model: TextModel): SelectedSpan | null {
  const root = view.dom;
  const sel = root.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  const docEnd = model.positions.docSize;
  // An endpoint outside the view (selection dragged past it) clamps to the view's edge.
  const from = root.contains(range.startContainer) ? safePosAtDOM(view, range.startContainer, range.startOffset) : 0;
  const to = root.contains(range.endContainer) ? safePosAtDOM(view, range.endContainer, range.endOffset) : docEnd;
  if (from === null || to === null) return null;
  return pmSelectionToOffsets(model, from, to);
}

/** Code point index of the character under (x, y) in the view, or null when not over text. */
export function codePointAtPoint(view: EditorView, model: TextModel, x: number, y: number): number | null {
  const doc = view.dom.ownerDocument;
  const caret = caretFromPoint(doc, x, y);
  if (!caret || !view.dom.contains(caret.node)) return null;
  const ch = characterAtPoint(doc, caret, x, y);
  if (!ch) return null;
  const pos = safePosAtDOM(view, ch.node, ch.offset);
  if (pos === null) return null;
  return model.index.fromUtf16(model.positions.pmToText(pos, "forward"));
}

/** Code point offset of a DOM point in the view (between paragraphs: the next one's start); null outside it. */
export function codePointOfDomPoint(view: EditorView, model: TextModel, node: Node, offset: number): number | null {
  const pos = safePosAtDOM(view, node, offset);
  return pos === null ? null : model.index.fromUtf16(model.positions.pmToText(pos, "forward"));
}

/**
 * A selection's span widened to whole words (a bound inside a word moves to its edge), with the DOM
 * selection set to match so the reader sees what is reported. The span itself when nothing changes.
 */
export function snapSelectionToWords(model: TextModel, locator: TextDomLocator | null, span: SelectedSpan): SelectedSpan {
  const snapped = snapToWords(model.text, span.start, span.end, model.index);
  if (snapped.start === span.start && snapped.end === span.end) return span;
  const points = locator?.points(snapped.start, snapped.end);
  const sel = document.getSelection();
  if (!points || !sel) return span;
  // Keep the direction the reader dragged in (Shift+Arrow then extends the end they were moving).
  const { anchorNode, focusNode } = sel;
  const backward = anchorNode && focusNode && (anchorNode === focusNode ? sel.focusOffset < sel.anchorOffset : (anchorNode.compareDocumentPosition(focusNode) & Node.DOCUMENT_POSITION_PRECEDING) !== 0);
  const [a, b] = backward ? [points[1], points[0]] : points;
  sel.setBaseAndExtent(a.node, a.offset, b.node, b.offset);
  return { start: snapped.start, end: snapped.end, exact: sliceCp(model.text, snapped.start, snapped.end, model.index) };
}

/** Interval index over every span of every claim (hit-testing; the Highlight API has no elements). */
export function claimIntervals(claims: readonly PaintClaim[]): IntervalIndex<{ id: string }> {
  const entries: { item: { id: string }; start: number; end: number }[] = [];
  for (const c of claims) {
    const item = { id: c.id };
    for (const s of c.spans) entries.push({ item, start: s.start, end: s.end });
  }
  return new IntervalIndex(entries);
}

export function sameSpan(a: SelectedSpan | null, b: SelectedSpan | null): boolean {
  return a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end);
}
