/**
 * The records list's filter form: a plain GET form, so filters and sort live in the URL and work
 * without JavaScript.
 */
import type { RecordListQuery } from "@/lib/services/records";

const SORTS: { value: RecordListQuery["sort"]; label: string }[] = [
  { value: "-date", label: "Date, newest first" }, { value: "date", label: "Date, oldest first" },
  { value: "-sources", label: "Most sources" }, { value: "sources", label: "Fewest sources" },
  { value: "-seq", label: "Newest record" }, { value: "seq", label: "Oldest record" }, { value: "updated", label: "Recently changed" },
];

export function RecordFilters({ query, types, actors }: {
  query: RecordListQuery;
  types: { id: string; name: string }[];
  actors: { id: string; name: string }[];
}) {
  return (
    <form className="filters" method="get" aria-label="Filter records">
      <label>Type
        <select name="type" defaultValue={query.type ?? ""}>
          <option value="">All</option>
          {types.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </label>
      <fieldset className="filter-group">
        <legend>Date between</legend>
        <label>From <input type="date" name="from" defaultValue={query.from ?? ""} /></label>
        <label>To <input type="date" name="to" defaultValue={query.to ?? ""} /></label>
      </fieldset>
      <label>Country
        <input name="country" className="narrow" defaultValue={query.country ?? ""} maxLength={3} placeholder="AFG" pattern="[A-Za-z]{3}" title="A three-letter country code" />
      </label>
      <label>Actor
        <input name="actor" list="record-actors" defaultValue={query.actor ?? ""} maxLength={200} placeholder="any name or alias" />
        <datalist id="record-actors">{actors.map((a) => <option key={a.id} value={a.name} />)}</datalist>
      </label>
      <label>Status
        <select name="status" defaultValue={query.status ?? ""}>
          <option value="">All</option>
          <option value="confirmed">Confirmed</option>
          <option value="final">Final</option>
        </select>
      </label>
      <label>Conflicts
        <select name="conflict" defaultValue={query.conflict ?? ""}>
          <option value="">Any</option>
          <option value="open">Has an open conflict</option>
          <option value="none">No open conflict</option>
        </select>
      </label>
      <label>At least
        <input type="number" name="minSources" className="narrow" min={1} max={1000} defaultValue={query.minSources ?? ""} aria-describedby="min-sources-unit" />
        <span id="min-sources-unit" className="small muted">sources</span>
      </label>
      <label>Sort
        <select name="sort" defaultValue={query.sort}>
          {SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>
      </label>
      <button type="submit">Apply</button>
    </form>
  );
}
