/**
 * Runs PDF and Word extractions in worker threads, so a hostile file fails alone:
 * - memory: each worker's heap is capped (resourceLimits, limits.workerMemoryMb); running out ends
 *   that worker with ERR_WORKER_OUT_OF_MEMORY, never the server;
 * - time: a job's worker is terminated after limits.workerTimeoutMs, even in the middle of a
 *   synchronous step the readers' own deadlines cannot interrupt;
 * - concurrency: at most MAX_WORKERS run at once (other jobs wait their turn), so a burst of uploads
 *   cannot multiply the memory budget.
 * A worker that answered is kept for the next job (loading pdf.js takes most of a second) until it
 * has been idle for IDLE_WORKER_MS or has served MAX_JOBS_PER_WORKER jobs; a worker that failed,
 * overran or crashed is terminated, never reused. Every outcome is a value or an ImportError with a
 * message for the uploader.
 *
 * Where the worker code comes from: inside the Next server, `new Worker(new URL(...), ...)` is
 * recognised by the bundler, which emits the worker as its own JavaScript chunk (the bundler also
 * rewrites import.meta.url to the source path, so the runtime, not the URL, tells the two apart).
 * Anywhere else this module runs from its TypeScript source (the test runner, scripts run with tsx),
 * and the worker starts from the source through tsx.
 */
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { importError, ImportError } from "../errors";
import type { ImportLimits } from "../limits";
import type { WorkerFormat, WorkerReply, WorkerValue } from "./protocol";

/** Two at a time: uploads are rare, and two workers at their memory cap still leave the server room. */
const MAX_WORKERS = 2;
/** V8's young generation is outside the old-generation cap; keep it modest so the total stays near the budget. */
const YOUNG_GENERATION_MB = 32;
/** An idle worker is ended after this long, returning its memory. */
const IDLE_WORKER_MS = 30_000;
/** A worker is replaced after this many jobs, so nothing one file left in its heap lingers for long. */
const MAX_JOBS_PER_WORKER = 50;

type PooledWorker = { worker: Worker; memoryMb: number; jobs: number; idleTimer?: ReturnType<typeof setTimeout> };

let running = 0;
const idle: PooledWorker[] = [];
const waiting: (() => void)[] = [];

/** Next sets NEXT_RUNTIME in its server bundles; unset means the code runs from source. */
const FROM_SOURCE = process.env.NEXT_RUNTIME !== "nodejs";

function startWorker(memoryMb: number): PooledWorker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  let worker: Worker;
  if (FROM_SOURCE) {
    const entry = fileURLToPath(new URL("./extract-worker.ts", import.meta.url));
    worker = new Worker(`require("tsx/cjs"); require(${JSON.stringify(entry)});`, { eval: true, resourceLimits });
  } else {
    worker = new Worker(new URL("./extract-worker.ts", import.meta.url), { resourceLimits });
  }
  worker.unref(); // an idle worker must not keep the process alive
  return { worker, memoryMb, jobs: 0 };
}

async function acquire(memoryMb: number): Promise<PooledWorker> {
  if (running >= MAX_WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  // A slot is held from here until release(); reuse an idle worker with the same budget if there is one.
  while (idle.length > 0) {
    const pooled = idle.pop()!;
    clearTimeout(pooled.idleTimer);
    if (pooled.memoryMb === memoryMb) return pooled;
    void pooled.worker.terminate();
  }
  return startWorker(memoryMb);
}

/** Frees the slot; a healthy worker goes back to the idle list, any other is terminated. */
function release(pooled: PooledWorker, healthy: boolean): void {
  if (healthy && pooled.jobs < MAX_JOBS_PER_WORKER) {
    pooled.idleTimer = setTimeout(() => {
      idle.splice(idle.indexOf(pooled), 1);
      void pooled.worker.terminate();
    }, IDLE_WORKER_MS);
    pooled.idleTimer.unref();
    idle.push(pooled);
  } else {
    void pooled.worker.terminate();
  }
  const next = waiting.shift();
  if (next) next();
  else running--;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** Runs one job; resolves with whether the worker is fit for another. */
function runJob(pooled: PooledWorker, format: WorkerFormat, name: string, bytes: Uint8Array, limits: ImportLimits): Promise<{ value?: WorkerValue; error?: ImportError; healthy: boolean }> {
  const { worker } = pooled;
  pooled.jobs++;
  return new Promise((resolve) => {
    const done = (outcome: { value?: WorkerValue; error?: ImportError; healthy: boolean }) => {
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      resolve(outcome);
    };
    const onMessage = (reply: WorkerReply) =>
      done(reply.ok ? { value: reply.value, healthy: true } : { error: new ImportError(reply.error.code, reply.error.message), healthy: true });
    const onError = (err: Error & { code?: string }) =>
      done({
        healthy: false,
        error:
          err.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? importError("too_large", name, `reading the file needs more than the ${limits.workerMemoryMb} MB of memory one import may use; it may be too large, or built to exhaust the server.`)
            : importError("malformed", name, "the file could not be read."),
      });
    const onExit = () => done({ healthy: false, error: importError("malformed", name, "the file could not be read.") });
    const timer = setTimeout(
      () => done({ healthy: false, error: importError("timeout", name, `reading the file took longer than ${seconds(limits.workerTimeoutMs)} seconds; it may be too large or too complex.`) }),
      limits.workerTimeoutMs,
    );
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.postMessage({ format, name, bytes, limits });
  });
}

/** Extracts a PDF or Word file in a worker thread; rejects only with ImportError. */
export async function extractInWorker(format: WorkerFormat, name: string, bytes: Uint8Array, limits: ImportLimits): Promise<WorkerValue> {
  const pooled = await acquire(limits.workerMemoryMb);
  const outcome = await runJob(pooled, format, name, bytes, limits);
  release(pooled, outcome.healthy);
  if (outcome.error) throw outcome.error;
  return outcome.value!;
}
