/**
 * Exports as an owner uses them: with the airport bombing tagged in two reports and confirmed as a
 * record, every format the claims page's Export menu offers and every one the records page's menu
 * offers is downloaded as it streams and read as what it claims to be (CSV with a standard parser,
 * JSONL line by line, the Web Annotation collection as JSON-LD, the zips opened, the Data Package
 * checked with the Frictionless validator); the recent exports list then shows every download as
 * done with a link to run it again.
 */
import { test, expect } from "./a11y";
import type { Page } from "@playwright/test";
import { AIRPORT_REPORTS, airportRecord, createProject, download, expectAccessible, readDownload, signUp } from "./helpers";
import { validateDataPackage } from "../support/datapackage";

const PHRASES = AIRPORT_REPORTS.map((r) => r.phrase);
const PACKAGE_FILES = ["LICENSE.txt", "data/claims.csv", "data/records.csv", "data/sources.csv", "datapackage.json"];
const asObjects = (rows: string[][]) => rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));

/** Opens the page's Export menu and returns its links by format, checking the formats offered. */
async function exportLinks(page: Page, formats: string[]) {
  await page.getByText("Export", { exact: true }).click();
  const links = page.locator(".export-menu a[data-format]");
  await expect(links).toHaveCount(formats.length);
  expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute("data-format")))).toEqual(formats);
  await expectAccessible(page, "export menu");
  return (format: string) => page.locator(`.export-menu a[data-format="${format}"]`);
}

test("an owner downloads every export format of the claims and records pages, each readable as what it claims", async ({ page }) => {
  await signUp(page, "Esme");
  const projectId = await createProject(page, "Export check");
  const base = `/projects/${projectId}`;
  const ids = await airportRecord(page, projectId);
  const documentIds = Object.values(ids).sort();

  await page.goto(`${base}/claims`);
  await expect(page.getByRole("heading", { name: "Recent exports" })).toBeVisible();
  const claimsLink = await exportLinks(page, ["claims-csv", "claims-jsonl", "web-annotation", "brat", "datapackage"]);

  const csv = await download(page, claimsLink("claims-csv"));
  expect(csv.name).toMatch(/^export-check-claims-csv-\d{4}-\d{2}-\d{2}\.csv$/);
  const claimRows = asObjects(await readDownload("csv", csv.bytes));
  expect(claimRows.map((r) => r.quote).sort()).toEqual([...PHRASES].sort());
  expect(claimRows.map((r) => r.document).sort()).toEqual(documentIds);
  expect(claimRows.every((r) => r.status === "approved" && r.type === "attack" && /^\d+$/.test(r.start))).toBe(true);

  const jsonl = await download(page, claimsLink("claims-jsonl"));
  expect(jsonl.name).toMatch(/\.jsonl$/);
  const claims = await readDownload("jsonl", jsonl.bytes);
  expect(claims.map((c) => c.id).sort()).toEqual(claimRows.map((r) => r.id).sort());
  expect(claims.map((c) => (c.spans as { exact: string }[])[0].exact).sort()).toEqual([...PHRASES].sort());

  const jsonld = await download(page, claimsLink("web-annotation"));
  expect(jsonld.name).toMatch(/\.jsonld$/);
  const [collection, ...pages] = await readDownload("jsonld", jsonld.bytes);
  expect(collection.total).toBe(2);
  const annotations = pages.flatMap((p) => p.items as { target: { selector: { type: string; exact?: string }[] }[] }[]);
  expect(annotations.map((a) => a.target[0].selector.find((s) => s.type === "TextQuoteSelector")!.exact).sort()).toEqual([...PHRASES].sort());

  const brat = await download(page, claimsLink("brat"));
  expect(brat.name).toMatch(/\.zip$/);
  const bratFiles = await readDownload("zip", brat.bytes);
  const names = Object.keys(bratFiles).sort();
  expect(names).toHaveLength(5);
  expect(names).toContain("annotation.conf");
  expect(names.filter((n) => n.endsWith(".txt"))).toHaveLength(2);
  const anns = names.filter((n) => n.endsWith(".ann"));
  expect(anns.map((n) => n.replace(/\.ann$/, ".txt"))).toEqual(names.filter((n) => n.endsWith(".txt")));
  for (const ann of anns) expect(Buffer.from(bratFiles[ann]).toString("utf8")).toMatch(/^T1\tattack \d+ \d+\t/m);

  const claimsPackage = await download(page, claimsLink("datapackage"));
  expect(claimsPackage.name).toMatch(/\.zip$/);
  const claimsPackageFiles = await readDownload("zip", claimsPackage.bytes);
  expect(Object.keys(claimsPackageFiles).sort()).toEqual(PACKAGE_FILES);
  const checked = await validateDataPackage(claimsPackageFiles);
  expect(checked.errors).toEqual([]);
  expect(checked.rows.claims).toHaveLength(2);
  expect(checked.rows.sources.map((r) => r[0]).sort()).toEqual(documentIds);

  await page.goto(`${base}/records`);
  await expect(page.getByRole("heading", { level: 1, name: "Records" })).toBeVisible();
  const recordsLink = await exportLinks(page, ["records-csv", "records-jsonl", "datapackage"]);

  const recordsCsv = await download(page, recordsLink("records-csv"));
  expect(recordsCsv.name).toMatch(/^export-check-records-csv-\d{4}-\d{2}-\d{2}\.csv$/);
  const records = asObjects(await readDownload("csv", recordsCsv.bytes));
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ type: "attack", date_start: "2021-08-26", date_end: "2021-08-26", actors: "ISKP", number_of_sources: "2" });

  const recordsJsonl = await download(page, recordsLink("records-jsonl"));
  const recordLines = await readDownload("jsonl", recordsJsonl.bytes);
  expect(recordLines).toHaveLength(1);
  expect(recordLines[0]).toMatchObject({ id: records[0].id, type: "attack", numberOfSources: 2 });
  expect((recordLines[0].evidence as { exact: string }[]).map((e) => e.exact).sort()).toEqual([...PHRASES].sort());

  const recordsPackage = await download(page, recordsLink("datapackage"));
  const recordsPackageFiles = await readDownload("zip", recordsPackage.bytes);
  expect(Object.keys(recordsPackageFiles).sort()).toEqual(PACKAGE_FILES);
  const checkedRecords = await validateDataPackage(recordsPackageFiles);
  expect(checkedRecords.errors).toEqual([]);
  expect(checkedRecords.rows.records.map((r) => r[0])).toEqual([records[0].id]);

  await page.goto(`${base}/claims`);
  const jobs = page.getByTestId("export-job");
  await expect(jobs).toHaveCount(8);
  await expect(page.locator('[data-testid="export-job"][data-status="done"]')).toHaveCount(8);
  await expect(jobs.first().getByRole("link", { name: "Download again" })).toBeVisible();
  await expectAccessible(page);
});
