/**
 * Reflowed paragraphs for text with hard line breaks (a PDF's text layer): lines wrapped at the
 * page's margin are shown as one paragraph that flows to the view's width, paragraph breaks kept.
 *
 * The canonical text never changes. A paragraph is still a [start, end) range of it, and its display
 * text has the same length: each character of a joined line break (newlines, and the blanks of an
 * empty line between) shows as a space, or as a zero-width space after a hyphen ("IS-" + "KP" reads
 * "IS-KP"). So UTF-16 offsets inside a paragraph are the canonical ones, and selections, highlights
 * and clicks map exactly. White-space-only lines are never paragraphs of their own.
 *
 * Which breaks join is read from the text: PDF extraction writes a line break as one newline, or as
 * a blank line when lines are widely spaced, and a paragraph break as a larger gap.
 * - The line gap is the usual number of newlines after a full-width line (a line at least
 *   FULL_LINE of the text's typical line length); a break with more newlines is a paragraph break.
 * - A break after a full-width line joins (the line ended at the margin, even where a sentence ends).
 * - A break after a shorter line joins only when the next line starts in lower case (a sentence
 *   going on) or the line ends in a hyphenated word; otherwise the short line ended its paragraph
 *   (a heading, a paragraph's last line).
 * - A line starting with a list marker (•, –, "1.", "a)") starts a paragraph.
 */
import type { Paragraph } from "./paragraphs";

/** A line this share of the typical line length or longer was wrapped at the margin. */
const FULL_LINE = 0.7;
/** The typical line length: this quantile of the content lines' lengths. */
const TYPICAL_QUANTILE = 0.8;

const LIST_MARKER = /^(?:[•●▪◦‣∙·*–—-]\s|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s)/u;
const STARTS_LOWER = /^["'“‘(]*\p{Ll}/u;
const HYPHENATED = /\p{L}[-\u2010\u2011]$/u;

interface Line {
  start: number;
  end: number;
  /** Where the line's words start and end (white space around them left out). */
  wordsStart: number;
  wordsEnd: number;
  length: number;
  content: string;
}

function contentLines(text: string): Line[] {
  const lines: Line[] = [];
  let from = 0;
  while (from <= text.length) {
    const nl = text.indexOf("\n", from);
    const end = nl === -1 ? text.length : nl;
    const raw = text.slice(from, end);
    const content = raw.trim();
    const wordsStart = from + raw.length - raw.trimStart().length;
    if (content) lines.push({ start: from, end, wordsStart, wordsEnd: wordsStart + content.length, length: content.length, content });
    if (nl === -1) break;
    from = nl + 1;
  }
  return lines;
}

function newlinesBetween(text: string, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Paragraphs of `text` with wrapped lines joined (see the module notes). */
export function reflowParagraphs(text: string): Paragraph[] {
  const lines = contentLines(text);
  if (lines.length === 0) return [{ start: 0, end: 0, text: "" }];
  const lengths = lines.map((l) => l.length).sort((x, y) => x - y);
  const typical = lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * TYPICAL_QUANTILE))]!;
  const full = (l: Line) => l.length >= FULL_LINE * typical;
  const gaps = lines.slice(1).map((l, i) => newlinesBetween(text, lines[i]!.end, l.start));
  // The usual gap after a full line (ties: the smaller), else one newline.
  const counts = new Map<number, number>();
  gaps.forEach((g, i) => full(lines[i]!) && counts.set(g, (counts.get(g) ?? 0) + 1));
  let lineGap = 1;
  let best = 0;
  for (const [g, n] of counts) if (n > best || (n === best && g < lineGap)) [lineGap, best] = [g, n];

  const joins = (i: number): boolean => {
    const prev = lines[i]!;
    const next = lines[i + 1]!;
    if (gaps[i]! > lineGap || LIST_MARKER.test(next.content)) return false;
    return full(prev) || HYPHENATED.test(prev.content) || STARTS_LOWER.test(next.content);
  };

  const out: Paragraph[] = [];
  let first = 0;
  for (let i = 0; i < lines.length; i++) {
    if (i < lines.length - 1 && joins(i)) continue;
    const start = lines[first]!.start;
    const end = lines[i]!.end;
    let shown = "";
    let at = start;
    for (let k = first; k < i; k++) {
      const line = lines[k]!;
      // From the end of this line's words to the start of the next line's words.
      const a = line.wordsEnd;
      const b = lines[k + 1]!.wordsStart;
      const hyphen = HYPHENATED.test(line.content);
      shown += text.slice(at, a) + text.slice(a, b).replace(/\s/g, (c) => (hyphen ? "\u200B" : c === "\n" ? " " : c));
      at = b;
    }
    shown += text.slice(at, end);
    out.push({ start, end, text: shown });
    first = i + 1;
  }
  return out;
}

/**
 * Whether a text that is not a PDF still reads like a PDF's text layer (a report saved as text):
 * many lines, nearly all wrapped at one width (few much longer), and lines often going on in lower
 * case after a break. Texts with a paragraph per line fail the width test by far.
 */
export function looksHardWrapped(text: string): boolean {
  const lines = contentLines(text);
  if (lines.length < 12) return false;
  const lengths = lines.map((l) => l.length).sort((x, y) => x - y);
  const typical = lengths[Math.floor(lengths.length * TYPICAL_QUANTILE)]!;
  if (typical < 30 || typical > 200) return false;
  const share = (n: number) => n / lines.length;
  const full = share(lines.filter((l) => l.length >= FULL_LINE * typical).length);
  const longer = share(lines.filter((l) => l.length > 1.3 * typical).length);
  const goingOn = share(lines.slice(1).filter((l) => STARTS_LOWER.test(l.content)).length);
  return full >= 0.6 && longer <= 0.05 && goingOn >= 0.25;
}
