import { randomBytes } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { receiveMultipartFile } from "@/lib/import/multipart-file";
import { AppError } from "@/lib/errors";

const OPTIONS = { field: "file", maxBytes: 1024 * 1024, tooLarge: "Too large.", missing: "Choose a file." };

/** The body and content type a browser sends for `form`, optionally re-cut into chunks of `size` bytes. */
async function multipart(form: FormData, size?: number): Promise<{ body: ReadableStream<Uint8Array>; type: string }> {
  const req = new Request("http://localhost/upload", { method: "POST", body: form });
  const type = req.headers.get("content-type")!;
  if (!size) return { body: req.body!, type };
  const bytes = new Uint8Array(await req.arrayBuffer());
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
  return { body, type };
}

const uploadDirs = async () => (await readdir(tmpdir())).filter((n) => n.startsWith("attest-upload-")).sort();

async function failureOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected a failure");
}

describe("receiveMultipartFile", () => {
  const payload = randomBytes(200_000);
  const form = () => {
    const f = new FormData();
    f.set("name", "Projet \u00E9t\u00E9 \u{1F4E6}");
    f.set("file", new Blob([payload]), "backup.zip");
    return f;
  };

  it.each([undefined, 7, 4096])("writes the file part to a temporary file and keeps the other fields (chunks of %s bytes)", async (size) => {
    const { body, type } = await multipart(form(), size);
    const got = await receiveMultipartFile(body, type, OPTIONS);
    try {
      expect(got.size).toBe(payload.byteLength);
      expect((await readFile(got.path)).equals(payload)).toBe(true);
      expect(got.fields.get("name")).toBe("Projet \u00E9t\u00E9 \u{1F4E6}");
    } finally {
      await got.remove();
    }
    await expect(stat(got.path)).rejects.toThrow();
  });

  it("refuses a file over the limit while writing it, and leaves no temporary file", async () => {
    const before = await uploadDirs();
    const { body, type } = await multipart(form(), 1000);
    const err = await failureOf(receiveMultipartFile(body, type, { ...OPTIONS, maxBytes: 100_000 }));
    expect({ code: err.code, message: err.message }).toEqual({ code: "too_large", message: "Too large." });
    expect(await uploadDirs()).toEqual(before);
  });

  it("refuses a form without the file", async () => {
    const f = new FormData();
    f.set("name", "x");
    const { body, type } = await multipart(f);
    expect((await failureOf(receiveMultipartFile(body, type, OPTIONS))).message).toBe("Choose a file.");
  });

  it("refuses a body that is not multipart, or is cut short", async () => {
    expect((await failureOf(receiveMultipartFile(new Blob(["hello"]).stream(), "text/plain", OPTIONS))).message).toMatch(/could not be read/);
    const whole = new Uint8Array(await new Request("http://localhost", { method: "POST", body: form() }).arrayBuffer());
    const cut = new Blob([whole.slice(0, whole.byteLength - 100)]).stream();
    // The cut body carries its own boundary; the content type must name it.
    const boundary = new TextDecoder().decode(whole.slice(2, whole.indexOf(13)));
    expect((await failureOf(receiveMultipartFile(cut, `multipart/form-data; boundary=${boundary}`, OPTIONS))).message).toMatch(/could not be read/);
  });
});
