/**
 * The Data Package descriptor and the CSVs the export writes beside it, checked with the
 * Frictionless Data validator (tests/support/datapackage.ts): the descriptor is a valid tabular
 * data package, every row casts to its table schema (integers, numbers, dates, required primary
 * keys, unique ids, claims pointing at listed sources), and the validator does refuse a package
 * that breaks those rules, so a pass means something.
 */
import { describe, expect, it } from "vitest";
import { ATTACK, SIZE_ESTIMATE } from "@/lib/core/claim-types/defaults";
import { ClaimTypeDefinitionSchema, type ClaimTypeDefinition } from "@/lib/core/claim-types";
import { claimsCsv } from "@/lib/core/formats/claims-csv";
import { recordsCsv } from "@/lib/core/formats/records-csv";
import type { ExportClaim, ExportClaimType, ExportRecord } from "@/lib/core/formats/types";
import { csvRow } from "@/lib/core/csv";
import { DATAPACKAGE_PATHS, SOURCE_COLUMNS, datapackageDescriptor, licencePlaceholder, packageName } from "@/lib/exports/datapackage";
import { validateDataPackage } from "../../support/datapackage";
import { readCsv } from "../../support/csv";

// A type with a plain number field and a yes/no field besides the defaults, so number columns are typed.
const CASUALTY: ClaimTypeDefinition = ClaimTypeDefinitionSchema.parse({
  key: "casualty_count",
  name: "Casualty count",
  description: "A count of people hurt, as one number.",
  color: "#aa3377",
  fields: [
    { key: "hurt", label: "People hurt", kind: "number", required: true, help: "A plain count." },
    { key: "confirmed", label: "Confirmed", kind: "boolean", required: false },
  ],
});
const TYPES: ExportClaimType[] = [
  { id: "t1", definition: ATTACK, version: 3 },
  { id: "t2", definition: SIZE_ESTIMATE, version: 1 },
  { id: "t3", definition: CASUALTY, version: 1 },
];

const HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+1", "-2", "@SUM(A1)", "\tx", "\rx", 'a "b", c\r\nd', "👨🏻‍🚒", "q\u0307", "العربية"];

const record = (id: string, over: Partial<ExportRecord> = {}): ExportRecord => ({
  id, typeKey: "attack", seq: 1, status: "confirmed", dateStart: "2022-05-12", dateEnd: "2022-05-14", country: "AFG",
  numberOfSources: 2, sources: [["d1", "d2"], ["d3"]], claimIds: ["c1"], conflicts: [], notes: HOSTILE.join(" | "),
  fields: {
    date: { value: { raw: "12 May 2022", start: "2022-05-12", end: "2022-05-14", precision: "day" }, rule: "intersection", supportingClaims: ["c1"], alternatives: [] },
    location: { value: { raw: "Kabul, =A1", country: "AFG", precision: 2 }, rule: "majority", supportingClaims: ["c1"], alternatives: [] },
    fatalities: { value: { low: -1.5, best: 24, high: 1e21 }, rule: "conservative_minimum", supportingClaims: ["c1"], alternatives: [] },
  },
  ...over,
});

const claim = (id: string, documentId: string, over: Partial<ExportClaim> = {}): ExportClaim => ({
  id, documentId, typeKey: "casualty_count", typeVersion: 1, seq: 1, status: "approved", author: "=cmd|' /C calc'!A0",
  values: { hurt: 180, confirmed: "yes" }, note: "", version: 1, createdAt: "2024-01-01T00:00:00.000Z", updatedAt: "2024-01-01T00:00:00.000Z",
  spans: [{ start: 3, end: 9, exact: HOSTILE[6], prefix: HOSTILE[0], suffix: HOSTILE[9] }],
  ...over,
});

async function text(gen: AsyncGenerator<string>): Promise<string> {
  let out = "";
  for await (const c of gen) out += c;
  return out;
}

async function files(opts: { label?: string; records?: ExportRecord[]; claims?: ExportClaim[]; sources?: string[] } = {}) {
  const label = opts.label ?? "Kabul events (export 2024-01-02)";
  const descriptor = datapackageDescriptor({ label, created: new Date("2024-01-02T03:04:05.000Z"), types: TYPES, description: "A test export." });
  const sources = (opts.sources ?? ["d1", "d2", "d3"]).map((id, i) =>
    csvRow([id, `report-${i}`, i === 0 ? "=Title, with \"quotes\"" : `Report ${i}`, i === 0 ? "2022" : "2022-05-13", i === 0 ? null : "https://example.org/r", 1200 + i]));
  return {
    "datapackage.json": `${JSON.stringify(descriptor, null, 2)}\n`,
    [DATAPACKAGE_PATHS.records]: await text(recordsCsv(TYPES, opts.records ?? [record("r1"), record("r2", { typeKey: "casualty_count", dateStart: null, dateEnd: null, country: null, fields: { hurt: { value: 7, rule: "majority", supportingClaims: [], alternatives: [] } } })])),
    [DATAPACKAGE_PATHS.claims]: await text(claimsCsv(TYPES, opts.claims ?? [claim("c1", "d1"), claim("c2", "d3", { values: { hurt: 0 } })])),
    [DATAPACKAGE_PATHS.sources]: csvRow([...SOURCE_COLUMNS]) + sources.join(""),
    [DATAPACKAGE_PATHS.licence]: licencePlaceholder(label),
  };
}

