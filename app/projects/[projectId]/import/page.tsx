import type { Metadata } from "next";
import Link from "next/link";
import { pageUser, orNotFound } from "@/lib/server/page";
import { getProject } from "@/lib/services/projects";
import { ImportPanel } from "@/components/import/ImportPanel";
import { limitsFromEnv } from "@/lib/import";

export const metadata: Metadata = { title: "Import documents" };

export default async function ImportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const user = await pageUser(`/projects/${projectId}/import`);
  const { project } = await orNotFound(() => getProject(user.id, projectId, "document.import"));
  const maxMb = Math.round(limitsFromEnv(process.env).maxFileBytes / 1024 / 1024);
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="crumbs"><Link href="/projects">Projects</Link> / <Link href={`/projects/${project.id}`}>{project.name}</Link> /</nav>
      <h1>Import documents</h1>
      <ImportPanel projectId={project.id} maxMb={maxMb} />
    </div>
  );
}
