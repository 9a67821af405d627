/**
 * Everything the reading view needs to translate offsets for one canonical text, built once.
 *
 * Code points (stored) -> UTF-16 (JS/DOM) -> paragraph + offset (rendered DOM) / pm position.
 * Invariant: all parts describe the same `text`; build a new model when the text changes.
 */
import { CodePointIndex, type Bias } from "./code-points";
import { PositionMap, splitParagraphs, type Paragraph, type ParagraphPoint } from "./paragraphs";
import { reflowParagraphs } from "./reflow";

/**
 * How the text is laid out in paragraphs: `plain` splits at blank lines and shows single line
 * breaks; `reflow` joins lines wrapped at a page's margin (a PDF's text layer; see reflow.ts).
 */
export type TextLayout = "plain" | "reflow";

export interface TextModel {
  readonly text: string;
  readonly index: CodePointIndex;
  readonly paragraphs: readonly Paragraph[];
  readonly positions: PositionMap;
  readonly layout: TextLayout;
}

export function buildTextModel(text: string, layout: TextLayout = "plain"): TextModel {
  const paragraphs = layout === "reflow" ? reflowParagraphs(text) : splitParagraphs(text);
  return { text, index: new CodePointIndex(text), paragraphs, positions: new PositionMap(paragraphs), layout };
}

/** Paragraph point of a code point offset; offsets in separators snap per `bias`. */
export function cpToPoint(model: TextModel, cp: number, bias: Bias): ParagraphPoint {
  return model.positions.locate(model.index.toUtf16(cp), bias);
}

export interface ParagraphRange {
  from: ParagraphPoint;
  to: ParagraphPoint;
}

/**
 * Rendered extent of the code point span [start, end): the start snaps forward and the end
 * backward out of separators (a start on a paragraph's end moves to the next paragraph, an end
 * at a paragraph's start to the previous one), so a span covering only separator newlines has no
 * extent (null).
 */
export function spanToRange(model: TextModel, start: number, end: number): ParagraphRange | null {
  if (!(end > start)) return null;
  let from = cpToPoint(model, start, "forward");
  let to = cpToPoint(model, end, "backward");
  // A bound sitting exactly on a paragraph edge next to a separator belongs to the inner side.
  const lengthOf = (i: number) => model.paragraphs[i].end - model.paragraphs[i].start;
  if (from.paragraph < to.paragraph && from.offset === lengthOf(from.paragraph)) {
    from = { paragraph: from.paragraph + 1, offset: 0 };
  }
  if (to.paragraph > from.paragraph && to.offset === 0) {
    to = { paragraph: to.paragraph - 1, offset: lengthOf(to.paragraph - 1) };
  }
  if (to.paragraph < from.paragraph) return null;
  if (to.paragraph === from.paragraph && to.offset <= from.offset) return null;
  return { from, to };
}
