import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ATTACK, SIZE_ESTIMATE } from "@/lib/core/claim-types/defaults";
import { annotationKeys, parseAnn, writeAnn } from "@/lib/core/formats/brat-ann";
import { annotationConf, bratToClaims, claimsToAnn, documentToBrat } from "@/lib/core/formats/brat";
import type { ExportClaim, ExportClaimType, ExportDocument } from "@/lib/core/formats/types";
import { conformanceRoot } from "../../support/conformance";

const BRAT_DIR = path.join(conformanceRoot(), "brat");

function sampleNames(): string[] {
  if (!existsSync(BRAT_DIR)) {
    throw new Error(`The brat conformance sample is missing: expected ${BRAT_DIR}. Set ATTEST_CONFORMANCE_DIR to the folder holding brat/.`);
  }
  return readdirSync(BRAT_DIR).filter((f) => f.endsWith(".ann")).map((f) => f.slice(0, -4)).sort();
}

const TYPES: ExportClaimType[] = [{ id: "ct1", definition: ATTACK, version: 1 }, { id: "ct2", definition: SIZE_ESTIMATE, version: 1 }];

function claim(over: Partial<ExportClaim> & Pick<ExportClaim, "id" | "spans">): ExportClaim {
  return {
    documentId: "d1", typeKey: "attack", typeVersion: 1, seq: 1, status: "approved", author: "a@example.org",
    values: {}, note: "", version: 1, createdAt: "2024-01-01T00:00:00.000Z", updatedAt: "2024-01-01T00:00:00.000Z", ...over,
  };
}
const span = (text: string, start: number, end: number) => ({ start, end, exact: [...text].slice(start, end).join(""), prefix: "", suffix: "" });

describe("brat sample (conformance data)", () => {
  const names = sampleNames();

  it("has the 13 documents of the news tutorial", () => {
    expect(names).toHaveLength(13);
  });

  for (const name of names) {
    it(`${name}: import then export gives the same T, A, N and # annotations`, () => {
      const txt = readFileSync(path.join(BRAT_DIR, `${name}.txt`), "utf8");
      const ann = readFileSync(path.join(BRAT_DIR, `${name}.ann`), "utf8");
      const first = parseAnn(ann, txt);
      expect(first.issues).toEqual([]);
      const written = writeAnn(first);
      const second = parseAnn(written, txt);
      expect(second.issues).toEqual([]);
      expect(annotationKeys(second)).toEqual(annotationKeys(first));
      // Every T line of the original is read (none lost to a parse problem).
      expect(first.entities.length).toBe(ann.split("\n").filter((l) => l.startsWith("T")).length);
      // Writing again changes nothing: the written form is canonical.
      expect(writeAnn(second)).toBe(written);
    });
  }

  it("reports events, relations and equivalences as unsupported, by id, and what hangs on them", () => {
    const ann = readFileSync(path.join(BRAT_DIR, "000-introduction.ann"), "utf8");
    const parsed = parseAnn(ann, readFileSync(path.join(BRAT_DIR, "000-introduction.txt"), "utf8"));
    expect(parsed.unsupported.filter((u) => u.kind === "event").map((u) => u.id)).toEqual(["E1"]);
    expect(parsed.unsupported.filter((u) => u.kind === "relation").map((u) => u.id).sort()).toEqual(["R1", "R2"]);
    // A5 is an attribute of the event E1.
    expect(parsed.unsupported.filter((u) => u.kind === "attribute").map((u) => u.id)).toEqual(["A5"]);
    expect(parsed.attributes.map((a) => a.id)).toEqual(["A1", "A2", "A3", "A4"]);
    expect(parsed.normalizations).toEqual([{ id: "N1", type: "Reference", target: "T5", ref: "Wikipedia:64488", text: "Carlos Salinas de Gortari" }]);
    expect(parsed.notes).toEqual([{ id: "#1", type: "AnnotatorNotes", target: "T2", text: "100000000 USD" }]);
    const rel = parseAnn(readFileSync(path.join(BRAT_DIR, "060-relation_annotation.ann"), "utf8"));
    expect(rel.unsupported).toContainEqual({ id: null, kind: "equivalence", line: 6 });
    const notes = parseAnn(readFileSync(path.join(BRAT_DIR, "110-note_annotation.ann"), "utf8"));
    expect(notes.unsupported.filter((u) => u.kind === "note").map((u) => u.id).sort()).toEqual(["#2", "#3"]);
  });

  it("imports the sample's types by name and keeps foreign notes", () => {
    const txt = readFileSync(path.join(BRAT_DIR, "000-introduction.txt"), "utf8");
    const parsed = parseAnn(readFileSync(path.join(BRAT_DIR, "000-introduction.ann"), "utf8"), txt);
    const { claims, issues } = bratToClaims(parsed, txt, TYPES);
    expect(claims.every((c) => c.typeKey === null)).toBe(true);
    expect(issues.filter((i) => i.message.includes("is not a claim type")).length).toBe(claims.length);
    const money = claims.find((c) => c.bratId === "T2")!;
    expect(money.spans).toEqual([{ start: 456, end: 468, exact: "$100 million" }]);
    expect(money.note).toBe("100000000 USD");
  });
});

