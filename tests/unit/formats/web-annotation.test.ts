import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  exportWebAnnotations,
  streamWebAnnotations,
  WebAnnotationExportError,
  type WebAnnotationClaim,
} from "@/lib/core/formats/web-annotation";
import { importWebAnnotations, type WebAnnotationImport } from "@/lib/core/formats/web-annotation-import";
import { BASE, claim, cpSpan, DOCS, docById, exportInput, sampleClaims, storedSpan } from "./web-annotation-fixtures";

type Json = Record<string, unknown>;

async function exported(claims: WebAnnotationClaim[], pageSize = 4) {
  const [collection, ...pages] = await exportWebAnnotations(exportInput(claims, { pageSize }));
  return { collection, pages, annotations: pages.flatMap((p) => p.items as Json[]) };
}

function ok(result: WebAnnotationImport) {
  if (!result.ok) throw new Error(`import failed: ${result.error.message}`);
  return result;
}

async function rejection(p: Promise<unknown>): Promise<WebAnnotationExportError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(WebAnnotationExportError);
  return e as WebAnnotationExportError;
}

describe("export: one annotation per claim", () => {
  it("derives IRIs from the base and states creator, times and motivation", async () => {
    const { annotations } = await exported(sampleClaims());
    expect(annotations).toHaveLength(9);
    const a = annotations[0];
    expect(a["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(a.id).toMatch(new RegExp(`^${BASE}/annotations/claim-\\d+$`));
    expect(a.type).toBe("Annotation");
    expect(a.motivation).toBe("classifying");
    expect(a.creator).toEqual({ id: `${BASE}/people/user-1`, type: "Person", name: "Ada Lovelace" });
    expect(a.created).toBe("2024-03-01T10:00:00.000Z");
    expect(a.modified).toBe("2024-03-02T11:30:00.000Z");
    expect(new Set(annotations.map((x) => x.id)).size).toBe(9);
  });

  it("puts 'firetrucks' at code points 19-29 after a four-code-point emoji sequence", async () => {
    const { annotations } = await exported([claim("doc-emoji", ["firetrucks"])]);
    const [target] = annotations[0].target as Json[];
    expect(target.source).toBe(`${BASE}/documents/doc-emoji`);
    expect(target.selector).toEqual([
      { type: "TextQuoteSelector", exact: "firetrucks", prefix: "👨🏻‍🚒 firemen drive ", suffix: "" },
      { type: "TextPositionSelector", start: 19, end: 29 },
    ]);
  });

  it("puts 'John' at code points 20-24, not the UTF-16 21-25", async () => {
    const { annotations } = await exported([claim("doc-hello", ["John"])]);
    const [target] = annotations[0].target as Json[];
    expect((target.selector as Json[])[1]).toEqual({ type: "TextPositionSelector", start: 20, end: 24 });
  });

  it("gives a discontinuous claim one target per span, in order", async () => {
    const { annotations } = await exported([claim("doc-arabic", ["هجوم", "بغداد"])]);
    const targets = annotations[0].target as Json[];
    const text = docById("doc-arabic")!.text;
    expect(targets.map((t) => (t.selector as Json[])[1])).toEqual([
      { type: "TextPositionSelector", ...cpSpan(text, "هجوم") },
      { type: "TextPositionSelector", ...cpSpan(text, "بغداد") },
    ]);
  });

  it("carries type name, typed values and note in bodies with purposes", async () => {
    const c = claim("doc-marks", ["Zürich"], { note: "Checked against the map.", status: "submitted" });
    const { annotations } = await exported([c]);
    const body = annotations[0].body as Json[];
    expect(body).toHaveLength(3);
    expect(body[0]).toEqual({ type: "TextualBody", purpose: "classifying", format: "text/plain", value: "Attack" });
    expect(body[1]).toMatchObject({ type: "TextualBody", purpose: "describing", format: "application/json" });
    expect(JSON.parse(body[1].value as string)).toEqual({ claimType: "attack", values: c.values, status: "submitted", seq: c.seq });
    expect(body[2]).toEqual({ type: "TextualBody", purpose: "commenting", format: "text/plain", value: "Checked against the map." });
  });

  it("leaves out the note body when there is no note", async () => {
    const { annotations } = await exported([claim("doc-hello", ["John"], { note: "" })]);
    expect((annotations[0].body as Json[]).map((b) => b.purpose)).toEqual(["classifying", "describing"]);
  });
});

describe("export: collection and pages", () => {
  it("pages the annotations with first/last, prev/next, startIndex and an embedded partOf", async () => {
    const claims = sampleClaims().slice(0, 5);
    const { collection, pages } = await exported(claims, 2);
    expect(collection).toEqual({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: BASE,
      type: "AnnotationCollection",
      label: "Demo project, release 1.0.0",
      total: 5,
      first: `${BASE}/pages/0`,
      last: `${BASE}/pages/2`,
      created: "2024-04-01T00:00:00.000Z",
    });
    expect(pages.map((p) => [p.id, p.startIndex, p.prev, p.next, (p.items as Json[]).length])).toEqual([
      [`${BASE}/pages/0`, 0, undefined, `${BASE}/pages/1`, 2],
      [`${BASE}/pages/1`, 2, `${BASE}/pages/0`, `${BASE}/pages/2`, 2],
      [`${BASE}/pages/2`, 4, `${BASE}/pages/1`, undefined, 1],
    ]);
    const { "@context": _ctx, ...described } = collection;
    for (const p of pages) {
      expect(p.type).toBe("AnnotationPage");
      expect(p.partOf).toEqual(described);
    }
    expect(pages.flatMap((p) => p.items as Json[]).map((a) => a.id)).toEqual(claims.map((c) => `${BASE}/annotations/${c.id}`));
  });

  it("fills the last page exactly when the total is a multiple of the page size", async () => {
    const { pages } = await exported(sampleClaims().slice(0, 4), 2);
    expect(pages.map((p) => (p.items as Json[]).length)).toEqual([2, 2]);
    expect(pages[1].next).toBeUndefined();
  });

  it("exports an empty collection without pages", async () => {
    const out = await exportWebAnnotations(exportInput([], { total: 0 }));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ type: "AnnotationCollection", total: 0 });
    expect(out[0]).not.toHaveProperty("first");
  });

  it("escapes ids in IRIs and tolerates a trailing slash on the base", async () => {
    const c = claim("doc-hello", ["John"], { id: "a/b c" });
    const [, page] = await exportWebAnnotations(exportInput([c], { baseUrl: `${BASE}/` }));
    expect((page.items as Json[])[0].id).toBe(`${BASE}/annotations/a%2Fb%20c`);
  });
});

