import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import JSZip from "jszip";
import { zipStream, type ZipEntry } from "@/lib/exports/zip-writer";
import { toReadableStream } from "@/lib/exports/web-stream";

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<{ bytes: Buffer; chunks: number }> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return { bytes: Buffer.concat(parts), chunks: parts.length };
}

const enc = new TextEncoder();
const FIXED = new Date(Date.UTC(2026, 10, 26, 7, 30, 12));

async function* slowly(parts: string[]): AsyncGenerator<string> {
  for (const p of parts) {
    await new Promise((r) => setImmediate(r));
    yield p;
  }
}

const unzipAvailable = existsSync("/usr/bin/unzip");

describe("zipStream", () => {
  const binary = randomBytes(200_000);
  const entries = (): ZipEntry[] => [
    { name: "datapackage.json", data: '{"name":"x"}\n' },
    { name: "data/claims.csv", data: slowly(["id,quote\r\n", "c1,\"a \"\"b\"\"\"\r\n", "c2,naïve 🙂 العربية\r\n"]) },
    { name: "empty.txt", data: "" },
    { name: "bytes/random.bin", data: [binary.subarray(0, 70_000), binary.subarray(70_000)] },
    { name: "docs/Ünïcode name 🙂.txt", data: "x\n" },
  ];

  it("writes an archive jszip reads back byte for byte, with UTF-8 names", async () => {
    const { bytes } = await collect(zipStream(entries(), { modified: FIXED }));
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files).sort()).toEqual(["bytes/random.bin", "data/claims.csv", "datapackage.json", "docs/Ünïcode name 🙂.txt", "empty.txt"]);
    expect(await zip.file("datapackage.json")!.async("string")).toBe('{"name":"x"}\n');
    expect(await zip.file("data/claims.csv")!.async("string")).toBe('id,quote\r\nc1,"a ""b"""\r\nc2,naïve 🙂 العربية\r\n');
    expect(await zip.file("empty.txt")!.async("string")).toBe("");
    expect(Buffer.from(await zip.file("bytes/random.bin")!.async("uint8array")).equals(binary)).toBe(true);
    expect(zip.file("data/claims.csv")!.date.toISOString()).toBe("2026-11-26T07:30:12.000Z");
  });

  it("sets the data-descriptor and UTF-8 flags and deflates every entry", async () => {
    const { bytes } = await collect(zipStream(entries(), { modified: FIXED }));
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(6)).toBe(0x0808);
    expect(bytes.readUInt16LE(8)).toBe(8);
    // Local header sizes are zero: they are only known after the data, in the descriptor.
    expect(bytes.readUInt32LE(14)).toBe(0);
    expect(bytes.readUInt32LE(18)).toBe(0);
    const eocd = bytes.length - 22;
    expect(bytes.readUInt32LE(eocd)).toBe(0x06054b50);
    expect(bytes.readUInt16LE(eocd + 10)).toBe(5);
  });

  it.runIf(unzipAvailable)("passes unzip -t and unpacks to the same bytes", async () => {
    const { bytes } = await collect(zipStream(entries(), { modified: FIXED }));
    const dir = mkdtempSync(path.join(tmpdir(), "zip-writer-"));
    try {
      const file = path.join(dir, "a.zip");
      writeFileSync(file, bytes);
      const out = execFileSync("unzip", ["-t", file], { encoding: "utf8" });
      expect(out).toContain("No errors detected");
      const piped = execFileSync("unzip", ["-p", file, "bytes/random.bin"]);
      expect(piped.equals(binary)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is the same bytes for the same input and time stamp", async () => {
    const a = await collect(zipStream(entries().filter((e) => !e.name.startsWith("bytes/")), { modified: FIXED }));
    const b = await collect(zipStream(entries().filter((e) => !e.name.startsWith("bytes/")), { modified: FIXED }));
    expect(a.bytes.equals(b.bytes)).toBe(true);
  });

  it("reads an entry's source only as the consumer pulls (streamed, not gathered first)", async () => {
    let produced = 0;
    async function* big(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 400; i++) {
        produced++;
        // Random bytes do not compress, so output keeps pace with input.
        yield randomBytes(16 * 1024);
      }
    }
    const it = zipStream([{ name: "big.bin", data: big() }], { modified: FIXED });
    await it.next(); // the local header
    await it.next(); // the first deflated chunk
    expect(produced).toBeLessThan(400);
    await it.return(undefined);
  });

  it("refuses unsafe and duplicate names", async () => {
    for (const name of ["../x", "/etc/passwd", "a/../b", "a\\b", "", "a//b", "./a", "a\u0000b"]) {
      await expect(collect(zipStream([{ name, data: "x" }]))).rejects.toThrow(/not allowed/);
    }
    await expect(collect(zipStream([{ name: "a", data: "1" }, { name: "a", data: "2" }]))).rejects.toThrow(/twice/);
  });

  it("passes a source's error to the reader instead of closing the archive", async () => {
    async function* failing(): AsyncGenerator<string> {
      yield "start";
      throw new Error("database went away");
    }
    await expect(collect(zipStream([{ name: "a.txt", data: failing() }]))).rejects.toThrow("database went away");
  });

  it("streams through a web ReadableStream with the same bytes", async () => {
    const direct = await collect(zipStream(entries().slice(0, 3), { modified: FIXED }));
    const stream = toReadableStream(zipStream(entries().slice(0, 3), { modified: FIXED }));
    const viaWeb = Buffer.from(await new Response(stream).arrayBuffer());
    expect(viaWeb.equals(direct.bytes)).toBe(true);
  });

  it("encodes text chunks as UTF-8", async () => {
    const { bytes } = await collect(zipStream([{ name: "t.txt", data: [enc.encode("é"), "🙂"] }], { modified: FIXED }));
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file("t.txt")!.async("string")).toBe("é🙂");
  });
});

describe("toReadableStream", () => {
  it("returns the generator when the download is cancelled", async () => {
    let finished = false;
    async function* gen(): AsyncGenerator<string> {
      try {
        for (let i = 0; ; i++) yield `line ${i}\n`;
      } finally {
        finished = true;
      }
    }
    const stream = toReadableStream(gen());
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
  });
});
