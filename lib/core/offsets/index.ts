/** Offset bridge: code points (stored) <-> UTF-16 (JS/DOM) <-> ProseMirror positions. */
export { CodePointIndex, cpLength, sliceCp, splitsSurrogatePair } from "./code-points";
export { snapToGraphemes } from "./graphemes";
export {
  makeSelector,
  validateSpan,
} from "./selector";
export { PositionMap, splitParagraphs, type Paragraph, type ParagraphPoint } from "./paragraphs";
export { IntervalIndex } from "./interval-index";
export { buildTextModel, cpToPoint, spanToRange, type TextLayout, type TextModel } from "./text-model";
export { nextPunctuationEnd, sentenceAt, snapToWords } from "./segments";
export { looksHardWrapped } from "./reflow";
export { pmSelectionToOffsets, selectionToOffsets, type SelectedSpan } from "./selection-to-offsets";
export { quotePreview } from "./quote-preview";
