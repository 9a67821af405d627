/**
 * The words around a figure that are not the figure: hedges, trailing clauses, measure verbs,
 * statements of absence. quantity-parse.ts strips them before the numeric core is read, and
 * keeps what they say (hedged, note, measure) instead of dropping it.
 *
 * Rules (each tested in tests/unit/values/quantity-wording.test.ts and the wording table):
 * - Hedges ("likely", "reportedly", "allegedly", "possibly", "unconfirmed", ...) may stand
 *   anywhere; each is removed from the text and the value is marked `hedged`. "unconfirmed
 *   number" is not a hedge but the "unknown number" phrase.
 * - A trailing clause introduced by a comma and "including", "of whom", "mostly", "according
 *   to", ..., a subset ("2,000 of them foreign"), or a trailing parenthesis, becomes the note;
 *   in a list entry "India (3)" the bracketed number is the figure and the label the note.
 * - A measure is what happened to the people counted: a verb before the number ("killing 30",
 *   "wounding 50 personnel") or after it ("24 were killed", "33 killed"). The verb is not part
 *   of the unit. Kill / wound verbs fall into the classes "killed" and "wounded"; nouns in the
 *   unit ("deaths", "injuries", "casualties") give the class too, so figures of different
 *   measures are never summed.
 * - The unit loses a leading determiner, "more" / "additional" and a trailing "strong".
 * - A past-tense verb after the unit's plural noun starts a clause that becomes the note
 *   ("2100 fighters remained in Kunar").
 * - A phrase after the unit that starts with a preposition or a relative pronoun ("in the process", "within northern
 *   Afghanistan") is a note, not part of the unit.
 *
 * Invariants: pure; every function returns the text it did not consume, never rewritten.
 */

/** Words that hedge a figure without changing it. Lower-case; matched as whole words. */
export const HEDGES = [
  "reportedly", "allegedly", "likely", "probably", "possibly", "purportedly", "apparently",
  "supposedly", "presumably", "unconfirmed", "may have", "might have", "may be", "could be",
];
const HEDGE_RE = new RegExp(String.raw`(?<![\p{L}\d])(?:${HEDGES.join("|")})(?![\p{L}\d])(?! (?:number|count)\b),? ?`, "giu");

/** Removes the hedge words; returns the rest and the hedges found, as written. */
export function stripHedges(text: string): { text: string; hedges: string[] } {
  const hedges: string[] = [];
  const rest = text.replace(HEDGE_RE, (m) => {
    hedges.push(m.replace(/[ ,]+$/, ""));
    return "";
  });
  // "an unconfirmed 200": the article belonged to the hedge.
  const tidy = rest.replace(/\s+/g, " ").trim();
  return { text: hedges.length ? tidy.replace(/^[:;,\s-]+/, "").replace(/^an? (?=\d)/i, "") : tidy, hedges };
}

const CLAUSE_WORDS = [
  "including", "includes", "which includes", "of whom", "of which", "among them", "among whom",
  "mostly", "most of them", "most of whom", "many of them", "many of whom", "all of them",
  "according to", "as of", "per",
];
/** "3,000 fighters, 2,000 of them foreign": a subset of the figure, not a second figure. */
const SUBSET = String.raw`[\w.,]+ (?:of|among) (?:them|whom|these|those)`;
const CLAUSE_RE = new RegExp(String.raw`^(.*?\S)(?:,| -) ((?:${CLAUSE_WORDS.join("|")}|${SUBSET})\b.*)$`, "i");
const PAREN_RE = /^(.*?\S) ?\(([^()]*)\)$/;

/** Splits off a trailing clause or parenthesis as the note. */
export function splitNote(text: string): { text: string; note?: string } {
  const clause = CLAUSE_RE.exec(text);
  if (clause) return { text: clause[1], note: clause[2] };
  const paren = PAREN_RE.exec(text);
  // "India (3)": a list entry whose figure is in the brackets; the label is the note.
  if (paren && /^\d[\d,]*$/.test(paren[2].trim()) && !/\d/.test(paren[1])) return { text: paren[2].trim(), note: paren[1] };
  if (paren && paren[2].trim()) return { text: paren[1], note: paren[2].trim() };
  return { text };
}

/** Measure verbs, each with its class. Lower-case. */
const KILL = ["killing", "killed", "kills", "kill", "dead", "died", "executing", "executed", "beheading", "beheaded", "slain", "slaying"];
const WOUND = ["wounding", "wounded", "injuring", "injured", "hurt", "hurting", "maiming", "maimed"];
const OTHER: Record<string, string> = {
  freeing: "freed", freed: "freed", releasing: "released", released: "released",
  arresting: "arrested", arrested: "arrested", detaining: "detained", detained: "detained",
  capturing: "captured", captured: "captured", rescuing: "rescued", rescued: "rescued",
  kidnapping: "kidnapped", kidnapped: "kidnapped", abducting: "abducted", abducted: "abducted",
  escaped: "escaped", surrendered: "surrendered", evacuated: "evacuated", displaced: "displaced",
};
const VERBS = [...KILL, ...WOUND, ...Object.keys(OTHER)].sort((a, b) => b.length - a.length);

export type Measure = { cls: string; word: string };

export function measureOf(word: string): Measure {
  const w = word.toLowerCase();
  if (KILL.includes(w)) return { cls: "killed", word };
  if (WOUND.includes(w)) return { cls: "wounded", word };
  return { cls: OTHER[w] ?? w, word };
}

