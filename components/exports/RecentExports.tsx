"use client";
/**
 * The member's recent exports with their state: running ones show the rows written so far
 * (the list polls while one runs, or just after a download was started), finished ones their size.
 * "Download again" runs the same export on the current data; only a release is the same file forever.
 */
import { useCallback, useEffect, useState } from "react";
import type { ExportJobView } from "@/lib/services/exports";
import { EXPORT_STARTED_EVENT } from "./events";

/** Polling interval while an export runs: progress moves every thousand rows, so a second or two is plenty. */
const POLL_MS = 1500;
/** How long the list keeps polling after a link was followed, waiting for the job to appear. */
const WAIT_FOR_JOB_MS = 10_000;

const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export function RecentExports({ projectId, initial }: { projectId: string; initial: ExportJobView[] }) {
  const [jobs, setJobs] = useState(initial);
  const [waitUntil, setWaitUntil] = useState(0);

  const refresh = useCallback(async () => {
    const res = await fetch(`/api/projects/${projectId}/exports/jobs`, { cache: "no-store" });
    if (res.ok) setJobs((await res.json()) as ExportJobView[]);
  }, [projectId]);

  useEffect(() => {
    const started = () => setWaitUntil(Date.now() + WAIT_FOR_JOB_MS);
    window.addEventListener(EXPORT_STARTED_EVENT, started);
    return () => window.removeEventListener(EXPORT_STARTED_EVENT, started);
  }, []);

  const running = jobs.some((j) => j.status === "running");
  useEffect(() => {
    if (!running && waitUntil === 0) return;
    const timer = setInterval(() => {
      void refresh();
      if (waitUntil !== 0 && Date.now() > waitUntil) setWaitUntil(0);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, waitUntil, refresh]);

  return (
    <section className="panel recent-exports" aria-labelledby="recent-exports-title">
      <h2 id="recent-exports-title">Recent exports</h2>
      {jobs.length === 0 ? (
        <p className="small muted">No exports yet. Use the Export menu to download this page&apos;s claims.</p>
      ) : (
        <>
          <p className="small muted">&quot;Download again&quot; runs the same export on the current data, so the file can differ. For a file that never changes, publish a release.</p>
          <ul aria-live="polite">
            {jobs.map((j) => (
              <li key={j.id} data-testid="export-job" data-status={j.status}>
                <strong>{j.formatLabel}</strong>{" "}
                <time dateTime={j.createdAt}>{new Date(j.createdAt).toLocaleString("en")}</time>{" — "}
                {j.status === "running" && <span>running: {j.rows.toLocaleString("en")} rows so far</span>}
                {j.status === "done" && <span>done: {j.rows.toLocaleString("en")} rows, {size(j.bytes)}</span>}
                {j.status === "failed" && <span className="error">failed: {j.error ?? "unknown error"}</span>}{" "}
                <a href={j.href} download onClick={() => setWaitUntil(Date.now() + WAIT_FOR_JOB_MS)}>Download again</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
