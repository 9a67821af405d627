import type { Metadata } from "next";
import Link from "next/link";
import { pageUser, orNotFound } from "@/lib/server/page";
import { listMyWork } from "@/lib/services/assignments";
import { ProjectNav } from "@/components/projects/ProjectNav";
import { MyWorkList } from "@/components/workflow/MyWorkList";
import { ASSIGNMENT_STATE_LABELS } from "@/components/workflow/assignment-labels";

export const metadata: Metadata = { title: "My work" };

type Props = { params: Promise<{ projectId: string }> };

export default async function MyWorkPage({ params }: Props) {
  const { projectId } = await params;
  const user = await pageUser(`/projects/${projectId}/my-work`);
  const { access, project, items, next } = await orNotFound(() => listMyWork(user.id, projectId));
  const base = `/projects/${project.id}`;
  const done = items.filter((i) => i.state === "done").length;
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="crumbs"><Link href="/projects">Projects</Link> / <Link href={base}>{project.name}</Link> /</nav>
      <h1>My work</h1>
      <ProjectNav projectId={project.id} role={access.role} current="my-work" />
      {items.length === 0 ? (
        <div className="empty">
          <p><strong>No documents assigned yet.</strong> An editor assigns them on the <Link href={base}>project page</Link>; they will be listed here.</p>
        </div>
      ) : (
        <>
          <div className="next-work panel">
            {next ? (
              <>
                <p className="small muted">Next: {next.title} ({ASSIGNMENT_STATE_LABELS[next.state].toLowerCase()})</p>
                <Link className="button" href={`${base}/documents/${next.documentId}`} data-testid="next-document">Next document</Link>
              </>
            ) : (
              <p><strong>All done.</strong> Every document assigned to you is marked done.</p>
            )}
          </div>
          <p className="muted">{done} of {items.length} document{items.length === 1 ? "" : "s"} done. Mark a document in progress when you start it, and done when you have tagged every claim in it.</p>
          <MyWorkList projectId={project.id} items={items} />
        </>
      )}
    </div>
  );
}
