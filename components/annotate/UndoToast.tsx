"use client";
/** A short-lived status message; destructive actions offer Undo here. */
import { useEffect, useRef } from "react";

export interface Toast {
  message: string;
  undo?: () => Promise<void> | void;
}

/** Long enough to notice and reach the button; the claim stays restorable afterwards via the audit log. */
const TOAST_MS = 8000;

export function UndoToast({ toast, onDone }: { toast: Toast; onDone(): void }) {
  // The timer runs per toast; re-renders of the page (a new onDone each time) must not restart it.
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });
  useEffect(() => {
    const t = setTimeout(() => done.current(), TOAST_MS);
    return () => clearTimeout(t);
  }, [toast]);
  return (
    <div className="toast" role="status" data-testid="toast">
      {toast.message}
      {toast.undo && (
        <button type="button" className="link-button" data-testid="undo" onClick={async () => { onDone(); await toast.undo!(); }}>
          Undo
        </button>
      )}
    </div>
  );
}
