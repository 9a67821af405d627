/**
 * Joins a PDF page's text items (pdf.js getTextContent) into lines and paragraphs.
 * Rules, in order, between one item and the next:
 *  - the previous item ended its line (hasEOL) or the baseline moved by more than LINE_SHIFT of
 *    the font size: a line break, or a blank line if the vertical gap is over PARAGRAPH_GAP lines;
 *  - same line, with a horizontal gap wider than WORD_GAP of the font size and no space on
 *    either side already: one space;
 *  - otherwise the strings are joined as they are (pdf.js splits words at font or kerning changes).
 * Invariant: the output only contains the items' strings plus inserted spaces and newlines.
 */
export type PdfTextItem = { str: string; hasEOL?: boolean; transform: number[]; width: number; height: number };

/** A baseline move larger than this share of the font size is a new line (superscripts move less). */
const LINE_SHIFT = 0.5;
/** A vertical step larger than this many line heights is a paragraph break. */
const PARAGRAPH_GAP = 1.8;
/** A horizontal gap larger than this share of the font size separates words. */
const WORD_GAP = 0.15;

const fontSize = (item: PdfTextItem) => Math.hypot(item.transform[2], item.transform[3]) || item.height || 1;

export function joinPageItems(items: PdfTextItem[]): string {
  let out = "";
  let prev: PdfTextItem | null = null;
  let lineStep = 0; // the last seen baseline distance between consecutive lines, to tell paragraph gaps
  let pendingEol = false;
  for (const item of items) {
    if (!item.str) {
      // pdf.js emits empty items that only carry an end-of-line flag.
      if (item.hasEOL) pendingEol = true;
      continue;
    }
    if (prev) {
      const size = fontSize(item);
      const dy = Math.abs(item.transform[5] - prev.transform[5]);
      if (pendingEol || prev.hasEOL || dy > LINE_SHIFT * size) {
        const step = dy > LINE_SHIFT * size ? dy : 0;
        const paragraph = step > 0 && step > PARAGRAPH_GAP * Math.max(lineStep || size * 1.2, size);
        if (step > 0 && !paragraph) lineStep = step;
        out += paragraph ? "\n\n" : "\n"; // trailing blanks of the line go at the end, all lines at once
      } else {
        const gap = item.transform[4] - (prev.transform[4] + prev.width);
        if (gap > WORD_GAP * size && !/\s/.test(out.slice(-1)) && !/^\s/.test(item.str)) out += " ";
      }
    }
    out += item.str;
    pendingEol = false;
    prev = item;
  }
  return out.replace(/[ \t]+$/gm, "").trim();
}
