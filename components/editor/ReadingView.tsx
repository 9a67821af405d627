"use client";
/**
 * Read-only view of a document's canonical text with claim highlights (CSS Custom Highlight API).
 *
 * - Text is shown by TipTap (TipTapText.tsx, loaded on demand: doc > paragraph > text, editable:
 *   false); highlights are Ranges over the rendered text, never marks or decorations (see
 *   painter.ts for why).
 * - Selection: reported in code points, grapheme-snapped and trimmed, on mouseup/keyup at once
 *   and on selectionchange after SELECTION_DEBOUNCE_MS; a mouse selection snaps to whole words
 *   unless Alt is held. Keyboard: the content is focusable (tabIndex 0) and has a caret drawn by
 *   reading-caret.ts that Arrow/Home/End/PageUp/PageDown move (Shift extends, Ctrl/Alt by word),
 *   from a click, a selection, or the first visible paragraph after Tab focus; S selects the
 *   sentence, E extends to the next punctuation mark (keyboard-selection.ts).
 * - Layout: `reflow` shows a PDF's wrapped lines as flowing paragraphs (same offsets).
 * - Click on text with no selection: every claim covering the clicked character is reported
 *   (possibly none), found through an interval index.
 * - Progressive: on the server the text is rendered as plain paragraphs, and with a `prepaint` plan
 *   an inline script paints the highlights on them while the page is still loading (prepaint.ts).
 *   When TipTap has mounted, its view replaces those paragraphs in the same task as the painter
 *   repaints on it, so no frame shows the text without highlights; the reader's scroll position and
 *   selection are kept.
 * - `data-ready="true"` once highlights are painted (by the prepaint script or the painter),
 *   `data-painted-count` = painted spans; `data-interactive="true"` once the editor has taken over
 *   (selection, clicks on highlights and keyboard work from then on).
 */
import type { Editor } from "@tiptap/core";
import dynamic from "next/dynamic";
import { useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from "react";
import { buildTextModel, cpToPoint, type SelectedSpan, type TextLayout } from "@/lib/core/offsets";
import { diffClaims } from "./claim-diff";
import { browserTextDom, paragraphPointOf, TextDomLocator } from "./dom-text";
import { browserPainterEnv, CssHighlightPainter, type PaintClaim } from "./painter";
import { DEFAULT_HIGHLIGHT_PREFIX } from "./highlight-css";
import { prepaintScript, staticParagraphsHtml, type PrepaintPlan } from "./prepaint";
import { READING_VIEW_CLASS, READING_VIEW_CSS } from "./reading-styles";
import { moveByKey, selectByKey } from "./keyboard-selection";
import { attachCaret } from "./reading-caret";
import { claimIntervals, codePointAtPoint, sameSpan, selectionInView, snapSelectionToWords } from "./view-events";

/** TipTap loads after the page has hydrated: the text and highlights are on screen without it. */
const TipTapText = dynamic(() => import("./TipTapText"), { ssr: false });

/** The text's accessible name when the page gives none. */
const DEFAULT_LABEL = "Document text";

/** Wait for the selection to settle while a drag or key repeat is still moving it. */
const SELECTION_DEBOUNCE_MS = 150;

export interface ReadingViewHandle {
  scrollToOffset(cp: number): void;
  /**
   * Focuses the text with the code point span [start, end) as its selection (where caret and
   * Shift+Arrow keys continue from), or with the caret at its start (`caret`), the span scrolled into
   * view; false before the editor has loaded.
   */
  selectSpan(start: number, end: number, options?: { caret?: boolean }): boolean;
  /** Focuses the text, keeping its selection. */
  focusText(): void;
  /** Where the selection in the text starts (a caret counts), in code points; null when it is elsewhere. */
  caretOffset(): number | null;
}

export interface ReadingViewProps {
  text: string;
  claims: PaintClaim[];
  focusedClaimId?: string | null;
  onSelectionChange?(sel: SelectedSpan | null): void;
  onClaimsAtPoint?(ids: string[], point: { x: number; y: number }): void;
  /** The accessible name of the text (the editor root is a focusable "document"). */
  label?: string;
  /** Server-computed highlights for the server-rendered text, painted before the editor loads. */
  prepaint?: { plan: PrepaintPlan; nonce?: string };
  /** `reflow` joins lines wrapped at a page's margin (PDF text; see lib/core/offsets/reflow.ts). */
  layout?: TextLayout;
  ref?: Ref<ReadingViewHandle>;
}

/** Whether a box is within the window (vertically). */
const inViewport = (box: DOMRect) => box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;

/** A selection the reader made in the server-rendered paragraphs, as paragraph points (or null). */
function selectionIn(paragraphs: HTMLCollection) {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const r = sel.getRangeAt(0);
  const from = paragraphPointOf(paragraphs, r.startContainer, r.startOffset);
  const to = paragraphPointOf(paragraphs, r.endContainer, r.endOffset);
  return from && to ? { from, to } : null;
}

/** Where the reader is in the text: a paragraph and its distance from the viewport's top. */
function readingPosition(paragraphs: HTMLCollection): { index: number; top: number } | null {
  if (window.scrollY === 0) return null;
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.getBoundingClientRect().bottom < 0) lo = mid + 1;
    else hi = mid;
  }
  const el = paragraphs[lo];
  return el ? { index: lo, top: el.getBoundingClientRect().top } : null;
}

