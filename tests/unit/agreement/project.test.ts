import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  documentAgreement, documentsCsv, fieldsCsv, matrixCsv, projectAgreement, spanRowsCsv, typesCsv, NONE_LABEL,
} from "@/lib/core/agreement";
import type { FieldDefinition } from "@/lib/core/claim-types/definition";
import { claim } from "./claims";

const exact = (n: number) => ({ raw: String(n), low: n, best: n, high: n, qualifier: "exact" });
const ATTACK_FIELDS: FieldDefinition[] = [
  { key: "target", label: "Target", kind: "text", required: false },
  { key: "fatalities", label: "Fatalities", kind: "quantity", required: false },
];
const FIELDS = { attack: ATTACK_FIELDS };

// d1: A and B annotate; C annotated the document but made no claim.
function documentOne() {
  return [
    claim("A", "attack", [[0, 10]], { values: { target: "Police", fatalities: exact(5) } }),
    claim("A", "size_estimate", [[20, 30]]),
    claim("B", "attack", [[0, 10]], { values: { target: "army", fatalities: exact(5) } }),
    claim("B", "size_estimate", [[25, 35]]),
    claim("B", "attack", [[50, 60]]),
  ];
}

describe("documentAgreement", () => {
  it("scores every pair of annotators, with silence counted for those who annotated", () => {
    const r = documentAgreement("d1", documentOne(), ["C"], { fields: FIELDS });
    expect(r.annotators).toEqual(["A", "B", "C"]);
    expect(r.pairs.map((p) => [p.annotatorA, p.annotatorB])).toEqual([["A", "B"], ["A", "C"], ["B", "C"]]);
    const [ab, ac] = r.pairs;
    expect(ab.exact).toEqual({ matched: 1, onlyA: 1, onlyB: 2, precision: 1 / 3, recall: 1 / 2, f1: 2 / 5 });
    expect(ab.overlap).toEqual({ matched: 2, onlyA: 0, onlyB: 1, precision: 2 / 3, recall: 1, f1: 4 / 5 });
    expect(ab.matches).toHaveLength(2);
    expect(ac.overlap).toEqual({ matched: 0, onlyA: 2, onlyB: 0, precision: null, recall: 0, f1: 0 });
  });
  it("keeps one row per pair and claim type", () => {
    const r = documentAgreement("d1", documentOne(), ["C"], { fields: FIELDS });
    expect(r.spanRows.map((s) => [s.annotatorA, s.annotatorB, s.typeKey, s.exact, s.overlap])).toEqual([
      ["A", "B", "attack", { matched: 1, onlyA: 0, onlyB: 1 }, { matched: 1, onlyA: 0, onlyB: 1 }],
      ["A", "B", "size_estimate", { matched: 0, onlyA: 1, onlyB: 1 }, { matched: 1, onlyA: 0, onlyB: 0 }],
      ["A", "C", "attack", { matched: 0, onlyA: 1, onlyB: 0 }, { matched: 0, onlyA: 1, onlyB: 0 }],
      ["A", "C", "size_estimate", { matched: 0, onlyA: 1, onlyB: 0 }, { matched: 0, onlyA: 1, onlyB: 0 }],
      ["B", "C", "attack", { matched: 0, onlyA: 2, onlyB: 0 }, { matched: 0, onlyA: 2, onlyB: 0 }],
      ["B", "C", "size_estimate", { matched: 0, onlyA: 1, onlyB: 0 }, { matched: 0, onlyA: 1, onlyB: 0 }],
    ]);
    expect(r.fieldRows.map((f) => [f.typeKey, f.fieldKey, f.compared, f.agreed])).toEqual([
      ["attack", "target", 1, 0],
      ["attack", "fatalities", 1, 1],
    ]);
  });
  it("computes label alpha over units, with none as a category (1/13 here) or as missing", () => {
    // Units: [attack, attack, none], [size, size, none], [none, attack, none]; worked by hand:
    // D_o = 6/9, D_e = 52/72, alpha = 1 - 48/52.
    const r = documentAgreement("d1", documentOne(), ["C"]);
    expect(r.units.map((u) => u.types)).toEqual([
      [["attack"], ["attack"], []],
      [["size_estimate"], ["size_estimate"], []],
      [[], ["attack"], []],
    ]);
    expect(r.labels.alpha).toBeCloseTo(1 / 13, 12);
    // As missing, only the first two units are pairable, and they agree.
    expect(documentAgreement("d1", documentOne(), ["C"], { unlabelled: "missing" }).labels.alpha).toBe(1);
    expect(NONE_LABEL).not.toMatch(/^[a-z][a-z0-9_]*$/);
  });
  it("has no pairs and no data with one annotator or none", () => {
    const one = documentAgreement("d", [claim("A", "attack", [[0, 3]])]);
    expect(one.pairs).toEqual([]);
    expect(one.labels).toMatchObject({ alpha: null, reason: "no_pairable_values" });
    const none = documentAgreement("d", [], ["A", "B"]);
    expect(none.pairs[0].overlap).toMatchObject({ matched: 0, onlyA: 0, onlyB: 0, f1: null });
    expect(none.spanRows).toEqual([]);
  });
  it("gives F1 = 1 between an annotator and an identical copy", () => {
    const arb = fc.array(fc.tuple(fc.constantFrom("attack", "size_estimate"), fc.nat(100), fc.integer({ min: 1, max: 20 })), { minLength: 1, maxLength: 10 });
    fc.assert(fc.property(arb, (list) => {
      const a = list.map(([t, s, n]) => claim("A", t, [[s, s + n]]));
      const b = a.map((c) => ({ ...c, claimId: `b-${c.claimId}`, annotatorId: "B" }));
      const r = documentAgreement("d", [...a, ...b]);
      expect(r.pairs[0].exact.f1).toBe(1);
      expect(r.pairs[0].overlap.f1).toBe(1);
    }));
  });
});

