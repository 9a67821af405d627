/**
 * The claims table's filter form: a plain GET form, so filters, field sorts and the column chooser
 * work without JavaScript and live in the URL (a view can be bookmarked and shared). Field
 * controls appear once one claim type is chosen, since fields belong to a type.
 */
import type { ClaimTypeDefinition } from "@/lib/core/claim-types/definition";
import { isSortable } from "@/lib/core/claim-types/table-columns";
import { CLAIM_STATUSES, CLAIM_STATUS_LABELS } from "@/lib/core/claim-status";
import type { ClaimTableQuery } from "@/lib/services/claim-lists";
import { CLAIM_SORTS } from "@/lib/core/claim-types/table-columns";
import { DAY_PRESETS, DAY_PRESET_LABELS } from "@/lib/core/activity";

const SORT_LABELS: Record<(typeof CLAIM_SORTS)[number], string> = { newest: "Newest first", oldest: "Oldest first", document: "Document", type: "Claim type", status: "Status" };

type Option = { id: string; name: string };

export function ClaimFilters(props: {
  query: ClaimTableQuery;
  types: Option[];
  documents: { id: string; title: string }[];
  members: { userId: string; name: string }[];
  /** The chosen type's current definition, when one type is chosen. */
  definition: ClaimTypeDefinition | null;
  columns: string[];
}) {
  const { query, definition } = props;
  const fields = definition?.fields ?? [];
  const dates = fields.filter((f) => f.kind === "date");
  const quantities = fields.filter((f) => f.kind === "quantity");
  const sortable = fields.filter(isSortable);
  return (
    <form className="filters" method="get" aria-label="Filter claims">
      <label>Type
        <select name="type" defaultValue={query.type ?? ""}>
          <option value="">All</option>
          {props.types.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </label>
      <label>Document
        <select name="document" defaultValue={query.document ?? ""}>
          <option value="">All</option>
          {props.documents.map((d) => <option key={d.id} value={d.id}>{d.title.slice(0, 60)}</option>)}
        </select>
      </label>
      <label>Annotator
        <select name="author" defaultValue={query.author ?? ""}>
          <option value="">All</option>
          {props.members.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
        </select>
      </label>
      <label>Status
        <select name="status" defaultValue={query.status ?? ""}>
          <option value="">All</option>
          {CLAIM_STATUSES.map((s) => <option key={s} value={s}>{CLAIM_STATUS_LABELS[s]}</option>)}
        </select>
      </label>
      <label>Created
        <select name="created" defaultValue={query.created ?? ""}>
          <option value="">Any time</option>
          {DAY_PRESETS.map((d) => <option key={d} value={d}>{DAY_PRESET_LABELS[d]}</option>)}
        </select>
      </label>
      <label>Sort
        <select name="sort" defaultValue={query.sort}>
          {CLAIM_SORTS.map((s) => <option key={s} value={s}>{SORT_LABELS[s]}</option>)}
        </select>
      </label>
      {definition && (
        <>
          {sortable.length > 0 && (
            <fieldset className="filter-group">
              <legend>Sort by field</legend>
              <label>Field
                <select name="by" defaultValue={query.by ?? ""}>
                  <option value="">(use Sort)</option>
                  {sortable.map((f) => <option key={f.key} value={f.key}>{f.label}</option>)}
                </select>
              </label>
              <label>Order
                <select name="dir" defaultValue={query.dir}>
                  <option value="asc">Ascending</option>
                  <option value="desc">Descending</option>
                </select>
              </label>
            </fieldset>
          )}
          {dates.length > 0 && (
            <fieldset className="filter-group">
              <legend>Date window</legend>
              <label>Field
                <select name="dateField" defaultValue={query.dateField ?? dates[0]!.key}>
                  {dates.map((f) => <option key={f.key} value={f.key}>{f.label}</option>)}
                </select>
              </label>
              <label>From <input type="date" name="from" defaultValue={query.from ?? ""} /></label>
              <label>To <input type="date" name="to" defaultValue={query.to ?? ""} /></label>
            </fieldset>
          )}
          {quantities.length > 0 && (
            <fieldset className="filter-group">
              <legend>Figure</legend>
              <label>Field
                <select name="qtyField" defaultValue={query.qtyField ?? quantities[0]!.key}>
                  {quantities.map((f) => <option key={f.key} value={f.key}>{f.label}</option>)}
                </select>
              </label>
              <label>Min <input type="number" name="min" min={0} step="any" inputMode="numeric" defaultValue={query.min ?? ""} className="narrow" /></label>
              <label>Max <input type="number" name="max" min={0} step="any" inputMode="numeric" defaultValue={query.max ?? ""} className="narrow" /></label>
            </fieldset>
          )}
          {/* The field controls below belong to this type; switching types drops them (claim-lists.ts). */}
          <input type="hidden" name="fieldsOf" value={query.type} />
          <details className="column-chooser">
            <summary>Columns ({props.columns.length} of {fields.length})</summary>
            <fieldset>
              <legend className="sr-only">Columns to show</legend>
              <input type="hidden" name="colset" value="1" />
              {fields.map((f) => (
                <label key={f.key} className="check">
                  <input type="checkbox" name="col" value={f.key} defaultChecked={props.columns.includes(f.key)} /> {f.label}
                </label>
              ))}
            </fieldset>
          </details>
        </>
      )}
      <button type="submit">Apply</button>
    </form>
  );
}
