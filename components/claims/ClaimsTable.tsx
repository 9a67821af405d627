/**
 * The claims table. With one claim type chosen: one column per chosen field, showing parsed values
 * (field-display.ts), and date, quantity and number columns sortable from their headers. With all
 * types: a summary of each claim's parsed values. Sortable headers are links (they work without
 * JavaScript); the sorted one carries aria-sort.
 */
import Link from "next/link";
import type { ClaimTypeDefinition, FieldDefinition } from "@/lib/core/claim-types/definition";
import { formatFieldValue } from "@/lib/core/claim-types/field-display";
import { isSortable } from "@/lib/core/claim-types/table-columns";
import { summarizeValues } from "@/lib/core/summary";
import { quotePreview } from "@/lib/core/offsets";
import type { ClaimTableQuery, listProjectClaims } from "@/lib/services/claim-lists";
import { FieldValue } from "./FieldValue";
import { TypeName } from "@/components/annotate/TypeName";
import { tableHref, type QueryPatch } from "./table-href";

type Result = Awaited<ReturnType<typeof listProjectClaims>>;
type Row = Result["rows"][number];
type SortState = "ascending" | "descending" | undefined;

/** `next`: the order the link gives, when the column sorts both ways (fields, Created). */
function SortHeader(props: { label: string; state: SortState; href: string; next?: SortState }) {
  const next = props.next;
  return (
    <th scope="col" aria-sort={props.state}>
      <Link href={props.href} className="sort-link">
        {props.label}
        <span aria-hidden="true">{props.state === "ascending" ? " ▲" : props.state === "descending" ? " ▼" : ""}</span>
        <span className="sr-only">{next ? `, sort ${next}` : ", sort by this column"}</span>
      </Link>
    </th>
  );
}

export function ClaimsTable(props: { base: string; query: ClaimTableQuery; result: Result }) {
  const { base, query, result } = props;
  const definition: ClaimTypeDefinition | null = result.claimType?.definition ?? null;
  const columns = definition ? result.columns.map((k) => definition.fields.find((f) => f.key === k)).filter((f): f is FieldDefinition => Boolean(f)) : [];
  const href = (patch: QueryPatch) => tableHref(`${base}/claims`, query, { page: undefined, ...patch });
  const builtIn = (sort: ClaimTableQuery["sort"]): SortState => (!query.by && query.sort === sort ? "ascending" : undefined);
  const created: SortState = query.by ? undefined : query.sort === "newest" ? "descending" : query.sort === "oldest" ? "ascending" : undefined;
  const fieldState = (key: string): SortState => (query.by === key ? (query.dir === "desc" ? "descending" : "ascending") : undefined);
  const cellField = (row: Row, column: FieldDefinition) => row.definition?.fields.find((f) => f.key === column.key) ?? column;

  return (
    <div className="table-scroll" role="region" aria-label="Claims table" tabIndex={0}>
      <table className="table claims-table" data-testid="claims-table">
        <caption className="sr-only">
          {definition ? `${definition.name} claims, one column per chosen field` : "Claims of all types, with a summary of their values"}
        </caption>
        <thead>
          <tr>
            <SortHeader label="Type" state={builtIn("type")} href={href({ sort: "type", by: undefined })} />
            <th scope="col">Evidence</th>
            {definition ? (
              columns.map((f) =>
                isSortable(f) ? (
                  <SortHeader key={f.key} label={f.label} state={fieldState(f.key)} next={fieldState(f.key) === "ascending" ? "descending" : "ascending"} href={href({ by: f.key, dir: fieldState(f.key) === "ascending" ? "desc" : "asc" })} />
                ) : (
                  <th key={f.key} scope="col">{f.label}</th>
                ),
              )
            ) : (
              <th scope="col">Values</th>
            )}
            <SortHeader label="Document" state={builtIn("document")} href={href({ sort: "document", by: undefined })} />
            <th scope="col">Annotator</th>
            <SortHeader label="Status" state={builtIn("status")} href={href({ sort: "status", by: undefined })} />
            <SortHeader label="Created" state={created} next={created === "descending" ? "ascending" : "descending"} href={href({ sort: created === "descending" ? "oldest" : "newest", by: undefined })} />
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => {
            const first = r.spans[0];
            return (
              <tr key={r.id} data-testid="claim-table-row">
                <td><span className="swatch" style={{ background: r.typeColor }} aria-hidden="true" /> <TypeName type={{ name: r.typeName, color: r.typeColor, underline: r.typeUnderline }} /> <span className="muted small">#{r.seq}</span></td>
                <td className="quote-cell">
                  {first && <Link href={`${base}/documents/${r.documentId}#claim-${r.seq}`}>“{quotePreview(first.exact, 140)}”</Link>}
                  {r.spans.length > 1 && <span className="muted small"> +{r.spans.length - 1} more span{r.spans.length > 2 ? "s" : ""}</span>}
                </td>
                {definition ? (
                  columns.map((f) => (
                    <td key={f.key} className="value-cell" data-field={f.key}><FieldValue display={formatFieldValue(cellField(r, f), r.values[f.key])} /></td>
                  ))
                ) : (
                  <td className="small">{r.definition ? summarizeValues(r.definition, r.values) || <span className="muted">no values</span> : <span className="muted">claim type version missing</span>}</td>
                )}
                <td>{r.documentTitle}</td>
                <td>{r.authorName}</td>
                <td><span className="badge">{r.status}</span></td>
                <td className="small">{r.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
