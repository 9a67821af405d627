/** The settings page's backup section: one download link (the route streams the archive). */
export function BackupPanel({ projectId }: { projectId: string }) {
  return (
    <section className="panel" aria-labelledby="backup">
      <h2 id="backup">Backup</h2>
      <p className="muted">
        One zip with everything in this project: settings, members (by e-mail), claim types with all their versions,
        documents, claims, reviews, comments, assignments, records, actors and the history. Restore it from the projects page,
        here or on another Attest server, as a new project.
      </p>
      <a className="button" href={`/api/projects/${projectId}/backup`} download>Download a backup</a>
    </section>
  );
}
