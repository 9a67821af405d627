import type { Metadata } from "next";
import Link from "next/link";
import { pageUser } from "@/lib/server/page";
import { listProjectsForUser } from "@/lib/services/projects";
import { CreateProjectForm } from "@/components/projects/CreateProjectForm";
import { RestoreForm } from "@/components/backup/RestoreForm";
import { ROLE_LABELS } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage() {
  const user = await pageUser("/projects");
  const projects = await listProjectsForUser(user.id);
  return (
    <div className="page">
      <div className="page-head">
        <h1>Projects</h1>
      </div>
      {projects.length === 0 ? (
        <div className="empty">
          <p><strong>No projects yet.</strong> Create one below, then import the reports you want to annotate.</p>
        </div>
      ) : (
        <ul className="card-list" aria-label="Your projects">
          {projects.map((p) => (
            <li key={p.id} className="card">
              <Link href={`/projects/${p.id}`} className="card-title">{p.name}</Link>
              {p.description && <p className="muted">{p.description}</p>}
              <p className="meta">
                {p.documents} document{p.documents === 1 ? "" : "s"} · {p.claims} claim{p.claims === 1 ? "" : "s"} · you are {ROLE_LABELS[p.role].toLowerCase()}
              </p>
            </li>
          ))}
        </ul>
      )}
      <section className="panel" aria-labelledby="new-project">
        <h2 id="new-project">New project</h2>
        <CreateProjectForm />
      </section>
      <section className="panel" aria-labelledby="restore-project">
        <h2 id="restore-project">Restore a project from a backup</h2>
        <RestoreForm />
      </section>
    </div>
  );
}
