/**
 * Receives a multipart/form-data upload of one file by streaming the request body to a temporary file
 * (under os.tmpdir()), so memory stays flat whatever the upload's size: the body is parsed as it
 * arrives, the file part's bytes are written out chunk by chunk, and the other fields (short text)
 * are kept. The file is held to `maxBytes` as it is written. On any failure the temporary directory
 * is removed before the error is thrown; on success the caller calls `remove()` when done (in a
 * `finally`).
 */
import { mkdtemp, open, rm, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { AppError } from "@/lib/errors";

export type ReceivedFile = {
  /** The file part's bytes, on disk. */
  path: string;
  size: number;
  /** The form's other fields, as text. */
  fields: Map<string, string>;
  remove(): Promise<void>;
};

type Options = {
  /** The name of the form field holding the file. */
  field: string;
  maxBytes: number;
  /** Said when the file is over `maxBytes`. */
  tooLarge: string;
  /** Said when the form holds no file in `field`. */
  missing: string;
};

const MAX_HEADER_BYTES = 16 * 1024;
const MAX_FIELD_BYTES = 4 * 1024;
const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

type State = "preamble" | "after-delimiter" | "headers" | "body" | "done";

const unreadable = () => new AppError("invalid", "The upload could not be read.");

function boundaryOf(contentType: string | null): string {
  const m = /^multipart\/form-data\s*;(?:.*;)?\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType ?? "");
  if (!m) throw unreadable();
  return m[1] ?? m[2];
}

/** The part's field name and whether it is a file, from its headers. */
function partOf(headers: string): { name: string; file: boolean } {
  const disposition = headers.split("\r\n").find((h) => /^content-disposition\s*:/i.test(h));
  const name = disposition && /;\s*name="([^"]*)"/i.exec(disposition);
  if (!name) throw unreadable();
  return { name: name[1], file: /;\s*filename\*?=/i.test(disposition) };
}

export async function receiveMultipartFile(body: ReadableStream<Uint8Array> | null, contentType: string | null, options: Options): Promise<ReceivedFile> {
  if (!body) throw unreadable();
  const delimiter = Buffer.from(`\r\n--${boundaryOf(contentType)}`);
  const dir = await mkdtemp(path.join(tmpdir(), "attest-upload-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  const filePath = path.join(dir, "upload");
  let handle: FileHandle | null = null;
  try {
    handle = await open(filePath, "wx", 0o600);
    const fields = new Map<string, string>();
    let size = 0;
    let found = false;
    // The first delimiter has no CRLF before it; adding one lets every delimiter be found the same way.
    let buf: Buffer = Buffer.from(CRLF);
    let state = "preamble" as State;
    let part: { name: string; file: boolean; text: Buffer[]; textBytes: number } | null = null;

    const emit = async (data: Buffer) => {
      if (!part || data.byteLength === 0) return;
      if (part.file && part.name === options.field && !found) {
        size += data.byteLength;
        if (size > options.maxBytes) throw new AppError("too_large", options.tooLarge);
        await handle!.write(data);
      } else if (!part.file) {
        part.textBytes += data.byteLength;
        if (part.textBytes > MAX_FIELD_BYTES) throw unreadable();
        part.text.push(data);
      }
    };
    const endPart = () => {
      if (!part) return;
      if (part.file && part.name === options.field) found = true;
      else if (!part.file && !fields.has(part.name)) fields.set(part.name, Buffer.concat(part.text).toString("utf8"));
      part = null;
    };

    const step = async (): Promise<boolean> => {
      switch (state) {
        case "preamble": {
          const at = buf.indexOf(delimiter);
          if (at < 0) {
            buf = buf.subarray(Math.max(0, buf.byteLength - delimiter.byteLength + 1));
            return false;
          }
          buf = buf.subarray(at + delimiter.byteLength);
          state = "after-delimiter";
          return true;
        }
        case "after-delimiter": {
          if (buf.byteLength < 2) return false;
          if (buf[0] === 0x2d && buf[1] === 0x2d) {
            state = "done";
            return false;
          }
          if (!buf.subarray(0, 2).equals(CRLF)) throw unreadable();
          buf = buf.subarray(2);
          state = "headers";
          return true;
        }
        case "headers": {
          const at = buf.indexOf(HEADER_END);
          if (at < 0) {
            if (buf.byteLength > MAX_HEADER_BYTES) throw unreadable();
            return false;
          }
          part = { ...partOf(buf.subarray(0, at).toString("utf8")), text: [], textBytes: 0 };
          buf = buf.subarray(at + HEADER_END.byteLength);
          state = "body";
          return true;
        }
        case "body": {
          const at = buf.indexOf(delimiter);
          if (at < 0) {
            // Keep what could be the start of a delimiter split across two chunks.
            const keep = Math.min(buf.byteLength, delimiter.byteLength - 1);
            await emit(buf.subarray(0, buf.byteLength - keep));
            buf = buf.subarray(buf.byteLength - keep);
            return false;
          }
          await emit(buf.subarray(0, at));
          endPart();
          buf = buf.subarray(at + delimiter.byteLength);
          state = "after-delimiter";
          return true;
        }
        case "done":
          return false;
      }
    };

    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        // Copied out of the chunk: `buf` keeps at most a delimiter's length of it between chunks.
        buf = buf.byteLength === 0 ? Buffer.from(value) : Buffer.concat([buf, value]);
        while (await step());
        if (state === "done") break;
      }
    } finally {
      reader.releaseLock();
    }
    if (state !== "done") throw unreadable();
    if (!found) throw new AppError("invalid", options.missing);
    await handle.close();
    handle = null;
    return { path: filePath, size, fields, remove };
  } catch (err) {
    await handle?.close().catch(() => {});
    await remove();
    throw err;
  }
}
