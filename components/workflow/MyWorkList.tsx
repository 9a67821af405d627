"use client";
/** The member's assigned documents, each with its state and the buttons that move it on. */
import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { updateMyAssignmentAction } from "@/lib/actions/workflow";
import type { AssignmentState, MyWorkItem } from "@/lib/services/assignments";
import { ASSIGNMENT_STATE_LABELS } from "./assignment-labels";

/** What each state can be moved to, as the annotator would say it. */
const MOVES: Record<AssignmentState, { to: AssignmentState; label: string }[]> = {
  not_started: [{ to: "in_progress", label: "Mark in progress" }, { to: "done", label: "Mark done" }],
  in_progress: [{ to: "done", label: "Mark done" }, { to: "not_started", label: "Mark not started" }],
  done: [{ to: "in_progress", label: "Reopen" }],
};

export function MyWorkList({ projectId, items }: { projectId: string; items: MyWorkItem[] }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [message, setMessage] = useState("");
  const [pending, start] = useTransition();
  const base = `/projects/${projectId}`;

  function move(item: MyWorkItem, to: AssignmentState) {
    setError("");
    setMessage("");
    start(async () => {
      const res = await updateMyAssignmentAction(projectId, { assignmentId: item.assignmentId, state: to, version: item.version });
      if (!res.ok) return setError(res.error.message);
      setMessage(`“${item.title}” is now ${ASSIGNMENT_STATE_LABELS[to].toLowerCase()}.`);
      router.refresh();
    });
  }

  return (
    <>
      <div className="table-scroll" role="region" aria-label="My documents table" tabIndex={0}>
        <table className="table" data-testid="my-work">
          <thead>
            <tr><th scope="col">Document</th><th scope="col">State</th><th scope="col">Mark</th></tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.assignmentId} data-testid="my-work-row" data-state={item.state}>
                <td><Link href={`${base}/documents/${item.documentId}`}>{item.title}</Link></td>
                <td><span className={`badge state-${item.state}`}>{ASSIGNMENT_STATE_LABELS[item.state]}</span></td>
                <td className="inline">
                  {MOVES[item.state].map((m) => (
                    <button key={m.to} type="button" className="secondary small" disabled={pending} aria-label={`${m.label}: ${item.title}`} onClick={() => move(item, m.to)}>
                      {m.label}
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p role="status" className="small">{message}</p>
      {error && <p role="alert" className="error">{error}</p>}
    </>
  );
}