describe("offsets in code points", () => {
  const text = "👨🏻‍🚒 firemen drive firetrucks";

  it("reads brat offsets as code points (Python str), not UTF-16 units", () => {
    const ok = parseAnn("T1\tVehicle 19 29\tfiretrucks\n", text);
    expect(ok.issues).toEqual([]);
    const utf16 = parseAnn("T1\tVehicle 22 32\tfiretrucks\n", text);
    expect(utf16.issues).toHaveLength(1);
    expect(utf16.issues[0].message).toContain("not within the text");
  });

  it("writes code-point offsets and the covered text for claims after an emoji", () => {
    const doc: ExportDocument = { id: "d1", name: "fire", title: "Fire", text };
    const ann = claimsToAnn(doc, [claim({ id: "c1", spans: [span(text, 19, 29)] })], TYPES);
    expect(ann).toBe("T1\tattack 19 29\tfiretrucks\n");
    const other = "Hello 😊, my name is John.";
    expect(claimsToAnn({ ...doc, text: other }, [claim({ id: "c1", spans: [span(other, 20, 24)] })], TYPES)).toBe("T1\tattack 20 24\tJohn\n");
  });
});

describe("discontinuous spans", () => {
  const text = "North and South America";

  it("reads the spec's example with fragments joined by ';' and texts by a space", () => {
    const parsed = parseAnn("T1\tLocation 0 5;16 23\tNorth America\n", text);
    expect(parsed.issues).toEqual([]);
    expect(parsed.entities[0].fragments).toEqual([{ start: 0, end: 5 }, { start: 16, end: 23 }]);
    expect(writeAnn(parsed)).toBe("T1\tLocation 0 5;16 23\tNorth America\n");
  });

  it("exports a claim with two spans as one T line", () => {
    const doc: ExportDocument = { id: "d1", name: "x", title: "x", text };
    expect(claimsToAnn(doc, [claim({ id: "c1", spans: [span(text, 0, 5), span(text, 16, 23)] })], TYPES)).toBe("T1\tattack 0 5;16 23\tNorth America\n");
  });
});

describe("parse problems are reported by line, never fatal", () => {
  const text = "North and South America";

  it("reports a covered text that differs from the .txt", () => {
    const p = parseAnn("T1\tLocation 0 5\tSouth\n", text);
    expect(p.issues).toEqual([{ line: 1, id: "T1", message: 'T1: the text at 0 5 is "North", not "South"' }]);
    expect(p.entities).toHaveLength(1);
  });

  it("reports malformed and unknown lines and keeps the rest", () => {
    const p = parseAnn("T1\tLocation 0 5\tNorth\nX1\twhat\nT2\tLocation five\tx\nA1\tNeg\nT3\tLocation 6 3\tx\nA2\tNeg T9\n\n", text);
    expect(p.entities.map((e) => e.id)).toEqual(["T1"]);
    expect(p.issues.map((i) => i.line)).toEqual([2, 3, 4, 5, 6]);
    expect(p.issues[0].message).toContain("unknown annotation line");
    expect(p.issues[4].message).toContain("T9 is not in the file");
  });

  it("accepts CRLF line ends in the .ann and a CR inside the text", () => {
    const p = parseAnn("T1\tLocation 0 5\tNorth\r\nA1\tBig T1\r\n", "North\r\nx");
    expect(p.issues).toEqual([]);
    expect(p.attributes).toEqual([{ id: "A1", name: "Big", target: "T1", value: null }]);
  });

  it("reads a fragment across a line break with a space in its covered text", () => {
    const p = parseAnn("T1\tPlace 0 7\tab c de\n", "ab\nc de");
    expect(p.issues).toEqual([]);
  });
});

