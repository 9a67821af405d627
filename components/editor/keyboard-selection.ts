/**
 * Keyboard selection in the non-editable reading view.
 *
 * Browsers only extend a selection in non-editable text with Shift+Arrow when it is already
 * non-collapsed (a caret from a click does not count unless caret browsing, F7, is on). Handling
 * Shift+Arrow/Home/End ourselves with `Selection.modify` (Chromium, Firefox, Safari) makes
 * keyboard selection work from a click or from Tab focus, and keeps the text read-only.
 */

type Alter = [direction: "left" | "right" | "forward" | "backward", granularity: "character" | "word" | "line" | "lineboundary"];

/** Selection.modify arguments for a key, or null when the key is not a selection key. */
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
      return ["backward", "lineboundary"];
    case "End":
      return ["forward", "lineboundary"];
    default:
      return null;
  }
}

type ModifiableSelection = Selection & { modify?: (alter: string, direction: string, granularity: string) => void };

/** First paragraph at least partly in the viewport: where a keyboard selection starts. */
function firstVisibleParagraph(root: HTMLElement): Element | null {
  for (const p of Array.from(root.children)) if (p.getBoundingClientRect().bottom > 0) return p;
  return root.firstElementChild;
}

/** Handle a keydown inside `root`; true when it extended the selection (caller prevents default). */
export function extendSelectionByKey(root: HTMLElement, e: KeyboardEvent): boolean {
  if (!e.shiftKey || e.metaKey) return false;
  const step = selectionStep(e.key, e.ctrlKey || e.altKey);
  const sel = root.ownerDocument.getSelection() as ModifiableSelection | null;
  if (!step || !sel || typeof sel.modify !== "function") return false;
  if (sel.rangeCount === 0 || !sel.anchorNode || !root.contains(sel.anchorNode)) {
    const start = firstVisibleParagraph(root);
    if (!start) return false;
    sel.collapse(start, 0);
  }
  sel.modify("extend", step[0], step[1]);
  return true;
}
