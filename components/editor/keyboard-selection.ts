/**
 * Keyboard caret and selection in the non-editable reading view.
 *
 * Browsers only move a caret in non-editable text with caret browsing (F7) on, and only extend a
 * selection with Shift+Arrow when it is already non-collapsed. Handling the keys ourselves with
 * `Selection.modify` (Chromium, Firefox, Safari) gives a caret that plain Arrow/Home/End/PageUp/
 * PageDown move from any point (a click, a selection, a claim navigated to), Shift to extend and
 * Ctrl/Alt by word, while the text stays read-only. The caret is drawn by reading-caret.ts.
 *
 * S selects the sentence around the caret and E extends the selection to the next punctuation mark
 * (lib/core/offsets/segments.ts, over the paragraph as shown, so a reflowed line break does not end
 * a sentence).
 */
import type { EditorView } from "@tiptap/pm/view";
import { nextPunctuationEnd, sentenceAt, type TextModel } from "@/lib/core/offsets";
import { caretFromPoint, type TextDomLocator } from "./dom-text";
import { codePointOfDomPoint, selectionInView } from "./view-events";

type Direction = "left" | "right" | "forward" | "backward";
type Granularity = "character" | "word" | "line" | "lineboundary" | "documentboundary" | "page";
type Alter = [direction: Direction, granularity: Granularity];

/** Selection.modify arguments for a key ("page": a window's height of lines), or null when the key does not move. */
export function selectionStep(key: string, byWord: boolean): Alter | null {
  const unit = byWord ? "word" : "character";
  switch (key) {
    case "ArrowLeft":
      return ["left", unit]; // visual direction: right-to-left text behaves as it looks
    case "ArrowRight":
      return ["right", unit];
    case "ArrowUp":
      return ["backward", "line"];
    case "ArrowDown":
      return ["forward", "line"];
    case "Home":
      return ["backward", byWord ? "documentboundary" : "lineboundary"];
    case "End":
      return ["forward", byWord ? "documentboundary" : "lineboundary"];
    case "PageUp":
      return ["backward", "page"];
    case "PageDown":
      return ["forward", "page"];
    default:
      return null;
  }
}

type ModifiableSelection = Selection & { modify?: (alter: string, direction: string, granularity: string) => void };

/** First paragraph at least partly in the viewport: where the caret starts when there is none. */
export function firstVisibleParagraph(root: HTMLElement): Element | null {
  for (const p of Array.from(root.children)) if (p.getBoundingClientRect().bottom > 0) return p;
  return root.firstElementChild;
}

/** Viewport box of the selection's moving end (its element's when it has no text box). */
function focusBox(sel: Selection): DOMRect | null {
  if (!sel.focusNode) return null;
  const r = sel.focusNode.ownerDocument!.createRange();
  r.setStart(sel.focusNode, sel.focusOffset);
  const box = r.getClientRects()[0] ?? r.getBoundingClientRect();
  if (box.height > 0) return box;
  const el = sel.focusNode.nodeType === Node.ELEMENT_NODE ? (sel.focusNode as Element) : sel.focusNode.parentElement;
  return el ? el.getBoundingClientRect() : null;
}

