/**
 * Public API of the import text pipeline: decode bytes, detect/repair mojibake,
 * canonicalize, and hash the canonical text. Framework-free; runs in Node and the browser.
 */
export { decodeBytes, sniffUtf16, type DecodeResult, type InvalidSequence } from "./decode";
export {
  detectAndRepairMojibake,
  repairedCharCount,
  type MojibakeKind,
  type RepairResult,
  type Replacement,
} from "./repair";
export { canonicalize, type CanonicalReport } from "./canonical";
export {
  prepareText,
  contentHash,
  type ImportTextReport,
  type PreparedText,
} from "./prepare";
