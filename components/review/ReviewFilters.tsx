/**
 * The review queue's filters: a plain GET form, so a filtered queue lives in the URL and works
 * without JavaScript.
 */
import type { ReviewQueueQuery } from "@/lib/services/review-queue";

export function ReviewFilters(props: {
  query: ReviewQueueQuery;
  filters: { types: { id: string; name: string }[]; documents: { id: string; title: string }[]; annotators: { id: string; name: string }[] };
}) {
  const { query, filters } = props;
  return (
    <form className="filters" method="get" aria-label="Filter the review queue">
      <label>Type
        <select name="type" defaultValue={query.type ?? ""}>
          <option value="">All</option>
          {filters.types.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </label>
      <label>Document
        <select name="document" defaultValue={query.document ?? ""}>
          <option value="">All</option>
          {filters.documents.map((d) => <option key={d.id} value={d.id}>{d.title || "Untitled"}</option>)}
        </select>
      </label>
      <label>Annotator
        <select name="annotator" defaultValue={query.annotator ?? ""}>
          <option value="">All</option>
          {filters.annotators.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
      </label>
      <button type="submit" className="secondary">Filter</button>
    </form>
  );
}
