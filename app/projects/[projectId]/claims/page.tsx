import type { Metadata } from "next";
import Link from "next/link";
import { pageUser, orNotFound } from "@/lib/server/page";
import { AppError } from "@/lib/errors";
import { getProjectOverview } from "@/lib/services/projects";
import { listProjectClaims, parseClaimTableQuery, withoutFieldParams, type ClaimTableQuery } from "@/lib/services/claim-lists";
import { ClaimFilters } from "@/components/claims/ClaimFilters";
import { ClaimsTable } from "@/components/claims/ClaimsTable";
import { tableHref } from "@/components/claims/table-href";
import { listExportJobs } from "@/lib/services/exports";
import { ExportMenu } from "@/components/exports/ExportMenu";
import { RecentExports } from "@/components/exports/RecentExports";

export const metadata: Metadata = { title: "Claims" };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClaimsPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  const user = await pageUser(`/projects/${projectId}/claims`);
  let requested: ClaimTableQuery;
  let parseProblem: string | null = null;
  try {
    requested = parseClaimTableQuery(await searchParams);
  } catch {
    requested = parseClaimTableQuery({});
    parseProblem = "That filter or sort is not available; showing all claims.";
  }
  const list = async (): Promise<{ result: Awaited<ReturnType<typeof listProjectClaims>>; query: ClaimTableQuery; problem: string | null }> => {
    try {
      return { result: await listProjectClaims(user.id, projectId, requested), query: requested, problem: parseProblem };
    } catch (err) {
      // A hand-made URL with a field the type does not have: say so, and show the type's claims.
      if (!(err instanceof AppError) || err.code !== "invalid") throw err;
      const query = withoutFieldParams(requested);
      return { result: await listProjectClaims(user.id, projectId, query), query, problem: `${err.message} Showing the claims without that field's sort, filter or columns.` };
    }
  };
  // Both behind orNotFound: losing access between the two reads is a 404 like any other.
  const [overview, { result, query, problem }, exportJobs] = await orNotFound(() =>
    Promise.all([getProjectOverview(user.id, projectId), list(), listExportJobs(user.id, projectId)]),
  );
  const { rows, total, pageSize } = result;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const base = `/projects/${projectId}`;
  const link = (page: number) => tableHref(`${base}/claims`, query, { page });
  const filtered = Boolean(query.type || query.document || query.author || query.status || query.created || query.from || query.to || query.min !== undefined || query.max !== undefined);
  return (
    <div className="page wide">
      <nav aria-label="Breadcrumb" className="crumbs"><Link href="/projects">Projects</Link> / <Link href={base}>{overview.project.name}</Link> /</nav>
      <h1>Claims</h1>
      {problem && <p role="alert" className="error">{problem}</p>}
      <ClaimFilters
        query={query} types={overview.claimTypes} documents={overview.documents} members={overview.members}
        definition={result.claimType?.definition ?? null} columns={result.columns}
      />
      <ExportMenu projectId={projectId} page="claims" query={exportQuery(query)} />
      <p className="muted" data-testid="claims-total">{total.toLocaleString("en")} claim{total === 1 ? "" : "s"}</p>
      {!query.type && total > 0 && <p className="small muted">Choose a claim type to see one column per field, choose the columns, and sort or filter by dates and figures.</p>}
      {rows.length === 0 ? (
        <div className="empty">
          {filtered ? (
            <p>No claims match these filters. Widen the date window or the figure bounds, or <Link href={`${base}/claims`}>clear all filters</Link>.</p>
          ) : (
            <p>No claims yet. Open a document, select words, and tag them to create claims.</p>
          )}
        </div>
      ) : (
        <ClaimsTable base={base} query={query} result={result} />
      )}
      {pages > 1 && (
        <nav aria-label="Pages" className="pager">
          {query.page > 1 && <Link href={link(query.page - 1)}>← Previous</Link>}
          <span>Page {query.page} of {pages}</span>
          {query.page < pages && <Link href={link(query.page + 1)}>Next →</Link>}
        </nav>
      )}
      <RecentExports projectId={projectId} initial={exportJobs} />
    </div>
  );
}

/** The table's filter as export parameters (exports ignore paging and sorting). */
function exportQuery(query: ClaimTableQuery): string {
  const p = new URLSearchParams();
  for (const key of ["type", "document", "author", "status"] as const) if (query[key]) p.set(key, String(query[key]));
  return p.toString();
}
