import type { Metadata } from "next";
import Link from "next/link";
import { pageUser, orNotFound } from "@/lib/server/page";
import { listConflicts } from "@/lib/services/records";
import { ProjectNav } from "@/components/projects/ProjectNav";
import { ConflictItem } from "@/components/records/ConflictItem";

export const metadata: Metadata = { title: "Conflicts" };

type Props = { params: Promise<{ projectId: string }> };

const SECTION = "conflicts";

export default async function ConflictsPage({ params }: Props) {
  const { projectId } = await params;
  const user = await pageUser(`/projects/${projectId}/conflicts`);
  const queue = await orNotFound(() => listConflicts(user.id, projectId));
  const base = `/projects/${projectId}`;
  return (
    <div className="page wide">
      <nav aria-label="Breadcrumb" className="crumbs"><Link href="/projects">Projects</Link> / <Link href={base}>{queue.projectName}</Link> /</nav>
      <h1>Conflicts</h1>
      <ProjectNav projectId={projectId} role={queue.role} current={SECTION} />
      <p className="lead">Where the claims of one <Link href={`${base}/records`}>record</Link> disagree: dates or figures that do not overlap, a source denying another, a document contradicting itself.</p>
      <section aria-labelledby="open-h">
        <h2 id="open-h">Open ({queue.open.length})</h2>
        {queue.open.length === 0 ? (
          <div className="empty"><p>No open conflicts. Conflicts appear here when the claims of a record disagree.</p></div>
        ) : (
          <ul className="card-list">
            {queue.open.map((c) => <ConflictItem key={c.id} projectId={projectId} conflict={c} canCurate={queue.canCurate} showRecord />)}
          </ul>
        )}
      </section>
      <section aria-labelledby="resolved-h">
        <h2 id="resolved-h">Resolved ({queue.resolved.length})</h2>
        {queue.resolved.length === 0 ? (
          <p className="muted">None resolved yet.</p>
        ) : (
          <ul className="card-list">
            {queue.resolved.map((c) => <ConflictItem key={c.id} projectId={projectId} conflict={c} canCurate={queue.canCurate} showRecord />)}
          </ul>
        )}
      </section>
    </div>
  );
}
