/**
 * The canonical form of a document's text: the one string every offset, annotation and
 * content hash refers to.
 *
 * Policy (applied in this order, so removing a character can never leave work for a
 * second pass):
 * 1. Newlines: CRLF, lone CR, U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR -> LF.
 * 2. Control characters removed: C0 controls except TAB and LF (NUL, VT, FF, ESC...),
 *    DEL, and C1 controls U+0080..U+009F.
 * 3. U+FEFF (byte order mark / zero-width no-break space) removed wherever it appears.
 * 4. Unicode NFC normalization (`e` + U+0301 -> `é`).
 * 5. Edges: whitespace-only lines at the start are removed (the first content line keeps
 *    its indentation); all whitespace after the last non-whitespace character is removed,
 *    so the text never ends with a newline.
 * Everything else is content and kept as is: tabs, NBSP, runs of spaces, blank lines
 * between paragraphs, U+FFFD.
 *
 * Invariants: idempotent (canonicalize(canonicalize(x).text).text === canonicalize(x).text);
 * the result contains no CR, no NUL, no U+FEFF, no U+2028/U+2029 and is NFC.
 */

/** What counts as a newline to be converted to LF. */
export const NEWLINE_PATTERN = /\r\n|\r|\u2028|\u2029/g;
/** Controls that are removed: C0 except TAB (09) and LF (0A), DEL, C1. CR is already gone. */
export const REMOVED_CONTROLS_PATTERN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
export const BOM_PATTERN = /\uFEFF/g;
/** Whitespace-only lines at the start of the text. */
export const LEADING_BLANK_LINES_PATTERN = /^(?:[^\S\n]*\n)+/;
/** Whitespace (JS \s: spaces, tabs, NBSP, newlines...) at the very end. */
export const TRAILING_WHITESPACE_PATTERN = /\s+$/;
export const NORMALIZATION_FORM = "NFC";

export interface CanonicalReport {
  /** Line breaks converted to LF (a CRLF pair counts once). */
  newlinesNormalized: number;
  /** C0/DEL/C1 control characters removed. */
  controlsRemoved: number;
  /** Whether NFC normalization changed the text. */
  normalizationChanged: boolean;
  /** U+FEFF characters removed (a leading BOM and any inside the text). */
  bomRemoved: number;
  /** Characters removed at the start and end (blank lines, trailing whitespace). */
  edgeCharsTrimmed: number;
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

export function canonicalize(input: string): { text: string; report: CanonicalReport } {
  const newlinesNormalized = countMatches(input, NEWLINE_PATTERN);
  let text = newlinesNormalized ? input.replace(NEWLINE_PATTERN, "\n") : input;

  const controlsRemoved = countMatches(text, REMOVED_CONTROLS_PATTERN);
  if (controlsRemoved) text = text.replace(REMOVED_CONTROLS_PATTERN, "");

  const bomRemoved = countMatches(text, BOM_PATTERN);
  if (bomRemoved) text = text.replace(BOM_PATTERN, "");

  const normalized = text.normalize(NORMALIZATION_FORM);
  const normalizationChanged = normalized !== text;
  text = normalized;

  const beforeTrim = text.length;
  text = text.replace(LEADING_BLANK_LINES_PATTERN, "").replace(TRAILING_WHITESPACE_PATTERN, "");

  return {
    text,
    report: {
      newlinesNormalized,
      controlsRemoved,
      normalizationChanged,
      bomRemoved,
      edgeCharsTrimmed: beforeTrim - text.length,
    },
  };
}
