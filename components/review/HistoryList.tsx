/**
 * The entries of a claim's or a record's history (lib/services/history.ts): who did what and when,
 * the reason or note, and each changed field as before → after. Plain markup, usable from the claim
 * panel's disclosure and from a server-rendered page alike.
 */
import type { HistoryEntry } from "@/lib/services/history";
import { formatTime } from "./format";

export function HistoryList({ entries }: { entries: HistoryEntry[] }) {
  return (
    <ol className="history-list">
      {entries.map((e) => (
        <li key={e.id} className={`history-${e.kind}`} data-testid="history-entry">
          <p className="small"><strong>{e.actorName}</strong> {e.what} <span className="muted">{formatTime(e.at)}</span></p>
          {e.reason && <p className="small">{e.kind === "comment" ? "" : e.kind === "change" ? "Note: " : "Reason: "}{e.reason}</p>}
          {e.changes.length > 0 && (
            <ul className="small">
              {e.changes.map((c) => <li key={c.label}><strong>{c.label}</strong>: {c.before || "—"} → {c.after || "—"}</li>)}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
