"use client";
/**
 * Batch import: each file is uploaded on its own request (XMLHttpRequest, for upload progress) and
 * gets its own row with progress and result; a failing file never stops the rest of the batch.
 * Details (title, authors, publisher, publication date, URL) can be given per file before upload
 * ("Enter details before importing"), overriding the file's own; after import every row shows the
 * details as stored, marked where they were read from the file, and saves edits as a new version.
 */
import { useRef, useState } from "react";
import Link from "next/link";
import { updateDocumentMetadataAction } from "@/lib/actions/projects";
import { ImportReportView, type ImportReportData } from "./ImportReportView";
import { EMPTY_META, MetadataFields, metadataInput, type MetaValues } from "./MetadataFields";
import { DOCUMENT_LIMITS } from "@/lib/core/document-limits";

type RowState = "staged" | "queued" | "uploading" | "processing" | "done" | "failed";

interface StoredMeta {
  values: MetaValues;
  language: string;
  fromFile: Partial<Record<keyof MetaValues, boolean>>;
  version: number;
  status?: string;
  error?: string;
}

/** The server's answer for an imported file: stored metadata and what the file said. */
interface Imported {
  metadata: { title: string; authors: string[]; publisher: string; published: string; url: string; language: string };
  fromFile: { title?: string; authors?: string[]; publisher?: string; published?: string; url?: string };
  version: number;
}

/** What the upload route answers: an imported document, or an error (any other body reads as null). */
type UploadAnswer = Partial<Imported> & {
  documentId?: string;
  title?: string;
  report?: ImportReportData;
  error?: { code?: string; message?: string; details?: { documentId?: string } };
};

function storedMeta(res: Imported): StoredMeta {
  const m = res.metadata;
  const f = res.fromFile ?? {};
  const values = { title: m.title, authors: m.authors.join("; "), publisher: m.publisher, published: m.published, url: m.url };
  // A field is marked as read from the file when the stored value is the file's.
  const fromFile = {
    title: !!f.title && f.title === m.title,
    authors: !!f.authors?.length && f.authors.join("; ") === values.authors,
    publisher: !!f.publisher && f.publisher === m.publisher,
    published: !!f.published && f.published === m.published,
    url: !!f.url && f.url === m.url,
  };
  return { values, language: m.language, fromFile, version: res.version };
}

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
  /** Kept while staged. */
  file?: File;
  /** Details given before upload. */
  given: MetaValues;
  stored?: StoredMeta;
}

const ACCEPT = ".txt,.md,.markdown,.html,.htm,.pdf,.docx,text/plain,text/markdown,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function upload(projectId: string, body: FormData, onProgress: (p: number) => void): Promise<{ status: number; json: UploadAnswer | null }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/projects/${projectId}/documents`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let json: UploadAnswer | null = null;
      try { json = JSON.parse(xhr.responseText) as UploadAnswer; } catch { /* not JSON */ }
      resolve({ status: xhr.status, json });
    };
    xhr.onerror = () => resolve({ status: 0, json: null });
    xhr.send(body);
  });
}

