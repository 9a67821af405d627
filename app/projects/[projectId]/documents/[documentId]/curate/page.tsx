import type { Metadata } from "next";
import Link from "next/link";
import { pageUser, orNotFound } from "@/lib/server/page";
import { AppError } from "@/lib/errors";
import { curationView } from "@/lib/services/curation";
import { ProjectNav } from "@/components/projects/ProjectNav";
import { CurationBoard } from "@/components/curation/CurationBoard";

export const metadata: Metadata = { title: "Curate" };

type Props = { params: Promise<{ projectId: string; documentId: string }> };

export default async function CuratePage({ params }: Props) {
  const { projectId, documentId } = await params;
  const user = await pageUser(`/projects/${projectId}/documents/${documentId}/curate`);
  const docHref = `/projects/${projectId}/documents/${documentId}`;
  const load = async () => {
    try {
      return { view: await curationView(user.id, projectId, documentId), problem: null };
    } catch (err) {
      // A blind project's document not yet opened: say what to do instead of a bare error.
      if (err instanceof AppError && err.code === "invalid") return { view: null, problem: err.message };
      throw err;
    }
  };
  const { view, problem } = await orNotFound(load);
  if (!view) {
    return (
      <div className="page">
        <h1>Curate</h1>
        <div className="empty" data-testid="curation-closed">
          <p>{problem}</p>
          <p><Link href={docHref}>Back to the document</Link></p>
        </div>
      </div>
    );
  }
  return (
    <div className="page wide">
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link href="/projects">Projects</Link> / <Link href={`/projects/${projectId}`}>{view.projectName}</Link> / <Link href={docHref}>{view.title}</Link> /
      </nav>
      <h1>Curate: {view.title}</h1>
      <ProjectNav projectId={projectId} role={view.role} current="overview" />
      <CurationBoard projectId={projectId} initial={view} />
    </div>
  );
}
