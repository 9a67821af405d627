"use client";
/**
 * Annotation imports on the document page: an "Import annotations" disclosure (a file, its format
 * guessed from the extension, claims or suggestions, then the import report), and the document's
 * pending suggestions with Accept / Reject per row and for all of them. Accepted suggestions are
 * claims: the page reloads so the reading view paints them.
 */
import { useCallback, useEffect, useState } from "react";
import { acceptSuggestionsAction, importAnnotationsAction, listSuggestionsAction, rejectSuggestionsAction } from "@/lib/actions/annotation-import";
import type { ImportFormat, ImportReport, SuggestionView } from "@/lib/services/annotation-import";
import { ImportReportView } from "./ImportReportView";

/** The service's limit (MAX_IMPORT_BYTES); checked here too so a file too large never travels. */
const MAX_FILE_BYTES = 1_500_000;

const FORMATS: { value: ImportFormat; label: string }[] = [
  { value: "brat", label: "brat standoff (.ann)" },
  { value: "web-annotation", label: "W3C Web Annotation (.json, .jsonld)" },
  { value: "jsonl", label: "Claims JSONL (.jsonl)" },
];

function guessFormat(name: string): ImportFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith(".ann")) return "brat";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  if (lower.endsWith(".json") || lower.endsWith(".jsonld")) return "web-annotation";
  return null;
}

const showValue = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

type Props = { projectId: string; documentId: string; canImport: boolean; canDecide: boolean };

export function ImportAnnotations({ projectId, documentId, canImport, canDecide }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>("brat");
  const [as, setAs] = useState<"suggestions" | "claims">("suggestions");
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [suggestions, setSuggestions] = useState<SuggestionView[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await listSuggestionsAction(projectId, documentId);
    if (r.ok) setSuggestions(r.data);
    else setError(r.error.message);
  }, [projectId, documentId]);

  useEffect(() => {
    let live = true;
    void listSuggestionsAction(projectId, documentId).then((r) => {
      if (!live) return;
      if (r.ok) setSuggestions(r.data);
      else setError(r.error.message);
    });
    return () => { live = false; };
  }, [projectId, documentId]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return setError("Choose a file to import.");
    if (file.size > MAX_FILE_BYTES) return setError(`The file is larger than ${MAX_FILE_BYTES / 1_000_000} MB; split it and import the parts one by one.`);
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const r = await importAnnotationsAction(projectId, { documentId, format, content: await file.text(), fileName: file.name, as });
      if (!r.ok) return setError(r.error.message);
      setReport(r.data);
      if (r.data.suggested > 0) await load();
    } finally {
      setBusy(false);
    }
  }

  async function decide(kind: "accept" | "reject", rows?: SuggestionView[]) {
    setBusy(true);
    setError(null);
    try {
      const input = { documentId, ...(rows ? { suggestions: rows.map((s) => ({ suggestionId: s.id, version: s.version })) } : {}) };
      const r = kind === "accept" ? await acceptSuggestionsAction(projectId, input) : await rejectSuggestionsAction(projectId, input);
      if (!r.ok) return setError(r.error.message);
      const failed = r.data.failed.length ? ` ${r.data.failed.length} could not be accepted: ${r.data.failed.map((f) => f.reason).join("; ")}` : "";
      setStatus(`${kind === "accept" ? "Accepted" : "Rejected"} ${r.data.decided} suggestion${r.data.decided === 1 ? "" : "s"}.${failed}`);
      // New claims are painted by the reading view from the page's data: reload it.
      if (kind === "accept" && r.data.decided > 0 && !failed) return window.location.reload();
      await load();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="annotation-import">
      {canImport && (
        <details className="annotation-import-form" data-testid="import-annotations">
          <summary>Import annotations</summary>
          <form onSubmit={submit} className="stack">
            <label>
              File
              <input type="file" accept=".ann,.json,.jsonld,.jsonl,.ndjson" onChange={(e) => {
                const f = e.currentTarget.files?.[0] ?? null;
                setFile(f);
                const guessed = f ? guessFormat(f.name) : null;
                if (guessed) setFormat(guessed);
              }} />
            </label>
            <label>
              Format
              <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ImportFormat)}>
                {FORMATS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
              </select>
            </label>
            <fieldset>
              <legend>Import as</legend>
              <label><input type="radio" name="import-as" checked={as === "suggestions"} onChange={() => setAs("suggestions")} /> Suggestions to accept or reject</label>
              <label><input type="radio" name="import-as" checked={as === "claims"} onChange={() => setAs("claims")} /> Claims (draft, written by you)</label>
            </fieldset>
            <p className="small muted">
              brat files are read against this document&apos;s text: their .txt must be this text. Annotations whose words are not in the text are listed, not stored.
            </p>
            <button type="submit" disabled={busy || !file}>{busy ? "Importing…" : "Import"}</button>
          </form>
          {report && <ImportReportView report={report} onReload={() => window.location.reload()} />}
        </details>
      )}
      {error && <p role="alert" className="error small">{error}</p>}
      {status && <p role="status" className="small">{status}</p>}
      {suggestions && suggestions.length > 0 && (
        <section className="panel suggestions" aria-labelledby="suggestions-heading" data-testid="suggestions">
          <h2 id="suggestions-heading">Suggestions ({suggestions.length})</h2>
          <p className="small muted">Imported annotations waiting for a decision. An accepted suggestion becomes a draft claim written by you.</p>
          {canDecide && (
            <p className="suggestion-bulk">
              <button type="button" disabled={busy} onClick={() => void decide("accept")}>Accept all</button>{" "}
              <button type="button" className="secondary" disabled={busy} onClick={() => void decide("reject")}>Reject all</button>
            </p>
          )}
          <table className="table">
            <thead>
              <tr><th scope="col">Type</th><th scope="col">Quote</th><th scope="col">Values</th>{canDecide && <th scope="col">Decision</th>}</tr>
            </thead>
            <tbody>
              {suggestions.map((s) => (
                <tr key={s.id} data-testid="suggestion">
                  <td>{s.claimTypeName}</td>
                  <td><q>{s.spans.map((sp) => sp.exact).join(" … ")}</q></td>
                  <td className="small">
                    {Object.entries(s.values).map(([k, v]) => <span key={k} className="suggestion-value">{k}: {showValue(v)}</span>)}
                    {s.note && <span className="suggestion-value muted">Note: {s.note}</span>}
                  </td>
                  {canDecide && (
                    <td>
                      <button type="button" disabled={busy} onClick={() => void decide("accept", [s])} aria-label={`Accept ${s.claimTypeName} “${s.spans[0]?.exact ?? ""}”`}>Accept</button>{" "}
                      <button type="button" className="secondary" disabled={busy} onClick={() => void decide("reject", [s])} aria-label={`Reject ${s.claimTypeName} “${s.spans[0]?.exact ?? ""}”`}>Reject</button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
