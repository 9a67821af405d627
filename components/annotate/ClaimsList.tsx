"use client";
/**
 * The document's claims beside the text, in reading order. Virtualized: a fixed-height scroll box
 * renders only the rows in view, so 20,000 claims cost the page no more than 20. Each row shows the
 * claim's type and number, its quote, and under it its key values (date, figure), which are
 * fetched for the rows in view only (useClaimKeyValues.ts says why).
 *
 * A listbox with one Tab stop: the box itself holds focus and points at the active row
 * (aria-activedescendant), so a row scrolled out of view and no longer rendered can never take focus
 * with it. Arrow keys, Home/End and PageUp/PageDown move the active row, which is always scrolled into
 * view (and so rendered); Enter (or Space, or a click) opens its claim. The open claim's row becomes
 * the active one and is scrolled into view whenever a claim opens.
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
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

const pending = (c: CompactClaim) => c.id.startsWith("pending-");

/** Scrolls the box the least needed for row `i` to be wholly in view. */
function scrollRowIntoView(box: HTMLElement, i: number) {
  const top = i * ROW_HEIGHT;
  if (top < box.scrollTop) box.scrollTop = top;
  else if (top + ROW_HEIGHT > box.scrollTop + box.clientHeight) box.scrollTop = top + ROW_HEIGHT - box.clientHeight;
}

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
  /** Esc in the list: back to the text, at the active claim when there is one. */
  onLeave?(claim: CompactClaim | null): void;
}) {
  const { claims, types, text, index, focusedId, onOpen } = props;
  const [scrollTop, setScrollTop] = useState(0);
  const [filter, setFilter] = useState("");
  const [activeId, setActiveId] = useState<string | null>(null);
  // When a claim opens, its row becomes the active one (adjusted while rendering, not in an effect).
  const [seenFocused, setSeenFocused] = useState(focusedId);
  if (seenFocused !== focusedId) {
    setSeenFocused(focusedId);
    if (focusedId) setActiveId(focusedId);
  }
  const boxRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const optionId = (c: CompactClaim) => `${idPrefix}-claim-${c.id}`;
  const shown = useMemo(() => (filter ? claims.filter((c) => c.typeId === filter) : claims), [claims, filter]);
  const rows = filter ? shown.length : props.total;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((scrollTop + VISIBLE_HEIGHT) / ROW_HEIGHT) + OVERSCAN);
  const visible = shown.slice(first, last);
  const keyValues = useClaimKeyValues(props.projectId, props.documentId, visible);
  const activeIndex = useMemo(() => (activeId === null ? -1 : shown.findIndex((c) => c.id === activeId)), [shown, activeId]);
  const activeRendered = activeIndex >= first && activeIndex < last;

  // The open claim's row is scrolled into the list's view (the list's own scroll, not the page's) when
  // a claim opens; later changes of the list leave the reader's scrolling alone.
  const shownNow = useRef(shown);
  useEffect(() => {
    shownNow.current = shown;
  });
  useEffect(() => {
    const box = boxRef.current;
    const i = focusedId === null ? -1 : shownNow.current.findIndex((c) => c.id === focusedId);
    if (box && i >= 0) scrollRowIntoView(box, i);
  }, [focusedId]);

  const activate = (i: number) => {
    const c = shown[Math.max(0, Math.min(shown.length - 1, i))];
    const box = boxRef.current;
    if (!c) return;
    setActiveId(c.id);
    if (box) {
      scrollRowIntoView(box, shown.indexOf(c));
      setScrollTop(box.scrollTop); // render the row now, so the box never points at a missing one
    }
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || shown.length === 0) return;
    const page = Math.max(1, Math.floor((boxRef.current?.clientHeight ?? VISIBLE_HEIGHT) / ROW_HEIGHT) - 1);
    const at = activeIndex;
    const moves: Record<string, number> = {
      ArrowDown: at < 0 ? 0 : at + 1, ArrowUp: at < 0 ? 0 : at - 1, Home: 0, End: shown.length - 1,
      PageDown: at < 0 ? page : at + page, PageUp: at < 0 ? 0 : at - page,
    };
    if (e.key in moves) {
      e.preventDefault();
      activate(moves[e.key]!);
    } else if (e.key === "Escape" && props.onLeave) {
      // The list's own Esc (back to the text): the page's Esc, which closes an open form, must not see it too.
      e.preventDefault();
      e.stopPropagation();
      props.onLeave(at >= 0 ? shown[at]! : null);
    } else if ((e.key === "Enter" || e.key === " ") && at >= 0) {
      e.preventDefault();
      if (!pending(shown[at]!)) onOpen(shown[at]!);
    }
  };

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
        <div ref={boxRef} className="claims-scroll" style={{ height: Math.min(VISIBLE_HEIGHT, rows * ROW_HEIGHT) }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-testid="claims-list"
          role="listbox" tabIndex={0} aria-labelledby="claims-list-h" aria-describedby={`${idPrefix}-keys`}
          aria-activedescendant={activeIndex >= 0 && activeRendered ? optionId(shown[activeIndex]!) : undefined}
          onKeyDown={onKeyDown}
          // Tabbing in lands on the open claim's row, else on the first.
          onFocus={() => { if (activeIndex < 0) activate(Math.max(0, focusedId === null ? 0 : shown.findIndex((c) => c.id === focusedId))); }}>
          {/* The rows in view; each says where it stands in the whole list (aria-posinset/setsize). */}
          <div className="claims-rows" role="presentation" style={{ height: rows * ROW_HEIGHT }}>
            {visible.map((c, i) => {
              const t = types.get(c.typeId);
              const values = keyValues(c);
              return (
                <div
                  key={c.id}
                  id={optionId(c)}
                  role="option"
                  aria-selected={c.id === activeId}
                  aria-disabled={pending(c) || undefined}
                  aria-setsize={rows}
                  aria-posinset={first + i + 1}
                  style={{ top: (first + i) * ROW_HEIGHT, height: ROW_HEIGHT }}
                  data-testid="claim-row"
                  data-claim-id={c.id}
                  className={`claim-row${c.id === focusedId ? " focused" : ""}${c.id === activeId ? " active" : ""}`}
                  onClick={() => { setActiveId(c.id); if (!pending(c)) onOpen(c); }}
                >
                  <span className="swatch" style={{ background: t?.color }} aria-hidden="true" />
                  <span className="claim-row-body">
                    <span className="claim-row-type">{pending(c) ? "saving…" : `#${c.id}`} {t ? <TypeName type={t} /> : "claim"}{c.spans.length > 1 ? ` · ${c.spans.length} spans` : ""} · {props.authorNames.get(c.authorId) ?? ""}</span>
                    <span className="claim-row-quote">“{quote(c)}”</span>
                    <span className="claim-row-values" data-testid="claim-row-values" aria-busy={values === undefined || undefined}>{values ?? ""}</span>
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      )}
      {props.total > 0 && <p id={`${idPrefix}-keys`} className="muted small">↑ ↓ Home End PgUp PgDn move in the list; <kbd>Enter</kbd> opens the claim.</p>}
    </section>
  );
}
