/**
 * The activity feed: lines grouped by (UTC) day, newest first, each saying who did what and when,
 * with a link to what it names while that still exists.
 */
import Link from "next/link";
import { dayHeading, groupByDay } from "@/lib/core/activity";
import type { ActivityLine } from "@/lib/services/activity";

const timeOf = (at: Date) => at.toISOString().slice(11, 16);

export function ActivityFeed({ lines, now }: { lines: ActivityLine[]; now: Date }) {
  return (
    <div className="activity-feed" data-testid="activity-feed">
      {groupByDay(lines).map((g) => (
        <section key={g.day} aria-labelledby={`activity-day-${g.day}`}>
          <h2 id={`activity-day-${g.day}`}>{dayHeading(g.day, now)}</h2>
          <ol className="activity-lines">
            {g.items.map((l) => (
              <li key={l.id} data-testid="activity-line">
                <time dateTime={l.at.toISOString()} className="muted small">{timeOf(l.at)} UTC</time>{" "}
                <strong>{l.actorName}</strong> {l.verb}
                {l.object && <> {l.href ? <Link href={l.href}>{l.object}</Link> : <span>{l.object}</span>}</>}
                {l.detail && <span className="muted">: {l.detail.length > 140 ? `${l.detail.slice(0, 139)}…` : l.detail}</span>}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
