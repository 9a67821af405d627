/**
 * Agreement as an owner uses it: before a second annotator has tagged the document the page says
 * what it needs; once the owner and an annotator have each tagged the same attack (on overlapping
 * words), the matrix shows both and the tables download as CSV.
 */
import { test, expect } from "./a11y";
import path from "node:path";
import type { Page } from "@playwright/test";
import { createProject, download, expectAccessible, importFiles, readDownload, selectWithMouse, signUp, uniqueEmail } from "./helpers";

const TXT = path.join(__dirname, "../fixtures/e2e/attack-report.txt");

async function tagAttack(page: Page, url: string, phrase: string, fatalities: string) {
  await page.goto(url);
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await selectWithMouse(page, phrase);
  await expect(page.getByTestId("selection-popover")).toBeVisible();
  await page.getByTestId("type-option-attack").click();
  const panel = page.getByTestId("claim-panel");
  await panel.getByTestId("field-fatalities").fill(fatalities);
  await expect(panel.getByTestId("field-fatalities-parsed")).toContainText(fatalities.replace(/\D+/g, ""));
  await panel.getByTestId("save-claim").click();
  await expect(page.getByTestId("toast")).toContainText("Claim saved");
}

test("an owner compares two members' claims, sees the matrix and downloads it as CSV", async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const page = await ownerContext.newPage();
  await signUp(page, "Olga");
  const annotatorContext = await browser.newContext();
  const annotatorPage = await annotatorContext.newPage();
  const annotatorEmail = uniqueEmail("anna");
  await signUp(annotatorPage, "Anna", annotatorEmail);

  const projectId = await createProject(page, "Agreement check");
  const base = `/projects/${projectId}`;
  const ids = await importFiles(page, projectId, [TXT]);
  const docUrl = `${base}/documents/${Object.values(ids)[0]}`;
  await page.goto(base);
  await page.getByLabel("E-mail of the person to add").fill(annotatorEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("annotator");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByTestId("members")).toContainText("Anna");

  await tagAttack(page, docUrl, "a suicide bomber attacked a school", "at least 12");

  // One annotator only: nothing to compare yet, and the page says what is needed.
  await page.goto(`${base}/agreement`);
  await expect(page.getByRole("heading", { level: 1, name: "Agreement" })).toBeVisible();
  await expect(page.getByTestId("agreement-empty")).toContainText("Agreement needs at least two annotators with claims on the same document.");
  await expectAccessible(page, "empty");

  // The annotator cannot open the page (not in their sections; the address is a 404 like any refusal).
  expect((await annotatorPage.goto(`${base}/agreement`))?.status()).toBe(404);
  await tagAttack(annotatorPage, docUrl, "bomber attacked a school in western Kabul", "12");

  await page.goto(`${base}/agreement`);
  await expect(page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Agreement" })).toHaveAttribute("aria-current", "page");
  const summary = page.getByTestId("agreement-summary");
  // One claim each, same type, overlapping words: overlap F1 1, exact F1 0.
  await expect(summary).toContainText("Overlap F1");
  await expect(summary.locator("div", { hasText: "Overlap F1" }).locator("dd")).toHaveText("1.00");
  await expect(summary.locator("div", { hasText: "Exact F1" }).locator("dd")).toHaveText("0.00");
  const matrix = page.getByTestId("agreement-matrix");
  await expect(matrix.getByRole("columnheader", { name: /Olga/ })).toBeVisible();
  await expect(matrix.getByRole("rowheader", { name: /Anna/ })).toBeVisible();
  await expect(matrix.getByRole("cell", { name: "1.00" })).toHaveCount(2);
  await expect(page.getByTestId("agreement-documents").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("agreement-fields")).toContainText("Fatalities");
  await expectAccessible(page, "with two annotators");

  // Both tables read back with a standard CSV parser in strict mode.
  const matrixCsv = await download(page, page.getByRole("link", { name: "Download the matrix as CSV" }));
  expect(matrixCsv.name).toBe("agreement-matrix-agreement-check.csv");
  const matrixRows = await readDownload("csv", matrixCsv.bytes);
  expect(matrixRows).toHaveLength(3);
  expect(matrixRows[0].slice(0, 2)).toEqual(["annotator", "annotator_name"]);
  expect(matrixRows.slice(1).map((r) => r[1]).sort()).toEqual(["Anna", "Olga"]);

  const docs = await download(page, page.getByRole("link", { name: "Download the document table as CSV" }));
  const docRows = await readDownload("csv", docs.bytes);
  expect(docRows[0].slice(0, 4)).toEqual(["document_id", "document_title", "annotators", "exact_matched"]);
  expect(docRows).toHaveLength(2);

  await ownerContext.close();
  await annotatorContext.close();
});
