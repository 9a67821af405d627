/**
 * The import text pipeline: bytes or string -> decode -> mojibake detection (repair
 * applied only on request) -> canonical text, plus a report for the user.
 *
 * Invariants:
 * - `canonical` and `original` are both canonical (canonical.ts); `original` is the text
 *   as decoded, before any repair, so the user can keep it instead.
 * - Mojibake is always detected and reported; `report.mojibake.applied` is true only when
 *   `opts.repair` was set and a repair was found.
 * - `report.replacementChars` counts U+FFFD in the final canonical text, whatever their origin.
 */
import { canonicalize, type CanonicalReport } from "./canonical";
import { decodeBytes, type DecodeResult } from "./decode";
import { detectAndRepairMojibake, repairedCharCount, type RepairResult } from "./repair";

/** How many invalid-sequence offsets the report lists (the count is always complete). */
export const REPORTED_INVALID_OFFSETS = 10;
/** `encoding` reported when the input was already a JS string. */
export const STRING_INPUT_ENCODING = "string";

export interface ImportTextReport {
  encoding: string;
  bom: boolean;
  invalidSequences: { count: number; firstOffsets: number[] };
  mojibake: Omit<RepairResult, "text">;
  canonical: CanonicalReport;
  replacementChars: number;
  warnings: string[];
}

export interface PreparedText {
  canonical: string;
  original: string;
  report: ImportTextReport;
}

const KIND_LABEL: Record<NonNullable<RepairResult["kind"]>, { codepage: string; description: string }> = {
  "utf8-as-cp1252": { codepage: "Windows-1252", description: "UTF-8 read as Windows-1252" },
  "utf8-as-gbk": { codepage: "GBK", description: "UTF-8 read as GBK" },
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function buildWarnings(report: Omit<ImportTextReport, "warnings">, detected: RepairResult, repair: boolean): string[] {
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
        line += ` ${plural(detected.unrecoverable, "character", "characters")} could not be recovered and ${detected.unrecoverable === 1 ? "is" : "are"} shown as �.`;
      }
      warnings.push(line);
    } else {
      warnings.push(
        `${plural(chars, "character looks", "characters look")} mis-decoded as ${codepage} (${description}); they were left as they are. Import with repair to fix them.`,
      );
    }
  }
  const { controlsRemoved } = report.canonical;
  if (controlsRemoved > 0) warnings.push(`Removed ${plural(controlsRemoved, "invisible control character", "invisible control characters")}.`);
  // U+FFFD not explained by the lines above were already in the input.
  const explained = invalidSequences.count + (repair ? detected.unrecoverable : 0);
  const preexisting = report.replacementChars - explained;
  if (preexisting > 0) {
    warnings.push(`The text already contained ${plural(preexisting, "� replacement character", "� replacement characters")} where characters had been lost before import.`);
  }
  return warnings;
}

/**
 * Bytes are decoded here. A string comes as it is, unless `decodedAs` says how it was decoded from
 * bytes (an HTML or Markdown file decoded before its text was extracted): then the report tells of
 * that decoding, its encoding and the bytes that were not valid, as it does for a text file.
 */
export function prepareText(input: Uint8Array | string, opts: { repair: boolean; decodedAs?: Omit<DecodeResult, "text"> }): PreparedText {
  const decoded =
    typeof input !== "string"
      ? decodeBytes(input)
      : { ...(opts.decodedAs ?? { encoding: STRING_INPUT_ENCODING, bom: false, invalidSequences: [] }), text: input };
  const detected = detectAndRepairMojibake(decoded.text);
  const applyRepair = opts.repair && detected.applied;
  const original = canonicalize(decoded.text);
  const final = applyRepair ? canonicalize(detected.text) : original;

  const { kind, replacements, unrecoverable } = detected;
  const partial: Omit<ImportTextReport, "warnings"> = {
    encoding: decoded.encoding,
    bom: decoded.bom,
    invalidSequences: {
      count: decoded.invalidSequences.length,
      firstOffsets: decoded.invalidSequences.slice(0, REPORTED_INVALID_OFFSETS).map((s) => s.byteOffset),
    },
    mojibake: { applied: applyRepair, kind, replacements, unrecoverable },
    canonical: final.report,
    replacementChars: countReplacementChars(final.text),
  };
  return {
    canonical: final.text,
    original: original.text,
    report: { ...partial, warnings: buildWarnings(partial, detected, opts.repair) },
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