describe("export: streaming", () => {
  it("pulls claims one at a time and yields each annotation as its own chunk", async () => {
    const claims = sampleClaims();
    let pulled = 0;
    function* lazy() {
      for (const c of claims) {
        pulled++;
        yield c;
      }
    }
    const stream = streamWebAnnotations(exportInput([], { claims: lazy(), total: claims.length, pageSize: 4 }));
    const chunks: string[] = [];
    const pulledAt: number[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
      pulledAt.push(pulled);
    }
    // The chunk carrying the first annotation was produced after only one claim was read.
    const first = chunks.findIndex((c) => c.includes("/annotations/"));
    expect(pulledAt[first]).toBe(1);
    expect(chunks.filter((c) => c.includes('"type":"Annotation"'))).toHaveLength(claims.length);
    expect(JSON.parse(chunks.join(""))).toEqual(await exportWebAnnotations(exportInput(claims, { pageSize: 4 })));
  });

  it("reads claims from an async source and looks each document up once per run", async () => {
    const claims = sampleClaims();
    const lookups: string[] = [];
    async function* source() {
      for (const c of claims) yield c;
    }
    const out = await exportWebAnnotations(
      exportInput([], {
        claims: source(),
        total: claims.length,
        document: async (id) => {
          lookups.push(id);
          return docById(id);
        },
      }),
    );
    expect(out.slice(1).flatMap((p) => p.items as Json[])).toHaveLength(claims.length);
    expect(lookups).toEqual(["doc-emoji", "doc-hello", "doc-marks", "doc-arabic", "doc-lines"]);
  });
});

