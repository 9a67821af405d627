/**
 * The claims table as an analyst scans it: claims of one type show one column per field with
 * parsed values, the column chooser and the sorts live in the URL, a date window filters, and the
 * document page's list shows each claim's key values under its quote. Claims are made in the UI.
 */
import type { Page } from "@playwright/test";
import { test, expect } from "./a11y";
import path from "node:path";
import { createProject, expectAccessible, importFiles, selectWithMouse, signUp } from "./helpers";

const TXT = path.join(__dirname, "../fixtures/e2e/attack-report.txt");
const SCHOOL = "a suicide bomber attacked a school";
const CLAIMED = "the group later claimed the attack";
const ESTIMATE = "Analysts estimate the group has 3-4,000 fighters";

async function tagAttack(page: Page, phrase: string, fields: Record<string, string>, count: string) {
  await selectWithMouse(page, phrase);
  await expect(page.getByTestId("selection-popover")).toBeVisible();
  await page.getByTestId("type-option-attack").click();
  const panel = page.getByTestId("claim-panel");
  for (const [key, wording] of Object.entries(fields)) {
    await panel.getByTestId(`field-${key}`).fill(wording);
    if (key === "date" || key === "fatalities") await expect(panel.getByTestId(`field-${key}-parsed`)).toHaveAttribute("data-tone", "ok");
  }
  await panel.getByTestId("save-claim").click();
  await expect(page.getByTestId("toast")).toContainText("Claim saved");
  await expect(page.getByTestId("claim-count")).toHaveText(count);
}

/** The evidence quotes of the table's rows, top to bottom, shortened to the phrases above. */
async function rowOrder(page: Page) {
  const quotes = await page.getByTestId("claim-table-row").locator(".quote-cell").allTextContents();
  return quotes.map((q) => [SCHOOL, CLAIMED, ESTIMATE].find((p) => q.includes(p)) ?? q);
}

test("one type's fields as columns: parsed values, column chooser, sort by figure, date window", async ({ page }) => {
  await signUp(page, "Scanner");
  const projectId = await createProject(page, "Table");
  const ids = await importFiles(page, projectId, [TXT]);
  await page.goto(`/projects/${projectId}/documents/${ids["attack-report.txt"]}`);
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");

  await tagAttack(page, SCHOOL, { date: "18 April 2022", fatalities: "at least 12" }, "1");
  await tagAttack(page, CLAIMED, { date: "2021", fatalities: "more than 180" }, "2");
  await tagAttack(page, ESTIMATE, { weapon: "rifles" }, "3");

  // The document's list shows each claim's key values under its quote.
  const school = page.getByTestId("claim-row").filter({ hasText: SCHOOL });
  await expect(school.getByTestId("claim-row-values")).toHaveText("Date: 18 April 2022 (day) · Fatalities: at least 12");
  await expect(page.getByTestId("claim-row").filter({ hasText: ESTIMATE }).getByTestId("claim-row-values")).toHaveText("");
  await expectAccessible(page, "three claims listed");

  // All types: a summary of parsed values.
  await page.goto(`/projects/${projectId}/claims`);
  await expect(page.getByTestId("claim-table-row").filter({ hasText: CLAIMED })).toContainText("Date: 2021 (year) · Fatalities: more than 180");
  await expectAccessible(page, "all types");

  // One type: a column per field (the default subset), parsed values, empty fields not stated.
  await page.locator("select[name=type]").selectOption({ label: "Attack" });
  await page.getByRole("button", { name: "Apply" }).click();
  const table = page.getByTestId("claims-table");
  const headers = table.locator("thead th");
  await expect(headers).toHaveText([/Type/, "Evidence", /Date/, "Location", /Fatalities/, /Perpetrator fatalities/, /Injured/, /Document/, "Annotator", /Status/, /Created/]);
  const schoolRow = page.getByTestId("claim-table-row").filter({ hasText: SCHOOL });
  await expect(schoolRow.locator('[data-field="fatalities"]')).toContainText("at least 12");
  await expect(schoolRow.locator('[data-field="date"]')).toContainText("18 April 2022 (day)");
  await expect(schoolRow.locator('[data-field="location"]')).toHaveText(/not stated/);
  await expectAccessible(page, "one type's columns");

  // Column chooser: a GET form, remembered in the URL.
  await page.getByText(/^Columns \(/).click();
  await expectAccessible(page, "column chooser open");
  await page.getByRole("checkbox", { name: "Location", exact: true }).uncheck();
  await page.getByRole("checkbox", { name: "Weapon", exact: true }).check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/col=weapon/);
  await expect(headers.filter({ hasText: "Location" })).toHaveCount(0);
  await expect(page.getByTestId("claim-table-row").filter({ hasText: ESTIMATE }).locator('[data-field="weapon"]')).toHaveText("rifles");

  // Sort by the figure from its header: ascending, then descending; claims without one stay last.
  await table.getByRole("link", { name: /^Fatalities/ }).click();
  await expect(headers.filter({ hasText: /^Fatalities/ })).toHaveAttribute("aria-sort", "ascending");
  expect(await rowOrder(page)).toEqual([SCHOOL, CLAIMED, ESTIMATE]);
  await table.getByRole("link", { name: /^Fatalities/ }).click();
  await expect(headers.filter({ hasText: /^Fatalities/ })).toHaveAttribute("aria-sort", "descending");
  expect(await rowOrder(page)).toEqual([CLAIMED, SCHOOL, ESTIMATE]);
  await expect(headers.filter({ hasText: "Weapon" })).toHaveCount(1); // the chosen columns stay

  // A date window keeps the claims whose window overlaps it.
  await page.locator("input[name=from]").fill("2022-04-01");
  await page.locator("input[name=to]").fill("2022-04-30");
  await page.getByRole("button", { name: "Apply" }).click();
  expect(await rowOrder(page)).toEqual([SCHOOL]);
  await page.locator("input[name=from]").fill("2030-01-01");
  await page.locator("input[name=to]").fill("");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No claims match these filters")).toBeVisible();
  await expectAccessible(page, "no match");
});
