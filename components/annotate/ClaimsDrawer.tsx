"use client";
/**
 * The claims list as a drawer on narrow screens (below 1000 px, NARROW_QUERY). A button in the bar
 * above the text ("Claims (13)", aria-expanded, aria-controls) opens it over the text and moves focus
 * into it; Esc or its close button closes it and puts focus back on that button. Opening a claim from
 * the list closes it too, so the claim form and its evidence are in view.
 * From 1000 px the stylesheet shows the drawer's content in the side column and hides both buttons.
 */
import { useCallback, useEffect, useState, type ReactNode } from "react";

/** Must match the stylesheet's narrow layout (app/globals.css, "Below 1000 px"). */
export const NARROW_QUERY = "(width < 1000px)";

export function isNarrow(): boolean {
  return typeof window !== "undefined" && window.matchMedia(NARROW_QUERY).matches;
}

const DRAWER_ID = "claims-drawer";
const TOGGLE_ID = "claims-drawer-toggle";
const CLOSE_ID = "claims-drawer-close";

export type ClaimsDrawerState = ReturnType<typeof useClaimsDrawer>;

export function useClaimsDrawer() {
  const [open, setOpen] = useState(false);
  /** Closes the drawer; `returnFocus` puts focus back on the button that opened it. */
  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus && isNarrow()) document.getElementById(TOGGLE_ID)?.focus();
  }, []);
  const show = useCallback(() => setOpen(true), []);
  // Focus moves into the drawer once it is displayed (it is display: none until this render).
  useEffect(() => {
    if (open && isNarrow()) document.getElementById(CLOSE_ID)?.focus();
  }, [open]);
  return { open, show, close };
}

export function ClaimsDrawerToggle({ drawer, count }: { drawer: ClaimsDrawerState; count: number }) {
  return (
    <button id={TOGGLE_ID} type="button" className="secondary small" aria-expanded={drawer.open} aria-controls={DRAWER_ID}
      onClick={() => (drawer.open ? drawer.close(false) : drawer.show())} data-testid="claims-drawer-toggle">
      Claims ({count})
    </button>
  );
}

export function ClaimsDrawer({ drawer, children }: { drawer: ClaimsDrawerState; children: ReactNode }) {
  return (
    <div id={DRAWER_ID} className={`claims-drawer${drawer.open ? " open" : ""}`} data-testid="claims-drawer"
      onKeyDown={(e) => {
        if (e.key !== "Escape" || !drawer.open || !isNarrow()) return;
        // Esc here closes the drawer only, not the claim form behind it (the page's own Esc handler).
        e.preventDefault();
        e.stopPropagation();
        drawer.close(true);
      }}>
      <button id={CLOSE_ID} type="button" className="secondary small drawer-close" onClick={() => drawer.close(true)}>
        Close the claims list <kbd>Esc</kbd>
      </button>
      {children}
    </div>
  );
}
