/**
 * Public API of the import text pipeline: decode bytes, detect/repair mojibake,
 * canonicalize (with an offset map from the decoded source), and hash the canonical text.
 * Framework-free; runs in Node and the browser.
 */
export { decodeBytes, sniffUtf16, type DecodeResult, type InvalidSequence } from "./decode";
export {
  detectAndRepairMojibake,
  repairedCharCount,
  type MojibakeKind,
  type RepairResult,
  type Replacement,
} from "./repair";
export { findUnrecoveredRuns, type Residue, type UnrecoveredRun } from "./mojibake-residue";
export { canonicalize, type CanonicalChange, type CanonicalChangeKind, type CanonicalReport } from "./canonical";
export { composeMaps } from "./source-map-compose";
export {
  canonicalToSource,
  sourceToCanonical,
  SourceMapBuilder,
  type MapBias,
  type SourceMap,
} from "./source-map";
export {
  prepareText,
  contentHash,
  decodedDescription,
  type ImportTextReport,
  type PrepareOptions,
  type PreparedText,
} from "./prepare";
