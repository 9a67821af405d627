/**
 * Links within the claims table: the current query with some parameters changed, written back as
 * the URL the filter form would produce (defaults left out, so links stay short and stable).
 */
import type { ClaimTableQuery } from "@/lib/services/claim-lists";

export type QueryPatch = { [K in keyof ClaimTableQuery]?: ClaimTableQuery[K] | undefined };

const DEFAULTS: Partial<Record<keyof ClaimTableQuery, string>> = { page: "1", sort: "newest", dir: "asc" };

export function tableHref(base: string, query: ClaimTableQuery, patch: QueryPatch = {}): string {
  const merged: QueryPatch = { ...query, ...patch };
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(merged) as [keyof ClaimTableQuery, unknown][]) {
    if (v === undefined || v === "") continue;
    if (Array.isArray(v)) for (const item of v) p.append(k, String(item));
    else if (DEFAULTS[k] !== String(v)) p.set(k, String(v));
  }
  const s = p.toString();
  return `${base}${s ? `?${s}` : ""}`;
}
