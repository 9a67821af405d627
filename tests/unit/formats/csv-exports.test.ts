import { describe, expect, it } from "vitest";
import { ATTACK, SIZE_ESTIMATE } from "@/lib/core/claim-types/defaults";
import { CLAIM_COLUMNS, claimsCsv } from "@/lib/core/formats/claims-csv";
import { RECORD_COLUMNS, recordsCsv } from "@/lib/core/formats/records-csv";
import type { ExportClaim, ExportClaimType, ExportRecord } from "@/lib/core/formats/types";
import { readCsv } from "../../support/csv";

async function collect(gen: AsyncGenerator<string>): Promise<{ text: string; chunks: number }> {
  let text = "";
  let chunks = 0;
  for await (const c of gen) {
    text += c;
    chunks++;
  }
  return { text, chunks };
}

const TYPES: ExportClaimType[] = [{ id: "ct1", definition: ATTACK, version: 1 }, { id: "ct2", definition: SIZE_ESTIMATE, version: 1 }];
// Every cell here must come back from a standard CSV parser exactly as written (after the neutralizing quote).
const HOSTILE = [
  '=HYPERLINK("http://evil.example","x")', "+1+2", "-2+3", "@SUM(A1)", "\tindent", "\rcarriage", "\r\nleading break",
  'say "hi", then\nleave', "two\r\nlines, and a \"quote\"", "👨🏻‍🚒 firemen", "q\u0307 and e\u0301 (combining marks)",
  "قُتل ٢٤ شخصاً، حسب المسؤولين", '"', ",", "",
];
const neutralized = (h: string) => (/^[=+\-@\t\r]/.test(h) ? `'${h}` : h);

function record(over: Partial<ExportRecord> = {}): ExportRecord {
  return {
    id: "r1", typeKey: "attack", seq: 1, status: "confirmed", dateStart: "2022-05-12", dateEnd: "2022-05-12", country: "AFG",
    numberOfSources: 2, sources: [["d1", "d2"], ["d3"]], claimIds: ["c1", "c2"], conflicts: [], notes: "",
    fields: {
      date: { value: { start: "2022-05-12", end: "2022-05-12", precision: "day" }, rule: "intersection", supportingClaims: ["c1", "c2"], alternatives: [] },
      location: { value: { raw: "Kabul", country: "AFG", precision: 1 }, rule: "majority", supportingClaims: ["c1"], alternatives: [] },
      perpetrators: { value: [{ raw: "Taliban" }, { raw: "IS-KP" }], rule: "majority", supportingClaims: ["c1"], alternatives: [] },
      fatalities: { value: { low: 20, best: 24, high: 30 }, rule: "conservative_minimum", supportingClaims: ["c1", "c2"], alternatives: [] },
      attack_type: { value: ["suicide_bombing", "bombing_ied"], rule: "majority", supportingClaims: ["c1"], alternatives: [] },
      claimed_by_group: { value: "no", rule: "majority", supportingClaims: ["c1"], alternatives: [] },
      weapon: { value: null, rule: "majority", supportingClaims: [], alternatives: [] },
    },
    ...over,
  };
}

describe("records CSV", () => {
  it("writes the event-data columns, then the types' fields, one row per record, CRLF", async () => {
    const { text, chunks } = await collect(recordsCsv(TYPES, [record(), record({ id: "r2", typeKey: "size_estimate", fields: {}, sources: [], numberOfSources: 0 })]));
    expect(chunks).toBe(3);
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = readCsv(text);
    const header = rows[0];
    expect(header.slice(0, RECORD_COLUMNS.length)).toEqual([
      "id", "type", "date_start", "date_end", "date_precision", "country", "location", "where_precision", "actors",
      "low", "best", "high", "number_of_sources", "source_documents", "notes",
    ]);
    expect(header.slice(RECORD_COLUMNS.length, RECORD_COLUMNS.length + 3)).toEqual(["date", "field_location", "perpetrators"]);
    // Shared keys (date, attribution) are one column; size estimate's own keys follow attack's.
    expect(header.filter((h) => h === "date")).toHaveLength(1);
    expect(header).toContain("component");
    const row = Object.fromEntries(header.map((h, i) => [h, rows[1][i]]));
    expect(row).toMatchObject({
      id: "r1", type: "attack", date_start: "2022-05-12", date_end: "2022-05-12", date_precision: "day", country: "AFG",
      location: "Kabul", where_precision: "1", actors: "Taliban; IS-KP", low: "20", best: "24", high: "30",
      number_of_sources: "2", source_documents: "d1 d2; d3", notes: "", perpetrators: "Taliban; IS-KP",
      fatalities: "20–30 (best 24)", attack_type: "suicide_bombing; bombing_ied", claimed_by_group: "no", weapon: "", date: "2022-05-12",
      field_location: "Kabul (AFG)",
    });
    expect(rows[2][0]).toBe("r2");
    expect(rows.every((r) => r.length === header.length)).toBe(true);
  });

  it("lists open conflicts in the notes, not resolved ones", async () => {
    const conflicts = [
      { field: "fatalities", kind: "figure_mismatch", message: "24 against 40", status: "open", sides: [] },
      { field: "date", kind: "date_mismatch", message: "settled", status: "resolved", sides: [] },
    ];
    const rows = readCsv((await collect(recordsCsv(TYPES, [record({ conflicts, notes: "checked twice" })]))).text);
    expect(rows[1][RECORD_COLUMNS.indexOf("notes")]).toBe("checked twice; conflict (fatalities): 24 against 40");
  });

  it("neutralizes formula cells and quotes commas, quotes, newlines; emoji survive", async () => {
    const records = HOSTILE.map((h, i) => record({ id: `r${i}`, notes: h, fields: { ...record().fields, weapon: { value: h, rule: "majority", supportingClaims: [], alternatives: [] } } }));
    const rows = readCsv((await collect(recordsCsv(TYPES, records))).text);
    const weapon = rows[0].indexOf("weapon");
    const notes = rows[0].indexOf("notes");
    rows.slice(1).forEach((r, i) => {
      const expected = neutralized(HOSTILE[i]);
      expect(r[weapon]).toBe(expected);
      expect(r[notes]).toBe(expected);
    });
    // Negative numbers stay numbers: only text is neutralized.
    const neg = readCsv((await collect(recordsCsv(TYPES, [record({ fields: { fatalities: { value: { low: -1, best: -1, high: -1 }, rule: "conservative_minimum", supportingClaims: [], alternatives: [] } } })]))).text);
    expect(neg[1][RECORD_COLUMNS.indexOf("low")]).toBe("-1");
  });

  it("streams from an async source without reading ahead", async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 3; i++) {
        pulled++;
        yield record({ id: `r${i}` });
      }
    }
    const gen = recordsCsv(TYPES, source());
    await gen.next(); // header
    expect(pulled).toBe(0);
    await gen.next();
    expect(pulled).toBe(1);
  });
});

