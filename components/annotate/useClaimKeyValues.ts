"use client";
/**
 * Key values (first date, first figure) for the claims list's rows in view, fetched on demand.
 *
 * Why lazily and not in the packed claims the page is sent with: a key-values line is ~50
 * characters, so 20,000 claims would add about 1 MB to the page (the packed offsets of all of
 * them weigh far less), and most rows are never scrolled to. Instead the list asks for the rows it
 * shows, after scrolling settles (SETTLE_MS), at most MAX_KEY_VALUE_CLAIMS at a time, and keeps the
 * answers by claim number and version: an edited claim has a new version, so its line is fetched
 * again; unchanged rows are never fetched twice. A failed request is not retried until the rows
 * in view change, so a rate limit or a lost connection cannot turn into a loop.
 */
import { useEffect, useRef, useState } from "react";
import { getClaimKeyValuesAction } from "@/app/projects/actions";
import type { CompactClaim } from "./types";

/** Wait this long after the rows in view change before asking: a fast scroll asks once, at the end. */
const SETTLE_MS = 120;
/** Same bound as the service's (MAX_KEY_VALUE_CLAIMS), kept here so the client never exceeds it. */
const MAX_PER_REQUEST = 100;

const keyOf = (c: CompactClaim) => `${c.id}@${c.version}`;

/** Returns the key-values line of a claim: a string ("" when it has none), or undefined while unknown. */
export function useClaimKeyValues(projectId: string, documentId: string, visible: CompactClaim[]) {
  const [lines, setLines] = useState<ReadonlyMap<string, string>>(() => new Map());
  const asked = useRef(new Set<string>());
  const wanted = visible.filter((c) => !c.id.startsWith("pending-") && !lines.has(keyOf(c)) && !asked.current.has(keyOf(c)));
  const signature = wanted.map(keyOf).join(",");

  useEffect(() => {
    if (!signature) return;
    const batch = wanted.slice(0, MAX_PER_REQUEST);
    const timer = setTimeout(async () => {
      for (const c of batch) asked.current.add(keyOf(c));
      const res = await getClaimKeyValuesAction(projectId, { documentId, seqs: batch.map((c) => Number(c.id)) }).catch(() => null);
      if (!res || !res.ok) {
        for (const c of batch) asked.current.delete(keyOf(c)); // asked again when the rows in view change
        return;
      }
      setLines((prev) => {
        const next = new Map(prev);
        // A claim missing from the answer was deleted meanwhile: it has no line.
        for (const c of batch) next.set(keyOf(c), res.data[c.id] ?? "");
        return next;
      });
    }, SETTLE_MS);
    return () => clearTimeout(timer);
    // `wanted` is described by `signature`; re-running on each render would defeat the settling.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, projectId, documentId]);

  return (c: CompactClaim): string | undefined => lines.get(keyOf(c));
}
