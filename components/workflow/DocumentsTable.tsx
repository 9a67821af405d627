"use client";
/**
 * The project's documents with who is assigned to each (and how far they are), and how many more
 * annotators each needs. Editors select documents with the row checkboxes, choose one or more members
 * and assign them in one go; assigning someone already assigned changes nothing.
 */
import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { assignDocumentsAction, unassignDocumentAction } from "@/lib/actions/workflow";
import type { DocumentAssignee } from "@/lib/services/assignments";
import { ASSIGNMENT_STATE_LABELS } from "./assignment-labels";

export interface DocumentRow {
  id: string;
  title: string;
  authors: string[];
  publisher: string;
  published: string;
  textLength: number;
  claims: number;
  assignees: DocumentAssignee[];
}

export interface AssignableMember {
  userId: string;
  name: string;
  role: string;
}

interface Props {
  projectId: string;
  documents: DocumentRow[];
  annotatorsPerDocument: number;
  members: AssignableMember[];
  canAssign: boolean;
}

export function DocumentsTable({ projectId, documents, annotatorsPerDocument, members, canAssign }: Props) {
  const router = useRouter();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [assignees, setAssignees] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  const base = `/projects/${projectId}`;
  const allSelected = documents.length > 0 && documents.every((d) => selected.has(d.id));

  const toggle = (set: ReadonlySet<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };

  function assign() {
    setMessage("");
    setError("");
    if (selected.size === 0) return setError("Select at least one document.");
    if (assignees.size === 0) return setError("Choose at least one member to assign.");
    start(async () => {
      const res = await assignDocumentsAction(projectId, { documentIds: [...selected], userIds: [...assignees] });
      if (!res.ok) return setError(res.error.message);
      const { created, alreadyAssigned } = res.data;
      setMessage(`${created} assignment${created === 1 ? "" : "s"} made${alreadyAssigned > 0 ? `; ${alreadyAssigned} already existed` : ""}.`);
      setSelected(new Set());
      router.refresh();
    });
  }

  function unassign(a: DocumentAssignee, title: string) {
    if (!confirm(`Unassign ${a.name} from “${title}”?`)) return;
    setMessage("");
    setError("");
    start(async () => {
      const res = await unassignDocumentAction(projectId, { assignmentId: a.assignmentId });
      if (!res.ok) return setError(res.error.message);
      setMessage(`${a.name} unassigned.`);
      router.refresh();
    });
  }

  return (
    <>
      {canAssign && (
        <fieldset className="assign-bar" data-testid="bulk-assign">
          <legend>Assign selected documents</legend>
          {members.length === 0 ? (
            <p className="muted small">No member can annotate yet: add annotators under Members below.</p>
          ) : (
            <div className="assign-members" role="group" aria-label="Members to assign">
              {members.map((m) => (
                <label key={m.userId} className="checkbox">
                  <input type="checkbox" checked={assignees.has(m.userId)} onChange={(e) => setAssignees(toggle(assignees, m.userId, e.target.checked))} />
                  {m.name} <span className="muted small">{m.role}</span>
                </label>
              ))}
            </div>
          )}
          <button type="button" onClick={assign} disabled={pending || members.length === 0}>
            Assign{selected.size > 0 ? ` ${selected.size} document${selected.size === 1 ? "" : "s"}` : ""}
          </button>
          <span role="status" className="small">{message}</span>
          {error && <p role="alert" className="error">{error}</p>}
        </fieldset>
      )}
      <div className="table-scroll" role="region" aria-label="Documents table" tabIndex={0}>
        <table className="table" data-testid="documents-table">
          <thead>
            <tr>
              {canAssign && (
                <th scope="col" className="select-col">
                  <input type="checkbox" aria-label="Select all documents" checked={allSelected}
                    onChange={(e) => setSelected(e.target.checked ? new Set(documents.map((d) => d.id)) : new Set())} />
                </th>
              )}
              <th scope="col">Title</th><th scope="col">Publisher</th><th scope="col">Published</th>
              <th scope="col" className="num">Characters</th><th scope="col" className="num">Claims</th><th scope="col">Assigned</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => {
              const missing = Math.max(0, annotatorsPerDocument - d.assignees.length);
              return (
                <tr key={d.id} data-testid="document-row">
                  {canAssign && (
                    <td className="select-col">
                      <input type="checkbox" aria-label={`Select ${d.title}`} checked={selected.has(d.id)} onChange={(e) => setSelected(toggle(selected, d.id, e.target.checked))} />
                    </td>
                  )}
                  <td><Link href={`${base}/documents/${d.id}`}>{d.title}</Link>{d.authors.length > 0 && <div className="muted small">{d.authors.join(", ")}</div>}</td>
                  <td>{d.publisher}</td>
                  <td>{d.published}</td>
                  <td className="num">{d.textLength.toLocaleString("en")}</td>
                  <td className="num">{d.claims}</td>
                  <td data-testid="assigned-cell">
                    <ul className="plain assignees">
                      {d.assignees.map((a) => (
                        <li key={a.assignmentId}>
                          {a.name} <span className={`badge state-${a.state}`}>{ASSIGNMENT_STATE_LABELS[a.state]}</span>
                          {canAssign && (
                            <>
                              {" "}
                              <button type="button" className="link-button danger small" disabled={pending} aria-label={`Unassign ${a.name} from ${d.title}`} onClick={() => unassign(a, d.title)}>
                                Unassign
                              </button>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                    <span className={`small ${missing > 0 ? "needs-more" : "muted"}`}>
                      {d.assignees.length} of {annotatorsPerDocument}{missing > 0 ? ` · needs ${missing} more` : ""}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
