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
 * Nothing else changes: leading and trailing blank lines and white space, tabs, NBSP, runs of
 * spaces, blank lines between paragraphs and U+FFFD are content and kept, so offsets after the
 * first change equal the source's.
 *
 * Every change is reported (kind, count, first positions as code-point offsets in the input) and
 * recorded in an offset map from the input to the canonical text (source-map.ts).
 *
 * Invariants: idempotent (canonicalize(canonicalize(x).text) changes nothing); the result contains
 * no CR, no NUL, no U+FEFF, no U+2028/U+2029 and is NFC; `map` is null exactly when every change
 * replaced one code point with one (then offsets are equal); sourceToCanonical(map, input length) is
 * the canonical length.
 */
import { canonicalToSource, SourceMapBuilder, type SourceMap } from "./source-map";
import { composeMaps } from "./source-map-compose";

export const NORMALIZATION_FORM = "NFC";
/** How many positions the report lists per kind of change (the count is always complete). */
export const REPORTED_CHANGE_OFFSETS = 10;
/** How many distinct removed control characters the report names. */
export const REPORTED_CONTROL_CODES = 10;

export type CanonicalChangeKind = "crlf" | "cr" | "line-separator" | "paragraph-separator" | "control" | "bom" | "nfc";

export interface CanonicalChange {
  kind: CanonicalChangeKind;
  /** Places changed (a CRLF pair counts once; an NFC change counts once per character with its marks). */
  count: number;
  /** First positions, code-point offsets in the input, ascending. */
  firstOffsets: number[];
  /** For removed controls: the distinct characters, as `U+0007`. */
  codes?: string[];
}

export interface CanonicalReport {
  /** Only the kinds that occurred, in policy order. */
  changes: CanonicalChange[];
}

export interface CanonicalResult {
  text: string;
  report: CanonicalReport;
  /** Input -> canonical text offsets; null when every offset is unchanged. */
  map: SourceMap | null;
}

const KIND_ORDER: CanonicalChangeKind[] = ["crlf", "cr", "line-separator", "paragraph-separator", "control", "bom", "nfc"];

class ChangeLog {
  private readonly byKind = new Map<CanonicalChangeKind, CanonicalChange>();

  record(kind: CanonicalChangeKind, offset: number, code?: number): void {
    let c = this.byKind.get(kind);
    if (!c) this.byKind.set(kind, (c = { kind, count: 0, firstOffsets: [] }));
    c.count++;
    if (c.firstOffsets.length < REPORTED_CHANGE_OFFSETS) c.firstOffsets.push(offset);
    if (code !== undefined) {
      const name = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
      c.codes ??= [];
      if (!c.codes.includes(name) && c.codes.length < REPORTED_CONTROL_CODES) c.codes.push(name);
    }
  }

  report(): CanonicalReport {
    return { changes: KIND_ORDER.flatMap((k) => this.byKind.get(k) ?? []) };
  }
}

const isRemovedControl = (u: number) => u <= 0x08 || (u >= 0x0b && u <= 0x1f) || (u >= 0x7f && u <= 0x9f);
const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/** Steps 1-3: character-local replacements, in one pass; `length` is the output's length in code points. */
function replaceCharacters(input: string, log: ChangeLog): { text: string; map: SourceMap | null; length: number } {
  const out: string[] = [];
  const builder = new SourceMapBuilder();
  let chunk = 0;
  let cp = 0;
  let i = 0;
  while (i < input.length) {
    const u = input.charCodeAt(i);
    let kind: CanonicalChangeKind | null = null;
    let units = 1;
    let replacement = "\n";
    if (u === 0x0d) {
      if (input.charCodeAt(i + 1) === 0x0a) [kind, units] = ["crlf", 2];
      else kind = "cr";
    } else if (u === 0x2028) kind = "line-separator";
    else if (u === 0x2029) kind = "paragraph-separator";
    else if (isRemovedControl(u)) [kind, replacement] = ["control", ""];
    else if (u === 0xfeff) [kind, replacement] = ["bom", ""];
    if (kind === null) {
      i += isHigh(u) && isLow(input.charCodeAt(i + 1)) ? 2 : 1;
      cp++;
      continue;
    }
    out.push(input.slice(chunk, i), replacement);
    log.record(kind, cp, kind === "control" ? u : undefined);
    builder.add(cp, units, replacement.length);
    i += units;
    cp += units;
    chunk = i;
  }
  if (chunk === 0) return { text: input, map: null, length: cp };
  out.push(input.slice(chunk));
  const map = builder.build(cp);
  return { text: out.join(""), map, length: map ? map.canonicalLength : cp };
}

const cpLength = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!(isLow(s.charCodeAt(i)) && i > 0 && isHigh(s.charCodeAt(i - 1)))) n++;
  return n;
};

/**
 * Step 4. An ASCII character never combines with what precedes it and blocks any combining across
 * it, so NFC works piecewise on the stretches between ASCII characters. Inside a stretch that
 * changes, each base character with its marks is one run when normalizing the pieces one by one
 * gives the same text (it does except for rare cross-character compositions such as Hangul jamo),
 * else the whole stretch is one run.
 */
function normalize(text: string, length: number, onChange: (offset: number) => void): { text: string; map: SourceMap | null } {
  const whole = text.normalize(NORMALIZATION_FORM);
  if (whole === text) return { text, map: null };
  const builder = new SourceMapBuilder();
  let cp = 0;
  let last = 0;
  for (const m of text.matchAll(/[\x00-\x7f]?[^\x00-\x7f]+/g)) {
    cp += cpLength(text.slice(last, m.index));
    last = m.index;
    const stretch = m[0];
    const normal = stretch.normalize(NORMALIZATION_FORM);
    if (normal !== stretch) {
      const pieces = stretch.match(/\P{M}\p{M}*|\p{M}+/gu) ?? [stretch];
      const normalPieces = pieces.map((p) => p.normalize(NORMALIZATION_FORM));
      if (normalPieces.join("") === normal) {
        let at = cp;
        pieces.forEach((p, k) => {
          const len = cpLength(p);
          if (normalPieces[k] !== p) {
            onChange(at);
            builder.add(at, len, cpLength(normalPieces[k]!));
          }
          at += len;
        });
      } else {
        onChange(cp);
        builder.add(cp, cpLength(stretch), cpLength(normal));
      }
    }
  }
  return { text: whole, map: builder.build(length) };
}

export function canonicalize(input: string): CanonicalResult {
  const log = new ChangeLog();
  const replaced = replaceCharacters(input, log);
  const normal = normalize(replaced.text, replaced.length, (offset) => log.record("nfc", canonicalToSource(replaced.map, offset)));
  return { text: normal.text, report: log.report(), map: composeMaps(replaced.map, normal.map) };
}
