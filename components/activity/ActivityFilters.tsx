/**
 * The activity feed's filters: a plain GET form (member; day: today, this week, or one date), so a
 * view lives in the URL and works without JavaScript. Days are UTC days, as the feed groups them.
 */
import Link from "next/link";
import { DAY_PRESETS, DAY_PRESET_LABELS } from "@/lib/core/activity";
import type { ActivityQuery } from "@/lib/services/activity";

export function ActivityFilters({ action, query, members }: {
  action: string;
  query: ActivityQuery;
  members: { userId: string; name: string }[];
}) {
  const filtered = Boolean(query.member || query.day || query.on);
  return (
    <form className="filters" method="get" action={action} aria-label="Filter activity">
      <label>Member
        <select name="member" defaultValue={query.member ?? ""}>
          <option value="">Everyone</option>
          {members.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
        </select>
      </label>
      <label>When
        <select name="day" defaultValue={query.day ?? ""}>
          <option value="">Any day</option>
          {DAY_PRESETS.map((d) => <option key={d} value={d}>{DAY_PRESET_LABELS[d]}</option>)}
        </select>
      </label>
      <label>On date (UTC)
        <input type="date" name="on" defaultValue={query.on ?? ""} aria-describedby="activity-on-hint" />
      </label>
      <span id="activity-on-hint" className="small muted">A date, when given, is used instead of When.</span>
      <button type="submit">Show</button>
      {filtered && <Link href={action}>Clear filters</Link>}
    </form>
  );
}
