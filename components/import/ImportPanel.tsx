"use client";
/**
 * Batch import: each file is uploaded on its own request (XMLHttpRequest, for upload progress) and
 * gets its own row with progress and result; a failing file never stops the rest of the batch.
 */
import { useRef, useState } from "react";
import Link from "next/link";
import { ImportReportView, type ImportReportData } from "./ImportReportView";

type RowState = "queued" | "uploading" | "processing" | "done" | "failed";

interface Row {
  key: string;
  name: string;
  size: number;
  state: RowState;
  progress: number;
  message?: string;
  documentId?: string;
  duplicateOf?: string;
  report?: ImportReportData;
}

const ACCEPT = ".txt,.md,.markdown,.html,.htm,.pdf,.docx,text/plain,text/markdown,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function upload(projectId: string, body: FormData, onProgress: (p: number) => void): Promise<{ status: number; json: any }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/projects/${projectId}/documents`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let json: any = null;
      try { json = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      resolve({ status: xhr.status, json });
    };
    xhr.onerror = () => resolve({ status: 0, json: null });
    xhr.send(body);
  });
}

export function ImportPanel({ projectId, maxMb }: { projectId: string; maxMb: number }) {
  const [rows, setRows] = useState<Row[]>([]);
  const [repair, setRepair] = useState(true);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const patch = (key: string, p: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...p } : r)));

  async function send(key: string, body: FormData) {
    body.set("repair", String(repair));
    patch(key, { state: "uploading" });
    const res = await upload(projectId, body, (p) => patch(key, { progress: p, state: p >= 1 ? "processing" : "uploading" }));
    if (res.status === 200 && res.json?.documentId) {
      patch(key, { state: "done", progress: 1, documentId: res.json.documentId, report: res.json.report, message: res.json.title });
    } else {
      const error = res.json?.error;
      patch(key, {
        state: "failed",
        progress: 1,
        message: error?.message ?? (res.status === 0 ? "The connection failed. Try again." : `The server answered ${res.status}.`),
        duplicateOf: error?.details?.documentId,
      });
    }
  }

  async function addFiles(files: FileList | File[]) {
    const list = Array.from(files);
    const newRows = list.map((f, i) => ({ key: `${Date.now()}-${i}-${f.name}`, name: f.name, size: f.size, state: "queued" as RowState, progress: 0 }));
    setRows((rs) => [...newRows, ...rs]);
    for (let i = 0; i < list.length; i++) {
      const body = new FormData();
      body.set("file", list[i]!);
      await send(newRows[i]!.key, body);
    }
  }

  async function onPaste(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const title = String(form.get("title") ?? "").trim() || "Pasted text";
    const key = `${Date.now()}-paste`;
    setRows((rs) => [{ key, name: title, size: String(form.get("text") ?? "").length, state: "queued", progress: 0 }, ...rs]);
    const body = new FormData();
    body.set("title", title);
    body.set("text", String(form.get("text") ?? ""));
    e.currentTarget.reset();
    await send(key, body);
  }

  return (
    <div className="import">
      <div
        className={`dropzone${dragging ? " dragging" : ""}`}
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => { e.preventDefault(); setDragging(false); void addFiles(e.dataTransfer.files); }}
      >
        <p><strong>Drop files here</strong> or</p>
        <input ref={inputRef} id="import-files" data-testid="import-files" type="file" multiple accept={ACCEPT}
          onChange={(e) => { if (e.target.files) void addFiles(e.target.files); e.target.value = ""; }} />
        <label htmlFor="import-files" className="button">Choose files</label>
        <p className="muted small">PDF (text layer), Word (.docx), HTML, Markdown, plain text · up to {maxMb} MB each · several at once.</p>
        <label className="checkbox">
          <input type="checkbox" checked={repair} onChange={(e) => setRepair(e.target.checked)} /> Repair mis-decoded text (e.g. “cafÃ©” → “café”, “State鈥檚” → “State’s”)
        </label>
      </div>

      {rows.length > 0 && (
        <ul className="import-rows" aria-label="Import results" aria-live="polite">
          {rows.map((r) => (
            <li key={r.key} className={`import-row ${r.state}`} data-testid="import-row" data-state={r.state}>
              <div className="import-row-head">
                <span className="name">{r.name}</span>
                <span className="muted small">{(r.size / 1024).toFixed(1)} KB</span>
                <span className="status">
                  {r.state === "queued" && "Waiting"}
                  {r.state === "uploading" && `Uploading ${Math.round(r.progress * 100)}%`}
                  {r.state === "processing" && "Extracting text…"}
                  {r.state === "done" && "Imported"}
                  {r.state === "failed" && "Not imported"}
                </span>
              </div>
              <progress max={1} value={r.state === "processing" ? undefined : r.progress} aria-label={`Progress of ${r.name}`} />
              {r.state === "done" && r.documentId && (
                <div>
                  <Link href={`/projects/${projectId}/documents/${r.documentId}`}>Open “{r.message}”</Link>
                  {r.report && <ImportReportView report={r.report} />}
                </div>
              )}
              {r.state === "failed" && (
                <p role="alert" className="error">
                  {r.message}{" "}
                  {r.duplicateOf && <Link href={`/projects/${projectId}/documents/${r.duplicateOf}`}>Open the existing document</Link>}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}

      <section className="panel" aria-labelledby="paste-h">
        <h2 id="paste-h">Or paste text</h2>
        <form onSubmit={onPaste} className="stack">
          <label>Title<input name="title" maxLength={500} placeholder="Title of the source" /></label>
          <label>Text<textarea name="text" rows={8} required /></label>
          <button type="submit">Import pasted text</button>
        </form>
      </section>
    </div>
  );
}