/** Nouns of a unit that name the measure: "45 deaths", "13 injuries", "12 casualties". */
const NOUN_CLASSES: [RegExp, string][] = [
  [/\b(?:deaths?|fatalit(?:y|ies)|dead|bodies|killings?)$/i, "killed"],
  [/\b(?:injur(?:y|ies)|wounded|injured)$/i, "wounded"],
  [/\bcasualt(?:y|ies)$/i, "casualties"],
];
export function measureOfUnit(unit: string | undefined): Measure | undefined {
  if (!unit) return undefined;
  for (const [re, cls] of NOUN_CLASSES) {
    const m = re.exec(unit);
    if (m) return { cls, word: m[0] };
  }
  return undefined;
}

const AUX = String.raw`(?:(?:had|have|has|were|was|are|is|been|being|be|also|then|who|which|that|and) )*`;
const LEAD_VERB_RE = new RegExp(String.raw`^${AUX}(${VERBS.join("|")}) (?=\S)`, "i");
/** A measure verb before the number: "killing four", "wounding 50 personnel", "killed 24". */
export function leadVerb(text: string): { text: string; measure?: Measure } {
  const m = LEAD_VERB_RE.exec(text);
  if (!m) return { text };
  return { text: text.slice(m[0].length), measure: measureOf(m[1]) };
}

const TAIL_VERB_RE = new RegExp(String.raw`(?:^| )${AUX}(${VERBS.join("|")})(?![\p{L}\d])(.*)$`, "iu");
const PREPOSITION_RE =
  /(^| )((?:so far|to date|in total|altogether|that|who|which|whose|whom|where|in|at|on|within|across|during|inside|near|from|since|throughout|for|by|after|before|into|outside|while|when|as part of|in the process)\b.*)$/i;

/**
 * A past-tense verb right after a plural noun starts a clause: "gunmen fired on a crowd",
 * "fighters remained in Kunar". Adjectives before the noun ("unarmed cadets") do not match.
 */
const CLAUSE_VERB_RE = /^(.*?\p{L}(?:s|men|people|personnel|police|staff|children|women|others))( \p{L}+ed\b.*)$/iu;

/**
 * Reads what follows the number: "Security Force personnel", "were killed in the attack",
 * "ISKP prisoners, escaped during the chaos". Returns the unit, a measure verb after it and a note.
 */
export function splitTail(tail: string): { unit: string; measure?: Measure; note?: string } {
  let unit = tail;
  let measure: Measure | undefined;
  let note: string | undefined;
  const verb = TAIL_VERB_RE.exec(unit);
  if (verb) {
    measure = measureOf(verb[1]);
    note = verb[2].replace(/^[\s,]+/, "").trim() || undefined;
    unit = unit.slice(0, verb.index);
  }
  const clause = CLAUSE_VERB_RE.exec(unit);
  if (clause) {
    note = [clause[2].trim(), note].filter(Boolean).join(" ");
    unit = clause[1];
  }
  const prep = PREPOSITION_RE.exec(unit);
  if (prep) {
    note = [prep[2].trim(), note].filter(Boolean).join(" ");
    unit = unit.slice(0, prep.index);
  }
  return { unit: tidyUnit(unit), measure, note };
}

/**
 * The unit as an analyst records it: without a leading determiner ("of these plots" ->
 * "plots", "hundreds of their fighters" -> "fighters"), "more" / "additional" ("a thousand
 * more soldiers" -> "soldiers"), or a trailing "strong" ("three hundred men strong" -> "men").
 */
export function tidyUnit(unit: string): string {
  return unit
    .replace(/[\s,;:]+$/, "")
    .replace(/^(?:of )?(?:the|these|those|their|its|his|her|our|whom)(?: own)? (?=\S)/i, "")
    .replace(/^(?:more|additional) (?=\S)/i, "")
    .replace(/(?:^| )strong$/i, "")
    .trim();
}

/**
 * Statements that nothing of the kind happened: "did not cause any casualties", "without
 * casualties", "killing no one", "no one was killed" (the last also via NONE_RE).
 */
export const ABSENCE_RE =
  /^(?:(?:the |this |that )?(?:attacks?|it|they|which) )?(?:(?:did not|didn't|does not|do not|failed to|did) (?:cause|result in|inflict|lead to|produce|kill|injure|wound|hurt|harm)(?: any(?:one|body)?| no(?: ?one)?)|(?:caused?|resulted in|inflicted|with) no|without(?: any)?(?= (?:casualt|deaths?|fatalit|injur|loss of li|victims|dead|wounded|harm|bloodshed))|(?:killing|injuring|wounding|harming|hurting) (?:no ?one|nobody))(?:$| [\p{L} ,'-]*$)/iu;

/**
 * A selection that runs over a sentence end ("22 districts. ISKP subsequently", "wounded).
 * Last Attack: March 22") holds words of another sentence; a word of two lower-case letters or
 * more before the stop tells it from an abbreviation ("U.S. Marines").
 */
const SENTENCE_END_RE = /\p{Ll}{2,}["”’)]*[.!?:][\d¹²³⁰-⁹]*["”’)]* +["“‘(]?\p{Lu}/u;
export function crossesSentence(text: string): boolean {
  return SENTENCE_END_RE.test(text);
}

/** A unit ending in one of these words was cut off mid-phrase ("soldiers and", "chiefs of the"). */
const DANGLING_RE = /(?:^| )(and|or|of|the|to|with|a|an|its|their|his|her|as|than|by|from)$/i;
export function danglingWord(unit: string): string | null {
  return DANGLING_RE.exec(unit)?.[1] ?? null;
}
