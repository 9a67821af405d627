import type { Metadata } from "next";
import Link from "next/link";
import { pageUser, orNotFound } from "@/lib/server/page";
import { getProject } from "@/lib/services/projects";
import { listClaimTypes } from "@/lib/services/claim-types";
import { listFieldDefaults } from "@/lib/services/claim-type-defaults";
import { can } from "@/lib/auth/permissions";
import { ClaimTypesEditor } from "@/components/claim-types/ClaimTypesEditor";

export const metadata: Metadata = { title: "Claim types" };

export default async function ClaimTypesPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const user = await pageUser(`/projects/${projectId}/claim-types`);
  const [overview, types, defaults] = await orNotFound(() => Promise.all([
    getProject(user.id, projectId), listClaimTypes(user.id, projectId, { includeArchived: true }), listFieldDefaults(user.id, projectId),
  ]));
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="crumbs"><Link href="/projects">Projects</Link> / <Link href={`/projects/${projectId}`}>{overview.project.name}</Link> /</nav>
      <h1>Claim types</h1>
      <p className="muted">
        Each claim type is a set of typed fields. Editing a type creates a new version; claims already written keep the version they were written with.
      </p>
      <ClaimTypesEditor projectId={projectId} types={types} canManage={can(overview.access.role, "claimType.manage")}
        defaults={defaults} canSetDefaults={can(overview.access.role, "claimType.defaults")} />
    </div>
  );
}