describe("claims to brat and back", () => {
  const text = "On 12 May 2022, a suicide bomber killed 24 people near Kabul; the Taliban denied it.\nMore text.";
  const doc: ExportDocument = { id: "d1", name: "kabul", title: "Kabul", text };
  const claims: ExportClaim[] = [
    claim({
      id: "c1", spans: [span(text, 18, 42), span(text, 3, 14)], note: "check: \"who\"\tsaid it\nsecond line",
      values: {
        date: { raw: "12 May 2022", start: "2022-05-12", end: "2022-05-12", precision: "day" },
        location: { raw: "Kabul", country: "AFG", precision: 1 },
        perpetrators: [{ raw: "Taliban" }, { raw: "IS-KP", actorId: "a1" }],
        target_type: "civilians",
        attack_type: ["suicide_bombing", "bombing_ied"],
        fatalities: { raw: "24", low: 24, best: 24, high: 24, qualifier: "exact", hedged: false },
        claimed_by_group: "no",
        weapon: "a vest: explosives, nails",
        attribution: { raw: "police", sourceType: "government", stance: "reported" },
      },
    }),
    claim({ id: "c2", typeKey: "size_estimate", spans: [span(text, 62, 69)], values: { component: "fighters" } }),
    claim({ id: "c3", documentId: "other", spans: [span(text, 0, 2)] }),
  ];

  it("writes attributes for single enums and booleans and notes for the rest", () => {
    const { txt, ann } = documentToBrat(doc, claims, TYPES);
    expect(txt).toBe(text);
    const lines = ann.trimEnd().split("\n");
    expect(lines[0]).toBe("T1\tattack 18 42;3 14\tsuicide bomber killed 24 12 May 2022");
    expect(lines).toContain("A1\ttarget_type T1 civilians");
    expect(lines).toContain("A2\tclaimed_by_group T1 no");
    expect(lines).toContain('#4\tAnnotatorNotes T1\tattack_type: ["suicide_bombing","bombing_ied"]');
    expect(lines).toContain('#5\tAnnotatorNotes T1\tweapon: "a vest: explosives, nails"');
    expect(lines).toContain('#8\tAnnotatorNotes T1\tNote: "check: \\"who\\"\\tsaid it\\nsecond line"');
    expect(lines.filter((l) => l.startsWith("T"))).toHaveLength(2);
    // One line per annotation: nothing in a value can break the file.
    expect(lines.every((l) => /^[TA#]\d+\t/.test(l))).toBe(true);
  });

  it("imports our own export back to the same types, spans, values and notes", () => {
    const { txt, ann } = documentToBrat(doc, claims, TYPES);
    const parsed = parseAnn(ann, txt);
    expect(parsed.issues).toEqual([]);
    const { claims: back, issues } = bratToClaims(parsed, txt, TYPES);
    expect(issues).toEqual([]);
    const mine = claims.filter((c) => c.documentId === "d1");
    expect(back.map((c) => ({ typeKey: c.typeKey, spans: c.spans, values: c.values, note: c.note }))).toEqual(
      mine.map((c) => ({ typeKey: c.typeKey, spans: c.spans.map(({ start, end, exact }) => ({ start, end, exact })), values: c.values, note: c.note })),
    );
  });

  it("matches types by key or by name, ignoring case, spaces, - and _", () => {
    const p = parseAnn("T1\tSize-Estimate 0 2\tOn\nT2\tATTACK 3 5\t12\nT3\tsize_Estimate 0 2\tOn\n", text);
    expect(bratToClaims(p, text, TYPES).claims.map((c) => c.typeKey)).toEqual(["size_estimate", "attack", "size_estimate"]);
  });

  it("keeps values it cannot read in the note and reports them", () => {
    const p = parseAnn("T1\tattack 0 2\tOn\nA1\ttarget_type T1 spaceships\nA2\tclaimed_by_group T1\n#1\tAnnotatorNotes T1\tweapon: not json\n", text);
    const { claims: back, issues } = bratToClaims(p, text, TYPES);
    expect(back[0].values).toEqual({ claimed_by_group: "yes" });
    expect(back[0].note).toBe("target_type: spaceships\nweapon: not json");
    expect(issues.map((i) => i.id)).toEqual(["A1"]);
  });
});

describe("annotation.conf", () => {
  it("lists the types, the attribute fields with Arg and Value, and empty relations and events", () => {
    const conf = annotationConf(TYPES);
    const sections = conf.split("\n").filter((l) => l.startsWith("["));
    expect(sections).toEqual(["[entities]", "[relations]", "[events]", "[attributes]"]);
    const entities = conf.split("[relations]")[0].split("\n").filter((l) => l && !l.startsWith("["));
    expect(entities).toEqual(["attack", "size_estimate"]);
    expect(conf).toContain("target_type\tArg:attack, Value:military|police|government|civilians|religious|minority|foreigners|infrastructure|other\n");
    expect(conf).toContain("claimed_by_group\tArg:attack, Value:yes|no|unknown\n");
    // Multi-choice enums are notes, not attributes.
    expect(conf).not.toContain("attack_type");
    const between = (a: string, b: string) => conf.slice(conf.indexOf(a) + a.length, conf.indexOf(b)).trim();
    expect(between("[relations]", "[events]")).toBe("");
    expect(between("[events]", "[attributes]")).toBe("");
  });

  it("joins a field shared by several types into one attribute", () => {
    const conf = annotationConf([...TYPES, { id: "ct3", version: 1, definition: { ...ATTACK, key: "raid", name: "Raid" } }]);
    expect(conf).toContain("claimed_by_group\tArg:attack|raid, Value:yes|no|unknown\n");
  });
});
