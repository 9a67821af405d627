/**
 * parseQuantity: a quantity phrase as written in a document -> a `Quantity` plus a one-line
 * explanation to show the annotator (claims.md "Parsing quantities", rules 1-11).
 *
 * Order of reading: whole-text "unknown"; hedges removed (`hedged`, quantity-wording.ts); a
 * trailing clause split off as the note; the phrase split into figures (quantity-figure.ts);
 * each figure read as measure verb, numeric core (prefix, number or range or vague word,
 * suffix; quantity-core.ts), unit, and trailing words; several figures summed with their
 * parts kept (quantity-sum.ts has the algebra).
 *
 * Decisions (each is tested):
 * - A bare numeral "0" is exact 0 (a count that happens to be zero); the words "none", "zero",
 *   "nobody", "no one ...", "no casualties", "did not cause any casualties", "without
 *   casualties" are qualifier `none`. Both give low = best = high = 0.
 * - "unknown number (of X)" is `unknown_nonzero` (rule 7: there were some, how many is not
 *   known); "unknown", "unknown wounded" is `unknown` (the count itself is not known).
 * - "more than N" gives low = floor(N) + 1 and best null; "fewer than N" gives high = ceil(N) - 1.
 * - "2m", "5k", "1bn" are millions, thousands, billions; "1.200" is one point two (English text).
 * - The measure ("killed", "wounded") is read from a verb before or after the number or a noun
 *   of the unit, and is not part of the unit: "12 people killed" has unit "people". Figures of
 *   two different measures ("33 killed, 100+ wounded") are refused with both named, never summed.
 *   A later figure with its own verb before the number, after a first figure without a measure
 *   ("a dozen soldiers and detaining 80 locals"), is a different measure too.
 * - A phrase after the unit that starts with a preposition, a trailing ", including ..." clause
 *   and a trailing parenthesis go to `note`.
 * - A selection that runs over a sentence end is refused: its words belong to two statements.
 * - `warnings` (the reading stands, the annotator should look): "casualties" (rule 8), a lone
 *   year-like number, a fraction where a count is whole.
 *
 * Invariants: pure, never throws; every `ok: true` value passes `QuantitySchema`; a value is
 * never the first of several figures: either all are summed or the phrase is refused.
 */
import { formatNumber } from "./number-reader";
import { normalizeWording } from "./wording";
import { parseFigure, splitFigures, type Figure } from "./quantity-figure";
import { DEFAULT_VAGUE_LEXICON, UNKNOWN_RE } from "./quantity-phrases";
import { MAX_QUANTITY_RAW, QuantitySchema, type Quantity, type QuantityParse } from "./quantity-schema";
import { sumParts } from "./quantity-sum";
import { crossesSentence, splitNote, stripHedges } from "./quantity-wording";

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
  // "none (0)" and "unknown" carry no numbers to qualify: the reason follows after a colon.
  if (note) s += q.qualifier === "none" || q.qualifier === "unknown" ? `: ${note}` : ` (${note})`;
  if (q.unit) s += `; unit "${q.unit}"`;
  return s;
}

type Extras = { hedges: string[]; note?: string; measure?: string; parts?: Figure[]; explain?: string; why?: string };

const UNKNOWN_READING: Extras = { hedges: [], explain: "the source says the number is not known (not the same as not stated)" };

/** A four-digit figure in this span, alone, is more likely a year than a count. */
const YEAR_LIKE = { min: 1900, max: 2100 };

/** Things the annotator should check although the reading is sound. */
function warningsFor(q: Quantity, measure: string | undefined): string[] {
  const out: string[] = [];
  if (measure === "casualties") out.push("\"Casualties\" may include the wounded: not a count of deaths on its own (claims.md rule 8).");
  const numbers = [q.low, q.best, q.high].filter((n): n is number => n !== null);
  const year = numbers.find((n) => Number.isInteger(n) && n >= YEAR_LIKE.min && n <= YEAR_LIKE.max);
  if (year !== undefined && !q.unit && !/\d,\d/.test(q.raw)) out.push(`${year} looks like a year; check that it is a count.`);
  const fraction = numbers.find((n) => !Number.isInteger(n));
  if (fraction !== undefined) out.push(`${fraction} is not a whole number: check for a footnote number glued to the figure.`);
  return out;
}

