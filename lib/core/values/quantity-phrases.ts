/**
 * Word lists for quantity parsing: qualifier phrases, the default vague-word lexicon, and the
 * whole-text phrases meaning "none", "unknown" and "some, number unknown".
 *
 * All entries are lower-case with single spaces, matching the parser's normalised text.
 * Phrase lists are sorted longest first where they are matched as prefixes, so "no more than"
 * wins over "no", and "more than" over "more".
 */

export type PrefixKind = "approx" | "at_least" | "more_than" | "at_most" | "below" | "between" | "from";

/** Leading phrases and what they make of the number after them. */
const PREFIX_TABLE: Record<PrefixKind, string[]> = {
  approx: [
    "approximately", "approx.", "approx", "about", "around", "roughly", "nearly", "almost",
    "some", "an estimated", "estimated at", "estimated", "est.", "close to", "circa", "ca.", "c.",
    "~", "an approximate", "approximate", "perhaps", "in the range of", "in the region of",
    "on the order of", "in the order of", "somewhere around", "somewhere near", "somewhere in the region of",
    "roughly around", "estimates of", "an estimate of", "estimate of",
  ],
  at_least: [
    "at least", "no fewer than", "no less than", "not fewer than", "not less than",
    "a minimum of", "minimum of", "at a minimum", ">=", "≥",
  ],
  more_than: [
    "more than", "over", "in excess of", "upwards of", "upward of", "above", "greater than",
    "well over", "well above", ">",
  ],
  at_most: [
    "up to", "as many as", "no more than", "not more than", "at most", "a maximum of",
    "maximum of", "as much as", "<=", "≤",
  ],
  /** "fewer than N": at most N-1. */
  below: ["fewer than", "less than", "under", "below", "<"],
  between: ["between", "anywhere between", "somewhere between", "estimates between", "estimated at between"],
  from: [
    "from", "ranging from", "estimates ranging from", "estimates range from", "estimates ran from",
    "anywhere from", "estimates from",
  ],
};

export const PREFIXES: { phrase: string; kind: PrefixKind }[] = (
  Object.entries(PREFIX_TABLE) as [PrefixKind, string[]][]
)
  .flatMap(([kind, phrases]) => phrases.map((phrase) => ({ phrase, kind })))
  .sort((a, b) => b.phrase.length - a.phrase.length);

/** Trailing phrases directly after the number ("100+", "50 or more", "200 or so"). */
export const SUFFIXES: { re: RegExp; kind: "at_least" | "approx" | "at_most" }[] = [
  { re: / ?\+/y, kind: "at_least" },
  { re: / (?:or|and) (?:more|above|over)(?![a-z])/y, kind: "at_least" },
  { re: / or so(?![a-z])/y, kind: "approx" },
  { re: /(?:-| )odd(?![a-z])/y, kind: "approx" },
  { re: /-ish(?![a-z])/y, kind: "approx" },
  { re: / or (?:fewer|less)(?![a-z])/y, kind: "at_most" },
];

/**
 * Default vague-word lexicon: the lower bound each word implies (ACLED's defaults for tens,
 * dozens, hundreds, thousands; "scores" by analogy at 20), null where no number is implied.
 * A project lexicon passed to `parseQuantity` overrides or extends these entries.
 */
export const DEFAULT_VAGUE_LEXICON: Readonly<Record<string, number | null>> = {
  tens: 10,
  dozens: 12,
  scores: 20,
  hundreds: 100,
  thousands: 1000,
  millions: 1_000_000,
  "tens of thousands": 10_000,
  "hundreds of thousands": 100_000,
  several: null,
  "a few": null,
  few: null,
  many: null,
  some: null,
  numerous: null,
  multiple: null,
  countless: null,
  "a number of": null,
  "a handful of": null,
  "a handful": null,
  // "a couple" means two people or more: a floor of 2, like the scale words above.
  "a couple of": 2,
  "a large number of": null,
  "large numbers of": null,
  "a couple": 2,
};

/** Scale words that may follow a vague word: "several hundred", "tens of thousands". */
export const VAGUE_SCALES: Record<string, number> = {
  dozen: 12, dozens: 12, hundred: 100, hundreds: 100, thousand: 1000, thousands: 1000,
  million: 1e6, millions: 1e6,
};

/** Whole texts meaning "not known at all" (qualifier `unknown`). */
export const UNKNOWN_RE = /^(?:unknown|not known|unclear|not reported|not stated|unspecified|n\/a|\?+)$/;

/** "deaths, number unknown": the noun before the comma becomes the unit. */
export const NUMBER_UNKNOWN_RE =
  /^(?:(.+?),? )?(?:the )?number (?:is )?(?:unknown|not known|unspecified|unclear|not given|not reported)$/;
/** "an unknown number of civilians": the noun after "of" becomes the unit. */
export const UNKNOWN_NUMBER_RE =
  /^(?:an? )?(?:unknown|unspecified|undisclosed|undetermined|unconfirmed|unclear) (?:number|count)(?: of (.+))?$/;

/**
 * Whole texts meaning zero (qualifier `none`): "none", "nobody", "no one was hurt", "zero",
 * "no casualties", "there were no deaths". "no more than" / "no fewer than" are excluded: they
 * are qualifier prefixes, not statements of absence.
 */
export const NONE_RE =
  /^(?:there (?:were|was) )?(?:none|nobody|no-one|no one|nil|zero|no(?! (?:more|fewer|less) than)(?= [a-z]))(?:$| [a-z ,'-]*$)/;