describe("export: refuses what it cannot write faithfully", () => {
  it("a stored quote that is not the document text at its offsets", async () => {
    const c = claim("doc-emoji", ["firetrucks"]);
    c.spans[0] = { ...c.spans[0], start: 22, end: 32 }; // UTF-16 offsets stored by mistake
    const e = await rejection(exportWebAnnotations(exportInput([c])));
    expect(e.code).toBe("span_mismatch");
    expect(e.message).toContain(c.id);
  });

  it("spans outside the text, empty or reversed", async () => {
    for (const [start, end] of [[0, 999], [5, 5], [6, 3], [-1, 2], [1.5, 3]]) {
      const c = claim("doc-hello", ["John"]);
      c.spans[0] = { ...c.spans[0], start, end };
      expect((await rejection(exportWebAnnotations(exportInput([c])))).code).toBe("span_mismatch");
    }
  });

  it("an unknown document, a wrong total, a bad page size or date", async () => {
    const c = claim("doc-hello", ["John"]);
    expect((await rejection(exportWebAnnotations(exportInput([{ ...c, documentId: "nope" }])))).code).toBe("unknown_document");
    expect((await rejection(exportWebAnnotations(exportInput([c], { total: 2 })))).code).toBe("bad_total");
    expect((await rejection(exportWebAnnotations(exportInput([c, c], { total: 1 })))).code).toBe("bad_total");
    expect((await rejection(exportWebAnnotations(exportInput([c], { total: -1 })))).code).toBe("bad_total");
    expect((await rejection(exportWebAnnotations(exportInput([c], { pageSize: 0 })))).code).toBe("bad_page_size");
    expect((await rejection(exportWebAnnotations(exportInput([{ ...c, createdAt: "not a date" }])))).code).toBe("bad_date");
  });
});

describe("import: round trip of our own export", () => {
  it("gives back every claim's spans, type, values, status and note, anchored by position", async () => {
    const claims = sampleClaims();
    const out = await exportWebAnnotations(exportInput(claims, { pageSize: 3 }));
    for (const doc of DOCS) {
      const result = ok(importWebAnnotations(JSON.stringify(out), doc.text, { documentIri: `${BASE}/documents/${doc.id}` }));
      const mine = claims.filter((c) => c.documentId === doc.id);
      expect(result.unresolved).toEqual([]);
      expect(result.anchored).toEqual(
        mine.map((c) => ({
          annotationId: `${BASE}/annotations/${c.id}`,
          spans: c.spans.map((s) => ({ start: s.start, end: s.end, exact: s.exact, how: "position" })),
          how: "position",
          tags: [c.typeName],
          typeKey: c.typeKey,
          values: c.values,
          status: c.status,
          ...(c.note ? { note: c.note } : {}),
        })),
      );
    }
  });

  it("accepts the parsed value as well as the JSON text", async () => {
    const out = await exportWebAnnotations(exportInput([claim("doc-hello", ["John"])]));
    const a = ok(importWebAnnotations(out, docById("doc-hello")!.text));
    const b = ok(importWebAnnotations(JSON.stringify(out), docById("doc-hello")!.text));
    expect(a).toEqual(b);
    expect(a.anchored[0].spans).toEqual([{ start: 20, end: 24, exact: "John", how: "position" }]);
  });
});

