/**
 * Everything the reading view needs to translate offsets for one canonical text, built once.
 *
 * Code points (stored) -> UTF-16 (JS/DOM) -> paragraph + offset (rendered DOM) / pm position.
 * Invariant: all parts describe the same `text`; build a new model when the text changes.
 */
import { CodePointIndex, type Bias } from "./code-points";
import { PositionMap, splitParagraphs, type Paragraph, type ParagraphPoint } from "./paragraphs";

export interface TextModel {
  readonly text: string;
  readonly index: CodePointIndex;
  readonly paragraphs: readonly Paragraph[];
  readonly positions: PositionMap;
}

export function buildTextModel(text: string): TextModel {
  const paragraphs = splitParagraphs(text);
  return { text, index: new CodePointIndex(text), paragraphs, positions: new PositionMap(paragraphs) };
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
 * backward out of separators, so a span covering only separator newlines has no extent (null).
 */
export function spanToRange(model: TextModel, start: number, end: number): ParagraphRange | null {
  if (!(end > start)) return null;
  const from = cpToPoint(model, start, "forward");
  const to = cpToPoint(model, end, "backward");
  if (to.paragraph < from.paragraph) return null;
  if (to.paragraph === from.paragraph && to.offset <= from.offset) return null;
  return { from, to };
}