export function ImportPanel({ projectId, maxMb }: { projectId: string; maxMb: number }) {
  const [rows, setRows] = useState<Row[]>([]);
  const [repair, setRepair] = useState(true);
  const [reviewFirst, setReviewFirst] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [pasteMeta, setPasteMeta] = useState<MetaValues>(EMPTY_META);
  const inputRef = useRef<HTMLInputElement>(null);
  const patch = (key: string, p: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...p } : r)));
  const patchStored = (key: string, p: Partial<StoredMeta>) =>
    setRows((rs) => rs.map((r) => (r.key === key && r.stored ? { ...r, stored: { ...r.stored, ...p } } : r)));

  async function send(key: string, body: FormData, given: MetaValues) {
    body.set("repair", String(repair));
    const metadata = metadataInput(given, "filled");
    if (Object.keys(metadata).length > 0) body.set("metadata", JSON.stringify(metadata));
    patch(key, { state: "uploading", file: undefined });
    const res = await upload(projectId, body, (p) => patch(key, { progress: p, state: p >= 1 ? "processing" : "uploading" }));
    if (res.status === 200 && res.json?.documentId) {
      patch(key, { state: "done", progress: 1, documentId: res.json.documentId, report: res.json.report, message: res.json.title, stored: res.json.metadata && res.json.fromFile && res.json.version !== undefined ? storedMeta(res.json as Imported) : undefined });
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

  async function uploadRows(list: Row[]) {
    for (const row of list) {
      const body = new FormData();
      body.set("file", row.file!);
      await send(row.key, body, row.given);
    }
  }

  async function addFiles(files: FileList | File[]) {
    const list = Array.from(files);
    const state: RowState = reviewFirst ? "staged" : "queued";
    const newRows: Row[] = list.map((f, i) => ({ key: `${Date.now()}-${i}-${f.name}`, name: f.name, size: f.size, state, progress: 0, file: f, given: EMPTY_META }));
    setRows((rs) => [...newRows, ...rs]);
    if (!reviewFirst) await uploadRows(newRows);
  }

  async function importStaged() {
    const staged = rows.filter((r) => r.state === "staged");
    setRows((rs) => rs.map((r) => (r.state === "staged" ? { ...r, state: "queued" } : r)));
    await uploadRows(staged);
  }

  async function saveDetails(row: Row, e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const stored = row.stored!;
    patchStored(row.key, { status: "Saving…", error: undefined });
    const res = await updateDocumentMetadataAction(projectId, row.documentId!, stored.version, { ...metadataInput(stored.values, "all"), language: stored.language });
    if (!res.ok) return patchStored(row.key, { status: undefined, error: res.error.message });
    patchStored(row.key, { version: res.data.version, status: "Details saved." });
    patch(row.key, { message: stored.values.title });
  }

  async function onPaste(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const title = String(form.get("title") ?? "").trim() || "Pasted text";
    const key = `${Date.now()}-paste`;
    const given = { ...pasteMeta, title };
    setRows((rs) => [{ key, name: title, size: String(form.get("text") ?? "").length, state: "queued", progress: 0, given }, ...rs]);
    const body = new FormData();
    body.set("title", title);
    body.set("text", String(form.get("text") ?? ""));
    e.currentTarget.reset();
    setPasteMeta(EMPTY_META);
    await send(key, body, given);
  }

  const stagedCount = rows.filter((r) => r.state === "staged").length;

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
        <label className="checkbox">
          <input type="checkbox" checked={reviewFirst} onChange={(e) => setReviewFirst(e.target.checked)} data-testid="import-review-first" /> Enter details (title, authors, publication date…) before importing
        </label>
      </div>

      {stagedCount > 0 && (
        <p className="inline">
          <button type="button" onClick={() => void importStaged()} data-testid="import-staged">Import {stagedCount} file{stagedCount === 1 ? "" : "s"}</button>
          <span className="muted small">Details left empty are read from the file where it has them.</span>
        </p>
      )}

      {rows.length > 0 && (
        <ul className="import-rows" aria-label="Import results" aria-live="polite">
          {rows.map((r) => (
            <li key={r.key} className={`import-row ${r.state}`} data-testid="import-row" data-state={r.state}>
              <div className="import-row-head">
                <span className="name">{r.name}</span>
                <span className="muted small">{(r.size / 1024).toFixed(1)} KB</span>
                <span className="status">
                  {r.state === "staged" && "Not imported yet"}
                  {r.state === "queued" && "Waiting"}
                  {r.state === "uploading" && `Uploading ${Math.round(r.progress * 100)}%`}
                  {r.state === "processing" && "Extracting text…"}
                  {r.state === "done" && "Imported"}
                  {r.state === "failed" && "Not imported"}
                </span>
              </div>
              {r.state === "staged" ? (
                <details className="import-meta" open>
                  <summary>Details for {r.name}</summary>
                  <MetadataFields legend={`Details for ${r.name}`} idPrefix={`staged-${r.key}`} values={r.given} onChange={(given) => patch(r.key, { given })} />
                  <button type="button" className="secondary" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>Remove {r.name}</button>
                </details>
              ) : (
                <progress max={1} value={r.state === "processing" ? undefined : r.progress} aria-label={`Progress of ${r.name}`} />
              )}
              {r.state === "done" && r.documentId && (
                <div>
                  <Link href={`/projects/${projectId}/documents/${r.documentId}`}>Open “{r.message}”</Link>
                  {r.stored && (
                    <details className="import-meta" data-testid="import-details">
                      <summary>
                        Details: {r.stored.values.published ? `published ${r.stored.values.published}` : "no publication date"}
                        {r.stored.values.authors && ` · ${r.stored.values.authors}`}
                      </summary>
                      <form onSubmit={(e) => void saveDetails(r, e)} aria-label={`Details of ${r.name}`}>
                        <MetadataFields legend={`Details of ${r.name}`} idPrefix={`doc-${r.key}`} values={r.stored.values} fromFile={r.stored.fromFile}
                          onChange={(values) => patchStored(r.key, { values, status: undefined })} />
                        <p className="inline">
                          <button type="submit">Save details</button>
                          <span role="status" className="small">{r.stored.status}</span>
                        </p>
                        {r.stored.error && <p role="alert" className="error">{r.stored.error}</p>}
                      </form>
                    </details>
                  )}
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
          <label>Title<input name="title" maxLength={DOCUMENT_LIMITS.title} placeholder="Title of the source" /></label>
          <details className="import-meta">
            <summary>More details (authors, publisher, publication date, URL)</summary>
            <MetadataFields legend="Details of the pasted text" idPrefix="paste" values={pasteMeta} onChange={setPasteMeta} withTitle={false} />
          </details>
          <label>Text<textarea name="text" rows={8} required /></label>
          <button type="submit">Import pasted text</button>
        </form>
      </section>
    </div>
  );
}