describe("import: re-anchoring when positions disagree", () => {
  it("finds the quote after an emoji was inserted before the span", async () => {
    const original = docById("doc-lines")!.text;
    const out = await exportWebAnnotations(exportInput([claim("doc-lines", ["the attack killed 3 people"])]));
    const revised = "🚨 " + original; // two code points earlier text, three UTF-16 units
    const result = ok(importWebAnnotations(out, revised));
    const before = cpSpan(original, "the attack killed 3 people");
    expect(result.anchored[0].how).toBe("quote");
    expect(result.anchored[0].spans).toEqual([
      { start: before.start + 2, end: before.end + 2, exact: "the attack killed 3 people", how: "quote" },
    ]);
  });

  const text = "Police said 3 people died. Later, officials said 3 people died in the blast. Residents said 3 people died.";
  const target = (start: number, end: number, prefix: string, suffix: string) => ({
    id: "urn:x:1",
    type: "Annotation",
    target: {
      source: "urn:doc",
      selector: [
        { type: "TextQuoteSelector", exact: "3 people died", prefix, suffix },
        { type: "TextPositionSelector", start, end },
      ],
    },
  });

  it("chooses the occurrence whose prefix and suffix match best", () => {
    const second = cpSpan(text, "3 people died", 1);
    const r = ok(importWebAnnotations(target(0, 5, "officials said ", " in the blast"), text));
    expect(r.anchored[0].spans[0]).toMatchObject({ ...second, how: "quote" });
  });

  it("breaks a tie in context by the occurrence nearest the stated position", () => {
    const third = cpSpan(text, "3 people died", 2);
    const r = ok(importWebAnnotations(target(third.start + 3, third.end + 3, "", ""), text));
    expect(r.anchored[0].spans[0]).toMatchObject({ ...third, how: "quote" });
    const first = cpSpan(text, "3 people died", 0);
    const r2 = ok(importWebAnnotations(target(1, 2, "", ""), text));
    expect(r2.anchored[0].spans[0]).toMatchObject({ ...first, how: "quote" });
  });

  it("anchors a quote without a position, and a position without a quote", () => {
    const quoteOnly = { id: "q", target: { source: "s", selector: { type: "TextQuoteSelector", exact: "officials" } } };
    const posOnly = { id: "p", target: { source: "s", selector: { type: "TextPositionSelector", start: 0, end: 6 } } };
    const r = ok(importWebAnnotations([quoteOnly, posOnly], text));
    expect(r.anchored.map((a) => [a.annotationId, a.spans[0].start, a.spans[0].exact, a.how])).toEqual([
      ["q", cpSpan(text, "officials").start, "officials", "quote"],
      ["p", 0, "Police", "position"],
    ]);
  });

  it("matches a decomposed (NFD) quote against the NFC text", () => {
    const doc = docById("doc-marks")!.text;
    const anno = { id: "n", target: { source: "s", selector: { type: "TextQuoteSelector", exact: "Zürich".normalize("NFD") } } };
    const r = ok(importWebAnnotations(anno, doc));
    expect(r.anchored[0].spans[0]).toEqual({ ...cpSpan(doc, "Zürich"), exact: "Zürich", how: "quote" });
  });

  it("never lands inside a surrogate pair", () => {
    const t = "😊😊";
    const lone = "\ude0a"; // the low half of 😊 alone
    const anno = { id: "s", target: { source: "s", selector: { type: "TextQuoteSelector", exact: lone } } };
    const r = ok(importWebAnnotations(anno, t));
    expect(r.unresolved.map((u) => u.reason)).toEqual(["quote-not-found"]);
  });
});

