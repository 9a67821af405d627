/**
 * DOM selection / click -> canonical-text offsets for the reading view (browser only).
 *
 * Positions come from ProseMirror (`view.posAtDOM`) and go through the PositionMap and
 * CodePointIndex of the TextModel, so every quote is cut from the canonical text.
 */
import type { EditorView } from "@tiptap/pm/view";
import { IntervalIndex, pmSelectionToOffsets, type SelectedSpan, type TextModel } from "@/lib/core/offsets";
import { caretFromPoint, characterAtPoint } from "./dom-text";
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
