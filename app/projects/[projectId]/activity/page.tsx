import type { Metadata } from "next";
import Link from "next/link";
import { pageUser, orNotFound } from "@/lib/server/page";
import { AppError } from "@/lib/errors";
import { listActivity, parseActivityQuery, type ActivityPage, type ActivityQuery } from "@/lib/services/activity";
import { ProjectNav } from "@/components/projects/ProjectNav";
import { ActivityFilters } from "@/components/activity/ActivityFilters";
import { ActivityFeed } from "@/components/activity/ActivityFeed";

export const metadata: Metadata = { title: "Activity" };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ActivityPageView({ params, searchParams }: Props) {
  const { projectId } = await params;
  const user = await pageUser(`/projects/${projectId}/activity`);
  let requested: ActivityQuery = {};
  let problem: string | null = null;
  try {
    requested = parseActivityQuery(await searchParams);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== "invalid") throw err;
    problem = "That filter is not available; showing all activity.";
  }
  const page: ActivityPage = await orNotFound(() => listActivity(user.id, projectId, requested));
  const base = `/projects/${page.project.id}`;
  const action = `${base}/activity`;
  const { query } = page;
  const filters = new URLSearchParams();
  for (const key of ["member", "day", "on"] as const) if (query[key]) filters.set(key, query[key]);
  const older = new URLSearchParams(filters);
  if (page.next) older.set("before", page.next);
  const filtered = filters.size > 0;
  return (
    <div className="page wide">
      <nav aria-label="Breadcrumb" className="crumbs"><Link href="/projects">Projects</Link> / <Link href={base}>{page.project.name}</Link> /</nav>
      <h1>Activity</h1>
      <ProjectNav projectId={page.project.id} role={page.role} current="activity" />
      {problem && <p role="alert" className="error">{problem}</p>}
      <ActivityFilters action={action} query={query} members={page.members} />
      {page.lines.length === 0 ? (
        <div className="empty" data-testid="activity-empty">
          {filtered || query.before ? (
            <p>Nothing matches these filters. Choose another member or day, or <Link href={action}>show all activity</Link>.</p>
          ) : (
            <p>No activity yet. Import a document or tag a claim, and what the team does will be listed here.</p>
          )}
        </div>
      ) : (
        <ActivityFeed lines={page.lines} now={page.now} />
      )}
      {(page.next || query.before) && (
        <nav aria-label="Pages" className="pager">
          {query.before && <Link href={filters.size > 0 ? `${action}?${filters}` : action}>← Newest</Link>}
          {page.next && <Link href={`${action}?${older}`} data-testid="activity-older">Older →</Link>}
        </nav>
      )}
    </div>
  );
}
