import type { Metadata } from "next";
import Link from "next/link";
import { pageUser, orNotFound } from "@/lib/server/page";
import { getProjectOverview } from "@/lib/services/projects";
import { can } from "@/lib/auth/permissions";
import { MembersPanel } from "@/components/projects/MembersPanel";
import { ProjectNav } from "@/components/projects/ProjectNav";

export const metadata: Metadata = { title: "Project" };

type Props = { params: Promise<{ projectId: string }> };

export default async function ProjectPage({ params }: Props) {
  const { projectId } = await params;
  const user = await pageUser(`/projects/${projectId}`);
  const { access, project, documents, members, claimTypes } = await orNotFound(() => getProjectOverview(user.id, projectId));
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

      <section aria-labelledby="docs-h">
        <h2 id="docs-h">Documents</h2>
        {documents.length === 0 ? (
          <div className="empty">
            <p><strong>No documents yet.</strong> Import PDF, Word, HTML, Markdown or text files, or paste text, to start annotating.</p>
            {can(access.role, "document.import") && <Link className="button" href={`${base}/import`}>Import documents</Link>}
          </div>
        ) : (
          <table className="table" data-testid="documents-table">
            <thead>
              <tr><th scope="col">Title</th><th scope="col">Publisher</th><th scope="col">Published</th><th scope="col" className="num">Characters</th><th scope="col" className="num">Claims</th></tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <td><Link href={`${base}/documents/${d.id}`}>{d.title}</Link>{d.authors.length > 0 && <div className="muted small">{d.authors.join(", ")}</div>}</td>
                  <td>{d.publisher}</td>
                  <td>{d.published}</td>
                  <td className="num">{d.textLength.toLocaleString("en")}</td>
                  <td className="num">{d.claims}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <div className="columns">
        <section aria-labelledby="types-h" className="panel">
          <h2 id="types-h">Claim types</h2>
          <ul className="plain">
            {claimTypes.map((t, i) => (
              <li key={t.id}>
                <span className="swatch" style={{ background: t.color }} aria-hidden="true" /> {t.name}{" "}
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
