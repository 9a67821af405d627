/**
 * Value combination: the record's value for each field from the claims grouped into it, with the
 * rule that chose it, the claims that support it and the alternatives (claims.md "Record").
 *
 * Rules (`CombineRule`):
 * - curator: the value of the claim a curator chose (UCDP's "best" is chosen this way);
 * - conservative_minimum (ACLED): for figures the smallest best; for numbers the smallest value;
 * - most_recent (GTD): the value from the most recently published document (publication dates
 *   compare by the earliest day they allow; a document without one ranks last);
 * - majority: the value most claims give; a tie is a conflict left to a curator (value null);
 * - intersection: dates only, the narrowest window every source allows; windows that do not all
 *   overlap are a conflict (value null);
 * - all: attributions describe each source, so the record keeps every one (value: the list).
 * Figures always combine as low = the smallest low and high = the largest high (each source's
 * low and high fall back to its best, the figure it states), with best by the rule, so the
 * result keeps low <= best <= high. A rule that does not apply to a field's kind falls back to
 * the kind's default, and `note` says so.
 * Empty values (absent, blank, "unknown") support nothing and are not alternatives.
 */
import { isPublishedDate } from "@/lib/core/values";
import type { ClaimTypeDefinition, FieldDefinition } from "@/lib/core/claim-types";
import type { ActorIndex } from "./actors";
import { isoFromDay, readDateWindow } from "./dates";
import { readFigure } from "./figures";
import { asRecord } from "./normalize";
import type { ReconcileClaim } from "./types";
import { isEmptyValue, valueKey } from "./value-keys";

export type CombineRule = "curator" | "conservative_minimum" | "most_recent" | "majority" | "intersection" | "all";
export type Alternative = { value: unknown; claimIds: string[] };
export type CombinedField = {
  value: unknown;
  rule: CombineRule;
  conflict: boolean;
  supportingClaims: string[];
  alternatives: Alternative[];
  note?: string;
};
export type CombineOptions = {
  /** Rule per field key; unset fields use DEFAULT_RULES by kind. */
  rules?: Record<string, CombineRule>;
  /** The claim a curator chose, per field key (implies the curator rule). */
  curatorChoice?: Record<string, string>;
  actors?: ActorIndex;
};

export const DEFAULT_RULES: Record<FieldDefinition["kind"], CombineRule> = {
  quantity: "conservative_minimum", number: "conservative_minimum", date: "intersection", attribution: "all",
  text: "majority", place: "majority", actor: "majority", enum: "majority", boolean: "majority",
};
const APPLIES: Record<CombineRule, (kind: FieldDefinition["kind"]) => boolean> = {
  curator: () => true,
  conservative_minimum: (k) => k === "quantity" || k === "number",
  most_recent: () => true,
  majority: () => true,
  intersection: (k) => k === "date",
  all: () => true,
};

type Entry = { claim: ReconcileClaim; value: unknown; key: string };

function alternativesOf(entries: Entry[]): (Alternative & { key: string })[] {
  const byKey = new Map<string, Alternative & { key: string }>();
  for (const e of entries) {
    const alt = byKey.get(e.key);
    if (alt) alt.claimIds.push(e.claim.id);
    else byKey.set(e.key, { key: e.key, value: e.value, claimIds: [e.claim.id] });
  }
  return [...byKey.values()].sort((a, b) => b.claimIds.length - a.claimIds.length);
}

/** The entries from the most recently published documents (all of them when none has a date). */
function mostRecent(entries: Entry[]): Entry[] {
  const pub = (e: Entry) => (e.claim.published && isPublishedDate(e.claim.published) ? e.claim.published : "");
  const latest = entries.reduce((m, e) => (pub(e) > m ? pub(e) : m), "");
  return entries.filter((e) => pub(e) === latest);
}

function majority(entries: Entry[]): { value: unknown; conflict: boolean } {
  const alts = alternativesOf(entries);
  if (alts.length > 1 && alts[0].claimIds.length === alts[1].claimIds.length) return { value: null, conflict: true };
  return { value: alts[0].value, conflict: false };
}

// Loops rather than Math.min(...xs): a spread of a large record's values can overflow the stack.
const min = (xs: (number | null)[]) => {
  let m: number | null = null;
  for (const n of xs) if (n !== null && (m === null || n < m)) m = n;
  return m;
};
const max = (xs: (number | null)[]) => {
  let m: number | null = null;
  for (const n of xs) if (n !== null && (m === null || n > m)) m = n;
  return m;
};

