"use client";
/**
 * The document's header: metadata (editable by editors, versioned), a notice when the publication
 * date is missing (yearless dates in claims are read against it), import report, original-text switch,
 * and in blind annotation what the reader sees (their own claims only, or all once curation opened),
 * with the button that opens the document for curation for editors.
 */
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { updateDocumentMetadataAction, revertToOriginalTextAction } from "@/lib/actions/projects";
import { ImportReportView, type ImportReportData } from "@/components/import/ImportReportView";
import { DOCUMENT_LIMITS } from "@/lib/core/document-limits";
import { PUBLISHED_PATTERN } from "@/lib/core/values/published";
import { OpenCurationButton } from "@/components/curation/OpenCurationButton";
import { CurateLink } from "@/components/curation/CurateLink";

interface Meta {
  id: string;
  title: string;
  authors: string[];
  publisher: string;
  published: string;
  url: string;
  language: string;
  version: number;
  textLength: number;
  hasOriginal: boolean;
  annotated: boolean;
}

/** Blind annotation on this document, as the reader sees it (document-page.ts `blind`). */
interface BlindState {
  mode: string;
  /** the reader sees only their own claims */
  ownOnly: boolean;
  curationOpen: boolean;
  /** the reader may open the document for curation */
  canCurate: boolean;
}

export function DocumentDetails({ projectId, document: d, report, canEdit, blind }: { projectId: string; document: Meta; report: ImportReportData; canEdit: boolean; blind: BlindState }) {
  const router = useRouter();
  const [editing, setEditing] = useState<false | "all" | "published">(false);
  const [error, setError] = useState("");
  const [pending, start] = useTransition();

  function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const input = {
      title: String(f.get("title") ?? ""),
      authors: String(f.get("authors") ?? "").split(";").map((s) => s.trim()).filter(Boolean),
      publisher: String(f.get("publisher") ?? ""),
      published: String(f.get("published") ?? ""),
      url: String(f.get("url") ?? ""),
      language: String(f.get("language") ?? ""),
    };
    start(async () => {
      const res = await updateDocumentMetadataAction(projectId, d.id, d.version, input);
      if (!res.ok) return setError(res.error.message);
      setError("");
      setEditing(false);
      router.refresh();
    });
  }

  function useOriginal() {
    if (!confirm("Replace the repaired text with the text as it was decoded? Do this only if the repair was wrong.")) return;
    start(async () => {
      const res = await revertToOriginalTextAction(projectId, d.id, d.version);
      if (!res.ok) return setError(res.error.message);
      router.refresh();
    });
  }

  return (
    <header className="doc-header">
      <h1 data-testid="document-title">{d.title}</h1>
      {!editing ? (
        <p className="meta">
          {d.authors.length > 0 && <span>{d.authors.join(", ")} · </span>}
          {d.publisher && <span>{d.publisher} · </span>}
          {d.published && <span>published {d.published} · </span>}
          {d.language && <span>language {d.language} · </span>}
          {d.url && <span><a href={d.url} rel="noopener noreferrer nofollow" target="_blank">source</a> · </span>}
          <span>{d.textLength.toLocaleString("en")} characters</span>
          {canEdit && <> · <button type="button" className="link-button" onClick={() => setEditing("all")}>Edit details</button></>}
        </p>
      ) : (
        <form onSubmit={save} className="grid-form" aria-label="Document details">
          <label>Title<input name="title" defaultValue={d.title} required maxLength={DOCUMENT_LIMITS.title} /></label>
          <label>Authors <span className="muted small">(separate with ;)</span><input name="authors" defaultValue={d.authors.join("; ")} /></label>
          <label>Publisher<input name="publisher" defaultValue={d.publisher} maxLength={DOCUMENT_LIMITS.publisher} /></label>
          <label>Published <span className="muted small">(YYYY, YYYY-MM or YYYY-MM-DD)</span><input name="published" defaultValue={d.published} pattern={PUBLISHED_PATTERN.source} maxLength={DOCUMENT_LIMITS.published} autoFocus={editing === "published"} /></label>
          <label>URL<input name="url" type="url" defaultValue={d.url} maxLength={DOCUMENT_LIMITS.url} /></label>
          <label>Language<input name="language" defaultValue={d.language} placeholder="en" maxLength={DOCUMENT_LIMITS.language} /></label>
          <div className="inline">
            <button type="submit" disabled={pending}>Save details</button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>Cancel</button>
          </div>
        </form>
      )}
      {!d.published && !editing && (
        <p className="notice small" role="note" data-testid="no-publication-date">
          This document has no publication date. Dates written without a year (“January 26”) are read against the
          nearest year stated before them in the text, or else against the publication date, so without it they may stay
          unresolved.{" "}
          {canEdit ? (
            <button type="button" className="link-button" onClick={() => setEditing("published")}>Set the publication date</button>
          ) : (
            "An editor of this project can set it."
          )}
        </p>
      )}
      {blind.mode === "blind" && blind.ownOnly && (
        <p className="notice small" role="note" data-testid="blind-notice">
          Blind annotation: you see only your own claims until an editor opens this document for curation.
        </p>
      )}
      {blind.mode === "blind" && !blind.curationOpen && blind.canCurate && (
        <div className="notice small blind-state" data-testid="blind-editor-notice">
          <p>Blind annotation: annotators see only their own claims on this document; you see everyone&apos;s.</p>
          <OpenCurationButton projectId={projectId} documentId={d.id} version={d.version} />
        </div>
      )}
      {blind.mode === "blind" && blind.curationOpen && (
        <p className="muted small" data-testid="curation-open">Open for curation: every member sees every claim on this document.</p>
      )}
      {blind.canCurate && <CurateLink projectId={projectId} documentId={d.id} ready={blind.mode !== "blind" || blind.curationOpen} />}
      <ImportReportView report={report} />
      {d.hasOriginal && !d.annotated && canEdit && (
        <p className="small">
          This text was repaired on import. <button type="button" className="link-button" onClick={useOriginal} disabled={pending}>Use the original text instead</button> (only possible before the first claim).
        </p>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </header>
  );
}
