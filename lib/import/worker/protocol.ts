/**
 * Messages between the server and the extraction worker (structured-cloned, so plain data only).
 * A worker handles one job at a time; the parent sends the next only after the reply.
 */
import type { ImportErrorInfo } from "../errors";
import type { ImportLimits } from "../limits";
import type { RawMetadata } from "../metadata";

export type WorkerFormat = "pdf" | "docx";

export type WorkerJob = { format: WorkerFormat; name: string; bytes: Uint8Array; limits: ImportLimits };

export type WorkerValue = { text: string; raw: RawMetadata; notes: string[]; pages?: number };

export type WorkerReply = { ok: true; value: WorkerValue } | { ok: false; error: ImportErrorInfo };
