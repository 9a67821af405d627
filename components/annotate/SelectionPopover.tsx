"use client";
/**
 * Floats under the current text selection: first the type R repeats (the last one used), then one
 * button per claim type (with its number key).
 */
import type { UnderlineStyle } from "@/lib/core/color/palette";
import type { ClaimTypeInfo } from "./types";
import { TypeName } from "./TypeName";

export function SelectionPopover({ types, repeat, at, onPick, canAddToOpen, onAddToOpen, onDismiss }: {
  types: (ClaimTypeInfo & { underline?: UnderlineStyle })[];
  /** The type key R tags with (the last one used), if any. */
  repeat?: ClaimTypeInfo & { underline?: UnderlineStyle };
  at?: { x: number; y: number };
  onPick(typeId: string): void;
  canAddToOpen: boolean;
  onAddToOpen(): void;
  onDismiss(): void;
}) {
  const style: React.CSSProperties = at
    ? { position: "fixed", left: Math.max(8, Math.min(at.x - 150, (typeof window !== "undefined" ? window.innerWidth : 1200) - 320)), top: at.y + 8 }
    : {};
  return (
    <div className="selection-popover" role="toolbar" aria-label="Tag the selected text as" style={style} data-testid="selection-popover"
      onMouseDown={(e) => e.preventDefault() /* keep the text selection while clicking */}>
      {repeat && (
        <button type="button" onClick={() => onPick(repeat.id)} data-testid="type-option-repeat" title={`Repeat the last type: ${repeat.name} (key R)`}>
          <span className="swatch" style={{ background: repeat.color }} aria-hidden="true" /> Repeat: <TypeName type={repeat} /> <kbd>R</kbd>
        </button>
      )}
      {types.slice(0, 9).map((t, i) => (
        <button key={t.id} type="button" onClick={() => onPick(t.id)} data-testid={`type-option-${t.key}`} title={`${t.name} (key ${i + 1})`}>
          <span className="swatch" style={{ background: t.color }} aria-hidden="true" /> <kbd>{i + 1}</kbd> <TypeName type={t} />
        </button>
      ))}
      {types.slice(9).map((t) => (
        <button key={t.id} type="button" onClick={() => onPick(t.id)} data-testid={`type-option-${t.key}`}>
          <span className="swatch" style={{ background: t.color }} aria-hidden="true" /> <TypeName type={t} />
        </button>
      ))}
      {canAddToOpen && <button type="button" className="secondary" onClick={onAddToOpen} data-testid="add-to-open">+ evidence for open claim <kbd>A</kbd></button>}
      <button type="button" className="link-button" aria-label="Dismiss" onClick={onDismiss}>✕</button>
    </div>
  );
}
