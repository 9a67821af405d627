/**
 * One field's value in a table cell: the parsed value, with what was written underneath when it
 * differs. "Unknown" (the source says so) and "not stated" (the field is empty) look different
 * and both say what they are to screen readers; a value that does not fit its field is marked.
 */
import type { FieldDisplay } from "@/lib/core/claim-types/field-display";

export function FieldValue({ display, showRaw = true }: { display: FieldDisplay; showRaw?: boolean }) {
  if (display.status === "not_stated") {
    return (
      <span className="value-absent" title="Not stated">
        <span aria-hidden="true">{display.text}</span>
        <span className="sr-only">not stated</span>
      </span>
    );
  }
  const raw = display.raw?.trim();
  const title = raw ? `As written: “${raw}”` : undefined;
  return (
    <span className={`value value-${display.status}`} title={title} data-status={display.status}>
      <span className="value-main">
        {display.status === "unknown" && <span className="value-mark" aria-hidden="true">? </span>}
        {display.text}
      </span>
      {display.detail && <span className="value-detail small muted">{display.detail}</span>}
      {showRaw && raw && raw !== display.text && <span className="value-raw small muted">“{raw}”</span>}
    </span>
  );
}
