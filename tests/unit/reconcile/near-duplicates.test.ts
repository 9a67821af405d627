import { describe, expect, it } from "vitest";
import { findNearDuplicates, independentSources } from "@/lib/core/reconcile";

const PARAGRAPH =
  "A suicide bomber detonated explosives at the Abbey Gate of Hamid Karzai International Airport on 26 August 2021, " +
  "while crowds waited to be evacuated. Gunmen then opened fire on the crowd. Health officials said at least 170 " +
  "civilians were killed, and the United States said thirteen of its service members died in the attack.";
// The same paragraph lightly edited by a second outlet: two words changed, one dropped, one clause added.
const EDITED =
  "A suicide bomber detonated explosives at the Abbey Gate of Hamid Karzai International Airport on 26 August 2021, " +
  "while families waited to be evacuated. Gunmen then opened fire on the crowd. Health officials said at least 170 " +
  "people were killed, and the United States said thirteen of its service members died in the bombing.";
const UNRELATED =
  "The provincial council approved a new budget for road repairs on Tuesday. Farmers in the valley expect a good " +
  "harvest this year after heavy spring rains, and the market in the district centre reopened after renovation.";
const cp = (s: string) => [...s].length;

describe("findNearDuplicates", () => {
  it("finds a copied paragraph with small edits, with ranges in code points of each text", () => {
    const preludeA = "Kabul, 27 August. ";
    const preludeB = "Reprinted from a wire report — 😀 ‹news› — ";
    const a = { id: "A", text: `${preludeA}${PARAGRAPH} ${UNRELATED}` };
    const b = { id: "B", text: `${preludeB}${EDITED}` };
    const found = findNearDuplicates([a, b]);
    expect(found).toHaveLength(1);
    const [p] = found;
    expect(p).toMatchObject({ docA: "A", docB: "B", a: { start: cp(preludeA) }, b: { start: cp(preludeB) } });
    // The passage ends with the last shared words ("died in the" / "the attack" differs at the very end).
    expect([...a.text].slice(p.a.start, p.a.end).join("")).toMatch(/^A suicide bomber .* died in the$/);
    expect([...b.text].slice(p.b.start, p.b.end).join("")).toMatch(/^A suicide bomber .* died in the$/);
    expect(p.similarity).toBeGreaterThan(0.3);
    expect(p.similarity).toBeLessThan(1);
  });

  it("gives similarity 1 for an exact copy", () => {
    const [p] = findNearDuplicates([{ id: "A", text: PARAGRAPH }, { id: "B", text: `Intro. ${PARAGRAPH}` }]);
    expect(p.similarity).toBe(1);
    expect(p.a).toEqual({ start: 0, end: cp(PARAGRAPH) - 1 }); // the closing full stop is not a word
  });

  it("ignores case, punctuation and spacing differences", () => {
    const shouted = PARAGRAPH.toUpperCase().replace(/,/g, " ;").replace(/ /g, "  ");
    expect(findNearDuplicates([{ id: "A", text: PARAGRAPH }, { id: "B", text: shouted }])[0]?.similarity).toBe(1);
  });

  it("finds nothing between unrelated texts, or within one document", () => {
    expect(findNearDuplicates([{ id: "A", text: PARAGRAPH }, { id: "B", text: UNRELATED }])).toEqual([]);
    expect(findNearDuplicates([{ id: "A", text: `${PARAGRAPH} ${PARAGRAPH}` }])).toEqual([]);
  });

  it("does not take a short stock phrase for a copied passage", () => {
    const a = { id: "A", text: "Officials said the Islamic State Khorasan Province claimed the attack on Friday in a statement." };
    const b = { id: "B", text: "Nobody doubted that the Islamic State Khorasan Province was behind the raid near the border." };
    expect(findNearDuplicates([a, b])).toEqual([]);
  });

  it("finds every copying pair among several documents", () => {
    const docs = [
      { id: "A", text: PARAGRAPH },
      { id: "B", text: EDITED },
      { id: "C", text: UNRELATED },
      { id: "D", text: `${UNRELATED} ${PARAGRAPH}` },
    ];
    const pairs = findNearDuplicates(docs).map((p) => `${p.docA}-${p.docB}`).sort();
    expect(pairs).toEqual(["A-B", "A-D", "B-D", "C-D"]);
  });
});

describe("independentSources", () => {
  const a = { id: "A", text: PARAGRAPH };
  const b = { id: "B", text: `Intro words here. ${EDITED} Later, officials named a second suspect in the case.` };
  const c = { id: "C", text: UNRELATED };
  const dups = findNearDuplicates([a, b, c]);
  const at = (text: string, phrase: string) => {
    const i = [...text].join("").indexOf(phrase);
    return { start: cp(text.slice(0, i)), end: cp(text.slice(0, i)) + cp(phrase) };
  };

  it("counts a reprint whose evidence lies in the copied passage as the same source", () => {
    const claims = [
      { id: "a1", documentId: "A", spans: [at(a.text, "at least 170")] },
      { id: "b1", documentId: "B", spans: [at(b.text, "at least 170")] },
    ];
    expect(independentSources(claims, dups)).toEqual({ count: 1, sources: [["A", "B"]] });
  });

  it("folds a document whose evidence is all copied into the one it shares it with, even if that one says more", () => {
    const claims = [
      { id: "a1", documentId: "A", spans: [at(a.text, "at least 170")] },
      { id: "b1", documentId: "B", spans: [at(b.text, "at least 170")] },
      { id: "b2", documentId: "B", spans: [at(b.text, "a second suspect")] },
    ];
    expect(independentSources(claims, dups)).toEqual({ count: 1, sources: [["A", "B"]] });
  });

  it("counts two documents that share a passage but each have evidence of their own as two", () => {
    const own = { id: "A", text: `${PARAGRAPH} The airport was closed to all flights the following morning.` };
    const shared = findNearDuplicates([own, b]);
    const claims = [
      { id: "a1", documentId: "A", spans: [at(own.text, "at least 170")] },
      { id: "a2", documentId: "A", spans: [at(own.text, "closed to all flights")] },
      { id: "b1", documentId: "B", spans: [at(b.text, "at least 170")] },
      { id: "b2", documentId: "B", spans: [at(b.text, "a second suspect")] },
    ];
    expect(independentSources(claims, shared)).toEqual({ count: 2, sources: [["A"], ["B"]] });
    // A claim straddling the copied passage and the document's own text is original evidence too.
    const straddle = [{ id: "a1", documentId: "A", spans: [at(own.text, "attack. The airport")] }, claims[3]];
    expect(independentSources(straddle, shared).count).toBe(2);
    expect(independentSources([claims[0], claims[3]], shared).count).toBe(1);
  });

  it("counts unrelated documents, claims without spans, and passages shared with non-supporting documents apart", () => {
    const claims = [
      { id: "a1", documentId: "A", spans: [at(a.text, "at least 170")] },
      { id: "c1", documentId: "C", spans: [at(c.text, "road repairs")] },
      { id: "x1", documentId: "X" },
    ];
    expect(independentSources(claims, dups).count).toBe(3);
    expect(independentSources([{ id: "b1", documentId: "B", spans: [at(b.text, "at least 170")] }], dups).count).toBe(1);
  });
});