describe("the Data Package export under the Frictionless validator", () => {
  it("is a valid tabular data package whose rows cast to their schemas", async () => {
    const f = await files();
    const { errors, rows } = await validateDataPackage(f);
    expect(errors).toEqual([]);
    expect(Object.keys(rows)).toEqual(["records", "claims", "sources"]);
    // Cells came back as the schema's types, and text cells exactly as a CSV parser reads them.
    const recordHeader = readCsv(f[DATAPACKAGE_PATHS.records])[0];
    const r1 = Object.fromEntries(recordHeader.map((h, i) => [h, rows.records[0][i]]));
    expect(r1).toMatchObject({ id: "r1", low: -1.5, best: 24, high: 1e21, number_of_sources: 2, where_precision: 2, notes: `'${HOSTILE.join(" | ")}` });
    expect(r1.date_start).toBeInstanceOf(Date);
    expect((r1.date_start as Date).toISOString()).toBe("2022-05-12T00:00:00.000Z");
    const r2 = Object.fromEntries(recordHeader.map((h, i) => [h, rows.records[1][i]]));
    expect(r2).toMatchObject({ id: "r2", date_start: null, country: null, hurt: 7 });
    const claimHeader = readCsv(f[DATAPACKAGE_PATHS.claims])[0];
    const c1 = Object.fromEntries(claimHeader.map((h, i) => [h, rows.claims[0][i]]));
    // The foreign key resolved: the claim's document is the sources row it names.
    expect(c1).toMatchObject({ id: "c1", document: { id: "d1", name: "report-0" }, start: 3, end: 9, hurt: 180, confirmed: "yes", quote: HOSTILE[6], prefix: `'${HOSTILE[0]}`, suffix: HOSTILE[9] });
    expect(rows.sources.map((r) => r[5])).toEqual([1200, 1201, 1202]);
  });

  it("names every field of every CSV in order, with a type the schema knows", async () => {
    const f = await files();
    const descriptor = JSON.parse(f["datapackage.json"]) as { resources: { path: string; schema: { fields: { name: string; type: string }[] } }[] };
    for (const r of descriptor.resources) expect(r.schema.fields.map((x) => x.name)).toEqual(readCsv(f[r.path as keyof typeof f])[0]);
    const claims = descriptor.resources.find((r) => r.path === DATAPACKAGE_PATHS.claims)!;
    expect(claims.schema.fields.find((x) => x.name === "hurt")?.type).toBe("number");
    expect(claims.schema.fields.find((x) => x.name === "confirmed")?.type).toBe("string");
  });

  it("stays valid for a label that is not a package name, and with no rows", async () => {
    expect(packageName("Ünïcode: Ärger / 2024")).toBe("unicode-arger-2024");
    expect(packageName("🙂")).toBe("attest-export");
    const { errors } = await validateDataPackage(await files({ label: "🙂 Ärger / Kabul", records: [], claims: [], sources: [] }));
    expect(errors).toEqual([]);
  });

  describe("the validator refuses", () => {
    it("a descriptor that breaks the profile", async () => {
      const f = await files();
      const descriptor = JSON.parse(f["datapackage.json"]);
      descriptor.name = "Not A Name";
      descriptor.resources[0].schema.fields[0].type = "text";
      const { errors } = await validateDataPackage({ ...f, "datapackage.json": JSON.stringify(descriptor) });
      expect(errors.some((e) => e.startsWith("descriptor") && /name|pattern/i.test(e))).toBe(true);
      expect(errors.some((e) => /type|enum|anyOf|oneOf/i.test(e))).toBe(true);
    });

    it("a cell that is not its field's type, a repeated id, and a claim of an unlisted document", async () => {
      const f = await files({ claims: [claim("c1", "d1"), claim("c1", "d2"), claim("c3", "nowhere")] });
      const badRecords = f[DATAPACKAGE_PATHS.records].replace("2022-05-12", "12/05/2022");
      const { errors } = await validateDataPackage({ ...f, [DATAPACKAGE_PATHS.records]: badRecords });
      expect(errors.some((e) => e.includes("resource records") && e.includes('"date_start"'))).toBe(true);
      expect(errors.some((e) => e.includes("resource claims") && /unique/i.test(e))).toBe(true);
      expect(errors.some((e) => e.includes("resource claims") && /foreign key/i.test(e))).toBe(true);
    });

    it("an empty cell in a required column and a status that is not a claim state", async () => {
      const f = await files({ records: [record("")], claims: [claim("c1", "d1", { status: "published" })] });
      const { errors } = await validateDataPackage(f);
      expect(errors.some((e) => e.includes("resource records") && /"id"/.test(e) && /required/i.test(e))).toBe(true);
      expect(errors.some((e) => e.includes("resource claims") && /"status"/.test(e) && /enum/i.test(e))).toBe(true);
    });

    it("a CSV whose header does not match the schema", async () => {
      const f = await files();
      const { errors } = await validateDataPackage({ ...f, [DATAPACKAGE_PATHS.sources]: f[DATAPACKAGE_PATHS.sources].replace("characters", "length") });
      expect(errors.some((e) => e.includes("resource sources") && /header/i.test(e))).toBe(true);
    });
  });
});
