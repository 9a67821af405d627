/**
 * Exports as an owner uses them: after tagging a claim, the claims page's Export menu downloads the
 * claims CSV and the brat zip as they stream, and the recent exports list shows both as done with a
 * link to run them again.
 */
import { test, expect } from "./a11y";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createProject, expectAccessible, importFiles, selectWithMouse, signUp } from "./helpers";

const TXT = path.join(__dirname, "../fixtures/e2e/attack-report.txt");

test("an owner downloads the claims CSV and the brat zip from the claims page", async ({ page }) => {
  await signUp(page, "Esme");
  const projectId = await createProject(page, "Export check");
  const base = `/projects/${projectId}`;
  const ids = await importFiles(page, projectId, [TXT]);
  await page.goto(`${base}/documents/${Object.values(ids)[0]}`);
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await expectAccessible(page);
  await selectWithMouse(page, "a suicide bomber attacked a school");
  await page.getByTestId("type-option-attack").click();
  await page.getByTestId("claim-panel").getByTestId("save-claim").click();
  await expect(page.getByTestId("toast")).toContainText("Claim saved");

  await page.goto(`${base}/claims`);
  await expect(page.getByRole("heading", { name: "Recent exports" })).toBeVisible();
  await page.getByText("Export", { exact: true }).click();
  await expectAccessible(page);

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Claims CSV" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^export-check-claims-csv-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await csv.path())!, "utf8");
  expect(text.startsWith("id,document,type,status,author,quote,start,end,prefix,suffix,spans")).toBe(true);
  expect(text).toContain("a suicide bomber attacked a school");

  const [zip] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "brat standoff (zip)" }).click()]);
  expect(zip.suggestedFilename()).toMatch(/\.zip$/);
  const bytes = await readFile((await zip.path())!);
  // A zip starts with a local file header.
  expect(bytes.subarray(0, 4).toString("hex")).toBe("504b0304");
  expect(bytes.includes(Buffer.from("annotation.conf"))).toBe(true);

  await page.reload();
  const jobs = page.getByTestId("export-job");
  await expect(jobs).toHaveCount(2);
  await expect(jobs.first()).toHaveAttribute("data-status", "done");
  await expect(jobs.first().getByRole("link", { name: "Download again" })).toBeVisible();
  await expectAccessible(page);
});
