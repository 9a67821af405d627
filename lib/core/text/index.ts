/**
 * Public API of the import text pipeline: decode bytes, detect/repair mojibake,
 * canonicalize (with an offset map from the decoded source), and hash the canonical text.
 * Framework-free; runs in Node and the browser.
 */
export { decodeBytes, sniffUtf16, type DecodeResult } from "./decode";
export {
  detectAndRepairMojibake,
} from "./repair";
export {
  canonicalToSource,
  sourceToCanonical,
  type SourceMap,
} from "./source-map";
export {
  prepareText,
  contentHash,
  decodedDescription,
  type ImportTextReport,
} from "./prepare";