export function ReadingView({ ref, text, layout = "plain", ...props }: ReadingViewProps) {
  // `text` and `layout` stay out of `props`, which the handlers read through a ref: the text model
  // is derived from them alone.
  const { claims, focusedClaimId = null, label = DEFAULT_LABEL } = props;
  // Highlight names are `claim-<typeKey>` and `claim-focus` (one reading view per page).
  const prefix = DEFAULT_HIGHLIGHT_PREFIX;
  const model = useMemo(() => buildTextModel(text, layout), [text, layout]);
  const [editor, setEditor] = useState<Editor | null>(null);
  const latest = useRef(props);
  const painterRef = useRef<CssHighlightPainter | null>(null);
  const locatorRef = useRef<TextDomLocator | null>(null);
  const paintedRef = useRef<readonly PaintClaim[]>([]);
  const intervalsRef = useRef<{ claims: readonly PaintClaim[]; index: ReturnType<typeof claimIntervals> } | null>(null);
  const lastSelection = useRef<SelectedSpan | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const staticRef = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState({ ready: false, count: 0, supported: true, interactive: false });
  const rootId = useId();
  // Server-only markup: during hydration React keeps what the server sent for these elements (it
  // does not compare or rewrite dangerouslySetInnerHTML), and a page rendered in the browser (a
  // client-side navigation) skips straight to the editor.
  const onServer = typeof window === "undefined";
  const staticHtml = useMemo(() => (onServer ? staticParagraphsHtml(model) : ""), [onServer, model]);
  const script = onServer && props.prepaint ? prepaintScript(rootId, props.prepaint.plan) : "";

  useEffect(() => {
    latest.current = props;
  });

  const syncStatus = () => {
    const p = painterRef.current;
    if (!p) return;
    // Written to the DOM at once (the next React render writes the same values), so what the page
    // reports about its highlights never lags a render behind what is painted.
    const el = containerRef.current;
    if (el) {
      el.dataset.ready = "true";
      el.dataset.paintedCount = String(p.paintedCount);
    }
    setStatus({ ready: true, count: p.paintedCount, supported: p.supported, interactive: true });
  };

  // Painter lifecycle: one per rendered editor (TipTapText hands it over once its view is mounted).
  useEffect(() => {
    const container = containerRef.current;
    if (!editor || editor.isDestroyed || !container) return;
    performance.mark("reading-view:editor-ready");
    const root = editor.view.dom;
    // Take over from the server-rendered paragraphs, all in this task (no frame shows both or neither):
    // hide them (React removes them on the next render), show the editor's (the stylesheet keeps them
    // out of the layout until data-interactive), paint there, and put the reader back where they were,
    // with their selection, if any.
    const staticText = staticRef.current;
    const live = staticText && !staticText.hidden ? staticText.children : null;
    const position = live && readingPosition(live);
    const selected = live && selectionIn(live);
    if (staticText) staticText.hidden = true;
    container.dataset.interactive = "true";
    const locator = new TextDomLocator(model, browserTextDom(root));
    const painter = new CssHighlightPainter(locator, browserPainterEnv(document, prefix), { prefix });
    locatorRef.current = locator;
    painterRef.current = painter;
    paintedRef.current = latest.current.claims;
    painter.paint(latest.current.claims);
    painter.setFocus(latest.current.focusedClaimId ?? null);
    performance.mark("reading-view:painted");
    if (position) {
      const el = locator.paragraphElement(position.index);
      if (el) window.scrollBy(0, el.getBoundingClientRect().top - position.top);
    }
    // A selection made before the editor loaded moves over to the same words (and gets reported).
    const from = selected && locator.domPoint(selected.from);
    const to = selected && locator.domPoint(selected.to);
    if (from && to) {
      const range = document.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
    }
    syncStatus();
    // Ranges collapse when their text leaves the document, even if it comes straight back:
    // ProseMirror re-rendering paragraphs, or EditorContent re-parenting the view (it does on
    // every StrictMode remount). Any child-list change under the view -> one rebuild per frame.
    let frame = 0;
    const observer = new MutationObserver((records) => {
      // Changes beside the editor (the server-rendered paragraphs going away) are not changes of its text.
      const editorBox = root.parentElement;
      const beside = (n: Node) => n !== editorBox && !n.contains(root);
      if (records.every((r) => r.target === container && [...r.removedNodes, ...r.addedNodes].every(beside))) return;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!root.isConnected) return; // detached for now; re-attaching triggers another round
        painter.rebuild();
        syncStatus();
      });
    });
    observer.observe(container, { childList: true, subtree: true });
    const detachCaret = attachCaret(root, container);
    return () => {
      detachCaret();
      observer.disconnect();
      cancelAnimationFrame(frame);
      painter.destroy();
      painterRef.current = null;
      locatorRef.current = null;
      setStatus((s) => ({ ...s, ready: false, interactive: false }));
    };
  }, [editor, model, prefix]);

  // Claims changed: add/remove only what changed unless most of them did.
  useEffect(() => {
    const painter = painterRef.current;
    if (!painter || paintedRef.current === claims) return;
    const diff = diffClaims(paintedRef.current, claims);
    if (diff.full) painter.paint(claims);
    else {
      diff.removed.forEach((id) => painter.remove(id));
      diff.added.forEach((c) => painter.add(c));
    }
    paintedRef.current = claims;
    syncStatus();
  }, [claims]);

  useEffect(() => painterRef.current?.setFocus(focusedClaimId), [focusedClaimId, status.ready]);

  // Selection reporting: immediate on mouseup/keyup, debounced on selectionchange.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const view = editor.view;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A selection dragged with the mouse snaps to whole words unless Alt was held (exact characters).
    let drag: { exact: boolean } | null = null;
    const report = (snap = false) => {
      clearTimeout(timer);
      let span = selectionInView(view, model);
      if (snap && span) span = snapSelectionToWords(model, locatorRef.current, span);
      if (sameSpan(span, lastSelection.current)) return;
      lastSelection.current = span;
      latest.current.onSelectionChange?.(span);
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => report(), SELECTION_DEBOUNCE_MS);
    };
    const onClick = (e: MouseEvent) => {
      if (e.detail > 1) return;
      const hit = () => {
        const sel = document.getSelection();
        if (sel && !sel.isCollapsed) return; // the click ended a selection
        const cp = codePointAtPoint(view, model, e.clientX, e.clientY);
        const claimsNow = latest.current.claims;
        if (intervalsRef.current?.claims !== claimsNow) {
          intervalsRef.current = { claims: claimsNow, index: claimIntervals(claimsNow) };
        }
        const ids = cp === null ? [] : intervalsRef.current.index.at(cp).map((c) => c.id);
        latest.current.onClaimsAtPoint?.(ids, { x: e.clientX, y: e.clientY });
      };
      // A click inside a selection (a claim reached with ] or [) clears it only after this event: look then.
      const sel = document.getSelection();
      if (sel && !sel.isCollapsed) setTimeout(hit, 0);
      else hit();
    };
    const root = view.dom;
    const onKeyDown = (e: KeyboardEvent) => {
      const locator = locatorRef.current;
      if (moveByKey(root, e) || (locator && selectByKey(view, model, locator, e))) e.preventDefault();
    };
    const onMouseDown = (e: MouseEvent) => {
      drag = e.button === 0 ? { exact: e.altKey } : null;
    };
    const onMouseUp = (e: MouseEvent) => {
      if (!drag) return;
      const exact = drag.exact || e.altKey;
      drag = null;
      report(!exact);
    };
    const onKeyUp = () => report();
    document.addEventListener("selectionchange", later);
    root.addEventListener("keydown", onKeyDown);
    root.addEventListener("mousedown", onMouseDown);
    document.addEventListener("mouseup", onMouseUp);
    root.addEventListener("keyup", onKeyUp);
    root.addEventListener("click", onClick);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("selectionchange", later);
      root.removeEventListener("mousedown", onMouseDown);
      document.removeEventListener("mouseup", onMouseUp);
      root.removeEventListener("keyup", onKeyUp);
      root.removeEventListener("keydown", onKeyDown);
      root.removeEventListener("click", onClick);
    };
  }, [editor, model]);

  useImperativeHandle(
    ref,
    () => ({
      scrollToOffset(cp: number) {
        const el = locatorRef.current?.paragraphElement(cpToPoint(model, cp, "forward").paragraph);
        el?.scrollIntoView({ block: "center" });
      },
      selectSpan(start: number, end: number, options?: { caret?: boolean }) {
        const locator = locatorRef.current;
        const root = editor && !editor.isDestroyed ? editor.view.dom : null;
        const range = document.createRange();
        if (!locator || !root || !locator.setRange(range, start, end)) return false;
        root.focus({ preventScroll: true });
        // The paragraph first (content-visibility may not have laid it out), then the span itself when
        // the paragraph is taller than the window.
        if (!inViewport(range.getBoundingClientRect())) {
          locator.paragraphElement(cpToPoint(model, start, "forward").paragraph)?.scrollIntoView({ block: "center" });
          const box = range.getBoundingClientRect();
          if (!inViewport(box)) window.scrollBy(0, box.top - window.innerHeight / 3);
        }
        if (options?.caret) range.collapse(true);
        // ProseMirror's own selection too: on focus it may write its selection back over the page's.
        const pm = (cp: number) => model.positions.textToPm(model.index.toUtf16(cp), "forward");
        editor!.commands.setTextSelection({ from: pm(start), to: options?.caret ? pm(start) : pm(end) });
        const sel = document.getSelection();
        sel?.removeAllRanges();
        sel?.addRange(range);
        return true;
      },
      focusText() {
        if (editor && !editor.isDestroyed) editor.view.dom.focus({ preventScroll: true });
      },
      caretOffset() {
        const sel = document.getSelection();
        if (!editor || editor.isDestroyed || !sel || sel.rangeCount === 0) return null;
        const r = sel.getRangeAt(0);
        if (!editor.view.dom.contains(r.startContainer)) return null;
        try {
          return model.index.fromUtf16(model.positions.pmToText(editor.view.posAtDOM(r.startContainer, r.startOffset), "forward"));
        } catch {
          return null; // a point ProseMirror does not map (outside its paragraphs)
        }
      },
    }),
    [model, editor],
  );

  return (
    <div
      ref={containerRef}
      className={READING_VIEW_CLASS}
      data-testid="reading-view"
      id={rootId}
      data-ready={status.ready ? "true" : "false"}
      data-interactive={status.interactive ? "true" : "false"}
      data-painted-count={status.count}
      data-highlights={status.supported ? "supported" : "unsupported"}
      data-layout={layout}
      suppressHydrationWarning // the prepaint script sets data-ready and data-painted-count first
    >
      <style href="attest-reading-view" precedence="default">
        {READING_VIEW_CSS}
      </style>
      {!status.interactive && (
        <>
          <div ref={staticRef} className="reading-text" data-prepaint-text="" dangerouslySetInnerHTML={{ __html: staticHtml }} suppressHydrationWarning />
          {props.prepaint && <script nonce={props.prepaint.nonce} dangerouslySetInnerHTML={{ __html: script }} suppressHydrationWarning />}
        </>
      )}
      <TipTapText paragraphs={model.paragraphs} label={label} onEditor={setEditor} />
    </div>
  );
}
