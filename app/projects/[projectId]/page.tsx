import type { Metadata } from "next";
import Link from "next/link";
import { pageUser, orNotFound } from "@/lib/server/page";
import { getProjectOverview } from "@/lib/services/projects";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { canBeAssigned } from "@/lib/services/assignments";
import { MembersPanel } from "@/components/projects/MembersPanel";
import { ProjectNav } from "@/components/projects/ProjectNav";
import { ProgressPanel } from "@/components/projects/ProgressPanel";
import { DocumentsTable } from "@/components/workflow/DocumentsTable";
import { TypeName } from "@/components/annotate/TypeName";

export const metadata: Metadata = { title: "Project" };

type Props = { params: Promise<{ projectId: string }> };

export default async function ProjectPage({ params }: Props) {
  const { projectId } = await params;
  const user = await pageUser(`/projects/${projectId}`);
  const { access, project, documents, members, claimTypes, progress } = await orNotFound(() => getProjectOverview(user.id, projectId));
  const base = `/projects/${project.id}`;
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="crumbs"><Link href="/projects">Projects</Link> /</nav>
      <div className="page-head">
        <h1>{project.name}</h1>
        <div className="actions">
          {can(access.role, "document.import") && <Link className="button" href={`${base}/import`}>Import documents</Link>}
          <Link className="button secondary" href={`${base}/claims`}>All claims</Link>
        </div>
      </div>
      <ProjectNav projectId={project.id} role={access.role} current="overview" />
      {project.description && <p className="lead">{project.description}</p>}
      <p className="muted small" data-testid="workflow-summary">
        {project.annotationMode === "blind" ? "Blind annotation: annotators see only their own claims until a document is opened for curation." : "Open annotation: members see every claim."}{" "}
        {project.annotatorsPerDocument} annotator{project.annotatorsPerDocument === 1 ? "" : "s"} per document.{" "}
        {can(access.role, "project.workflow") && <Link href={`${base}/settings`}>Change workflow settings</Link>}
      </p>

      {documents.length > 0 && <ProgressPanel projectId={project.id} progress={progress} />}

      <section aria-labelledby="docs-h">
        <h2 id="docs-h">Documents</h2>
        {documents.length === 0 ? (
          <div className="empty">
            <p><strong>No documents yet.</strong> Import PDF, Word, HTML, Markdown or text files, or paste text, to start annotating.</p>
            {can(access.role, "document.import") && <Link className="button" href={`${base}/import`}>Import documents</Link>}
          </div>
        ) : (
          <DocumentsTable
            projectId={project.id}
            documents={documents.map((d) => ({ id: d.id, title: d.title, authors: d.authors, publisher: d.publisher, published: d.published, textLength: d.textLength, claims: d.claims, assignees: d.assignees }))}
            annotatorsPerDocument={project.annotatorsPerDocument}
            members={members.filter((m) => canBeAssigned(m.role)).map((m) => ({ userId: m.userId, name: m.name, role: ROLE_LABELS[m.role] }))}
            canAssign={can(access.role, "document.assign")}
          />
        )}
      </section>

      <div className="columns">
        <section aria-labelledby="types-h" className="panel">
          <h2 id="types-h">Claim types</h2>
          <ul className="plain">
            {claimTypes.map((t, i) => (
              <li key={t.id}>
                <span className="swatch" style={{ background: t.color }} aria-hidden="true" /> <TypeName type={t} />{" "}
                <span className="muted small">key {i + 1} · v{t.currentVersion} · {t.claims} claim{t.claims === 1 ? "" : "s"}</span>
              </li>
            ))}
          </ul>
          <Link href={`${base}/claim-types`}>{can(access.role, "claimType.manage") ? "Edit claim types" : "View claim types"}</Link>
        </section>
        <MembersPanel projectId={project.id} members={members} canManage={can(access.role, "member.manage")} currentUserId={user.id} />
      </div>
    </div>
  );
}
