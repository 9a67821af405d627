import type { Metadata } from "next";
import Link from "next/link";
import { pageUser, orNotFound } from "@/lib/server/page";
import { AppError } from "@/lib/errors";
import { listRecords, parseRecordListQuery, proposeRecords, type RecordListQuery } from "@/lib/services/records";
import { listActors } from "@/lib/services/actors";
import { ProjectNav } from "@/components/projects/ProjectNav";
import { RecordFilters } from "@/components/records/RecordFilters";
import { ProposalList } from "@/components/records/ProposalList";
import { ActorsPanel } from "@/components/records/ActorsPanel";
import { ExportMenu } from "@/components/exports/ExportMenu";

export const metadata: Metadata = { title: "Records" };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Not in the section list yet: no link is marked current.
const SECTION = "records";

function href(base: string, query: RecordListQuery, page: number): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && k !== "page" && !(k === "sort" && v === "-date")) p.set(k, String(v));
  if (page > 1) p.set("page", String(page));
  const s = p.toString();
  return `${base}/records${s ? `?${s}` : ""}`;
}

export default async function RecordsPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  const user = await pageUser(`/projects/${projectId}/records`);
  const raw = await searchParams;
  const view = raw.view === "proposals" ? "proposals" : "records";
  let query: RecordListQuery;
  let problem: string | null = null;
  try {
    query = parseRecordListQuery(raw);
  } catch (err) {
    if (!(err instanceof AppError) || (err.code !== "invalid" && err.code !== "not_found")) throw err;
    query = parseRecordListQuery({});
    problem = `${err.code === "invalid" ? err.message : "That filter is not available."} Showing every record.`;
  }
  const [list, actors] = await orNotFound(() => Promise.all([listRecords(user.id, projectId, query), listActors(user.id, projectId)]));
  const proposals = view === "proposals" && list.canCurate ? await orNotFound(() => proposeRecords(user.id, projectId)) : null;
  const base = `/projects/${projectId}`;
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const filtered = Boolean(query.type || query.from || query.to || query.country || query.actor || query.status || query.conflict || query.minSources);
  return (
    <div className="page wide">
      <nav aria-label="Breadcrumb" className="crumbs"><Link href="/projects">Projects</Link> / <Link href={base}>{list.projectName}</Link> /</nav>
      <h1>Records</h1>
      <ProjectNav projectId={projectId} role={list.role} current={SECTION} />
      <p className="lead">A record is one real-world event or fact as several approved claims, from one or more documents, describe it.</p>
      <nav aria-label="Records views" className="project-nav records-tabs">
        <ul>
          <li><Link href={`${base}/records`} aria-current={view === "records" ? "page" : undefined}>Records ({list.total.toLocaleString("en")})</Link></li>
          {list.canCurate && <li><Link href={`${base}/records?view=proposals`} aria-current={view === "proposals" ? "page" : undefined}>Proposals</Link></li>}
          <li><Link href={`${base}/conflicts`}>Conflicts ({list.openConflicts.toLocaleString("en")} open)</Link></li>
        </ul>
      </nav>
      {problem && <p role="alert" className="error">{problem}</p>}
      {view === "records" && <ExportMenu projectId={projectId} page="records" query={exportQuery(query)} />}
      {view === "proposals" && proposals ? (
        <section aria-labelledby="proposals-h">
          <h2 id="proposals-h">Proposals</h2>
          <p className="muted small">
            Approved claims in no record yet, grouped when they agree on type, date, place and actors. {proposals.unrecorded.toLocaleString("en")} approved
            claim{proposals.unrecorded === 1 ? " is" : "s are"} in no record.
            {proposals.truncated > 0 && ` ${proposals.truncated} claim(s) had too many neighbours to compare them all; their proposals may be incomplete.`}
          </p>
          {proposals.proposals.length === 0 ? (
            <div className="empty">
              <p>No proposals. Records are proposed from approved claims: approve claims in the review queue, or add the spellings of a group to the actor list so that reports naming it differently match.</p>
            </div>
          ) : (
            <ProposalList projectId={projectId} proposals={proposals.proposals} canCurate={list.canCurate} />
          )}
          <ActorsPanel projectId={projectId} actors={actors} canCurate={list.canCurate} />
        </section>
      ) : (
        <>
          <RecordFilters query={query} types={list.types} actors={actors} />
          <p className="muted" data-testid="records-total">{list.total.toLocaleString("en")} record{list.total === 1 ? "" : "s"}</p>
          {list.rows.length === 0 ? (
            <div className="empty">
              {filtered ? (
                <p>No records match these filters. <Link href={`${base}/records`}>Clear all filters</Link>.</p>
              ) : list.canCurate ? (
                <p>No records yet. Approve claims, then confirm the <Link href={`${base}/records?view=proposals`}>proposals</Link> that group claims describing the same event.</p>
              ) : (
                <p>No records yet. Editors build records from approved claims.</p>
              )}
            </div>
          ) : (
            <div className="table-scroll" role="region" aria-label="Records table" tabIndex={0}>
              <table className="table records-table">
                <caption className="sr-only">Records</caption>
                <thead>
                  <tr>
                    <th scope="col">Record</th><th scope="col">Type</th><th scope="col">Date</th><th scope="col">Place</th>
                    <th scope="col">Actors</th><th scope="col">Figure</th><th scope="col" className="num">Sources</th>
                    <th scope="col" className="num">Claims</th><th scope="col">Conflicts</th><th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((r) => (
                    <tr key={r.id}>
                      <td><Link href={`${base}/records/${r.id}`}>R{r.seq}</Link></td>
                      <td>{r.typeName}</td>
                      <td>{r.date}</td>
                      <td>{r.place}</td>
                      <td>{r.actors}</td>
                      <td>{r.figureLabel && r.figure !== "—" ? <><span className="small muted">{r.figureLabel}: </span>{r.figure}</> : r.figure}</td>
                      <td className="num">{r.numberOfSources}</td>
                      <td className="num">{r.claimCount}</td>
                      <td>{r.openConflicts > 0 ? <span className="error">{r.openConflicts} open</span> : <span className="muted">none open</span>}</td>
                      <td>{r.status === "final" ? "Final" : "Confirmed"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 && (
            <nav aria-label="Pages" className="pager">
              {list.page > 1 && <Link href={href(base, query, list.page - 1)}>← Previous</Link>}
              <span>Page {list.page} of {pages}</span>
              {list.page < pages && <Link href={href(base, query, list.page + 1)}>Next →</Link>}
            </nav>
          )}
          {!list.canCurate && actors.length > 0 && <ActorsPanel projectId={projectId} actors={actors} canCurate={false} />}
        </>
      )}
    </div>
  );
}

/** The list's filter as export parameters (exports ignore paging and sorting). */
function exportQuery(query: RecordListQuery): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && k !== "page" && k !== "sort") p.set(k, String(v));
  return p.toString();
}