function project() {
  return projectAgreement({
    claims: [
      ...documentOne(),
      claim("A", "attack", [[0, 5]], { documentId: "d2", values: { target: "x" } }),
      claim("B", "attack", [[0, 5]], { documentId: "d2", values: { target: "X" } }),
    ],
    annotators: { d1: ["C"], d3: ["A"] },
  }, { fields: FIELDS });
}

describe("projectAgreement", () => {
  it("sums counts over documents and computes ratios from the sums", () => {
    const p = project();
    expect(p.overall.overlap).toMatchObject({ matched: 3, onlyA: 5, onlyB: 1, f1: 0.5 });
    expect(p.documents.map((d) => [d.documentId, d.annotators, d.overlap.f1])).toEqual([["d1", 3, 0.4], ["d2", 2, 1], ["d3", 1, null]]);
    expect(p.documents[2].labels.reason).toBe("no_pairable_values");
  });
  it("summarizes claim types with their fields", () => {
    const p = project();
    expect(p.types.map((t) => [t.typeKey, t.overlap.matched, t.overlap.onlyA, t.overlap.onlyB])).toEqual([
      ["attack", 2, 3, 1],
      ["size_estimate", 1, 2, 0],
    ]);
    expect(p.types[0].fields).toEqual([
      { fieldKey: "target", kind: "text", compared: 2, agreed: 1, ratio: 0.5, oneEmpty: 0, bothEmpty: 0 },
      { fieldKey: "fatalities", kind: "quantity", compared: 1, agreed: 1, ratio: 1, oneEmpty: 0, bothEmpty: 1 },
    ]);
    expect(p.types[1].fields).toEqual([]);
    expect(p.types[0].labels.alpha).not.toBeNull();
  });
  it("builds a symmetric annotator matrix with an empty diagonal", () => {
    const { matrix } = project();
    expect(matrix.annotators).toEqual(["A", "B", "C"]);
    expect(matrix.f1).toEqual([
      [null, 6 / 7, 0],
      [6 / 7, null, 0],
      [0, 0, null],
    ]);
  });
  it("pools every document's units for label alpha", () => {
    // d1's three units plus d2's agreeing [attack, attack].
    const p = project();
    expect(p.overall.labels.units).toBe(4);
  });
});

