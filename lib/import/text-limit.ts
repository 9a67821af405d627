/**
 * The one check of a document's text length against maxTextChars, in code points (the unit of every
 * offset). Readers that produce text piece by piece (Word, PDF) check as they go, so they stop at the
 * cap instead of building the whole text; the service checks the final text of every source
 * (text files and pasted text included).
 */
import { importError, ImportError, type ImportErrorInfo } from "./errors";
import type { ImportLimits } from "./limits";

/** "5,000,000" */
const count = (n: number) => n.toLocaleString("en-US");

/** The error for a text over the cap, named after the file. */
export function textTooLongError(fileName: string, limits: Pick<ImportLimits, "maxTextChars">): ImportError {
  return importError("too_large", fileName, `the document has more than ${count(limits.maxTextChars)} characters of text, the limit for one document. Split it into parts and import them separately.`);
}

/** Code points in `text`, counted without building an array. */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Throws textTooLongError when `text` has more code points than the limit. */
export function checkTextLength(text: string, fileName: string, limits: Pick<ImportLimits, "maxTextChars">): void {
  // A string no longer in UTF-16 units than the cap cannot have more code points than it.
  if (text.length > limits.maxTextChars && codePointLength(text) > limits.maxTextChars) throw textTooLongError(fileName, limits);
}

/** The error info for `text` over the limit, or null: for callers outside lib/import, which raise their own errors. */
export function textLengthProblem(text: string, fileName: string, limits: Pick<ImportLimits, "maxTextChars">): ImportErrorInfo | null {
  try {
    checkTextLength(text, fileName, limits);
    return null;
  } catch (err) {
    if (err instanceof ImportError) return err.toInfo();
    throw err;
  }
}
