/**
 * The project's actor list and its aliases: resolves a name as written ("ISIS-K") to one actor
 * id, so sources that spell a group differently still match (claims.md "actor").
 *
 * Names compare by `actorKey`: normalizeName, then a leading "the" dropped, then every space
 * removed, so "al-Qaeda", "al Qaeda" and "AlQaeda" meet. An alias that two actors share is
 * ambiguous: it resolves to nothing and is reported, rather than picking one silently.
 */
import { normalizeName } from "./normalize";

export type ProjectActor = { id: string; name: string; aliases?: readonly string[] };

/** The normalized form of an actor name: normalizeName without a leading "the". */
export function normalizeActorName(raw: string): string {
  return normalizeName(raw).replace(/^the /, "");
}

/** The key names are looked up by: the normalized name with spaces removed. */
export function actorKey(raw: string): string {
  return normalizeActorName(raw).replace(/ /g, "");
}

export type ActorIndex = {
  /** The actor id a name resolves to, or null (unknown or ambiguous). */
  resolve(raw: string): string | null;
  /** Keys that name more than one actor, with the ids they name. */
  ambiguous: { key: string; actorIds: string[] }[];
};

export function buildActorIndex(actors: readonly ProjectActor[]): ActorIndex {
  const byKey = new Map<string, Set<string>>();
  for (const a of actors) {
    for (const name of [a.name, ...(a.aliases ?? [])]) {
      const key = actorKey(name);
      if (key === "") continue;
      const ids = byKey.get(key) ?? new Set<string>();
      ids.add(a.id);
      byKey.set(key, ids);
    }
  }
  const ambiguous = [...byKey]
    .filter(([, ids]) => ids.size > 1)
    .map(([key, ids]) => ({ key, actorIds: [...ids].sort() }));
  return {
    resolve(raw: string) {
      const ids = byKey.get(actorKey(raw));
      return ids && ids.size === 1 ? [...ids][0] : null;
    },
    ambiguous,
  };
}