function combineFigures(entries: Entry[], rule: CombineRule): { value: unknown; conflict: boolean } {
  const figs = entries.map((e) => readFigure(e.value)!);
  const low = min(figs.map((f) => f.low ?? f.best));
  const high = max(figs.map((f) => f.high ?? f.best));
  let best: number | null;
  let conflict = false;
  if (rule === "conservative_minimum") best = min(figs.map((f) => f.best));
  else if (rule === "curator") best = figs[0].best;
  else if (rule === "most_recent") best = min(mostRecent(entries).map((e) => readFigure(e.value)!.best));
  else {
    const bests: Entry[] = [];
    for (const e of entries) {
      const b = readFigure(e.value)!.best;
      if (b !== null) bests.push({ claim: e.claim, value: b, key: String(b) });
    }
    const m = bests.length ? majority(bests) : { value: null, conflict: false };
    best = m.value as number | null;
    conflict = m.conflict;
  }
  return { value: { low, best, high }, conflict };
}

function intersectDates(entries: Entry[]): { value: unknown; conflict: boolean } {
  const windows = entries.map((e) => readDateWindow(e.value)!);
  const start = max(windows.map((w) => w.start))!;
  const end = min(windows.map((w) => w.end))!;
  if (start > end) return { value: null, conflict: true };
  const same = windows.find((w) => w.start === start && w.end === end);
  const precision = start === end ? "day" : same ? same.precision : "days";
  return { value: { start: isoFromDay(start), end: isoFromDay(end), precision }, conflict: false };
}

function apply(f: FieldDefinition, rule: CombineRule, entries: Entry[]): { value: unknown; conflict: boolean } {
  switch (rule) {
    case "all":
      return { value: alternativesOf(entries).map((a) => a.value), conflict: false };
    case "intersection":
      return intersectDates(entries);
    case "conservative_minimum":
    case "curator":
      if (f.kind === "quantity") return combineFigures(entries, rule);
      if (rule === "curator") return { value: entries[0].value, conflict: false };
      return { value: min(entries.map((e) => (typeof e.value === "number" ? e.value : null))), conflict: false };
    case "most_recent":
      if (f.kind === "quantity") return combineFigures(entries, rule);
      return majority(mostRecent(entries));
    case "majority":
      if (f.kind === "quantity") return combineFigures(entries, rule);
      return majority(entries);
  }
}

/** Combines one field across the record's claims; see the module comment. */
export function combineField(f: FieldDefinition, claims: readonly ReconcileClaim[], options: CombineOptions = {}): CombinedField {
  const entries: Entry[] = [];
  for (const claim of claims) {
    const value = asRecord(claim.values)?.[f.key];
    if (!isEmptyValue(f, value)) entries.push({ claim, value, key: valueKey(f, value, options.actors) });
  }
  const alternatives = alternativesOf(entries).map(({ value, claimIds }) => ({ value, claimIds }));
  const chosenId = options.curatorChoice?.[f.key];
  let rule: CombineRule = chosenId !== undefined ? "curator" : options.rules?.[f.key] ?? DEFAULT_RULES[f.kind];
  let note: string | undefined;
  if (!APPLIES[rule](f.kind)) {
    note = `${rule} does not apply to ${f.kind} fields; ${DEFAULT_RULES[f.kind]} used`;
    rule = DEFAULT_RULES[f.kind];
  }
  if (entries.length === 0) return { value: null, rule, conflict: false, supportingClaims: [], alternatives, ...(note ? { note } : {}) };
  let used = entries;
  if (rule === "curator") {
    const chosen = entries.find((e) => e.claim.id === chosenId);
    if (!chosen) {
      note = `the chosen claim ${chosenId} gives no value here; ${DEFAULT_RULES[f.kind]} used`;
      rule = DEFAULT_RULES[f.kind];
    } else {
      // The chosen claim first: figures take its best (and every source's envelope).
      used = [chosen, ...entries.filter((e) => e !== chosen)];
    }
  }
  const { value, conflict } = apply(f, rule, used);
  const supportingClaims = supporting(f, rule, used, value, options.actors);
  return { value, rule, conflict, supportingClaims, alternatives, ...(note ? { note } : {}) };
}

/** Claims that support the chosen value: all that fit it for figures, dates and lists; those with that value otherwise. */
function supporting(f: FieldDefinition, rule: CombineRule, entries: Entry[], value: unknown, actors?: ActorIndex): string[] {
  if (value === null) return [];
  if (rule === "curator" && f.kind !== "quantity") return [entries[0].claim.id];
  if (f.kind === "quantity" || f.kind === "date" || rule === "all") return entries.map((e) => e.claim.id);
  const key = valueKey(f, value, actors);
  return entries.filter((e) => e.key === key).map((e) => e.claim.id);
}

/** Combines every field of a definition (derived fields included: they are combined like the rest). */
export function combineRecord(def: ClaimTypeDefinition, claims: readonly ReconcileClaim[], options: CombineOptions = {}): Record<string, CombinedField> {
  return Object.fromEntries(def.fields.map((f) => [f.key, combineField(f, claims, options)]));
}
