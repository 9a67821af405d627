/**
 * Entry of the extraction worker thread: for each WorkerJob it receives (one at a time), reads the PDF
 * or Word file with the same readers the server would use and posts one WorkerReply. Every failure
 * is a reply (an ImportError as it is, anything else as an unreadable file); the thread's memory and
 * time limits, and its reuse, are managed by the parent (run-in-worker.ts).
 * Imports stay relative (no "@/" alias): this file is also started directly from its source in tests.
 */
import { parentPort } from "node:worker_threads";
import { importError, ImportError } from "../errors";
import { extractDocx } from "../formats/docx";
import { extractPdf } from "../formats/pdf";
import type { WorkerJob, WorkerReply, WorkerValue } from "./protocol";

async function run(job: WorkerJob): Promise<WorkerValue> {
  return job.format === "pdf" ? extractPdf(job.bytes, job.name, job.limits) : extractDocx(job.bytes, job.name, job.limits);
}

parentPort?.on("message", async (job: WorkerJob) => {
  let reply: WorkerReply;
  try {
    reply = { ok: true, value: await run(job) };
  } catch (err) {
    const error = err instanceof ImportError ? err : importError("malformed", job.name, "the file could not be read.");
    reply = { ok: false, error: error.toInfo() };
  }
  parentPort?.postMessage(reply);
});
