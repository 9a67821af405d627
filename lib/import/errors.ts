/**
 * Errors an import can end with. Each carries a code the caller can branch on and a message
 * meant for the person who uploaded the file, always starting with the file's name.
 * Inside lib/import the format readers throw ImportError; extractFile catches every throw and
 * turns it into `{ ok: false, error }`, so nothing escapes to the caller.
 */
import { sanitizeFileName } from "./file-name";

export type ImportErrorCode =
  | "too_large"
  | "unsupported_type"
  | "content_mismatch"
  | "archive_too_large"
  | "malformed"
  | "empty"
  | "timeout";

export type ImportErrorInfo = { code: ImportErrorCode; message: string };

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ImportError";
  }

  toInfo(): ImportErrorInfo {
    return { code: this.code, message: this.message };
  }
}

/** Longest file name shown in a message; longer names are shortened with an ellipsis. */
const MAX_NAME_IN_MESSAGE = 80;

/** The uploaded name as sanitized for storage (file-name.ts), shortened further for messages. */
export function displayName(name: string): string {
  const clean = sanitizeFileName(name) || "The file";
  return clean.length > MAX_NAME_IN_MESSAGE ? `${clean.slice(0, MAX_NAME_IN_MESSAGE - 1)}…` : clean;
}

/** Builds an ImportError whose message is "<name>: <detail>". */
export function importError(code: ImportErrorCode, fileName: string, detail: string): ImportError {
  return new ImportError(code, `${displayName(fileName)}: ${detail}`);
}

/** "512 bytes", "37 KB", "20.4 MB": one decimal for megabytes so a file just over a limit does not read as equal to it. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
