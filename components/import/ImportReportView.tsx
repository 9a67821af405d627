/** What import did to a text: encoding, repairs, removed characters. Shown after upload and on the document page. */
export interface ImportReportData {
  format?: string;
  encoding?: string;
  warnings?: string[];
  notes?: string[];
  mojibake?: { applied?: boolean; kind?: string | null; unrecoverable?: number; replacements?: { from: string; to: string; count: number }[] };
}

export function ImportReportView({ report }: { report: ImportReportData }) {
  const lines = [...(report.warnings ?? []), ...(report.notes ?? [])];
  const repl = report.mojibake?.replacements ?? [];
  return (
    <details className="import-report" open={lines.length > 0}>
      <summary>
        Import report: {report.format ?? "text"}
        {report.encoding ? `, ${report.encoding}` : ""}
        {lines.length === 0 ? ", no changes needed" : `, ${lines.length} note${lines.length === 1 ? "" : "s"}`}
      </summary>
      {lines.length > 0 && <ul>{lines.map((l, i) => <li key={i}>{l}</li>)}</ul>}
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
