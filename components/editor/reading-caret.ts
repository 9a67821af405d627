/**
 * The caret of the reading view. A collapsed selection in non-editable text is invisible unless
 * caret browsing is on, so the view draws its own: an aria-hidden bar at the collapsed selection,
 * shown only while the text has focus, blinking unless the reader prefers reduced motion (CSS in
 * reading-styles.ts). Screen readers follow the selection itself.
 *
 * Where the caret starts when the text gets focus: where the selection already is; else where the
 * last selection in the text ended (a claim navigated to, a selection tagged); else, when focus came
 * from the keyboard, at the first visible paragraph. A click places it at the click point (the
 * browser collapses the selection there).
 */
import { firstVisibleParagraph } from "./keyboard-selection";

const CARET_CLASS = "reading-caret";

/** Draws and places the caret for the text `root` inside `container` (positioned); returns the clean-up. */
export function attachCaret(root: HTMLElement, container: HTMLElement): () => void {
  const doc = root.ownerDocument;
  const caret = doc.createElement("div");
  caret.className = CARET_CLASS;
  caret.setAttribute("aria-hidden", "true");
  caret.hidden = true;
  container.appendChild(caret);
  let last: { node: Node; offset: number } | null = null;
  let frame = 0;

  const inRoot = (sel: Selection | null): boolean => Boolean(sel && sel.rangeCount > 0 && sel.focusNode && root.contains(sel.focusNode));

  const draw = () => {
    frame = 0;
    const sel = doc.getSelection();
    if (!sel || doc.activeElement !== root || !inRoot(sel) || !sel.isCollapsed) {
      caret.hidden = true;
      return;
    }
    const range = doc.createRange();
    range.setStart(sel.focusNode!, sel.focusOffset);
    let box = range.getClientRects()[0] ?? range.getBoundingClientRect();
    if (box.height === 0) {
      // An empty paragraph or an element boundary has no text box: use the line of the element.
      const el = sel.focusNode!.nodeType === Node.ELEMENT_NODE ? (sel.focusNode as Element) : sel.focusNode!.parentElement;
      const child = el?.children[sel.focusOffset] ?? el;
      if (child) {
        const r = child.getBoundingClientRect();
        box = new DOMRect(r.left, r.top, 0, Math.min(r.height, parseFloat(getComputedStyle(child).lineHeight) || r.height));
      }
    }
    const origin = container.getBoundingClientRect();
    caret.style.left = `${box.left - origin.left}px`;
    caret.style.top = `${box.top - origin.top}px`;
    caret.style.height = `${box.height}px`;
    caret.hidden = false;
    // Restart the blink: a moving caret stays visible.
    caret.classList.remove("blink");
    void caret.offsetWidth;
    caret.classList.add("blink");
  };
  const update = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };

  const onSelection = () => {
    const sel = doc.getSelection();
    if (sel && inRoot(sel)) last = { node: sel.focusNode!, offset: sel.focusOffset };
    // The selection was taken away (tagged as a claim's evidence) while the text has focus: the
    // caret stays where it ended.
    else if (sel && sel.rangeCount === 0 && doc.activeElement === root && last?.node.isConnected && root.contains(last.node)) sel.collapse(last.node, last.offset);
    update();
  };
  const onFocus = () => {
    const sel = doc.getSelection();
    if (sel && !inRoot(sel)) {
      if (last && last.node.isConnected && root.contains(last.node)) sel.collapse(last.node, last.offset);
      else if (root.matches(":focus-visible")) {
        const p = firstVisibleParagraph(root);
        if (p) sel.collapse(p, 0);
      }
    }
    update();
  };

  doc.addEventListener("selectionchange", onSelection);
  root.addEventListener("focus", onFocus);
  root.addEventListener("blur", update);
  window.addEventListener("resize", update);
  return () => {
    cancelAnimationFrame(frame);
    doc.removeEventListener("selectionchange", onSelection);
    root.removeEventListener("focus", onFocus);
    root.removeEventListener("blur", update);
    window.removeEventListener("resize", update);
    caret.remove();
  };
}
