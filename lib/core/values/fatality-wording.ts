/**
 * Rule 8 of claims.md "Parsing quantities" (ACLED): "casualties" without deaths are not
 * fatalities. A fatalities field should only take a figure whose wording says people died.
 *
 * `isFatalityWording(raw)` is true when the text names deaths ("killed", "dead", "deaths",
 * "fatalities", "lost their lives", ...) and false when it only speaks of casualties, wounded,
 * injured or hurt people, and also false for combined counts such as "killed or wounded" or
 * "dead and injured", which mix deaths with injuries. Pure; never throws.
 */

const DEATH = String.raw`(?:killed|kill(?:s|ing)?|dead|deaths?|died|dies|dying|fatalit(?:y|ies)|fatal(?:ly)?|lives? (?:were |was )?lost|lost (?:their|his|her) li(?:fe|ves)|murder(?:ed|s)?|executed|executions?|slain|slaughtered|massacred|perished|bodies|corpses|beheaded|shot dead)`;
const INJURY = String.raw`(?:wounded|injured|injuries|injury|hurt|casualt(?:y|ies))`;

const DEATH_RE = new RegExp(String.raw`\b${DEATH}\b`, "i");
/** "killed or wounded", "dead and injured", "killed/wounded", in either order. */
const COMBINED_RE = new RegExp(
  String.raw`\b(?:${DEATH}\s*(?:or|and|/|&)\s*${INJURY}|${INJURY}\s*(?:or|and|/|&)\s*${DEATH})\b`,
  "i",
);

export function isFatalityWording(raw: string): boolean {
  if (typeof raw !== "string") return false;
  if (COMBINED_RE.test(raw)) return false;
  return DEATH_RE.test(raw);
}
