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
import { getClaimKeyValuesAction } from "@/lib/actions/projects";
import type { CompactClaim } from "./types";

/** Wait this long after the rows in view change before asking: a fast scroll asks once, at the end. */
const SETTLE_MS = 120;
/** Same bound as the service's (MAX_KEY_VALUE_CLAIMS), kept here so the client never exceeds it. */
const MAX_PER_REQUEST = 100;

const keyOf = (c: CompactClaim) => `${c.id}@${c.version}`;
const seqOf = (key: string) => key.slice(0, key.indexOf("@"));

/** Returns the key-values line of a claim: a string ("" when it has none), or undefined while unknown. */
export function useClaimKeyValues(projectId: string, documentId: string, visible: CompactClaim[]) {
  const [lines, setLines] = useState<ReadonlyMap<string, string>>(() => new Map());
  /** Keys asked for and not yet answered (or answered with an error: removed again). Read only in effects. */
  const asked = useRef(new Set<string>());
  const signature = visible.filter((c) => !c.id.startsWith("pending-") && !lines.has(keyOf(c))).map(keyOf).join(",");

  useEffect(() => {
    const batch = signature ? signature.split(",").filter((k) => !asked.current.has(k)).slice(0, MAX_PER_REQUEST) : [];
    if (batch.length === 0) return;
    const timer = setTimeout(async () => {
      for (const k of batch) asked.current.add(k);
      const seqs = batch.map((k) => Number(seqOf(k)));
      const res = await getClaimKeyValuesAction(projectId, { documentId, seqs }).catch(() => null);
      if (!res || !res.ok) {
        for (const k of batch) asked.current.delete(k); // asked again when the rows in view change
        return;
      }
      setLines((prev) => {
        const next = new Map(prev);
        // A claim missing from the answer was deleted meanwhile: it has no line.
        for (const k of batch) next.set(k, res.data[seqOf(k)] ?? "");
        return next;
      });
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [signature, projectId, documentId]);

  return (c: CompactClaim): string | undefined => lines.get(keyOf(c));
}
