"use client";
/** A short-lived status message; destructive actions offer Undo here. */
import { useEffect } from "react";

export interface Toast {
  message: string;
  undo?: () => Promise<void> | void;
}

/** Long enough to notice and reach the button; the claim stays restorable afterwards via the audit log. */
const TOAST_MS = 8000;

export function UndoToast({ toast, onDone }: { toast: Toast; onDone(): void }) {
  useEffect(() => {
    const t = setTimeout(onDone, TOAST_MS);
    return () => clearTimeout(t);
  }, [toast, onDone]);
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
