"use client";
/**
 * Read-only view of a document's canonical text with claim highlights (CSS Custom Highlight API).
 *
 * - Text is shown by TipTap (TipTapText.tsx, loaded on demand: doc > paragraph > text, editable:
 *   false); highlights are Ranges over the rendered text, never marks or decorations (see
 *   painter.ts for why).
 * - Selection: reported in code points, grapheme-snapped and trimmed, on mouseup/keyup at once
 *   and on selectionchange after SELECTION_DEBOUNCE_MS. Keyboard: the content is focusable
 *   (tabIndex 0); Shift+Arrow/Home/End (Ctrl/Alt for words) extend the selection from a click,
 *   from an existing selection, or from the first visible paragraph after Tab focus
 *   (keyboard-selection.ts; browsers alone need caret browsing, F7, for that).
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
import { buildTextModel, cpToPoint, type SelectedSpan } from "@/lib/core/offsets";
import { diffClaims } from "./claim-diff";
import { browserTextDom, paragraphPointOf, TextDomLocator } from "./dom-text";
import { browserPainterEnv, CssHighlightPainter, type PaintClaim } from "./painter";
import { DEFAULT_HIGHLIGHT_PREFIX } from "./highlight-css";
import { prepaintScript, staticParagraphsHtml, type PrepaintPlan } from "./prepaint";
import { READING_VIEW_CLASS, READING_VIEW_CSS } from "./reading-styles";
import { extendSelectionByKey } from "./keyboard-selection";
import { claimIntervals, codePointAtPoint, sameSpan, selectionInView } from "./view-events";

/** TipTap loads after the page has hydrated: the text and highlights are on screen without it. */
const TipTapText = dynamic(() => import("./TipTapText"), { ssr: false });

/** The text's accessible name when the page gives none. */
const DEFAULT_LABEL = "Document text";

/** Wait for the selection to settle while a drag or key repeat is still moving it. */
const SELECTION_DEBOUNCE_MS = 150;

export interface ReadingViewHandle {
  scrollToOffset(cp: number): void;
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
  ref?: Ref<ReadingViewHandle>;
}

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

export function ReadingView({ ref, text, ...props }: ReadingViewProps) {
  // `text` stays out of `props`, which the handlers read through a ref: the text model is derived
  // from the text alone.
  const { claims, focusedClaimId = null, label = DEFAULT_LABEL } = props;
  // Highlight names are `claim-<typeKey>` and `claim-focus` (one reading view per page).
  const prefix = DEFAULT_HIGHLIGHT_PREFIX;
  const model = useMemo(() => buildTextModel(text), [text]);
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
    return () => {
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
    const report = () => {
      clearTimeout(timer);
      const span = selectionInView(view, model);
      if (sameSpan(span, lastSelection.current)) return;
      lastSelection.current = span;
      latest.current.onSelectionChange?.(span);
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(report, SELECTION_DEBOUNCE_MS);
    };
    const onClick = (e: MouseEvent) => {
      const sel = document.getSelection();
      if (e.detail > 1 || (sel && !sel.isCollapsed)) return;
      const cp = codePointAtPoint(view, model, e.clientX, e.clientY);
      const claimsNow = latest.current.claims;
      if (intervalsRef.current?.claims !== claimsNow) {
        intervalsRef.current = { claims: claimsNow, index: claimIntervals(claimsNow) };
      }
      const ids = cp === null ? [] : intervalsRef.current.index.at(cp).map((c) => c.id);
      latest.current.onClaimsAtPoint?.(ids, { x: e.clientX, y: e.clientY });
    };
    const root = view.dom;
    const onKeyDown = (e: KeyboardEvent) => {
      if (extendSelectionByKey(root, e)) e.preventDefault();
    };
    document.addEventListener("selectionchange", later);
    root.addEventListener("keydown", onKeyDown);
    root.addEventListener("mouseup", report);
    root.addEventListener("keyup", report);
    root.addEventListener("click", onClick);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("selectionchange", later);
      root.removeEventListener("mouseup", report);
      root.removeEventListener("keyup", report);
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
    }),
    [model],
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
