/**
 * The import text pipeline: bytes or string -> decode -> mojibake detection (repair
 * applied only on request) -> canonical text, plus a report for the user and an offset map.
 *
 * Invariants:
 * - `canonical` and `original` are both canonical (canonical.ts); `original` is the text
 *   as decoded, before any repair, so the user can keep it instead; `originalReport` and
 *   `originalMap` describe that text as if it were the one kept (the repair declined).
 * - Mojibake is always detected and reported; `report.mojibake.applied` is true only when
 *   `opts.repair` was set and a repair was found.
 * - `map` goes from the decoded source (code points; a leading byte order mark consumed by the
 *   decoder is not part of it) to `canonical`, through the repair when one was applied;
 *   `report.offsets` says what it covers. Report positions are offsets in the decoded source,
 *   except `mojibake.unrecoveredRuns`: code-point offsets in the text the report describes.
 * - `report.replacementChars` counts U+FFFD in the final canonical text, whatever their origin.
 */
import { canonicalize, type CanonicalReport } from "./canonical";
import { describeCanonical } from "./change-lines";
import { decodeBytes, type DecodeResult } from "./decode";
import { detectAndRepairMojibake, repairedCharCount, residueFields, type RepairResult } from "./repair";
import { findUnrecoveredRuns } from "./mojibake-residue";
import { repairMap } from "./repair-map";
import { canonicalToSource, type SourceMap } from "./source-map";
import { composeMaps } from "./source-map-compose";

/** How many invalid-sequence offsets the report lists (the count is always complete). */
export const REPORTED_INVALID_OFFSETS = 10;
/** `encoding` reported when the input was already a JS string. */
export const STRING_INPUT_ENCODING = "string";

export interface ImportTextReport {
  /** How the text was obtained, for people: "UTF-8 text", "text layer of a 12-page PDF", "pasted text". */
  obtained: string;
  encoding: string;
  bom: boolean;
  invalidSequences: { count: number; firstOffsets: number[] };
  mojibake: Omit<RepairResult, "text">;
  canonical: CanonicalReport;
  /** What changed between the decoded source and the stored text (canonicalization), one line each. */
  changes: string[];
  /**
   * What the offset map covers: "identity" (offsets equal the source's), "map" (the map covers
   * every change), "unmapped-repair" (the repair could not be aligned: no map, offsets after the
   * first repair may differ from the source's).
   */
  offsets: "identity" | "map" | "unmapped-repair";
  replacementChars: number;
  warnings: string[];
}

export interface PreparedText {
  canonical: string;
  original: string;
  report: ImportTextReport;
  /** Decoded source -> canonical offsets; null when they are equal (or when `report.offsets` is "unmapped-repair"). */
  map: SourceMap | null;
  /** The report and map of `original`, for when the user keeps the text as decoded. */
  originalReport: ImportTextReport;
  originalMap: SourceMap | null;
}

