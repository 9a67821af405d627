import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { exportWebAnnotations } from "@/lib/core/formats/web-annotation";
import { loadConformanceSuite, passes, type Assertion } from "./web-annotation-conformance";
import { DOCS, exportInput, sampleClaims } from "./web-annotation-fixtures";

// Missing data fails loudly: a conformance suite that silently skips proves nothing.
const load = loadConformanceSuite();

type Json = Record<string, unknown>;

function failures(assertions: Assertion[], objects: Json[]): string[] {
  const out: string[] = [];
  for (const a of assertions) {
    for (const o of objects) {
      if (!passes(a, o)) out.push(`${a.file} (expected ${a.expected}) on ${String(o.id)}: ${JSON.stringify(a.validate.errors?.slice(0, 3))}`);
    }
  }
  return out;
}

describe("W3C Web Annotation MUST assertions on the export", () => {
  it("finds the conformance data", () => {
    if (!load.ok) throw new Error(load.message);
    expect(fs.existsSync(load.suite.dir)).toBe(true);
  });
  if (!load.ok) return;
  const { suite } = load;

  let collection: Json;
  let pages: Json[];
  let annotations: Json[];
  beforeAll(async () => {
    const out = await exportWebAnnotations(exportInput(sampleClaims(), { pageSize: 4 }));
    [collection, ...pages] = out;
    annotations = pages.flatMap((p) => p.items as Json[]);
  });

  it("exports enough to be worth checking: 9 annotations on 3 pages", () => {
    expect(annotations).toHaveLength(9);
    expect(pages).toHaveLength(3);
  });

  const annotationMusts = suite.assertions("annotations/annotationMusts.test");
  it("lists the 54 annotation MUST assertions", () => expect(annotationMusts).toHaveLength(54));
  it.each(annotationMusts.map((a) => [a.file, a] as const))("annotation: %s", (_file, a) => {
    expect(failures([a], annotations)).toEqual([]);
  });

  const collectionMusts = suite.assertions("collections/collectionMusts.test");
  it.each(collectionMusts.map((a) => [a.file, a] as const))("collection: %s", (_file, a) => {
    expect(failures([a], [collection])).toEqual([]);
  });

  const pageMusts = suite.assertions("collections/pages/pageMusts.test");
  it.each(pageMusts.map((a) => [a.file, a] as const))("page: %s", (_file, a) => {
    expect(failures([a], pages)).toEqual([]);
  });

  it("passes with an empty export too (a collection of total 0 has no first page)", async () => {
    const [empty, ...none] = await exportWebAnnotations(exportInput([], { total: 0 }));
    expect(none).toEqual([]);
    expect(failures(collectionMusts, [empty])).toEqual([]);
  });

  it("the same assertions reject broken annotations (the harness can fail)", async () => {
    const [, page] = await exportWebAnnotations(exportInput(sampleClaims().slice(0, 1)));
    const good = (page.items as Json[])[0];
    const broken: Json[] = [
      { ...good, "@context": "http://example.org/other" },
      { ...good, type: "Note" },
      { ...good, target: undefined },
      { ...good, bodyValue: "both body and bodyValue" },
      { ...good, created: "yesterday" },
      { ...good, target: [{ type: "SpecificResource", source: "x", selector: { type: "TextQuoteSelector" } }] },
    ].map((o) => JSON.parse(JSON.stringify(o)));
    for (const b of broken) {
      expect(annotationMusts.some((a) => !passes(a, b)), JSON.stringify(b).slice(0, 120)).toBe(true);
    }
    expect(failures(annotationMusts, [good])).toEqual([]);
  });

  it("agrees with the suite's own samples: every incorrect sample that parses fails some MUST", () => {
    const dir = path.join(suite.dir, "tools/samples/incorrect");
    let checked = 0;
    for (const file of fs.readdirSync(dir).filter((f) => f.startsWith("anno"))) {
      let data: unknown;
      try {
        data = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
      } catch {
        continue; // many incorrect samples are not JSON at all
      }
      checked++;
      expect(annotationMusts.some((a) => !passes(a, data)), file).toBe(true);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("quotes are the document text between start and end, in code points", () => {
    for (const anno of annotations) {
      for (const target of anno.target as Json[]) {
        const doc = DOCS.find((d) => target.source === `${collection.id}/documents/${d.id}`)!;
        const [quote, position] = target.selector as Json[];
        const cps = Array.from(doc.text);
        expect(quote.exact).toBe(cps.slice(position.start as number, position.end as number).join(""));
        expect(quote.prefix).toBe(cps.slice(Math.max(0, (position.start as number) - 32), position.start as number).join(""));
        expect(quote.suffix).toBe(cps.slice(position.end as number, (position.end as number) + 32).join(""));
      }
    }
  });
});