describe("import: unresolvable annotations are reported by name", () => {
  it("a quote that does not occur, alongside one that does", async () => {
    const out = await exportWebAnnotations(exportInput([claim("doc-hello", ["John"]), claim("doc-hello", ["Hello"])]));
    const r = ok(importWebAnnotations(out, "Hello 😊, my name is Jane."));
    expect(r.anchored.map((a) => a.annotationId)).toEqual([expect.stringMatching(/claim-\d+$/)]);
    expect(r.anchored[0].spans[0].exact).toBe("Hello");
    expect(r.unresolved).toEqual([
      { annotationId: expect.stringMatching(/^https:.*\/annotations\/claim-\d+$/), reason: "quote-not-found", message: expect.stringContaining('"John"') },
    ]);
  });

  it("names the target that failed in a multi-target annotation and drops the whole claim", async () => {
    const out = await exportWebAnnotations(exportInput([claim("doc-arabic", ["هجوم", "بغداد"])]));
    const r = ok(importWebAnnotations(out, "قتل 12 شخصا في هجوم على سوق."));
    expect(r.anchored).toEqual([]);
    expect(r.unresolved[0]).toMatchObject({ reason: "quote-not-found", message: expect.stringContaining("(target 2)") });
  });

  it("positions outside the text with nothing to search, targets without selectors, missing targets", () => {
    const r = ok(
      importWebAnnotations(
        [
          { id: "far", target: { source: "s", selector: { type: "TextPositionSelector", start: 10, end: 900 } } },
          { id: "iri", target: "https://example.org/page" },
          { id: "bare", target: { source: "s" } },
          { id: "none", type: "Annotation", body: { type: "TextualBody", value: "x" } },
          { id: "empty", target: { source: "s", selector: { type: "TextQuoteSelector", exact: "" } } },
        ],
        "short text",
      ),
    );
    expect(r.anchored).toEqual([]);
    expect(r.unresolved.map((u) => [u.annotationId, u.reason])).toEqual([
      ["far", "position-out-of-range"],
      ["iri", "no-selector"],
      ["bare", "no-selector"],
      ["none", "no-target"],
      ["empty", "empty-quote"],
    ]);
    for (const u of r.unresolved) expect(u.message.length).toBeGreaterThan(10);
  });
});

describe("import: generic annotations", () => {
  const text = "The militia attacked the convoy near Kunduz on 3 May.";
  const span = cpSpan(text, "attacked the convoy");

  it("reads tags from tagging or classifying bodies and the note from a comment; type matching is the caller's", () => {
    const anno = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "https://hyp.example/a/1",
      type: "Annotation",
      motivation: "commenting",
      body: [
        { type: "TextualBody", value: "Attack", purpose: "tagging" },
        { type: "TextualBody", value: "violence", purpose: "classifying" },
        { type: "TextualBody", value: "Convoy ambush, see report.", format: "text/html" },
        { type: "TextualBody", value: "{not json", format: "application/json", purpose: "describing" },
        "https://example.org/external-body",
      ],
      target: {
        source: "https://example.org/report",
        selector: [
          { type: "TextPositionSelector", ...span },
          { type: "TextQuoteSelector", exact: "attacked the convoy", prefix: "militia ", suffix: " near" },
        ],
      },
    };
    const r = ok(importWebAnnotations(anno, text));
    expect(r.anchored).toEqual([
      {
        annotationId: "https://hyp.example/a/1",
        spans: [{ ...span, exact: "attacked the convoy", how: "position" }],
        how: "position",
        tags: ["Attack", "violence"],
        note: "Convoy ambush, see report.",
      },
    ]);
  });

  it("takes the annotation's motivation for bodies without a purpose, and bodyValue as the note", () => {
    const tagging = { id: "t", motivation: "tagging", body: { type: "TextualBody", value: "Attack" }, target: { source: "s", selector: { type: "TextQuoteSelector", exact: "Kunduz" } } };
    const note = { id: "n", bodyValue: "Where it happened", target: { source: "s", selector: { type: "TextQuoteSelector", exact: "Kunduz" } } };
    const r = ok(importWebAnnotations([tagging, note], text));
    expect(r.anchored.map((a) => [a.annotationId, a.tags, a.note])).toEqual([
      ["t", ["Attack"], undefined],
      ["n", [], "Where it happened"],
    ]);
  });

  it("follows a collection's embedded first page and embedded next pages, once each", () => {
    const a = (id: string, exact: string) => ({ id, type: "Annotation", target: { source: "s", selector: { type: "TextQuoteSelector", exact } } });
    const page2: Json = { type: "AnnotationPage", items: [a("2", "convoy")] };
    const page1: Json = { type: "AnnotationPage", items: [a("1", "militia")], next: page2 };
    page2.next = page1; // a cycle must not loop forever
    const collection = { type: "AnnotationCollection", total: 2, first: page1 };
    const r = ok(importWebAnnotations(collection, text));
    expect(r.anchored.map((x) => x.annotationId)).toEqual(["1", "2"]);
    const page = ok(importWebAnnotations({ type: ["AnnotationPage"], items: [a("3", "May")] }, text));
    expect(page.anchored.map((x) => x.annotationId)).toEqual(["3"]);
  });

  it("with a document IRI, leaves out annotations on other documents", () => {
    const on = (id: string, source: string) => ({ id, target: { source, selector: { type: "TextQuoteSelector", exact: "Kunduz" } } });
    const r = ok(importWebAnnotations([on("mine", "urn:d:1"), on("theirs", "urn:d:2"), { id: "iri", target: "urn:d:1" }], text, { documentIri: "urn:d:1" }));
    expect(r.anchored.map((x) => x.annotationId)).toEqual(["mine"]);
    expect(r.unresolved.map((x) => [x.annotationId, x.reason])).toEqual([["iri", "no-selector"]]);
  });
});

