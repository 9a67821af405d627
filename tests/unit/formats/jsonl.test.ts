import { describe, expect, it } from "vitest";
import { claimsJsonl, readClaimsJsonl, readRecordsJsonl, recordLine, recordsJsonl } from "@/lib/core/formats/jsonl";
import type { ExportClaim, ExportRecord } from "@/lib/core/formats/types";

async function collect(gen: AsyncGenerator<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const c of gen) out.push(c);
  return out;
}

const TEXT = "👨🏻‍🚒 firemen drive firetrucks";
function claim(over: Partial<ExportClaim> = {}): ExportClaim {
  return {
    id: "c1", documentId: "d1", typeKey: "attack", typeVersion: 2, seq: 3, status: "approved", author: "ann@example.org",
    values: {
      fatalities: { raw: "more than 180", low: 181, best: 181, high: null, qualifier: "more_than", hedged: true, parts: [{ low: 1 }] },
      perpetrators: [{ raw: "IS-KP", actorId: "a1" }], claimed_by_group: "unknown", weapon: "line\nbreak \u2028 and \"quotes\"",
    },
    note: "café (combining: cafe\u0301) مرحبا",
    spans: [
      { start: 19, end: 29, exact: "firetrucks", prefix: "👨🏻‍🚒 firemen drive ", suffix: "" },
      { start: 0, end: 5, exact: [...TEXT].slice(0, 5).join(""), prefix: "", suffix: " firemen" },
    ],
    version: 4, createdAt: "2024-01-01T00:00:00.000Z", updatedAt: "2024-02-01T10:00:00.000Z",
    ...over,
  };
}

function record(): ExportRecord {
  return {
    id: "r1", typeKey: "attack", seq: 7, status: "final", dateStart: "2022-05-01", dateEnd: "2022-05-10", country: null,
    numberOfSources: 2, sources: [["d1"], ["d2"]], claimIds: ["c1", "c2", "missing"], notes: "",
    fields: {
      fatalities: {
        value: { low: 24, best: 24, high: 181 }, rule: "conservative_minimum", supportingClaims: ["c1", "c2"],
        alternatives: [{ value: { raw: "24" }, claimIds: ["c2"] }, { value: { raw: "more than 180" }, claimIds: ["c1"] }],
      },
      date: { value: null, rule: "intersection", supportingClaims: [], alternatives: [], note: "windows disagree" },
    },
    conflicts: [{ field: "fatalities", kind: "figure_mismatch", message: "24 against more than 180", status: "open", sides: [
      { claimIds: ["c2"], documentIds: ["d2"], value: { raw: "24" } }, { claimIds: ["c1"], documentIds: ["d1"], value: { raw: "more than 180" } },
    ] }],
  };
}

describe("claims JSONL", () => {
  it("writes one line per claim and reads back deep-equal data (emoji, combining marks, Arabic, newlines)", async () => {
    const claims = [claim(), claim({ id: "c2", spans: [], values: {}, note: "" })];
    const lines = await collect(claimsJsonl(claims));
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.endsWith("\n") && !l.slice(0, -1).includes("\n"))).toBe(true);
    const back = readClaimsJsonl(lines.join(""));
    expect(back).toEqual({ ok: true, items: claims });
  });

  it("keeps only the stored fields, in one order, so writing what was read gives the same bytes", async () => {
    const extra = { ...claim(), extra: "not stored" } as ExportClaim;
    const [line] = await collect(claimsJsonl([extra]));
    expect(JSON.parse(line)).not.toHaveProperty("extra");
    const read = readClaimsJsonl(line);
    if (!read.ok) throw new Error("unreadable");
    expect((await collect(claimsJsonl(read.items))).join("")).toBe(line);
  });

  it("reports invalid lines by number and reads CRLF files", () => {
    const good = JSON.stringify(claim());
    const { id: _id, ...noId } = claim();
    const text = [good, "{not json", JSON.stringify(noId), "", JSON.stringify({ ...claim(), start: 1 }), JSON.stringify({ ...claim(), seq: -1 })].join("\r\n");
    const r = readClaimsJsonl(`${text}\r\n`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.line)).toEqual([2, 3, 4, 5, 6]);
    expect(r.issues[0].message).toMatch(/^not JSON/);
    expect(r.issues[1].message).toMatch(/^id: /);
    expect(r.issues[2].message).toBe("empty line");
    expect(r.issues[4].message).toMatch(/^seq: /);
    expect(readClaimsJsonl(`${good}\r\n${good}\r\n`)).toMatchObject({ ok: true, items: [claim(), claim()] });
  });

  it("reads an empty file as no claims", () => {
    expect(readClaimsJsonl("")).toEqual({ ok: true, items: [] });
  });
});

describe("records JSONL", () => {
  it("carries fields with rule and alternatives, conflicts, and evidence with code-point offsets", () => {
    const line = recordLine(record(), [claim(), claim({ id: "c2", documentId: "d2", spans: [{ start: 3, end: 5, exact: "ab", prefix: "x", suffix: "y" }] })]);
    expect(line.fields.fatalities.rule).toBe("conservative_minimum");
    expect(line.fields.fatalities.alternatives).toHaveLength(2);
    expect(line.fields.date).toEqual({ value: null, rule: "intersection", supportingClaims: [], alternatives: [], note: "windows disagree" });
    expect(line.conflicts[0].kind).toBe("figure_mismatch");
    // Evidence in the record's claim order; a claim not given is left out.
    expect(line.evidence).toEqual([
      { claimId: "c1", document: "d1", start: 19, end: 29, exact: "firetrucks", prefix: "👨🏻‍🚒 firemen drive ", suffix: "" },
      { claimId: "c1", document: "d1", start: 0, end: 5, exact: [...TEXT].slice(0, 5).join(""), prefix: "", suffix: " firemen" },
      { claimId: "c2", document: "d2", start: 3, end: 5, exact: "ab", prefix: "x", suffix: "y" },
    ]);
    expect(line.evidence[0].exact).toBe([...TEXT].slice(19, 29).join(""));
  });

  it("round-trips: write then read gives the lines deep-equal", async () => {
    const input = [{ record: record(), claims: [claim()] }, { record: { ...record(), id: "r2", conflicts: [], fields: {} }, claims: [] }];
    const lines = await collect(recordsJsonl(input));
    expect(lines).toHaveLength(2);
    expect(readRecordsJsonl(lines.join(""))).toEqual({ ok: true, items: input.map((x) => recordLine(x.record, x.claims)) });
  });

  it("reports a record line that lacks its evidence", () => {
    const { evidence: _e, ...rest } = recordLine(record(), []);
    const r = readRecordsJsonl(`${JSON.stringify(rest)}\n`);
    expect(r).toMatchObject({ ok: false, issues: [{ line: 1 }] });
  });
});
