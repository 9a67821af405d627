/**
 * Documents and claims for the Web Annotation tests: texts where code points and UTF-16 differ
 * (emoji with modifiers and joiners), combining marks with no precomposed form, right-to-left
 * Arabic and multi-line text. Offsets are found with `Array.from` (code points), independently
 * of the offsets module under test.
 */
import type { WebAnnotationClaim, WebAnnotationDocument, ExportInput } from "@/lib/core/formats/web-annotation";

export const BASE = "https://attest.example.org/p/demo/releases/1.0.0/web-annotation";

export const DOCS: WebAnnotationDocument[] = [
  { id: "doc-emoji", title: "Firemen", text: "👨🏻‍🚒 firemen drive firetrucks" },
  { id: "doc-hello", title: "Hello", url: "https://example.org/hello", text: "Hello 😊, my name is John." },
  { id: "doc-marks", title: "Marks", text: "The band Spın̈al Tap (n\u0308 has no precomposed form) played in Zürich." },
  { id: "doc-arabic", title: "Arabic", text: "قتل 12 شخصا في هجوم على سوق في بغداد يوم الجمعة.\nوأصيب 30 آخرون في الهجوم." },
  { id: "doc-lines", title: "Lines", text: "Line one.\nLine two with 𝐀𝐁𝐂.\n\nLine four: the attack killed 3 people." },
];

export const docById = (id: string) => DOCS.find((d) => d.id === id);

/** Code-point span of the n-th occurrence (0-based) of `needle` in `text`. */
export function cpSpan(text: string, needle: string, nth = 0): { start: number; end: number } {
  const cps = Array.from(text);
  const want = Array.from(needle);
  let seen = 0;
  for (let i = 0; i + want.length <= cps.length; i++) {
    if (want.every((c, k) => cps[i + k] === c)) {
      if (seen === nth) return { start: i, end: i + want.length };
      seen++;
    }
  }
  throw new Error(`"${needle}" (#${nth}) not in text`);
}

/** A stored span as the claims service keeps it: quote and 32 code points of context. */
export function storedSpan(text: string, needle: string, nth = 0) {
  const { start, end } = cpSpan(text, needle, nth);
  const cps = Array.from(text);
  return {
    start,
    end,
    exact: cps.slice(start, end).join(""),
    prefix: cps.slice(Math.max(0, start - 32), start).join(""),
    suffix: cps.slice(end, end + 32).join(""),
  };
}

let seq = 0;
export function claim(documentId: string, needles: string[], extra: Partial<WebAnnotationClaim> = {}): WebAnnotationClaim {
  const doc = docById(documentId)!;
  seq++;
  return {
    id: `claim-${seq}`,
    seq,
    documentId,
    typeKey: "attack",
    typeName: "Attack",
    values: { deaths: { raw: "12", low: 12, best: 12, high: 12, qualifier: "exact" }, place: null, confirmed: true },
    note: null,
    status: "approved",
    author: { id: "user-1", name: "Ada Lovelace" },
    createdAt: new Date("2024-03-01T10:00:00Z"),
    updatedAt: "2024-03-02T11:30:00.000Z",
    spans: needles.map((n) => storedSpan(doc.text, n)),
    ...extra,
  };
}

export function sampleClaims(): WebAnnotationClaim[] {
  return [
    claim("doc-emoji", ["firetrucks"], { typeKey: "vehicle", typeName: "Vehicle", values: { kind: "truck" } }),
    claim("doc-emoji", ["👨🏻‍🚒", "firemen"], { note: "Two spans: the emoji and the word." }),
    claim("doc-hello", ["John"], { typeKey: "person", typeName: "Person", values: { name: "John", age: null } }),
    claim("doc-marks", ["Spın̈al Tap"], { note: "Combining diaeresis" }),
    claim("doc-marks", ["Zürich"]),
    claim("doc-arabic", ["هجوم", "بغداد"], { values: { deaths: { raw: "12", best: 12 }, country: "IRQ" } }),
    claim("doc-arabic", ["30 آخرون"]),
    claim("doc-lines", ["𝐀𝐁𝐂"]),
    claim("doc-lines", ["the attack killed 3 people"], { status: "submitted" }),
  ];
}

export function exportInput(claims: WebAnnotationClaim[], overrides: Partial<ExportInput> = {}): ExportInput {
  return {
    baseUrl: BASE,
    label: "Demo project, release 1.0.0",
    total: claims.length,
    created: "2024-04-01T00:00:00Z",
    pageSize: 4,
    document: docById,
    claims,
    ...overrides,
  };
}
