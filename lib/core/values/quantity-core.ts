/**
 * The numeric core of a quantity phrase: an optional qualifier prefix, then a number, a range
 * or a vague word, then an optional qualifier suffix. Returns where the core ends so the caller
 * can read the unit from the rest.
 *
 * Range multiplier carry-back (claims.md rule 5), exactly:
 *   In "N-M", "N to M", "N or M", "between N and M", "from N to M", when
 *   (a) M ends in a multiplier: a scale word (dozen, hundred, thousand, million, billion), a
 *       suffix (k, m, mn, bn) or thousands-separator groups ("4,000" = 4 x 1000), and
 *   (b) N is written without any multiplier of its own (plain digits or plain number words), and
 *   (c) N < M's multiplier-free leading part ("4" in "4,000", "3" in "3 million"),
 *   then N is read as N x M's multiplier. So "3-4,000" = 3,000-4,000, "2-3 million" =
 *   2,000,000-3,000,000, "two to three hundred" = 200-300, but "300-4,000" stays 300-4,000
 *   and "2-300" stays 2-300 (plain digits carry no multiplier).
 *
 * Invariants: pure; never throws; low <= high in every range it returns.
 */
import { readNumber, readNumberAll, type NumberRead } from "./number-reader";
import { PREFIXES, SUFFIXES, VAGUE_SCALES, type PrefixKind } from "./quantity-phrases";
import type { Qualifier } from "./quantity-schema";

export type Core = {
  qualifier: Qualifier;
  low: number | null;
  best: number | null;
  high: number | null;
  vagueWord?: string;
  end: number;
  /** Extra words for the explanation ("fewer than 50", "carried back"). */
  note?: string;
};
export type CoreResult = { ok: true; core: Core } | { ok: false; error: string };

type Prefix = { kind: PrefixKind; phrase: string; end: number };

function matchPrefix(text: string): Prefix | null {
  for (const { phrase, kind } of PREFIXES) {
    if (!text.startsWith(phrase)) continue;
    let end = phrase.length;
    const next = text[end];
    // A word prefix must end at a word boundary ("over 50", not "overall").
    if (/[a-z]$/.test(phrase) && next !== undefined && next !== " ") continue;
    if (next === " ") end += 1;
    return { kind, phrase, end };
  }
  return null;
}

type Single = { kind: "single"; n: NumberRead; suffix?: "at_least" | "approx" | "at_most"; end: number };
type Range = { kind: "range"; low: number; high: number; carried: boolean; end: number };

function separatorsFor(prefix: PrefixKind | undefined): RegExp[] {
  if (prefix === "between") return [/ ?- ?/y, / and /y];
  if (prefix === "from") return [/ ?- ?/y, / to /y];
  // "or" joins ranges ("two or three hundred") but not "or more" / "or so", checked first.
  return [/ ?- ?/y, / to /y, / or /y];
}

function matchSticky(re: RegExp, text: string, pos: number): number | null {
  re.lastIndex = pos;
  const m = re.exec(text);
  return m ? m[0].length : null;
}

function readRange(text: string, a: NumberRead, prefix: PrefixKind | undefined): Range | null {
  for (const sep of separatorsFor(prefix)) {
    const len = matchSticky(sep, text, a.end);
    if (len === null) continue;
    const b = readNumber(text, a.end + len);
    if (!b) continue;
    const carried = b.multiplier > 1 && a.multiplier === 1 && a.value < b.lead;
    const low = carried ? a.value * b.multiplier : a.value;
    return { kind: "range", low, high: b.value, carried, end: b.end };
  }
  return null;
}

/**
 * A number or a range at `pos`. Only after "between" are shorter readings of the first number
 * tried, because only there can its "and" belong to the range ("between one hundred and two
 * hundred"); elsewhere the longest reading stands ("twenty-five" is 25, not 20 to 5).
 */
function readNumeric(text: string, pos: number, prefix: PrefixKind | undefined): Single | Range | null {
  const all = readNumberAll(text, pos);
  if (all.length === 0) return null;
  const readings = prefix === "between" ? all : all.slice(0, 1);
  for (const a of readings) {
    for (const { re, kind } of SUFFIXES) {
      const len = matchSticky(re, text, a.end);
      if (len !== null) return { kind: "single", n: a, suffix: kind, end: a.end + len };
    }
    const range = readRange(text, a, prefix);
    if (range) return range;
  }
  return { kind: "single", n: all[0], end: all[0].end };
}