function finish(raw: string, q: Omit<Quantity, "raw">, extras: Extras): QuantityParse {
  const value: Quantity = { raw, ...q };
  if (extras.parts) value.parts = extras.parts.map(({ raw: r, qualifier, low, best, high, unit }) => ({ raw: r, qualifier, low, best, high, ...(unit ? { unit } : {}) }));
  if (extras.hedges.length) value.hedged = true;
  if (extras.note) value.note = extras.note;
  for (const k of ["unit", "vagueWord"] as const) if (value[k] === undefined) delete value[k];
  const checked = QuantitySchema.safeParse(value);
  if (!checked.success) return { ok: false, error: checked.error.issues[0]?.message ?? "Invalid quantity." };
  const lines = [describe(checked.data, extras.explain)];
  if (extras.parts) lines.push(`sum of ${extras.parts.length} figures: ${extras.parts.map((p) => p.raw).join(" + ")} (${extras.why})`);
  if (extras.measure) lines.push(`measure: ${extras.measure}`);
  if (extras.hedges.length) lines.push(`hedged by the source ("${extras.hedges.join('", "')}"), value kept`);
  if (extras.note) lines.push(`note: "${extras.note}"`);
  const warnings = warningsFor(checked.data, extras.measure);
  return { ok: true, value: checked.data, explanation: lines.join("; "), ...(warnings.length ? { warnings } : {}) };
}

/** Parses a quantity phrase. See the module comment for the rules and decisions. */
export function parseQuantity(raw: string, opts: ParseQuantityOptions = {}): QuantityParse {
  if (typeof raw !== "string") return { ok: false, error: "A quantity must be text." };
  if (raw.length > MAX_QUANTITY_RAW) return { ok: false, error: `Too long for a quantity (over ${MAX_QUANTITY_RAW} characters).` };
  const lexicon = buildLexicon(opts.lexicon);
  if (typeof lexicon === "string") return { ok: false, error: lexicon };
  // "(33 killed)" as selected with its brackets.
  const cased = normalise(raw).replace(/^\((.*)\)$/, "$1").trim();
  if (cased === "") return { ok: false, error: "Empty: write the figure as the document gives it." };
  if (UNKNOWN_RE.test(cased.toLowerCase())) return finish(raw, { low: null, best: null, high: null, qualifier: "unknown" }, UNKNOWN_READING);

  if (crossesSentence(cased)) return { ok: false, error: `The selection runs past the end of a sentence: "${cased.slice(0, 60)}"; select the figure alone.` };
  const { text: unhedged, hedges } = stripHedges(cased);
  if (unhedged === "") return { ok: false, error: `Only a hedge ("${hedges.join(" ")}"), no number found.` };
  const { text, note } = splitNote(unhedged);
  const pieces = splitFigures(text, lexicon);
  const figures: Figure[] = [];
  for (const piece of pieces) {
    const r = parseFigure(piece, lexicon);
    if (!r.ok) return r;
    figures.push(r.figure);
  }
  const measures = [...new Map(figures.filter((f) => f.measure).map((f) => [f.measure!.cls, f.measure!])).values()];
  if (measures.length > 1) {
    const named = measures.map((m) => `${m.cls} (${figures.find((f) => f.measure?.cls === m.cls)!.raw})`);
    return { ok: false, error: `Two different measures: ${named.join(" and ")}; give each its own field.` };
  }
  // "a dozen Taliban soldiers and detaining 80 locals": a later verb starts another measure.
  const verbLater = figures.slice(1).find((f) => f.verbFirst);
  if (verbLater && !figures[0].measure) {
    return { ok: false, error: `"${verbLater.raw}" has its own verb, which "${figures[0].raw}" lacks: two different measures; give each its own field.` };
  }
  const notes = [...figures.map((f) => f.note), note].filter(Boolean).join("; ") || undefined;
  const extras: Extras = { hedges, note: notes, measure: measures[0]?.cls };
  if (figures.length === 1) {
    const f = figures[0];
    return finish(raw, { low: f.low, best: f.best, high: f.high, qualifier: f.qualifier, unit: f.unit, vagueWord: f.vagueWord }, { ...extras, explain: f.explain });
  }
  const total = sumParts(figures);
  if (!total.ok) return total;
  const units = new Set(figures.map((f) => f.unit));
  const unit = units.size === 1 ? figures[0].unit : undefined;
  return finish(raw, { ...total.total, unit }, { ...extras, parts: figures, why: total.why });
}
