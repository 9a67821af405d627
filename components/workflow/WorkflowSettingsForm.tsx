"use client";
/** The owner's form for the project's workflow settings; each setting says in one line what it does. */
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { updateWorkflowSettingsAction } from "@/lib/actions/workflow";
import type { AnnotationMode, WorkflowSettings } from "@/lib/services/workflow";

const ANNOTATORS_CHOICES = [1, 2, 3, 4, 5];

export function WorkflowSettingsForm({ projectId, settings }: { projectId: string; settings: WorkflowSettings }) {
  const router = useRouter();
  const [mode, setMode] = useState<AnnotationMode>(settings.annotationMode);
  const [perDocument, setPerDocument] = useState(settings.annotatorsPerDocument);
  const [selfApproval, setSelfApproval] = useState(settings.selfApproval);
  const [version, setVersion] = useState(settings.version);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [pending, start] = useTransition();

  function save(e: React.FormEvent) {
    e.preventDefault();
    setMessage("");
    setError("");
    start(async () => {
      const res = await updateWorkflowSettingsAction(projectId, { annotationMode: mode, annotatorsPerDocument: perDocument, selfApproval, version });
      if (!res.ok) {
        setError(res.error.message);
        return;
      }
      setVersion(res.data.version);
      setMessage("Settings saved.");
      router.refresh();
    });
  }

  return (
    <form className="stack narrow workflow-form" onSubmit={save} data-testid="workflow-form">
      <fieldset>
        <legend>Annotation mode</legend>
        <label className="checkbox">
          <input type="radio" name="mode" value="open" checked={mode === "open"} onChange={() => setMode("open")} aria-describedby="mode-open-help" />
          Open
        </label>
        <p id="mode-open-help" className="muted small">Every member sees every claim on every document.</p>
        <label className="checkbox">
          <input type="radio" name="mode" value="blind" checked={mode === "blind"} onChange={() => setMode("blind")} aria-describedby="mode-blind-help" />
          Blind
        </label>
        <p id="mode-blind-help" className="muted small">Annotators see only their own claims on a document until an editor opens it for curation.</p>
      </fieldset>
      <label>
        Annotators per document
        <select value={perDocument} onChange={(e) => setPerDocument(Number(e.target.value))} aria-describedby="per-document-help">
          {ANNOTATORS_CHOICES.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </label>
      <p id="per-document-help" className="muted small">How many people annotate each document independently; the project page shows how many each still needs.</p>
      <label className="checkbox">
        <input type="checkbox" checked={selfApproval} onChange={(e) => setSelfApproval(e.target.checked)} aria-describedby="self-approval-help" />
        Editors may approve their own claims
      </label>
      <p id="self-approval-help" className="muted small">Off: another editor or owner must review each claim, so no one approves their own work.</p>
      <div>
        <button type="submit" disabled={pending}>{pending ? "Saving…" : "Save settings"}</button>
      </div>
      <p role="status" className="small">{message}</p>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}
