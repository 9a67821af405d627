/** A release's files: download links with their sizes and SHA-256. */
import type { ReleaseSummary } from "@/lib/services/releases";

const kb = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

export function ReleaseFiles({ projectId, release, hashes }: { projectId: string; release: ReleaseSummary; hashes?: boolean }) {
  const base = `/api/projects/${projectId}/releases/${release.id}/files`;
  return (
    <ul className="release-files">
      {release.files.map((f) => (
        <li key={f.name}>
          <a href={`${base}/${f.name}`} download>{f.name}</a> <span className="muted small">({kb(f.size)})</span>
          {hashes && <> <code className="small" aria-label={`SHA-256 of ${f.name}`}>{f.sha256}</code></>}
        </li>
      ))}
    </ul>
  );
}
