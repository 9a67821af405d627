import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DateValueSchema, parseDate, type DateReference } from "@/lib/core/values";
import { DATE_CASES, type DateCase } from "./wording/dates";

const CORPUS = path.join(process.cwd(), "prisma/demo/corpus");
type ManifestDoc = { file: string; published: string };
const manifest: { documents: ManifestDoc[] } = JSON.parse(readFileSync(path.join(CORPUS, "manifest.json"), "utf8"));

/** Each sample report's text (NFC, as imported) and publication date. */
const REPORTS = new Map(
  manifest.documents.map((d) => {
    const [year, month, day] = d.published.split("-").map(Number);
    const text = readFileSync(path.join(CORPUS, d.file), "utf8").normalize("NFC");
    return [d.file.slice(0, 3), { text, reference: { year, month, day } as DateReference }];
  }),
);

/** The options the workbench passes for a case: a report's publication date and its text before the wording. */
function optionsFor(c: DateCase): { reference?: DateReference; before?: string } {
  if (c.source === "codebook") return { reference: c.reference, before: c.before };
  const report = REPORTS.get(c.source)!;
  const at = c.at ?? c.raw;
  const i = report.text.indexOf(at);
  return { reference: c.reference ?? report.reference, before: report.text.slice(0, i + at.indexOf(c.raw)) };
}

const label = (c: DateCase) => `${c.source} ${JSON.stringify(c.raw)}${c.at ? ` (at ${JSON.stringify(c.at.slice(0, 40))})` : ""}`;

describe("date wording table", () => {
  it("has at least 130 cases, from every sample report and the codebook", () => {
    expect(DATE_CASES.length).toBeGreaterThanOrEqual(130);
    expect(new Set(DATE_CASES.map((c) => c.source))).toEqual(new Set(["000", "001", "002", "003", "004", "codebook"]));
  });

  it.each(DATE_CASES.filter((c) => c.source !== "codebook").map((c) => [label(c), c] as const))(
    "%s is verbatim in its report",
    (_l, c) => {
      const text = REPORTS.get(c.source)!.text;
      expect(text.includes(c.raw)).toBe(true);
      if (c.at) {
        expect(c.at.includes(c.raw)).toBe(true);
        expect(text.includes(c.at)).toBe(true);
      }
    },
  );

  it.each(DATE_CASES.map((c) => [label(c), c] as const))("%s", (_l, c) => {
    const r = parseDate(c.raw, optionsFor(c));
    if ("error" in c.expect) {
      expect(r.ok ? `read as ${r.value.start}..${r.value.end}` : r.error).toMatch(c.expect.error);
      expect(r.ok).toBe(false);
      return;
    }
    if (!r.ok) throw new Error(`expected ${c.expect.start}..${c.expect.end}, got the error: ${r.error}`);
    expect({ start: r.value.start, end: r.value.end, precision: r.value.precision }).toEqual(c.expect);
    expect(DateValueSchema.safeParse(r.value).success).toBe(true);
    expect(r.value.raw).toBe(c.raw);
    expect(r.explanation.length).toBeGreaterThan(0);
    expect(r.warning !== undefined).toBe(c.warns === true);
  });
});
