import type { Metadata } from "next";
import Link from "next/link";
import { pageUser, orNotFound } from "@/lib/server/page";
import { listReleases } from "@/lib/services/releases";
import { ProjectNav } from "@/components/projects/ProjectNav";
import { PublishReleaseForm } from "@/components/releases/PublishReleaseForm";
import { CopyCitation } from "@/components/releases/CopyCitation";
import { ReleaseFiles } from "@/components/releases/ReleaseFiles";

export const metadata: Metadata = { title: "Releases" };

type Props = { params: Promise<{ projectId: string }> };

const counted = (m: Record<string, number>) => Object.entries(m).map(([k, n]) => `${n} ${k}`).join(", ") || "none";

export default async function ReleasesPage({ params }: Props) {
  const { projectId } = await params;
  const user = await pageUser(`/projects/${projectId}/releases`);
  const view = await orNotFound(() => listReleases(user.id, projectId));
  const base = `/projects/${projectId}`;
  return (
    <div className="page wide">
      <nav aria-label="Breadcrumb" className="crumbs"><Link href="/projects">Projects</Link> / <Link href={base}>{view.projectName}</Link> /</nav>
      <h1>Releases</h1>
      <ProjectNav projectId={projectId} role={view.role} current="releases" />
      <p className="lead">Versioned, citable snapshots of the <Link href={`${base}/records`}>records</Link> and approved claims. A release never changes: its files download byte for byte as published.</p>
      {view.canPublish && <section className="card"><PublishReleaseForm projectId={projectId} suggestedVersion={view.suggestedVersion} /></section>}
      <section aria-labelledby="releases-h">
        <h2 id="releases-h">Published ({view.releases.length})</h2>
        {view.releases.length === 0 ? (
          <div className="empty"><p>No releases yet.{view.canPublish ? " Publish the first one above." : " An editor publishes them."}</p></div>
        ) : (
          <ul className="card-list">
            {view.releases.map((r) => (
              <li key={r.id} className="card">
                <h3><Link href={`${base}/releases/${r.id}`}>Version {r.version}: {r.title}</Link></h3>
                <p className="muted small">Published {r.createdAt.toISOString().slice(0, 10)} by {r.createdBy}</p>
                {r.notes && <p>{r.notes}</p>}
                <p>Records: {r.counts.recordsTotal} ({counted(r.counts.records)}). Claims: {counted(r.counts.claims)}; {r.counts.approvedClaims} approved released.</p>
                <p>Changes: {r.counts.changes.added} added, {r.counts.changes.removed} removed, {r.counts.changes.changed} changed.</p>
                <p className="small">Content hash (SHA-256): <code>{r.contentHash}</code></p>
                <CopyCitation text={r.citationText} label={`version ${r.version}`} />
                <ReleaseFiles projectId={projectId} release={r} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
