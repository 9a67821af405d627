/**
 * parseQuantity: a quantity phrase as written in a document -> a `Quantity` plus a one-line
 * explanation to show the annotator (claims.md "Parsing quantities", rules 1-7).
 *
 * Order of reading: whole-text phrases first (unknown, "number unknown", none), then the
 * numeric core (prefix, number or range or vague word, suffix), then a trailing unit.
 *
 * Decisions (each is tested):
 * - A bare numeral "0" is exact 0 (a count that happens to be zero); the words "none", "zero",
 *   "nobody", "no one ...", "no casualties" are qualifier `none`. Both give low = best = high = 0.
 * - "more than N" gives low = floor(N) + 1 and best null; "fewer than N" gives high = ceil(N) - 1.
 * - "2m", "5k", "1bn" are millions, thousands, billions; "1.200" is one point two (English text).
 * - Whatever follows the number and starts with a letter is the unit ("3,000 fighters"), minus
 *   a leading "of" ("dozens of civilians" -> "civilians"); anything else left over is an error.
 *
 * Invariants: pure, never throws; every `ok: true` value passes `QuantitySchema`.
 */
import { formatNumber } from "./number-reader";
import { normalizeWording } from "./wording";
import { parseCore, type Core } from "./quantity-core";
import {
  DEFAULT_VAGUE_LEXICON, NONE_RE, NUMBER_UNKNOWN_RE, UNKNOWN_NUMBER_RE, UNKNOWN_RE,
} from "./quantity-phrases";
import { MAX_QUANTITY_RAW, QuantitySchema, type Quantity, type QuantityParse } from "./quantity-schema";

export type ParseQuantityOptions = { lexicon?: Record<string, number | null> };


/** Unicode dashes -> "-", any whitespace run -> one space, no trailing full stop. */
function normalise(raw: string): string {
  return normalizeWording(raw).replace(/[.;:!]+$/, "").trim();
}

function buildLexicon(extra: Record<string, number | null> | undefined): Record<string, number | null> | string {
  const lex: Record<string, number | null> = { ...DEFAULT_VAGUE_LEXICON };
  for (const [k, v] of Object.entries(extra ?? {})) {
    const key = normalise(k).toLowerCase();
    if (!key) continue;
    if (v !== null && !(typeof v === "number" && Number.isFinite(v) && v >= 0)) {
      return `Lexicon entry "${k}" must be a non-negative number or null.`;
    }
    lex[key] = v;
  }
  return lex;
}

function cleanUnit(s: string | undefined): string | undefined {
  const u = s?.replace(/[\s,.;:]+$/, "").trim();
  return u ? u : undefined;
}

/** Reads the unit from the text after the numeric core; `cased` keeps the writer's capitals. */
function readUnit(cased: string, lower: string, end: number): { unit?: string } | { error: string } {
  const restLower = lower.slice(end);
  if (restLower === "") return {};
  // toLowerCase can change lengths for a few letters (e.g. "İ"); then the unit is lower-cased.
  const rest = (cased.length === lower.length ? cased : lower).slice(end);
  if (!rest.startsWith(" ")) return { error: `Could not read "${rest}" after the number.` };
  const unit = rest.trim().replace(/^of /i, "");
  if (/^(?:and|to|or|-)(?![\p{L}])/iu.test(unit)) return { error: `"${unit}" looks like an unfinished range.` };
  if (!/^\p{L}/u.test(unit)) return { error: `Could not read "${unit}" after the number.` };
  return { unit: cleanUnit(unit) };
}

function describe(q: Quantity, note: string | undefined): string {
  const f = (n: number | null) => (n === null ? "?" : formatNumber(n));
  let s: string;
  switch (q.qualifier) {
    case "exact": s = `exact: ${f(q.best)}`; break;
    case "approx": s = `approximately ${f(q.best)} (no low or high stated)`; break;
    case "at_least": s = `at least ${f(q.low)}`; break;
    case "more_than": s = `more than ${f(q.low === null ? null : q.low - 1)}: low ${f(q.low)}`; break;
    case "at_most": s = `at most ${f(q.high)}`; break;
    case "range": s = `range: ${f(q.low)} to ${f(q.high)}`; break;
    case "vague":
      s = q.low === null ? `vague: "${q.vagueWord}", no number implied` : `vague: "${q.vagueWord}", at least ${f(q.low)}`;
      break;
    case "unknown_nonzero": s = "some, number unknown (at least 1)"; break;
    case "none": s = "none (0)"; break;
    case "unknown": s = "unknown"; break;
  }
  if (note) s += ` (${note})`;
  if (q.unit) s += `; unit "${q.unit}"`;
  return s;
}

function finish(raw: string, parts: Omit<Quantity, "raw">, note?: string): QuantityParse {
  const value: Quantity = { raw, ...parts };
  for (const k of ["unit", "vagueWord"] as const) if (value[k] === undefined) delete value[k];
  const checked = QuantitySchema.safeParse(value);
  if (!checked.success) return { ok: false, error: checked.error.issues[0]?.message ?? "Invalid quantity." };
  return { ok: true, value: checked.data, explanation: describe(checked.data, note) };
}

/** Parses a quantity phrase. See the module comment for the rules and decisions. */
export function parseQuantity(raw: string, opts: ParseQuantityOptions = {}): QuantityParse {
  if (typeof raw !== "string") return { ok: false, error: "A quantity must be text." };
  if (raw.length > MAX_QUANTITY_RAW) return { ok: false, error: `Too long for a quantity (over ${MAX_QUANTITY_RAW} characters).` };
  const lexicon = buildLexicon(opts.lexicon);
  if (typeof lexicon === "string") return { ok: false, error: lexicon };
  const cased = normalise(raw);
  const text = cased.toLowerCase();
  if (text === "") return { ok: false, error: "Empty: write the figure as the document gives it." };

  if (UNKNOWN_RE.test(text)) return finish(raw, { low: null, best: null, high: null, qualifier: "unknown" });
  const source = cased.length === text.length ? cased : text;
  const before = NUMBER_UNKNOWN_RE.exec(text); // "deaths, number unknown": unit first
  const after = before ? null : UNKNOWN_NUMBER_RE.exec(text); // "unknown number of civilians": unit last
  if (before || after) {
    const word = (before ?? after)![1];
    const start = before ? 0 : text.length - (word?.length ?? 0);
    const unit = word === undefined ? undefined : cleanUnit(source.slice(start, start + word.length));
    return finish(raw, { low: 1, best: null, high: null, qualifier: "unknown_nonzero", unit });
  }
  if (NONE_RE.test(text)) return finish(raw, { low: 0, best: 0, high: 0, qualifier: "none" });

  const parsed = parseCore(text, lexicon);
  if (!parsed.ok) return parsed;
  const core: Core = parsed.core;
  const unit = readUnit(cased, text, core.end);
  if ("error" in unit) return { ok: false, error: unit.error };
  return finish(
    raw,
    { low: core.low, best: core.best, high: core.high, qualifier: core.qualifier, unit: unit.unit, vagueWord: core.vagueWord },
    core.note,
  );
}
