// pdf.js ships no types for its worker module; it is imported only for its side effect
// (registering globalThis.pdfjsWorker so the in-process "fake worker" needs no file lookup).
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs";