const KIND_LABEL: Record<NonNullable<RepairResult["kind"]>, { codepage: string; description: string }> = {
  "utf8-as-cp1252": { codepage: "Windows-1252", description: "UTF-8 read as Windows-1252" },
  "utf8-as-gbk": { codepage: "GBK", description: "UTF-8 read as GBK" },
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** How many positions of unrecovered runs a warning line names (the report lists more). */
export const REPORTED_RUNS = 5;
const atCharacters = (starts: number[]) =>
  `${starts.length === 1 ? "at character" : "first at characters"} ${starts.slice(0, REPORTED_RUNS).join(", ")}`;

function buildWarnings(report: Omit<ImportTextReport, "warnings">, detected: RepairResult, repair: boolean, declined = false): string[] {
  const warnings: string[] = [];
  const { encoding, invalidSequences } = report;
  if (encoding !== "utf-8" && encoding !== STRING_INPUT_ENCODING && !encoding.startsWith("utf-16")) {
    warnings.push(`The file is not valid UTF-8; it was decoded as ${encoding}. Check that accented and non-Latin characters look right.`);
  }
  if (invalidSequences.count > 0) {
    const offsets = invalidSequences.firstOffsets.join(", ");
    warnings.push(
      `${plural(invalidSequences.count, "invalid byte sequence", "invalid byte sequences")} could not be decoded and ` +
        `${invalidSequences.count === 1 ? "is" : "are"} shown as � (first at byte offset${invalidSequences.count === 1 ? "" : "s"} ${offsets}).`,
    );
  }
  if (detected.kind) {
    const { codepage, description } = KIND_LABEL[detected.kind];
    const chars = repairedCharCount(detected.replacements);
    if (repair) {
      let line = `Repaired ${plural(chars, "character", "characters")} mis-decoded as ${codepage} (${description}).`;
      if (detected.unrecoverable > 0) {
        const lost = report.mojibake.unrecoveredRuns.filter((r) => r.kind === "lost");
        const at = lost.length > 0 ? ` (${atCharacters(lost.map((r) => r.start))})` : "";
        line += ` ${plural(detected.unrecoverable, "character", "characters")} could not be recovered and ${detected.unrecoverable === 1 ? "is" : "are"} shown as �${at}.`;
      }
      warnings.push(line);
    } else {
      const why = declined ? "the repair was declined and the text kept as decoded" : "they were left as they are. Import with repair to fix them";
      warnings.push(`${plural(chars, "character looks", "characters look")} mis-decoded as ${codepage} (${description}); ${why}.`);
    }
  }
  const { garbledRunCount, unrecoveredRuns } = report.mojibake;
  if (garbledRunCount > 0) {
    const first = unrecoveredRuns.filter((r) => r.kind === "garbled").slice(0, REPORTED_RUNS);
    // Without the repair, most of these are the mis-decoded characters the line above counts.
    const state = report.mojibake.applied || !detected.kind ? "could not be repaired and" : "were not repaired and";
    warnings.push(
      `${plural(garbledRunCount, "passage mixes", "passages mix")} Chinese or private-use characters into Latin words, ${state} ` +
        `${garbledRunCount === 1 ? "is" : "are"} left as in the file (${first.map((r) => `“${r.text}” at character ${r.start}`).join(", ")}${garbledRunCount > first.length ? ", …" : ""}).`,
    );
  }
  // U+FFFD not explained by the lines above were already in the input.
  const explained = invalidSequences.count + (repair ? detected.unrecoverable : 0);
  const preexisting = report.replacementChars - explained;
  if (preexisting > 0) {
    warnings.push(`The text already contained ${plural(preexisting, "� replacement character", "� replacement characters")} where characters had been lost before import.`);
  }
  return warnings;
}

/** Where the decoded source's offsets of a canonical report land when the repair map is known. */
function inSource(report: CanonicalReport, repair: SourceMap | null): CanonicalReport {
  if (!repair) return report;
  return { changes: report.changes.map((c) => ({ ...c, firstOffsets: c.firstOffsets.map((o) => canonicalToSource(repair, o)) })) };
}

export interface PrepareOptions {
  repair: boolean;
  /** How an HTML or Markdown file's bytes were decoded before its text was extracted. */
  decodedAs?: Omit<DecodeResult, "text">;
  /** How the text was obtained, when it is not bytes decoded here ("text layer of a 3-page PDF"). */
  obtained?: string;
}

/** "UTF-8 text", "Windows-1252 text" ... for text that was decoded from bytes. */
export function decodedDescription(encoding: string, bom: boolean): string {
  const name = encoding === "utf-8" ? "UTF-8" : encoding.toUpperCase().replace(/^WINDOWS/, "Windows");
  return `${name} text${bom ? " with a byte order mark" : ""}`;
}

/**
 * Bytes are decoded here. A string comes as it is, unless `decodedAs` says how it was decoded from
 * bytes (an HTML or Markdown file decoded before its text was extracted): then the report tells of
 * that decoding, its encoding and the bytes that were not valid, as it does for a text file.
 */
export function prepareText(input: Uint8Array | string, opts: PrepareOptions): PreparedText {
  const decoded =
    typeof input !== "string"
      ? decodeBytes(input)
      : { ...(opts.decodedAs ?? { encoding: STRING_INPUT_ENCODING, bom: false, invalidSequences: [] }), text: input };
  const detected = detectAndRepairMojibake(decoded.text);
  const applyRepair = opts.repair && detected.applied;
  const original = canonicalize(decoded.text);
  const repairAlignment = applyRepair ? repairMap(decoded.text, detected.text, detected.replacements) : { map: null };
  const final = applyRepair ? canonicalize(detected.text) : original;
  const obtained = opts.obtained ?? (decoded.encoding === STRING_INPUT_ENCODING ? "text given as a string" : decodedDescription(decoded.encoding, decoded.bom));

  // Every field the repair reports goes into the report (positions there are in the decoded text).
  const { text: _repairedText, ...detection } = detected;
  const reportFor = (text: string, canonical: CanonicalReport, repaired: boolean, map: SourceMap | null, unmapped: boolean) => {
    const partial: Omit<ImportTextReport, "warnings"> = {
      obtained,
      encoding: decoded.encoding,
      bom: decoded.bom,
      invalidSequences: {
        count: decoded.invalidSequences.length,
        firstOffsets: decoded.invalidSequences.slice(0, REPORTED_INVALID_OFFSETS).map((s) => s.byteOffset),
      },
      // Runs are found again in the text this report describes, so their positions are its own.
      mojibake: { ...detection, applied: repaired, ...residueFields(findUnrecoveredRuns(text, { includeLost: repaired && detected.unrecoverable > 0 })) },
      canonical,
      changes: describeCanonical(canonical, { leadingBom: decoded.bom, offsetsDiffer: map !== null || unmapped }),
      offsets: unmapped ? "unmapped-repair" : map ? "map" : "identity",
      replacementChars: countReplacementChars(text),
    };
    if (unmapped) partial.changes.push("The repair could not be mapped position by position: offsets after the first repaired character may differ from the source file's.");
    return partial;
  };

  const unmapped = repairAlignment === null;
  const map = unmapped ? null : composeMaps(repairAlignment.map, final.map);
  const partial = reportFor(final.text, inSource(final.report, repairAlignment?.map ?? null), applyRepair, map, unmapped);
  const report = { ...partial, warnings: buildWarnings(partial, detected, opts.repair) };
  if (!applyRepair) return { canonical: final.text, original: original.text, report, map, originalReport: report, originalMap: map };
  const originalPartial = reportFor(original.text, original.report, false, original.map, false);
  return {
    canonical: final.text,
    original: original.text,
    report,
    map,
    originalReport: { ...originalPartial, warnings: buildWarnings(originalPartial, detected, false, true) },
    originalMap: original.map,
  };
}

export function countReplacementChars(text: string): number {
  return text.match(/\uFFFD/g)?.length ?? 0;
}

/** SHA-256 (lower-case hex) of the canonical text's UTF-8 bytes; equal documents have equal hashes. */
export async function contentHash(canonical: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonical));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
