/** Offset bridge: code points (stored) <-> UTF-16 (JS/DOM) <-> ProseMirror positions. */
export { CodePointIndex, cpLength, sliceCp, splitsSurrogatePair, type Bias } from "./code-points";
export { snapToGraphemes, type U16Range } from "./graphemes";
export {
  DEFAULT_CONTEXT_LENGTH,
  makeSelector,
  validateSpan,
  type Selector,
  type Span,
  type SpanCheck,
  type SpanProblem,
} from "./selector";
export { PositionMap, splitParagraphs, type Paragraph, type ParagraphPoint, type SnapBias } from "./paragraphs";
export { IntervalIndex, type IntervalEntry } from "./interval-index";
export { buildTextModel, cpToPoint, spanToRange, type ParagraphRange, type TextModel } from "./text-model";
export { pmSelectionToOffsets, selectionToOffsets, type SelectedSpan } from "./selection-to-offsets";
export { quotePreview } from "./quote-preview";