describe("agreement tables", () => {
  it("writes the rows, the summaries and the matrix as CSV", () => {
    const p = project();
    const rows = spanRowsCsv(p.details[1].spanRows).split("\r\n");
    expect(rows[0]).toBe("document_id,document_title,annotator_a,annotator_a_name,annotator_b,annotator_b_name,type_key,exact_matched,exact_only_a,exact_only_b,exact_precision,exact_recall,exact_f1,overlap_matched,overlap_only_a,overlap_only_b,overlap_precision,overlap_recall,overlap_f1");
    // Without names, the name cells are empty and the ids stay.
    expect(rows[1]).toBe("d2,,A,,B,,attack,1,0,0,1,1,1,1,0,0,1,1,1");
    expect(matrixCsv(p.matrix)).toBe(`annotator,annotator_name,A,B,C\r\nA,,,${6 / 7},0\r\nB,,${6 / 7},,0\r\nC,,0,0,\r\n`);
    expect(documentsCsv(p.documents).split("\r\n")[3]).toBe("d3,,1,0,0,0,,,,0,0,0,,,,,no_pairable_values,0");
    expect(typesCsv(p.types).split("\r\n")[0]).toMatch(/^type_key,exact_matched,.*,label_alpha,label_alpha_reason,label_units$/);
    expect(fieldsCsv(p.types)).toBe("type_key,field_key,kind,compared,agreed,ratio,one_empty,both_empty\r\nattack,target,text,2,1,0.5,0,0\r\nattack,fatalities,quantity,1,1,1,0,1\r\n");
  });
  it("puts names and titles next to the ids, an unknown id getting an empty name", () => {
    const p = project();
    const names = { annotators: { A: "Ann Able", B: "Bo, Baker" }, documents: { d2: "Report two", d3: "Report \"three\"" } };
    expect(spanRowsCsv(p.details[1].spanRows, names).split("\r\n")[1]).toBe('d2,Report two,A,Ann Able,B,"Bo, Baker",attack,1,0,0,1,1,1,1,0,0,1,1,1');
    expect(matrixCsv(p.matrix, names)).toBe(`annotator,annotator_name,A,B,C\r\nA,Ann Able,,${6 / 7},0\r\nB,"Bo, Baker",${6 / 7},,0\r\nC,,0,0,\r\n`);
    const docs = documentsCsv(p.documents, names).split("\r\n");
    expect(docs[0].startsWith("document_id,document_title,annotators,")).toBe(true);
    expect(docs[1].startsWith("d1,,")).toBe(true);
    expect(docs[3].startsWith('d3,"Report ""three""",1,')).toBe(true);
    // A name that is a key of Object.prototype is not read from the prototype.
    expect(matrixCsv({ annotators: ["constructor"], f1: [[null]] }, names)).toBe("annotator,annotator_name,constructor\r\nconstructor,,\r\n");
  });
  it("neutralizes ids and names that look like formulas", () => {
    const r = documentAgreement("=HYPERLINK(1)", [claim("A", "attack", [[0, 1]]), claim("B", "attack", [[0, 1]])]);
    expect(spanRowsCsv(r.spanRows).split("\r\n")[1].startsWith("'=HYPERLINK(1),,A,,B")).toBe(true);
    const named = spanRowsCsv(r.spanRows, { annotators: { A: "@cmd" }, documents: { "=HYPERLINK(1)": "+1 report" } });
    expect(named.split("\r\n")[1].startsWith("'=HYPERLINK(1),'+1 report,A,'@cmd,B,")).toBe(true);
  });
});