describe("import: malformed input gives clear results, never a throw", () => {
  it("invalid JSON text", () => {
    const r = importWebAnnotations("{ not json", "text");
    expect(r).toEqual({ ok: false, error: { code: "invalid_json", message: expect.stringContaining("Not valid JSON") } });
  });

  it("JSON that is not Web Annotation at all", () => {
    for (const input of [42, null, "\"a string\"", { foo: 1 }, true, undefined]) {
      const r = importWebAnnotations(input, "text");
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe("not_web_annotation");
    }
  });

  it("a list with junk items reports each one as malformed, numbered", () => {
    const r = ok(importWebAnnotations([1, "x", null, { id: "ok", target: { selector: { type: "TextQuoteSelector", exact: "text" } } }], "some text"));
    expect(r.unresolved.map((u) => [u.annotationId, u.reason])).toEqual([
      ["annotation 1", "malformed"],
      ["annotation 2", "malformed"],
      ["annotation 3", "malformed"],
    ]);
    expect(r.anchored.map((a) => a.annotationId)).toEqual(["ok"]);
  });

  it("wrongly typed selector fields fall back to what is usable", () => {
    const anno = {
      id: "w",
      target: {
        selector: [
          { type: "TextPositionSelector", start: "0", end: null },
          { type: "TextQuoteSelector", exact: 5 },
          { type: "TextQuoteSelector", exact: "text", prefix: 3 },
        ],
      },
    };
    const r = ok(importWebAnnotations(anno, "some text"));
    expect(r.anchored[0].spans).toEqual([{ start: 5, end: 9, exact: "text", how: "quote" }]);
  });

  it("any JSON value at all: a result, never an exception", () => {
    const selectorish = fc.record({
      type: fc.constantFrom("TextPositionSelector", "TextQuoteSelector", "Other"),
      start: fc.oneof(fc.integer({ min: -5, max: 40 }), fc.jsonValue()),
      end: fc.oneof(fc.integer({ min: -5, max: 40 }), fc.jsonValue()),
      exact: fc.oneof(fc.string(), fc.jsonValue()),
      prefix: fc.oneof(fc.string(), fc.jsonValue()),
    }, { requiredKeys: ["type"] });
    const annotationish = fc.record({
      id: fc.jsonValue(),
      type: fc.constantFrom("Annotation", "AnnotationPage", "AnnotationCollection"),
      target: fc.oneof(fc.jsonValue(), fc.record({ selector: fc.oneof(selectorish, fc.array(selectorish)) })),
      body: fc.jsonValue(),
      items: fc.array(fc.jsonValue()),
      first: fc.jsonValue(),
    }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), annotationish, fc.array(annotationish)), fc.string(), (input, text) => {
        const r = importWebAnnotations(input, "😊 " + text);
        expect(typeof r.ok).toBe("boolean");
        if (r.ok) {
          for (const a of r.anchored) for (const s of a.spans) expect(Array.from("😊 " + text).slice(s.start, s.end).join("")).toBe(s.exact);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("fixtures", () => {
  it("spans in the fixtures are code points (sanity check of the helper)", () => {
    expect(storedSpan(docById("doc-emoji")!.text, "firetrucks")).toMatchObject({ start: 19, end: 29 });
  });
});
