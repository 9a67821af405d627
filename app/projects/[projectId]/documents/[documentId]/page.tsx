import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { pageUser, orNotFound } from "@/lib/server/page";
import { getDocumentPage } from "@/lib/services/document-page";
import { can } from "@/lib/auth/permissions";
import { AnnotationWorkspace } from "@/components/annotate/AnnotationWorkspace";
import { DocumentDetails } from "@/components/annotate/DocumentDetails";
import { documentPrepaint } from "@/components/annotate/document-prepaint";
import { looksHardWrapped } from "@/lib/core/offsets";
import { CopiedPassages } from "@/components/passages/CopiedPassages";
import { ImportAnnotations } from "@/components/annotation-import/ImportAnnotations";

export const metadata: Metadata = { title: "Document" };

type Props = { params: Promise<{ projectId: string; documentId: string }> };

export default async function DocumentPage({ params }: Props) {
  const { projectId, documentId } = await params;
  const user = await pageUser(`/projects/${projectId}/documents/${documentId}`);
  const { access, projectName, document, claims, claimTypes, fieldDefaults, members, blind } = await orNotFound(() => getDocumentPage(user.id, projectId, documentId));
  const { text, importReport, ...meta } = document;
  // Highlights painted on the server-rendered text by an inline script (it needs the CSP nonce).
  // A PDF's text layer (or a text saved from one) has hard line breaks at the page's margin: shown
  // reflowed, offsets unchanged.
  const layout = meta.sourceFormat === "pdf" || looksHardWrapped(text) ? "reflow" : "plain";
  const prepaint = { plan: documentPrepaint(text, claims, claimTypes, layout), nonce: (await headers()).get("x-nonce") ?? undefined };
  return (
    <div className="document-page">
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link href="/projects">Projects</Link> / <Link href={`/projects/${projectId}`}>{projectName}</Link> /
      </nav>
      <DocumentDetails
        projectId={projectId}
        document={{
          id: meta.id, title: meta.title, authors: meta.authors, publisher: meta.publisher, published: meta.published, url: meta.url,
          language: meta.language, version: meta.version, textLength: meta.textLength, hasOriginal: meta.hasOriginal, annotated: meta.annotated,
        }}
        report={importReport as never}
        canEdit={can(access.role, "document.editMetadata")}
        blind={{ ...blind, canCurate: can(access.role, "document.curate") }}
      />
      <CopiedPassages projectId={projectId} documentId={documentId} />
      <ImportAnnotations projectId={projectId} documentId={documentId} canImport={can(access.role, "import.annotations")} canDecide={can(access.role, "claim.create")} />
      <AnnotationWorkspace
        projectId={projectId}
        documentId={documentId}
        text={text}
        published={meta.published}
        claimTypes={claimTypes}
        packedClaims={claims}
        members={members}
        currentUserId={user.id}
        canCreate={can(access.role, "claim.create")}
        role={access.role}
        prepaint={prepaint}
        layout={layout}
        fieldDefaults={fieldDefaults}
        canSetDefaults={can(access.role, "claimType.defaults")}
      />
    </div>
  );
}
