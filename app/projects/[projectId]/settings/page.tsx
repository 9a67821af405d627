import type { Metadata } from "next";
import Link from "next/link";
import { pageUser, orNotFound } from "@/lib/server/page";
import { getWorkflowSettings } from "@/lib/services/workflow";
import { ProjectNav } from "@/components/projects/ProjectNav";
import { WorkflowSettingsForm } from "@/components/workflow/WorkflowSettingsForm";
import { BackupPanel } from "@/components/backup/BackupPanel";

export const metadata: Metadata = { title: "Workflow settings" };

type Props = { params: Promise<{ projectId: string }> };

export default async function WorkflowSettingsPage({ params }: Props) {
  const { projectId } = await params;
  const user = await pageUser(`/projects/${projectId}/settings`);
  const { access, project, settings } = await orNotFound(() => getWorkflowSettings(user.id, projectId));
  const base = `/projects/${project.id}`;
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="crumbs"><Link href="/projects">Projects</Link> / <Link href={base}>{project.name}</Link> /</nav>
      <h1>Workflow settings</h1>
      <ProjectNav projectId={project.id} role={access.role} current="settings" />
      <p className="lead">How this project&apos;s documents are annotated and reviewed. Assign documents to annotators on the <Link href={base}>project page</Link>.</p>
      <WorkflowSettingsForm projectId={project.id} settings={settings} />
      <BackupPanel projectId={project.id} />
    </div>
  );
}
