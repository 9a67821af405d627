"use client";
/** What an annotation import did: counts, then what was not stored and why, by id in the file. */
import type { ImportReport } from "@/lib/services/annotation-import";

export function ImportReportView({ report, onReload }: { report: ImportReport; onReload: () => void }) {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return (
    <div className="annotation-import-report" role="status" data-testid="annotation-import-report">
      <p>
        {report.created > 0 && <>{plural(report.created, "claim")} created. </>}
        {report.suggested > 0 && <>{plural(report.suggested, "suggestion")} added below. </>}
        {report.created === 0 && report.suggested === 0 && <>Nothing was imported. </>}
        {report.unresolved.length > 0 && <>{plural(report.unresolved.length, "annotation")} not imported.</>}
      </p>
      {report.created > 0 && <button type="button" className="secondary" onClick={onReload}>Show the new claims</button>}
      {report.unknownTypes.length > 0 && (
        <p className="small">Types this project does not have: {report.unknownTypes.join(", ")}. Create claim types with these names to import them.</p>
      )}
      {report.unresolved.length > 0 && (
        <ul className="small">
          {report.unresolved.map((u, i) => <li key={`${u.id}-${i}`}><strong>{u.id}</strong>: {u.reason}</li>)}
        </ul>
      )}
      {report.warnings.length > 0 && (
        <ul className="small muted">
          {report.warnings.map((w, i) => <li key={`${w.id}-${i}`}><strong>{w.id}</strong>: {w.reason}</li>)}
        </ul>
      )}
    </div>
  );
}