/** Moves (or extends) the selection to the start or end of the text itself (not the page's). */
function toTextBoundary(root: HTMLElement, sel: Selection, direction: Direction, alter: "move" | "extend") {
  const forward = direction === "forward" || direction === "right";
  const p = forward ? root.lastElementChild : root.firstElementChild;
  if (!p) return;
  const last = forward ? p.lastChild : null;
  const [node, offset] = last && last.nodeType === Node.TEXT_NODE ? [last, (last as Text).length] : [p, forward ? p.childNodes.length : 0];
  if (alter === "extend") sel.extend(node, offset);
  else sel.collapse(node, offset);
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * PageUp/PageDown: the window scrolls by most of its height and the caret keeps its place on the
 * screen (the text under it is laid out once the scroll has rendered, content-visibility being lazy);
 * at either end of the page, the caret goes to the text's start or end.
 */
async function pageStep(root: HTMLElement, sel: ModifiableSelection, direction: Direction, alter: "move" | "extend") {
  const box = focusBox(sel);
  const before = window.scrollY;
  window.scrollBy({ top: (direction === "forward" ? 1 : -1) * Math.round(window.innerHeight * 0.85), behavior: "instant" });
  await nextFrame();
  await nextFrame();
  const doc = root.ownerDocument;
  const rootBox = root.getBoundingClientRect();
  const x = Math.min(Math.max(box ? box.left + 1 : rootBox.left + 1, rootBox.left + 1), rootBox.right - 1);
  const y = Math.min(Math.max(box ? box.top + box.height / 2 : 1, 1), window.innerHeight - 1);
  const at = window.scrollY === before ? null : caretFromPoint(doc, x, y);
  if (at && root.contains(at.node)) {
    if (alter === "extend") sel.extend(at.node, at.offset);
    else sel.collapse(at.node, at.offset);
  } else toTextBoundary(root, sel, direction, alter);
  revealSelectionFocus(sel);
}

/** Scrolls the window just enough to show the selection's moving end (never away from it). */
function revealSelectionFocus(sel: Selection): void {
  const box = focusBox(sel);
  if (!box) return;
  const margin = Math.min(80, window.innerHeight / 4);
  if (box.top < margin) window.scrollBy(0, box.top - margin);
  else if (box.bottom > window.innerHeight - margin) window.scrollBy(0, box.bottom - window.innerHeight + margin);
}

/**
 * Handles a caret key inside `root`: moves the caret (plain), or extends the selection (Shift);
 * Ctrl/Alt by word. True when it did (the caller prevents the key's default, which would scroll).
 */
export function moveByKey(root: HTMLElement, e: KeyboardEvent): boolean {
  if (e.metaKey) return false;
  const step = selectionStep(e.key, e.ctrlKey || e.altKey);
  const sel = root.ownerDocument.getSelection() as ModifiableSelection | null;
  if (!step || !sel || typeof sel.modify !== "function") return false;
  if (sel.rangeCount === 0 || !sel.anchorNode || !root.contains(sel.anchorNode)) {
    const start = firstVisibleParagraph(root);
    if (!start) return false;
    sel.collapse(start, 0);
  }
  const alter = e.shiftKey ? "extend" : "move";
  const [direction, granularity] = step;
  if (granularity === "page") void pageStep(root, sel, direction, alter);
  else if (granularity === "documentboundary") {
    toTextBoundary(root, sel, direction, alter);
    revealSelectionFocus(sel);
  } else {
    sel.modify(alter, direction, granularity);
    revealSelectionFocus(sel);
  }
  return true;
}

/** Sets the document selection to the code point span [start, end), anchored at start. */
function selectSpan(locator: TextDomLocator, start: number, end: number): boolean {
  const points = locator.points(start, end);
  const sel = document.getSelection();
  if (!points || !sel) return false;
  sel.setBaseAndExtent(points[0].node, points[0].offset, points[1].node, points[1].offset);
  revealSelectionFocus(sel);
  return true;
}

/** The code point where the selection's moving end (the caret) is; null when it is not in the view. */
function caretCodePoint(view: EditorView, model: TextModel): number | null {
  const sel = document.getSelection();
  if (!sel || !sel.focusNode || !view.dom.contains(sel.focusNode)) return null;
  return codePointOfDomPoint(view, model, sel.focusNode, sel.focusOffset);
}

/** The sentence around code point `cp`, found in its paragraph as shown (a joined line break is a space). */
function sentenceAround(model: TextModel, cp: number) {
  const { paragraph } = model.positions.locate(model.index.toUtf16(cp), "forward");
  const p = model.paragraphs[paragraph]!;
  const base = model.index.fromUtf16(p.start);
  const local = sentenceAt(p.text, cp - base);
  return local && { start: base + local.start, end: base + local.end };
}

/**
 * S (sentence at the caret) and E (extend to the next punctuation mark) in the view; true when the
 * key was one of them and did something. Modifier keys leave them to the browser.
 */
export function selectByKey(view: EditorView, model: TextModel, locator: TextDomLocator, e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return false;
  const key = e.key.toLowerCase();
  if (key === "s") {
    const cp = caretCodePoint(view, model);
    const span = cp === null ? null : sentenceAround(model, cp);
    return span !== null && selectSpan(locator, span.start, span.end);
  }
  if (key === "e") {
    const current = selectionInView(view, model);
    const caret = caretCodePoint(view, model);
    const start = current ? current.start : caret;
    const from = current ? current.end : caret;
    if (start === null || from === null) return false;
    // Only as far as the end of the paragraph the selection ends in: a key press reads one paragraph.
    const { paragraph } = model.positions.locate(model.index.toUtf16(from), "forward");
    const end = nextPunctuationEnd(model.text, from, model.index, model.index.fromUtf16(model.paragraphs[paragraph]!.end));
    return end !== null && selectSpan(locator, start, end);
  }
  return false;
}