function fromRange(r: Range, prefix: Prefix | null): CoreResult {
  if (prefix && !["approx", "between", "from"].includes(prefix.kind)) {
    return { ok: false, error: `"${prefix.phrase}" cannot qualify a range; write the range alone or one number.` };
  }
  if (r.low > r.high) return { ok: false, error: "The range starts above where it ends." };
  const notes = [
    r.carried ? "the second number's multiplier carries back to the first" : "",
    prefix && (prefix.kind === "approx" || prefix.phrase.includes(" ")) ? `stated as "${prefix.phrase}"` : "",
  ].filter(Boolean);
  const core: Core = { qualifier: "range", low: r.low, best: null, high: r.high, end: r.end };
  if (notes.length) core.note = notes.join("; ");
  return { ok: true, core };
}

function fromSingle(s: Single, prefix: Prefix | null): CoreResult {
  const n = s.n.value;
  if (prefix && s.suffix) return { ok: false, error: `"${prefix.phrase}" and a trailing qualifier contradict each other.` };
  const kind = prefix?.kind ?? s.suffix;
  const base = { end: s.end };
  switch (kind) {
    case undefined:
      return { ok: true, core: { ...base, qualifier: "exact", low: n, best: n, high: n } };
    case "approx":
      return { ok: true, core: { ...base, qualifier: "approx", low: null, best: n, high: null } };
    case "at_least":
      return { ok: true, core: { ...base, qualifier: "at_least", low: n, best: n, high: null } };
    case "more_than":
      return { ok: true, core: { ...base, qualifier: "more_than", low: Math.floor(n) + 1, best: null, high: null } };
    case "at_most":
      return { ok: true, core: { ...base, qualifier: "at_most", low: null, best: null, high: n } };
    case "below":
      if (n < 1) return { ok: false, error: `"${prefix!.phrase} ${n}" leaves no possible count.` };
      return {
        ok: true,
        core: { ...base, qualifier: "at_most", low: null, best: null, high: Math.ceil(n) - 1, note: `${prefix!.phrase} ${n}` },
      };
    case "between":
    case "from":
      return { ok: false, error: `"${prefix!.phrase}" needs two numbers, e.g. "${prefix!.phrase} 10 ${kind === "between" ? "and" : "to"} 20".` };
  }
}

/** Longest lexicon phrase at `pos`, extended by a scale ("several hundred", "tens of thousands"). */
function readVague(text: string, pos: number, lexicon: Record<string, number | null>): Core | null {
  const keys = Object.keys(lexicon).sort((a, b) => b.length - a.length);
  for (const key of keys) {
    if (!text.startsWith(key, pos) || /[a-z0-9]/.test(text[pos + key.length] ?? "")) continue;
    let end = pos + key.length;
    let low = lexicon[key];
    const scale = / (?:of )?(dozens?|hundreds?|thousands?|millions?)(?![a-z])/y;
    scale.lastIndex = end;
    const m = scale.exec(text);
    if (m) {
      end += m[0].length;
      const phrase = text.slice(pos, end);
      // A word implying no number still means at least one of the scale: "several hundred" >= 100.
      low = phrase in lexicon ? lexicon[phrase] : (lexicon[key] ?? 1) * VAGUE_SCALES[m[1]];
    }
    return { qualifier: "vague", low, best: null, high: null, vagueWord: text.slice(pos, end), end };
  }
  return null;
}

export function parseCore(text: string, lexicon: Record<string, number | null>): CoreResult {
  const prefix = matchPrefix(text);
  const pos = prefix?.end ?? 0;
  const numeric = readNumeric(text, pos, prefix?.kind);
  if (numeric) return numeric.kind === "range" ? fromRange(numeric, prefix) : fromSingle(numeric, prefix);
  // "about dozens", "at least hundreds": the vague word carries the meaning.
  if (prefix && (prefix.kind === "approx" || prefix.kind === "at_least")) {
    const vague = readVague(text, pos, lexicon);
    if (vague) return { ok: true, core: { ...vague, note: `stated as "${prefix.phrase}"` } };
  }
  // "some" alone is a vague word, not a prefix.
  const vague = readVague(text, 0, lexicon);
  if (vague) return { ok: true, core: vague };
  if (prefix) return { ok: false, error: `Expected a number after "${prefix.phrase}".` };
  return { ok: false, error: "No number, range or known vague word found." };
}
