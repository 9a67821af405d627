/**
 * What import did to a text: how it was obtained, warnings (encoding, repairs, lost characters), what
 * canonicalization changed (counts and first positions), and notes from the reader. Shown after
 * upload and on the document page; it describes the text stored now.
 */
export interface ImportReportData {
  format?: string;
  /** How the text was obtained ("text layer of a 12-page PDF"); reports from before it was recorded lack it. */
  obtained?: string;
  encoding?: string;
  warnings?: string[];
  /** What canonicalization changed, one line each; absent in reports made before it was recorded. */
  changes?: string[];
  canonical?: { changes?: unknown[] };
  offsets?: "identity" | "map" | "unmapped-repair";
  notes?: string[];
  mojibake?: { applied?: boolean; kind?: string | null; unrecoverable?: number; replacements?: { from: string; to: string; count: number }[] };
}

const FORMAT_LABEL: Record<string, string> = { txt: "text file", md: "Markdown", html: "web page", pdf: "PDF", docx: "Word document", paste: "pasted text" };

function summary(report: ImportReportData): string {
  const parts = [FORMAT_LABEL[report.format ?? ""] ?? report.format ?? "text"];
  if (report.obtained) parts.push(report.obtained);
  else if (report.encoding && report.encoding !== "string") parts.push(report.encoding);
  const warnings = report.warnings?.length ?? 0;
  if (warnings > 0) parts.push(`${warnings} warning${warnings === 1 ? "" : "s"}`);
  if (report.changes === undefined) return parts.join(", ");
  const canonicalChanges = report.canonical?.changes?.length ?? 0;
  if (report.mojibake?.applied) parts.push("repaired");
  if (canonicalChanges > 0) parts.push(`${canonicalChanges} kind${canonicalChanges === 1 ? "" : "s"} of change`);
  if (canonicalChanges === 0 && !report.mojibake?.applied) parts.push("stored as obtained");
  return parts.join(", ");
}

export function ImportReportView({ report }: { report: ImportReportData }) {
  const warnings = report.warnings ?? [];
  const notes = report.notes ?? [];
  const repl = report.mojibake?.applied ? (report.mojibake.replacements ?? []) : [];
  return (
    <details className="import-report" open={warnings.length > 0} data-testid="import-report">
      <summary>Import report: {summary(report)}</summary>
      {warnings.length > 0 && (
        <>
          <h3 className="small">Warnings</h3>
          <ul>{warnings.map((l, i) => <li key={i}>{l}</li>)}</ul>
        </>
      )}
      <h3 className="small">Changes to the text</h3>
      <p className="muted small">Offsets are positions in the text as read from the file, in characters (Unicode code points) counted from 0.</p>
      {report.changes === undefined ? (
        <p className="muted small">This import predates the detailed record of changes; positions were not recorded.</p>
      ) : (
        <ul data-testid="import-changes">{report.changes.map((l, i) => <li key={i}>{l}</li>)}</ul>
      )}
      {notes.length > 0 && (
        <>
          <h3 className="small">Notes</h3>
          <ul>{notes.map((l, i) => <li key={i}>{l}</li>)}</ul>
        </>
      )}
      {repl.length > 0 && (
        <table className="table compact">
          <caption className="sr-only">Repaired character sequences</caption>
          <thead><tr><th scope="col">Was</th><th scope="col">Now</th><th scope="col" className="num">Times</th></tr></thead>
          <tbody>
            {repl.slice(0, 12).map((r, i) => <tr key={i}><td><code>{r.from}</code></td><td><code>{r.to}</code></td><td className="num">{r.count}</td></tr>)}
          </tbody>
        </table>
      )}
    </details>
  );
}
