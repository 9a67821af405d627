import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseQuantity, QuantitySchema, type Quantity } from "@/lib/core/values";
import { QUANTITY_CASES, type QuantityCase } from "./wording/quantities";

const CORPUS = path.join(process.cwd(), "prisma/demo/corpus");

/** The sample report whose file name starts with `prefix`, as NFC text. */
function report(prefix: string): string {
  const name = readdirSync(CORPUS).find((f) => f.startsWith(`${prefix}_`) && f.endsWith(".txt"));
  if (!name) throw new Error(`no sample report ${prefix}`);
  return readFileSync(path.join(CORPUS, name), "utf8").normalize("NFC");
}

/** Every field the table states, in the table's shape: `raw` of the value and its parts left out. */
function comparable(v: Quantity) {
  const { raw: _raw, manual: _manual, parts, ...rest } = v;
  return parts ? { ...rest, parts: parts.map(({ raw: _r, ...p }) => p) } : rest;
}

const label = (c: QuantityCase) => `${c.source}: ${JSON.stringify(c.raw)}`;

describe("quantity wording table", () => {
  it("has at least 180 cases, most of them from the sample reports", () => {
    expect(QUANTITY_CASES.length).toBeGreaterThanOrEqual(180);
    expect(QUANTITY_CASES.filter((c) => c.source !== "codebook").length).toBeGreaterThanOrEqual(120);
  });

  it("has no duplicate case", () => {
    const keys = QUANTITY_CASES.map((c) => `${c.source}\u0000${c.raw}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  const samples = QUANTITY_CASES.filter((c) => c.source !== "codebook");
  it.each(samples.map((c) => [label(c), c] as const))("%s occurs verbatim in its report", (_l, c) => {
    expect(report(c.source).includes(c.raw.normalize("NFC"))).toBe(true);
  });

  it.each(QUANTITY_CASES.map((c) => [label(c), c] as const))("%s", (_l, c) => {
    const r = parseQuantity(c.raw);
    if ("error" in c.expect) {
      expect(r.ok, r.ok ? JSON.stringify(r.value) : "").toBe(false);
      if (!r.ok) expect(r.error).toMatch(c.expect.error);
      return;
    }
    if (!r.ok) throw new Error(`expected a value for ${JSON.stringify(c.raw)}, got: ${r.error}`);
    expect(comparable(r.value)).toEqual(c.expect);
    expect(r.value.raw).toBe(c.raw);
    expect(QuantitySchema.safeParse(r.value).success).toBe(true);
    expect(r.explanation.length).toBeGreaterThan(0);
    if (c.expect.hedged) expect(r.explanation).toMatch(/hedged/);
    if (c.expect.parts) expect(r.explanation).toMatch(/sum of \d+ figures/);
  });
});
