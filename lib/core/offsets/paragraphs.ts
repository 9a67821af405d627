/**
 * Paragraphs of the canonical text and the text <-> ProseMirror position map.
 *
 * The reading view shows `doc(paragraph(text)*)`: paragraphs are the text between runs of two or
 * more newlines; a single `\n` stays inside its paragraph (rendered with white-space: pre-wrap).
 * Empty pieces (from leading/trailing separators) are not paragraphs; a text with no paragraph
 * text at all becomes one empty paragraph at offset 0, so the document is never empty.
 *
 * ProseMirror positions: paragraph i's content starts at 1 + sum_{j<i} (len_j + 2), since each
 * paragraph adds an opening and a closing token. Lengths are UTF-16 units on both sides, so the
 * map inside a paragraph is a shift; finding the paragraph is a binary search.
 *
 * Snapping (offsets that have no counterpart):
 * - text offsets inside a separator (or before the first / after the last paragraph) go to the
 *   nearest paragraph edge; a tie (the middle of "\n\n") goes to the END of the preceding paragraph
 *   with bias 'nearest' (default); 'backward' / 'forward' force the previous end / next start.
 * - ProseMirror positions between paragraphs (outside any paragraph's content) go, with
 *   'nearest' or 'backward', to the end of the preceding paragraph and with 'forward' to the start
 *   of the following one; positions outside the doc are clamped.
 * Round trip: for every text offset o inside a paragraph (start <= o <= end),
 * pmToText(textToPm(o)) === o; for every pm position p inside paragraph content,
 * textToPm(pmToText(p)) === p.
 */

export interface Paragraph {
  /** UTF-16 offset of the first character in the canonical text. */
  start: number;
  /** UTF-16 offset just past the last character (exclusive). */
  end: number;
  /**
   * The paragraph as shown: the canonical text from start to end, or in a reflowed layout the same
   * with joined line breaks shown as spaces (same length, so offsets inside it are canonical).
   */
  text: string;
}

export type SnapBias = "nearest" | "backward" | "forward";

const SEPARATOR = /\n{2,}/g;

export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    if (end > start) out.push({ start, end, text: text.slice(start, end) });
  };
  for (const m of text.matchAll(SEPARATOR)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  if (out.length === 0) out.push({ start: 0, end: 0, text: "" });
  return out;
}

/** Where a text offset lands: paragraph index and UTF-16 offset inside that paragraph. */
export interface ParagraphPoint {
  paragraph: number;
  offset: number;
}

export class PositionMap {
  readonly paragraphs: readonly Paragraph[];
  /** pm position where paragraph i's content starts. */
  private readonly pmStarts: number[];
  /** Size of the ProseMirror doc content (positions run 0..docSize). */
  readonly docSize: number;

  constructor(paragraphs: Paragraph[]) {
    this.paragraphs = paragraphs.length > 0 ? paragraphs : [{ start: 0, end: 0, text: "" }];
    this.pmStarts = [];
    let pos = 1;
    for (const p of this.paragraphs) {
      this.pmStarts.push(pos);
      pos += p.end - p.start + 2;
    }
    this.docSize = pos - 1;
  }

  /** Index of the last paragraph whose value (via key) is <= x, or 0 if none. */
  private search(x: number, key: (i: number) => number): number {
    let lo = 0;
    let hi = this.paragraphs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (key(mid) <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Paragraph and in-paragraph offset for a text offset, snapping separators per `bias`. */
  locate(u16: number, bias: SnapBias = "nearest"): ParagraphPoint {
    const ps = this.paragraphs;
    const i = this.search(u16, (k) => ps[k].start);
    const p = ps[i];
    if (u16 <= p.start) return { paragraph: i, offset: 0 }; // before the first paragraph
    if (u16 <= p.end) return { paragraph: i, offset: u16 - p.start };
    const next = ps[i + 1];
    if (!next) return { paragraph: i, offset: p.end - p.start }; // after the last paragraph
    const forward = bias === "forward" || (bias === "nearest" && next.start - u16 < u16 - p.end);
    return forward ? { paragraph: i + 1, offset: 0 } : { paragraph: i, offset: p.end - p.start };
  }

  textToPm(u16: number, bias: SnapBias = "nearest"): number {
    const { paragraph, offset } = this.locate(u16, bias);
    return this.pmStarts[paragraph] + offset;
  }

  /** Text offset of paragraph point (inverse of `locate` for in-paragraph points). */
  pointToText(point: ParagraphPoint): number {
    return this.paragraphs[point.paragraph].start + point.offset;
  }

  /** pm position where paragraph i's content starts. */
  pmStartOf(paragraph: number): number {
    return this.pmStarts[paragraph];
  }

  pmToText(pos: number, bias: SnapBias = "nearest"): number {
    const ps = this.paragraphs;
    const i = this.search(pos, (k) => this.pmStarts[k]);
    const p = ps[i];
    const len = p.end - p.start;
    const rel = pos - this.pmStarts[i];
    if (rel <= 0) return p.start; // before the first paragraph's content
    if (rel <= len) return p.start + rel;
    const next = ps[i + 1];
    if (next && bias === "forward") return next.start;
    return p.end;
  }
}
