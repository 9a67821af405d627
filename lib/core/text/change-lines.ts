/**
 * The import report's sentences about what canonicalization changed: one line per kind of change
 * with its count and first positions (code-point offsets in the decoded source, counted from 0),
 * and one line about offsets. Never "no changes" when something changed.
 */
import type { CanonicalChange, CanonicalChangeKind, CanonicalReport } from "./canonical";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const WHAT: Record<CanonicalChangeKind, [one: string, many: string, done: string]> = {
  crlf: ["CRLF line break", "CRLF line breaks", "converted to LF"],
  cr: ["CR line break", "CR line breaks", "converted to LF"],
  "line-separator": ["U+2028 LINE SEPARATOR", "U+2028 LINE SEPARATORs", "converted to LF"],
  "paragraph-separator": ["U+2029 PARAGRAPH SEPARATOR", "U+2029 PARAGRAPH SEPARATORs", "converted to LF"],
  control: ["control character", "control characters", "removed"],
  bom: ["U+FEFF (byte order mark or zero-width no-break space)", "U+FEFF characters (byte order mark or zero-width no-break space)", "removed"],
  nfc: ["character", "characters", "normalized to Unicode NFC (e.g. e + combining accent -> é)"],
};

function positions(c: CanonicalChange): string {
  const more = c.count > c.firstOffsets.length ? ", …" : "";
  const label = c.count === 1 ? "at offset" : c.firstOffsets.length < c.count ? "first at offsets" : "at offsets";
  return `${label} ${c.firstOffsets.join(", ")}${more}`;
}

export function describeChange(c: CanonicalChange): string {
  const [one, many, done] = WHAT[c.kind];
  const codes = c.codes?.length ? ` (${c.codes.join(", ")})` : "";
  return `${plural(c.count, one, many)}${codes} ${done}, ${positions(c)}.`;
}

/**
 * Lines for the report. `leadingBom`: the decoder consumed a byte order mark at the start of the
 * file (the decoded source starts after it). `mapped`: whether offsets now differ from the source's.
 */
export function describeCanonical(report: CanonicalReport, opts: { leadingBom: boolean; offsetsDiffer: boolean }): string[] {
  const lines: string[] = [];
  if (opts.leadingBom) lines.push("The byte order mark at the start of the file was read as the encoding's signature, not as text; offsets count from the character after it.");
  lines.push(...report.changes.map(describeChange));
  if (report.changes.length === 0) lines.push("Canonical form: nothing needed changing (line breaks, control characters, Unicode normalization).");
  lines.push(
    opts.offsetsDiffer
      ? "Offsets in the stored text differ from the source's after the first change; the document keeps a map between the two."
      : "Offsets in the stored text equal the source's.",
  );
  return lines;
}
