import type { Metadata } from "next";
import Link from "next/link";
import { pageUser, orNotFound } from "@/lib/server/page";
import { compareReleases, getRelease } from "@/lib/services/releases";
import { ProjectNav } from "@/components/projects/ProjectNav";
import { CopyCitation } from "@/components/releases/CopyCitation";
import { ReleaseFiles } from "@/components/releases/ReleaseFiles";
import { Changelog } from "@/components/releases/Changelog";

export const metadata: Metadata = { title: "Release" };

type Props = { params: Promise<{ projectId: string; releaseId: string }>; searchParams: Promise<{ compare?: string | string[] }> };

export default async function ReleasePage({ params, searchParams }: Props) {
  const { projectId, releaseId } = await params;
  const compareParam = (await searchParams).compare;
  const compareId = Array.isArray(compareParam) ? compareParam[0] : compareParam;
  const user = await pageUser(`/projects/${projectId}/releases/${releaseId}`);
  const view = await orNotFound(() => getRelease(user.id, projectId, releaseId));
  // Compared as "from the other release to this one"; an unknown id is a 404 like any other.
  const comparison = compareId ? await orNotFound(() => compareReleases(user.id, projectId, compareId, releaseId)) : null;
  const base = `/projects/${projectId}`;
  const r = view.release;
  return (
    <div className="page wide">
      <nav aria-label="Breadcrumb" className="crumbs"><Link href="/projects">Projects</Link> / <Link href={base}>{view.projectName}</Link> / <Link href={`${base}/releases`}>Releases</Link> /</nav>
      <h1>Version {r.version}: {r.title}</h1>
      <ProjectNav projectId={projectId} role={view.role} current="releases" />
      <p className="muted">Published {r.createdAt.toISOString().slice(0, 10)} by {r.createdBy}. Content hash (SHA-256): <code>{r.contentHash}</code></p>
      {r.notes && <p>{r.notes}</p>}
      <section aria-labelledby="cite-h">
        <h2 id="cite-h">Cite this release</h2>
        <CopyCitation text={r.citationText} label={`version ${r.version}`} />
        <details>
          <summary>CSL-JSON</summary>
          <pre>{JSON.stringify(r.citation, null, 2)}</pre>
        </details>
      </section>
      <section aria-labelledby="files-h">
        <h2 id="files-h">Files</h2>
        <ReleaseFiles projectId={projectId} release={r} hashes />
      </section>
      <section aria-labelledby="changes-h">
        <h2 id="changes-h">{view.previous ? `Changes since version ${view.previous.version}` : "Changes (first release)"}</h2>
        <Changelog projectId={projectId} changelog={view.changelog} />
      </section>
      {view.others.length > 0 && (
        <section aria-labelledby="compare-h">
          <h2 id="compare-h">Compare with another release</h2>
          <form method="get" className="row">
            <label htmlFor="compare-with">Release</label>
            <select id="compare-with" name="compare" defaultValue={comparison?.from.id ?? view.others[0].id}>
              {view.others.map((o) => <option key={o.id} value={o.id}>Version {o.version}: {o.title}</option>)}
            </select>
            <button type="submit">Compare</button>
          </form>
          {comparison && (
            <>
              <h3>From version {comparison.from.version} to version {r.version}</h3>
              <Changelog projectId={projectId} changelog={comparison.changelog} />
            </>
          )}
        </section>
      )}
    </div>
  );
}
