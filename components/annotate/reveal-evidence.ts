"use client";
/**
 * On narrow screens the claim form is a bottom sheet over the text (app/globals.css, "Below 1000 px").
 * When a claim opens there, the page scrolls its first evidence span into the part of the window the
 * sheet leaves free: below the bar that stays at the top, above the sheet at its tallest (so the sheet
 * growing as its fields load never covers it). Evidence already there is not moved.
 */
import { useCallback, useEffect, useRef } from "react";
import { buildTextModel, type TextLayout, type TextModel } from "@/lib/core/offsets";
import { browserTextDom, TextDomLocator } from "@/components/editor/dom-text";
import { READING_VIEW_CLASS } from "@/components/editor/reading-styles";
import { isNarrow } from "./ClaimsDrawer";

/** Space kept between the evidence and the edges of the free area, in px. */
const MARGIN = 12;
/**
 * Paragraphs out of view are laid out only when they come into view (content-visibility: auto), so
 * the text can still move for a few frames after a scroll: measure again, this many times at most.
 */
const SETTLE_PASSES = 4;

type Span = { start: number; end: number };

/** The vertical band of the window that neither the top bar nor the sheet (at its tallest) covers. */
function freeBand(): { top: number; bottom: number } {
  const bar = document.querySelector(".workspace-bar")?.getBoundingClientRect();
  const sheet = document.querySelector(".claim-sheet");
  const sheetMax = sheet ? parseFloat(getComputedStyle(sheet).maxHeight) : NaN;
  const covered = Number.isFinite(sheetMax) ? sheetMax : window.innerHeight * 0.6;
  return { top: Math.max(0, bar?.bottom ?? 0) + MARGIN, bottom: window.innerHeight - covered - MARGIN };
}

/** Scrolls the window so `range` sits in the free band (its start first when it is taller); true if it scrolled. */
function placeInBand(range: Range): boolean {
  const rect = range.getBoundingClientRect();
  const { top, bottom } = freeBand();
  if (rect.top >= top && rect.bottom <= bottom) return false;
  const delta = rect.height > bottom - top ? rect.top - top : rect.top + rect.height / 2 - (top + bottom) / 2;
  if (Math.abs(delta) < 1) return false;
  window.scrollBy({ top: delta, behavior: "instant" });
  return true;
}

const nextFrames = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/**
 * A function that reveals a span (code points) above the sheet on narrow screens and returns true;
 * on wide screens, or before the text is interactive, it does nothing and returns false.
 */
export function useRevealEvidence(text: string): (span: Span) => boolean {
  const model = useRef<{ text: string; model: TextModel } | null>(null);
  return useCallback((span: Span) => {
    if (!isNarrow()) return false;
    const root = document.querySelector<HTMLElement>(`.${READING_VIEW_CLASS} .ProseMirror`);
    if (!root) return false;
    // The paragraphs as the view lays them out (a PDF's wrapped lines joined, or not).
    const layout: TextLayout = root.closest("[data-layout]")?.getAttribute("data-layout") === "reflow" ? "reflow" : "plain";
    if (model.current?.text !== text || model.current.model.layout !== layout) model.current = { text, model: buildTextModel(text, layout) };
    const range = document.createRange();
    if (!new TextDomLocator(model.current.model, browserTextDom(root)).setRange(range, span.start, span.end)) return false;
    void (async () => {
      for (let pass = 0; pass < SETTLE_PASSES && placeInBand(range); pass++) await nextFrames();
    })();
    return true;
  }, [text]);
}

/**
 * Reveals the first evidence span each time another claim opens (`key` names the open claim or
 * draft; null when none is open), not on every edit of the form.
 */
export function useRevealOnOpen(reveal: (span: Span) => boolean, key: string | null, first: Span | undefined): void {
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (key === shown.current) return;
    shown.current = key;
    if (key && first) reveal(first);
  });
}
