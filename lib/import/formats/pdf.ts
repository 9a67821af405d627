/**
 * Text layer and Info-dictionary metadata of a PDF, with pdf.js (legacy build, for Node).
 * pdf.js runs its "fake worker" on this thread (the worker module is preloaded, so nothing is
 * fetched or spawned) with eval disabled. Its in-process messages resolve as microtasks, so a
 * timer alone would never get a turn: the deadline is also checked after every page, and the
 * reader yields to the event loop between pages (which keeps the server responsive too). The
 * race against a timer still catches a pdf.js promise that never settles. One pathological
 * synchronous step (a single huge page) can overrun the budget: the worker thread this runs in
 * (worker/run-in-worker.ts) is terminated at its own limit. Text is counted page by page and reading
 * stops once it passes limits.maxTextChars.
 * Errors: encrypted -> malformed, unreadable -> malformed, too many pages -> too_large,
 * no text on any page -> empty, over time -> timeout, too much text -> too_large.
 */
import type { RawMetadata } from "../metadata";
import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import { importError, ImportError } from "../errors";
import type { ImportLimits } from "../limits";
import { joinPageItems, type PdfTextItem } from "./pdf-text";
import { codePointLength, textTooLongError } from "../text-limit";

export type PdfExtract = { text: string; raw: RawMetadata; notes: string[]; pages: number };

type PdfJs = typeof PdfJsModule;
let pdfjsPromise: Promise<PdfJs> | null = null;

/** Loads pdf.js once; importing the worker module first lets the fake worker find its handler in-process. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    return import("pdfjs-dist/legacy/build/pdf.mjs");
  })();
  return pdfjsPromise;
}

const infoString = (info: Record<string, unknown>, key: string) => (typeof info[key] === "string" ? (info[key] as string) : undefined);

const timeoutError = (fileName: string, limits: ImportLimits) =>
  importError("timeout", fileName, `reading the PDF took longer than ${Math.round(limits.pdfTimeoutMs / 100) / 10} seconds; it may be too large or complex.`);

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function readPdf(bytes: Uint8Array, fileName: string, limits: ImportLimits, onTask: (destroy: () => Promise<void>) => void): Promise<PdfExtract> {
  const deadline = Date.now() + limits.pdfTimeoutMs;
  const pdfjs = await loadPdfJs();
  // pdf.js takes ownership of (and may detach) the buffer it is given, so it gets a copy.
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0, disableFontFace: true, stopAtErrors: true });
  onTask(() => task.destroy());
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === "PasswordException") throw importError("malformed", fileName, "the PDF is encrypted (password-protected). Remove the password and upload it again.");
    throw importError("malformed", fileName, "the PDF is damaged or not a valid PDF and cannot be read.");
  }
  try {
    if (doc.numPages > limits.maxPdfPages) {
      throw importError("too_large", fileName, `the PDF has ${doc.numPages} pages; the limit is ${limits.maxPdfPages}.`);
    }
    const pages: string[] = [];
    let length = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: PdfTextItem[] = content.items.flatMap((i) => ("str" in i ? [i] : []));
      pages.push(joinPageItems(items));
      page.cleanup();
      length += codePointLength(pages[pages.length - 1]!);
      if (length > limits.maxTextChars) throw textTooLongError(fileName, limits);
      if (Date.now() > deadline) throw timeoutError(fileName, limits);
      await yieldToEventLoop();
    }
    const text = pages.filter((p) => p.trim()).join("\n\n");
    if (!text.trim()) throw importError("empty", fileName, "the PDF has no text layer (scanned image?). Run it through OCR first.");
    const { info, metadata } = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }));
    const i = (info ?? {}) as Record<string, unknown>;
    const raw: RawMetadata = {
      title: infoString(i, "Title") ?? metadata?.get("dc:title") ?? undefined,
      authors: [infoString(i, "Author") ?? metadata?.get("dc:creator") ?? undefined],
      published: infoString(i, "CreationDate"),
      language: infoString(i, "Language"),
    };
    const blankPages = pages.filter((p) => !p.trim()).length;
    const notes = [`Text read from ${doc.numPages} PDF page${doc.numPages === 1 ? "" : "s"}.`];
    if (blankPages) notes.push(`${blankPages} page${blankPages === 1 ? " has" : "s have"} no text layer and ${blankPages === 1 ? "was" : "were"} skipped.`);
    return { text, raw, notes, pages: doc.numPages };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

export async function extractPdf(bytes: Uint8Array, fileName: string, limits: ImportLimits): Promise<PdfExtract> {
  let destroy: (() => Promise<void>) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError(fileName, limits)), limits.pdfTimeoutMs);
  });
  try {
    return await Promise.race([readPdf(bytes, fileName, limits, (d) => (destroy = d)), timeout]);
  } catch (err) {
    if (err instanceof ImportError && err.code === "timeout" && destroy) await (destroy as () => Promise<void>)().catch(() => undefined);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
