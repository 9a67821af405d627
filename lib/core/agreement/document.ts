/**
 * Agreement in one document, between every pair of annotators who annotated it.
 *
 * Pairs are unordered: annotators are sorted by id and the first of a pair is the reference (A),
 * so `precision` is B's claims found by A and `recall` is A's claims found by B; F1 is the same
 * either way. Matching is per pair (matching.ts), exact and by overlap; field agreement uses the
 * overlap matches. Label agreement (nominal alpha on claim types) is over the document's units
 * (label-units.ts), with every annotator of the document as a coder.
 *
 * Annotators of a document are those given in `annotators` (who worked on it, even with no
 * claims) together with everyone who has a claim in it. An annotator with no claims in a
 * document they annotated counts: their silence disagrees with others' claims.
 *
 * Results keep the finest-grained counts (`spanRows`, `fieldRows`: one per document, pair, claim
 * type [, field]) so any aggregate is a sum of rows (aggregate.ts), never an average of ratios.
 * Pure; never throws.
 */
import type { FieldDefinition, FieldKind } from "@/lib/core/claim-types/definition";
import { krippendorffAlpha, type AlphaResult } from "./alpha";
import { countField, type FieldCounts } from "./fields";
import { buildLabelUnits, unitHasType, unitLabel, type LabelUnit, type Unlabelled } from "./label-units";
import { matchClaims } from "./matching";
import { addCounts, NO_COUNTS, scoresOf } from "./scores";
import type { AgreementClaim, ClaimPair, MatchCounts, Scores } from "./types";

export type AgreementOptions = {
  /** Fields per claim-type key; types not listed get no field agreement. */
  fields?: Readonly<Record<string, readonly FieldDefinition[]>>;
  /** How "no claim here" counts in label agreement; default "none" (a category of its own). */
  unlabelled?: Unlabelled;
};

type Grain = { documentId: string; annotatorA: string; annotatorB: string; typeKey: string };
export type SpanRow = Grain & { exact: MatchCounts; overlap: MatchCounts };
export type FieldRow = Grain & FieldCounts & { fieldKey: string; kind: FieldKind };

export type PairAgreement = {
  annotatorA: string;
  annotatorB: string;
  exact: Scores;
  overlap: Scores;
  /** The claims matched by overlap, for review and field agreement. */
  matches: ClaimPair[];
};

export type DocumentAgreement = {
  documentId: string;
  annotators: string[];
  pairs: PairAgreement[];
  spanRows: SpanRow[];
  fieldRows: FieldRow[];
  units: LabelUnit[];
  /** Nominal alpha on the claim type of each unit. */
  labels: AlphaResult;
};

const byId = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

function countByType(m: ReturnType<typeof matchClaims>): Map<string, MatchCounts> {
  const out = new Map<string, MatchCounts>();
  const add = (t: string, c: MatchCounts) => out.set(t, addCounts(out.get(t) ?? NO_COUNTS, c));
  for (const p of m.pairs) add(p.a.typeKey, { matched: 1, onlyA: 0, onlyB: 0 });
  for (const c of m.onlyA) add(c.typeKey, { matched: 0, onlyA: 1, onlyB: 0 });
  for (const c of m.onlyB) add(c.typeKey, { matched: 0, onlyA: 0, onlyB: 1 });
  return out;
}

const total = (m: ReturnType<typeof matchClaims>): MatchCounts => ({ matched: m.pairs.length, onlyA: m.onlyA.length, onlyB: m.onlyB.length });

export function documentAgreement(
  documentId: string,
  claims: readonly AgreementClaim[],
  annotators: readonly string[] = [],
  options: AgreementOptions = {},
): DocumentAgreement {
  const people = [...new Set([...annotators, ...claims.map((c) => c.annotatorId)])].sort(byId);
  const own = new Map<string, AgreementClaim[]>(people.map((p) => [p, []]));
  for (const c of claims) own.get(c.annotatorId)!.push(c);
  const pairs: PairAgreement[] = [];
  const spanRows: SpanRow[] = [];
  const fieldRows: FieldRow[] = [];
  for (let i = 0; i < people.length; i++) {
    for (let j = i + 1; j < people.length; j++) {
      const [annotatorA, annotatorB] = [people[i], people[j]];
      const exact = matchClaims(own.get(annotatorA)!, own.get(annotatorB)!, "exact");
      const overlap = matchClaims(own.get(annotatorA)!, own.get(annotatorB)!, "overlap");
      pairs.push({ annotatorA, annotatorB, exact: scoresOf(total(exact)), overlap: scoresOf(total(overlap)), matches: overlap.pairs });
      const exactByType = countByType(exact);
      const overlapByType = countByType(overlap);
      for (const typeKey of [...overlapByType.keys()].sort(byId)) {
        const grain = { documentId, annotatorA, annotatorB, typeKey };
        spanRows.push({ ...grain, exact: exactByType.get(typeKey) ?? NO_COUNTS, overlap: overlapByType.get(typeKey)! });
        const values = overlap.pairs.filter((p) => p.a.typeKey === typeKey).map((p) => [p.a.values, p.b.values] as const);
        // Fields are compared on matched claims only: no match, no field rows.
        for (const f of values.length > 0 ? options.fields?.[typeKey] ?? [] : []) {
          fieldRows.push({ ...grain, fieldKey: f.key, kind: f.kind, ...countField(f.kind, f.key, values) });
        }
      }
    }
  }
  const units = buildLabelUnits(claims, people);
  const unlabelled = options.unlabelled ?? "none";
  const labels = krippendorffAlpha(units.map((u) => u.types.map((t) => unitLabel(t, unlabelled))));
  return { documentId, annotators: people, pairs, spanRows, fieldRows, units, labels };
}

/** Alpha on the presence of one claim type over some units (the type, or not). */
export function typeAlpha(units: readonly LabelUnit[], typeKey: string, unlabelled: Unlabelled = "none"): AlphaResult {
  return krippendorffAlpha(units.map((u) => u.types.map((t) => unitHasType(t, typeKey, unlabelled))));
}