function claim(over: Partial<ExportClaim> = {}): ExportClaim {
  return {
    id: "c1", documentId: "d1", typeKey: "attack", typeVersion: 1, seq: 1, status: "approved", author: "ann@example.org",
    values: { target_type: "civilians", fatalities: { raw: "24", low: 24, best: 24, high: 24, qualifier: "exact", hedged: false } },
    note: "", version: 1, createdAt: "2024-01-01T00:00:00.000Z", updatedAt: "2024-01-01T00:00:00.000Z",
    spans: [{ start: 19, end: 29, exact: "firetrucks", prefix: "👨🏻‍🚒 firemen drive ", suffix: "" }],
    ...over,
  };
}

describe("claims CSV", () => {
  it("writes one row per claim with quote and code-point offsets, then the fields", async () => {
    const rows = readCsv((await collect(claimsCsv(TYPES, [claim()]))).text);
    expect(rows[0].slice(0, CLAIM_COLUMNS.length)).toEqual(["id", "document", "type", "status", "author", "quote", "start", "end", "prefix", "suffix", "spans"]);
    const row = Object.fromEntries(rows[0].map((h, i) => [h, rows[1][i]]));
    expect(row).toMatchObject({
      id: "c1", document: "d1", type: "attack", status: "approved", author: "ann@example.org", quote: "firetrucks",
      start: "19", end: "29", prefix: "👨🏻‍🚒 firemen drive ", suffix: "", spans: "19-29", target_type: "civilians", fatalities: "24", component: "",
    });
  });

  it("joins the quotes of discontinuous spans and lists every span", async () => {
    const spans = [
      { start: 0, end: 5, exact: "North", prefix: "", suffix: " and South" },
      { start: 16, end: 23, exact: "America", prefix: "and South ", suffix: "" },
    ];
    const rows = readCsv((await collect(claimsCsv(TYPES, [claim({ spans })]))).text);
    expect(rows[1].slice(5, 11)).toEqual(["North … America", "0", "23", "", "", "0-5;16-23"]);
  });

  it("neutralizes hostile quotes, notes and authors", async () => {
    const claims = HOSTILE.map((h, i) => claim({ id: `c${i}`, author: h, spans: [{ start: 0, end: 1, exact: h, prefix: h, suffix: h }] }));
    const rows = readCsv((await collect(claimsCsv(TYPES, claims))).text);
    rows.slice(1).forEach((r, i) => {
      const expected = neutralized(HOSTILE[i]);
      expect([r[4], r[5], r[8], r[9]]).toEqual([expected, expected, expected, expected]);
    });
  });
});

describe("the strict read-back (csv-parse)", () => {
  it("refuses what RFC 4180 does not allow, and a byte order mark", () => {
    expect(() => readCsv('a,b"c\r\n')).toThrow(/Opening Quote/);
    expect(() => readCsv('"a"b,c\r\n')).toThrow(/Closing Quote/);
    expect(() => readCsv("a,b\n")).toThrow();
    expect(() => readCsv("a\nb,c\r\n")).toThrow(/outside quotes/);
    expect(() => readCsv('"a\r\n')).toThrow(/Not Closed/);
    expect(() => readCsv("a,b")).toThrow(/CRLF/);
    expect(() => readCsv("a,b\r\nc\r\n")).toThrow(/Record Length/);
    expect(() => readCsv("\uFEFFa,b\r\n")).toThrow(/byte order mark/);
    expect(() => readCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]))).toThrow(/byte order mark/);
    expect(() => readCsv(new Uint8Array([0x61, 0xff, 0x0d, 0x0a]))).toThrow();
  });

  it("reads quoted quotes, commas and line breaks, from text or bytes", () => {
    expect(readCsv('"a""b","c\r\nd",\r\n')).toEqual([['a"b', "c\r\nd", ""]]);
    expect(readCsv(new TextEncoder().encode('"é,🙂",x\r\n'))).toEqual([["é,🙂", "x"]]);
  });
});
