/**
 * Turn a raw selection (UTF-16 offsets or ProseMirror positions) into a claim span in code points.
 *
 * Steps: order the bounds, widen to grapheme boundaries, trim surrounding whitespace (a reader's
 * drag usually catches a space or newline at an edge), re-widen in case trimming stopped inside a
 * cluster such as space + combining mark, convert to code points. The quote is cut from the
 * canonical text. Returns null when nothing but whitespace (or nothing) is selected.
 */
import { snapToGraphemes } from "./graphemes";
import type { TextModel } from "./text-model";

export interface SelectedSpan {
  start: number;
  end: number;
  exact: string;
}

const WHITESPACE = /\s/;

export function selectionToOffsets(model: TextModel, fromU16: number, toU16: number): SelectedSpan | null {
  const { text, index } = model;
  if (fromU16 === toU16) return null; // a caret, not a selection (do not widen it to a cluster)
  const snapped = snapToGraphemes(text, fromU16, toU16);
  let s = snapped.start;
  let e = snapped.end;
  while (s < e && WHITESPACE.test(text[s])) s++;
  while (e > s && WHITESPACE.test(text[e - 1])) e--;
  if (e <= s) return null;
  const final = snapToGraphemes(text, s, e);
  const start = index.fromUtf16(final.start);
  const end = index.fromUtf16(final.end);
  return { start, end, exact: text.slice(final.start, final.end) };
}

/**
 * Same, from ProseMirror positions (e.g. editor.state.selection or view.posAtDOM results).
 * A bound between paragraphs snaps into the selection: the start forward, the end backward.
 */
export function pmSelectionToOffsets(model: TextModel, pmFrom: number, pmTo: number): SelectedSpan | null {
  const a = Math.min(pmFrom, pmTo);
  const b = Math.max(pmFrom, pmTo);
  const from = model.positions.pmToText(a, "forward");
  const to = model.positions.pmToText(b, "backward");
  if (to <= from) return null;
  return selectionToOffsets(model, from, to);
}
