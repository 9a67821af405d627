"use client";
/**
 * "Discard changes?": asked before the claim form closes with edits that would be lost (Esc, the close
 * button, opening another claim or starting a new one, following a link). A modal alert dialog: focus
 * moves to "Keep editing", the safe choice; Esc keeps editing; the page behind is inert until it is
 * answered, and focus goes back where it was.
 */
import { useEffect, useRef } from "react";

export function DiscardDialog({ onKeep, onDiscard, description = "This claim has changes that are not saved. Discarding them cannot be undone." }: {
  onKeep(): void;
  onDiscard(): void;
  /** What would be lost, said under the question. */
  description?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    keepRef.current?.focus();
    return () => {
      dialog.close();
      // Back to where the annotator was (the dialog is already out of the page, so the browser does not).
      if (before?.isConnected) before.focus();
    };
  }, []);
  return (
    <dialog ref={ref} role="alertdialog" aria-modal="true" aria-labelledby="discard-h" aria-describedby="discard-d" style={{ maxWidth: "28rem", borderRadius: "var(--radius)" }} data-testid="discard-dialog"
      // A close request (Esc) keeps editing; if the browser closes the dialog anyway, that is the answer too.
      onCancel={(e) => e.preventDefault()}
      onClose={onKeep}
      onKeyDown={(e) => {
        // Esc answers this dialog only: it must not also reach the page's own Esc (which closes the form).
        if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); onKeep(); }
      }}>
      <h2 id="discard-h">Discard changes?</h2>
      <p id="discard-d">{description}</p>
      <div className="inline">
        <button type="button" ref={keepRef} onClick={onKeep} data-testid="keep-editing">Keep editing</button>
        <button type="button" className="danger secondary" onClick={onDiscard} data-testid="discard-changes">Discard changes</button>
      </div>
    </dialog>
  );
}
