"use client";
/**
 * The "Export" menu of the claims and records pages: one download link per format with what it
 * holds, for the page's current filter. The browser downloads the file as it streams; the recent
 * exports list (RecentExports) is told a download started so it can follow its progress.
 */
import { EXPORT_STARTED_EVENT } from "./events";

type Format = { id: string; label: string; explanation: string };

const CLAIMS_FORMATS: Format[] = [
  { id: "claims-csv", label: "Claims CSV", explanation: "One row per claim: quote, code-point offsets, status, author and each field. Opens in a spreadsheet." },
  { id: "claims-jsonl", label: "Claims JSONL", explanation: "One JSON object per line with every stored field of each claim; imports back without loss." },
  { id: "web-annotation", label: "W3C Web Annotation", explanation: "JSON-LD: one annotation per claim with quote and position selectors, for annotation tools." },
  { id: "brat", label: "brat standoff (zip)", explanation: "A .txt and .ann file per document, with annotation.conf built from the claim types." },
  { id: "datapackage", label: "Frictionless Data Package (zip)", explanation: "Records, claims and sources CSVs with datapackage.json describing every column." },
];

const RECORDS_FORMATS: Format[] = [
  { id: "records-csv", label: "Records CSV", explanation: "One row per record with event-data columns (dates, country, actors, low/best/high, sources) and each field." },
  { id: "records-jsonl", label: "Records JSONL", explanation: "One record per line: each value with the rule that chose it, alternatives, conflicts and the evidence." },
  { id: "datapackage", label: "Frictionless Data Package (zip)", explanation: "Records, claims and sources CSVs with datapackage.json describing every column." },
];

export function ExportMenu({ projectId, page, query }: { projectId: string; page: "claims" | "records"; query: string }) {
  const formats = page === "claims" ? CLAIMS_FORMATS : RECORDS_FORMATS;
  const href = (format: string) => {
    const q = new URLSearchParams(query);
    if (format === "datapackage" && page === "records") q.set("scope", "records");
    const s = q.toString();
    return `/api/projects/${projectId}/exports/${format}${s ? `?${s}` : ""}`;
  };
  return (
    <details className="export-menu">
      <summary className="button secondary">Export</summary>
      <div className="export-menu-panel">
        <p className="small muted">
          Exports what this page shows with its current filter{page === "claims" ? " (type, document, author and status; field sorts and date or figure ranges are not applied)" : ""}, as it is now.
        </p>
        <ul>
          {formats.map((f) => (
            <li key={f.id}>
              <a href={href(f.id)} download data-format={f.id} onClick={() => window.dispatchEvent(new Event(EXPORT_STARTED_EVENT))}>
                {f.label}
              </a>
              <span className="small muted"> — {f.explanation}</span>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
