import type { Metadata } from "next";
import Link from "next/link";
import { pageUser, orNotFound } from "@/lib/server/page";
import { getProjectOverview } from "@/lib/services/projects";
import { listProjectClaims, parseClaimTableQuery, CLAIM_SORTS, type ClaimTableQuery } from "@/lib/services/claim-lists";
import { summarizeValues } from "@/lib/core/summary";
import { CLAIM_STATUSES } from "@/lib/core/packed-claims";
import { quotePreview } from "@/lib/core/offsets";

export const metadata: Metadata = { title: "Claims" };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORT_LABELS: Record<(typeof CLAIM_SORTS)[number], string> = { newest: "Newest first", oldest: "Oldest first", document: "Document", type: "Claim type", status: "Status" };

export default async function ClaimsPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  const user = await pageUser(`/projects/${projectId}/claims`);
  let query: ClaimTableQuery;
  let badQuery = false;
  try {
    query = parseClaimTableQuery(await searchParams);
  } catch {
    query = parseClaimTableQuery({});
    badQuery = true;
  }
  // Both behind orNotFound: losing access between the two reads is a 404 like any other.
  const [overview, { rows, total, pageSize }] = await orNotFound(() => Promise.all([getProjectOverview(user.id, projectId), listProjectClaims(user.id, projectId, query)]));
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const base = `/projects/${projectId}`;
  const link = (patch: Partial<Record<keyof ClaimTableQuery, string | number | undefined>>) => {
    const p = new URLSearchParams();
    const merged = { ...query, ...patch };
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "" && !(k === "page" && v === 1) && !(k === "sort" && v === "newest")) p.set(k, String(v));
    const s = p.toString();
    return `${base}/claims${s ? `?${s}` : ""}`;
  };
  return (
    <div className="page wide">
      <nav aria-label="Breadcrumb" className="crumbs"><Link href="/projects">Projects</Link> / <Link href={base}>{overview.project.name}</Link> /</nav>
      <h1>Claims</h1>
      {badQuery && <p role="alert" className="error">That filter or sort is not available; showing all claims.</p>}
      <form className="filters" method="get" aria-label="Filter claims">
        <label>Type
          <select name="type" defaultValue={query.type ?? ""}>
            <option value="">All</option>
            {overview.claimTypes.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </label>
        <label>Document
          <select name="document" defaultValue={query.document ?? ""}>
            <option value="">All</option>
            {overview.documents.map((d) => <option key={d.id} value={d.id}>{d.title.slice(0, 60)}</option>)}
          </select>
        </label>
        <label>Annotator
          <select name="author" defaultValue={query.author ?? ""}>
            <option value="">All</option>
            {overview.members.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
          </select>
        </label>
        <label>Status
          <select name="status" defaultValue={query.status ?? ""}>
            <option value="">All</option>
            {CLAIM_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>Sort
          <select name="sort" defaultValue={query.sort}>
            {CLAIM_SORTS.map((s) => <option key={s} value={s}>{SORT_LABELS[s]}</option>)}
          </select>
        </label>
        <button type="submit">Apply</button>
      </form>
      <p className="muted" data-testid="claims-total">{total.toLocaleString("en")} claim{total === 1 ? "" : "s"}</p>
      {rows.length === 0 ? (
        <div className="empty"><p>No claims match. Open a document, select words, and tag them to create claims.</p></div>
      ) : (
        <table className="table" data-testid="claims-table">
          <thead>
            <tr><th scope="col">Type</th><th scope="col">Evidence</th><th scope="col">Values</th><th scope="col">Document</th><th scope="col">Annotator</th><th scope="col">Status</th><th scope="col">Created</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const first = r.spans[0];
              return (
                <tr key={r.id}>
                  <td><span className="swatch" style={{ background: r.typeColor }} aria-hidden="true" /> {r.typeName} <span className="muted small">#{r.seq}</span></td>
                  <td className="quote-cell">
                    {first && <Link href={`${base}/documents/${r.documentId}#claim-${r.seq}`}>“{quotePreview(first.exact, 140)}”</Link>}
                    {r.spans.length > 1 && <span className="muted small"> +{r.spans.length - 1} more span{r.spans.length > 2 ? "s" : ""}</span>}
                  </td>
                  <td className="small">{summarizeValues(r.values)}</td>
                  <td>{r.documentTitle}</td>
                  <td>{r.authorName}</td>
                  <td><span className="badge">{r.status}</span></td>
                  <td className="small">{r.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav aria-label="Pages" className="pager">
          {query.page > 1 && <Link href={link({ page: query.page - 1 })}>← Previous</Link>}
          <span>Page {query.page} of {pages}</span>
          {query.page < pages && <Link href={link({ page: query.page + 1 })}>Next →</Link>}
        </nav>
      )}
    </div>
  );
}
