"use client";
/**
 * The document's claims beside the text, in reading order. Virtualized: a fixed-height scroll box
 * renders only the rows in view, so 20,000 claims cost the page no more than 20. Each row shows the
 * claim's type and number, its quote, and under it its key values (date, figure), which are
 * fetched for the rows in view only (useClaimKeyValues.ts says why).
 */
import { useMemo, useState } from "react";
import { quotePreview, sliceCp, type CodePointIndex } from "@/lib/core/offsets";
import type { UnderlineStyle } from "@/lib/core/color/palette";
import type { ClaimTypeInfo, CompactClaim } from "./types";
import { TypeName } from "./TypeName";
import { useClaimKeyValues } from "./useClaimKeyValues";

/** Row height in px; rows are fixed-height so the visible slice is arithmetic, not measurement. */
const ROW_HEIGHT = 64;
const VISIBLE_HEIGHT = 420;
const OVERSCAN = 6;
const QUOTE_PREVIEW = 90;

export function ClaimsList(props: {
  projectId: string;
  documentId: string;
  /** In reading order; on the server only the first rows (enough for the first screen). */
  claims: CompactClaim[];
  /** Claims in all (claims.length in the browser). */
  total: number;
  /** With each type's underline style (withTypeCues in lib/core/color/palette.ts), shown with its name. */
  types: Map<string, ClaimTypeInfo & { underline?: UnderlineStyle }>;
  text: string;
  index: CodePointIndex;
  focusedId: string | null;
  authorNames: Map<string, string>;
  onOpen(claim: CompactClaim): void;
}) {
  const { claims, types, text, index, focusedId, onOpen } = props;
  const [scrollTop, setScrollTop] = useState(0);
  const [filter, setFilter] = useState("");
  const shown = useMemo(() => (filter ? claims.filter((c) => c.typeId === filter) : claims), [claims, filter]);
  const rows = filter ? shown.length : props.total;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((scrollTop + VISIBLE_HEIGHT) / ROW_HEIGHT) + OVERSCAN);
  const visible = shown.slice(first, last);
  const keyValues = useClaimKeyValues(props.projectId, props.documentId, visible);

  const quote = (c: CompactClaim) => {
    const [s, e] = c.spans[0] ?? [0, 0];
    // A little past the preview's length, so it can end on a whole character and tell it was cut.
    return quotePreview(sliceCp(text, s, Math.min(e, s + QUOTE_PREVIEW + 8), index), QUOTE_PREVIEW);
  };

  return (
    <section className="claims-list" aria-labelledby="claims-list-h">
      <div className="claims-list-head">
        <h2 id="claims-list-h">Claims <span className="count" data-testid="claim-count">{props.total}</span></h2>
        <select aria-label="Show claims of type" value={filter} onChange={(e) => setFilter(e.target.value)}>
          <option value="">All types</option>
          {[...types.values()].map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </div>
      {props.total === 0 ? (
        <p className="empty small">No claims yet. Select words in the text, then pick a claim type (or press 1–9).</p>
      ) : (
        <div className="claims-scroll" style={{ height: Math.min(VISIBLE_HEIGHT, rows * ROW_HEIGHT) }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-testid="claims-list">
          {/* A list of the rows in view; each says where it stands in the whole list (aria-posinset/setsize). */}
          <ul className="claims-rows" style={{ height: rows * ROW_HEIGHT }} aria-labelledby="claims-list-h">
            {visible.map((c, i) => {
              const t = types.get(c.typeId);
              const values = keyValues(c);
              return (
                <li key={c.id} style={{ top: (first + i) * ROW_HEIGHT, height: ROW_HEIGHT }} aria-setsize={rows} aria-posinset={first + i + 1}>
                  <button
                    type="button"
                    data-testid="claim-row"
                    data-claim-id={c.id}
                    className={`claim-row${c.id === focusedId ? " focused" : ""}`}
                    disabled={c.id.startsWith("pending-")}
                    onClick={() => onOpen(c)}
                  >
                    <span className="swatch" style={{ background: t?.color }} aria-hidden="true" />
                    <span className="claim-row-body">
                      <span className="claim-row-type">{c.id.startsWith("pending-") ? "saving…" : `#${c.id}`} {t ? <TypeName type={t} /> : "claim"}{c.spans.length > 1 ? ` · ${c.spans.length} spans` : ""} · {props.authorNames.get(c.authorId) ?? ""}</span>
                      <span className="claim-row-quote">“{quote(c)}”</span>
                      <span className="claim-row-values" data-testid="claim-row-values" aria-busy={values === undefined || undefined}>{values ?? ""}</span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
