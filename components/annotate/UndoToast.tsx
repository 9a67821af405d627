"use client";
/**
 * A short-lived message; destructive actions offer Undo here.
 *
 * - Focus: a message with Undo takes focus onto the button (the control that deleted the claim has
 *   just gone with the form); a message without Undo never takes focus.
 * - It stays while it holds focus or the pointer: the timer pauses, and starts again in full when
 *   both have left, so nobody has to race it.
 * - Screen readers hear the message from the page's one live region (the workspace announces it), so
 *   the toast itself is not a live region; the Undo button is described by the message.
 * - Esc (on the button) dismisses it; `onClose` says where focus goes then.
 */
import { useEffect, useId, useRef, useState } from "react";

export interface Toast {
  message: string;
  undo?: () => Promise<void> | void;
}

/** Long enough to notice and reach the button; the claim stays restorable afterwards via the audit log. */
const TOAST_MS = 8000;

export function UndoToast({ toast, onDone, onClose }: {
  toast: Toast;
  /** The message has gone by itself (its time ran out) or was acted on. */
  onDone(): void;
  /** Dismissed with Esc while focus was in it: the page puts focus back where the reader works. */
  onClose(): void;
}) {
  // The timer runs per toast; re-renders of the page (a new onDone each time) must not restart it.
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });
  const [held, setHeld] = useState({ focus: false, pointer: false });
  const paused = held.focus || held.pointer;
  useEffect(() => {
    if (paused) return;
    const t = setTimeout(() => done.current(), TOAST_MS);
    return () => clearTimeout(t);
  }, [toast, paused]);
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (toast.undo) undoRef.current?.focus();
  }, [toast]);
  const messageId = useId();
  return (
    <div className="toast" data-testid="toast" data-paused={paused || undefined}
      onFocus={() => setHeld((h) => ({ ...h, focus: true }))}
      onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setHeld((h) => ({ ...h, focus: false })); }}
      onPointerEnter={() => setHeld((h) => ({ ...h, pointer: true }))}
      onPointerLeave={() => setHeld((h) => ({ ...h, pointer: false }))}
      onKeyDown={(e) => { if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); onClose(); } }}>
      <span id={messageId}>{toast.message}</span>
      {toast.undo && (
        <button type="button" ref={undoRef} className="link-button" data-testid="undo" aria-describedby={messageId} aria-keyshortcuts="Control+Z Meta+Z"
          onClick={() => { onDone(); void toast.undo!(); }}>
          Undo <kbd>Ctrl+Z</kbd>
        </button>
      )}
    </div>
  );
}
