import type { Metadata } from "next";
import Link from "next/link";
import { pageUser, orNotFound } from "@/lib/server/page";
import { AppError } from "@/lib/errors";
import { listReviewQueue } from "@/lib/services/review-queue";
import { ProjectNav } from "@/components/projects/ProjectNav";
import { ReviewQueue } from "@/components/review/ReviewQueue";
import { ReviewFilters } from "@/components/review/ReviewFilters";

export const metadata: Metadata = { title: "Review" };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  const user = await pageUser(`/projects/${projectId}/review`);
  const raw = await searchParams;
  const load = async () => {
    try {
      return { queue: await listReviewQueue(user.id, projectId, raw), problem: null };
    } catch (err) {
      // A hand-made URL (a filter id that is not one, a page that is not a number): show the whole queue.
      if (!(err instanceof AppError) || (err.code !== "invalid" && err.code !== "not_found")) throw err;
      return { queue: await listReviewQueue(user.id, projectId, {}), problem: "That filter is not available; showing every submitted claim." };
    }
  };
  const { queue, problem } = await orNotFound(load);
  const { query, total, rows, pageSize, filters } = queue;
  const base = `/projects/${projectId}`;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (page: number) => {
    const p = new URLSearchParams();
    if (query.type) p.set("type", query.type);
    if (query.document) p.set("document", query.document);
    if (query.annotator) p.set("annotator", query.annotator);
    if (page > 1) p.set("page", String(page));
    const s = p.toString();
    return `${base}/review${s ? `?${s}` : ""}`;
  };
  const filtered = Boolean(query.type || query.document || query.annotator);
  return (
    <div className="page wide">
      <nav aria-label="Breadcrumb" className="crumbs"><Link href="/projects">Projects</Link> / <Link href={base}>{queue.projectName}</Link> /</nav>
      <h1>Review</h1>
      <ProjectNav projectId={projectId} role={queue.role} current="review" />
      {problem && <p role="alert" className="error">{problem}</p>}
      <ReviewFilters query={query} filters={filters} />
      <p className="muted" data-testid="review-total">{total.toLocaleString("en")} claim{total === 1 ? "" : "s"} waiting for review, oldest first</p>
      {rows.length === 0 ? (
        <div className="empty" data-testid="review-empty">
          {filtered ? (
            <p>No submitted claims match these filters. <Link href={`${base}/review`}>Show every submitted claim</Link>.</p>
          ) : (
            <p>Nothing to review. Claims appear here when their annotators submit them from the document page.</p>
          )}
        </div>
      ) : (
        <ReviewQueue key={rows.map((r) => `${r.claimId}:${r.version}`).join(",")} projectId={projectId} rows={rows} />
      )}
      {pages > 1 && (
        <nav aria-label="Pages" className="pager">
          {query.page > 1 && <Link href={link(query.page - 1)}>← Previous</Link>}
          <span>Page {query.page} of {pages}</span>
          {query.page < pages && <Link href={link(query.page + 1)}>Next →</Link>}
        </nav>
      )}
    </div>
  );
}
