"use client";
/** When several claims cover the clicked character, the user picks which one to open. */
import { useEffect, useRef } from "react";
import { quotePreview, sliceCp, type CodePointIndex } from "@/lib/core/offsets";
import type { UnderlineStyle } from "@/lib/core/color/palette";
import type { ClaimTypeInfo, CompactClaim } from "./types";
import { TypeName } from "./TypeName";

export function OverlapChooser({ at, claims, types, text, index, onPick, onClose }: {
  at: { x: number; y: number };
  claims: CompactClaim[];
  types: Map<string, ClaimTypeInfo & { underline?: UnderlineStyle }>;
  text: string;
  index: CodePointIndex;
  onPick(id: string): void;
  onClose(): void;
}) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="chooser" style={{ position: "fixed", left: at.x, top: at.y + 12 }} data-testid="overlap-chooser"
      onKeyDown={(e) => e.key === "Escape" && onClose()}>
      <p className="small muted">{claims.length} claims cover this point</p>
      {/* The menu holds the claims only: a menu may contain nothing but menu items, so Cancel sits beside it. */}
      <div role="menu" aria-label={`${claims.length} claims here`}>
        {claims.map((c, i) => {
          const t = types.get(c.typeId);
          const [s, e] = c.spans[0] ?? [0, 0];
          const quote = quotePreview(sliceCp(text, s, Math.min(e, s + 68), index), 60);
          return (
            <button key={c.id} ref={i === 0 ? first : undefined} type="button" role="menuitem" onClick={() => onPick(c.id)}>
              <span className="swatch" style={{ background: t?.color }} aria-hidden="true" /> {t && <TypeName type={t} />}: “{quote}”
            </button>
          );
        })}
      </div>
      <button type="button" className="link-button" onClick={onClose}>Cancel</button>
    </div>
  );
}
