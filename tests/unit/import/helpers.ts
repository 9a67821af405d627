import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";

const FIXTURES = path.resolve(__dirname, "../../fixtures/import");

/** Bytes of a committed fixture file (a fresh copy each call). */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

export const utf8 = (s: string) => new TextEncoder().encode(s);

export const MINIMAL_DOCUMENT_XML = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hello from Word.</w:t></w:r></w:p></w:body></w:document>`;

/** A ZIP with the given entries (deflated unless `store`), built in memory. */
export async function buildZip(entries: Record<string, string | Uint8Array>, store = false): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(entries)) zip.file(name, data, { createFolders: false, date: new Date(Date.UTC(2024, 0, 1)) });
  return zip.generateAsync({ type: "uint8array", compression: store ? "STORE" : "DEFLATE" });
}

/** The offset of the central directory header of `name` (search for the 0x02014b50 signature). */
function centralHeaderOf(bytes: Uint8Array, name: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nameBytes = utf8(name);
  for (let i = 0; i + 46 <= bytes.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const len = view.getUint16(i + 28, true);
    const candidate = bytes.subarray(i + 46, i + 46 + len);
    if (len === nameBytes.length && candidate.every((b, k) => b === nameBytes[k])) return i;
  }
  throw new Error(`no central header for ${name}`);
}

/** Rewrites fields of one entry's central directory header, as a crafted archive would. */
export function patchCentral(
  zip: Uint8Array,
  name: string,
  patch: { uncompressedSize?: number; compressedSize?: number; flags?: number; method?: number },
): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  const at = centralHeaderOf(bytes, name);
  if (patch.flags !== undefined) view.setUint16(at + 8, patch.flags, true);
  if (patch.method !== undefined) view.setUint16(at + 10, patch.method, true);
  if (patch.compressedSize !== undefined) view.setUint32(at + 20, patch.compressedSize, true);
  if (patch.uncompressedSize !== undefined) view.setUint32(at + 24, patch.uncompressedSize, true);
  return bytes;
}

/** Rewrites the End Of Central Directory record's entry counts. */
export function patchEocdCount(zip: Uint8Array, total: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      view.setUint16(i + 8, total, true);
      view.setUint16(i + 10, total, true);
      return bytes;
    }
  }
  throw new Error("no EOCD");
}
