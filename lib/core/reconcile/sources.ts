/**
 * Independent sources of a record (UCDP's number_of_sources): documents, except that a document
 * whose evidence for the record is only copied from another supporting document is not a second
 * source (claims.md "Sources").
 *
 * Rule: a document D depends on a supporting document E when every claim of D in the record has
 * every span inside a passage D shares with E (near-duplicates.ts). D and E then count as one
 * source, and so on transitively. A claim without spans is original evidence (nothing shows it
 * was copied), so its document stays independent.
 */
import type { DuplicatePassage } from "./near-duplicates";
import type { CpRange, ReconcileClaim } from "./types";
import { UnionFind } from "./union-find";

export type SourceCount = {
  count: number;
  /** Document ids per independent source, each sorted; the sources ordered by first id. */
  sources: string[][];
};

const inside = (s: CpRange, r: CpRange) => r.start <= s.start && s.end <= r.end;

export function independentSources(
  claims: readonly Pick<ReconcileClaim, "id" | "documentId" | "spans">[],
  duplicates: readonly DuplicatePassage[],
): SourceCount {
  const docs = [...new Set(claims.map((c) => c.documentId))].sort();
  const at = new Map(docs.map((d, i) => [d, i]));
  // Per document: the passages it shares with each other supporting document.
  const shared = new Map<string, { other: string; range: CpRange }[]>();
  const note = (doc: string, other: string, range: CpRange) => {
    if (!at.has(doc) || !at.has(other) || doc === other) return;
    shared.set(doc, [...(shared.get(doc) ?? []), { other, range }]);
  };
  for (const p of duplicates) {
    note(p.docA, p.docB, p.a);
    note(p.docB, p.docA, p.b);
  }
  const uf = new UnionFind(docs.length);
  for (const doc of docs) {
    const passages = shared.get(doc) ?? [];
    const mine = claims.filter((c) => c.documentId === doc);
    const others = new Set<string>();
    const copied = mine.every((c) => {
      const spans = c.spans ?? [];
      if (spans.length === 0) return false;
      // Documents one passage of which holds every span of this claim.
      const fits = [...new Set(passages.map((p) => p.other))].filter((o) =>
        spans.every((s) => passages.some((p) => p.other === o && inside(s, p.range))),
      );
      fits.forEach((o) => others.add(o));
      return fits.length > 0;
    });
    if (copied) for (const o of others) uf.union(at.get(doc)!, at.get(o)!);
  }
  const byRoot = new Map<number, string[]>();
  docs.forEach((d, i) => byRoot.set(uf.find(i), [...(byRoot.get(uf.find(i)) ?? []), d]));
  const sources = [...byRoot.values()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { count: sources.length, sources };
}
