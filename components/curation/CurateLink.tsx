/**
 * For editors on the document page: the way to the curation board. In a blind project the board
 * opens only once the document is opened for curation, so the link waits for that.
 */
import Link from "next/link";

export function CurateLink({ projectId, documentId, ready }: { projectId: string; documentId: string; ready: boolean }) {
  if (!ready) return null;
  return (
    <p className="small curate-link">
      <Link href={`/projects/${projectId}/documents/${documentId}/curate`} data-testid="curate-link">Curate this document</Link>
      <span className="muted"> — compare the annotators&apos; versions side by side and decide each passage.</span>
    </p>
  );
}
