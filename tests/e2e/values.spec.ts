/**
 * Values analysts can trust, in the browser: wording from the sample reports is read into the value
 * that is stored (a range, a total with its breakdown, a yearless date in the year the text is
 * about), and wording that cannot be read opens the structured inputs and is never saved empty.
 * Every check reads the value back after a reload, as the claim form and the claims table show it.
 */
import type { Page } from "@playwright/test";
import { test, expect } from "./a11y";
import { readdirSync } from "node:fs";
import path from "node:path";
import { createProject, expectAccessible, importFiles, selectWithMouse as dragAcross, signUp } from "./helpers";

/** Selects `phrase` (in the paragraph that also holds `context`) and waits for the type popover. */
async function selectWithMouse(page: Page, phrase: string, context = phrase) {
  await dragAcross(page, phrase, context);
  await expect(page.getByTestId("selection-popover")).toBeVisible();
}

const CORPUS = path.join(__dirname, "../../prisma/demo/corpus");
const sample = (prefix: string) => path.join(CORPUS, readdirSync(CORPUS).find((f) => f.startsWith(prefix))!);

async function openDocument(page: Page, projectId: string, documentId: string) {
  await page.goto(`/projects/${projectId}/documents/${documentId}`);
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await expectAccessible(page);
}

async function saveClaim(page: Page, count: string) {
  await page.getByTestId("claim-panel").getByTestId("save-claim").click();
  await expect(page.getByTestId("toast")).toContainText("Claim saved");
  await expect(page.getByTestId("claim-count")).toHaveText(count);
}

/** Reloads the document and opens the claim whose evidence starts with `quote`. */
async function reopen(page: Page, quote: string) {
  await page.reload();
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await page.getByTestId("claim-row").filter({ hasText: quote }).first().click();
  await expect(page.getByTestId("claim-panel").getByTestId("span-quote")).toContainText(quote);
}

test("a size estimate worded as a range and a fatality figure with two parts are stored as read", async ({ page }) => {
  await signUp(page, "Counter");
  const projectId = await createProject(page, "Figures");
  const ids = await importFiles(page, projectId, [sample("002_"), sample("003_")]);
  const [doc002, doc003] = [ids[path.basename(sample("002_"))]!, ids[path.basename(sample("003_"))]!];
  const panel = page.getByTestId("claim-panel");

  // 002: "IS-KP probably has more in the range of 5,000 to 8,000 fighters across Afghanistan."
  const RANGE = "in the range of 5,000 to 8,000 fighters";
  await openDocument(page, projectId, doc002);
  await selectWithMouse(page, RANGE);
  await page.keyboard.press("3"); // size estimate
  await panel.getByTestId("field-group").fill("IS-KP");
  await panel.getByTestId("field-estimate").fill(RANGE);
  await expect(panel.getByTestId("field-estimate-parsed")).toContainText("5,000");
  await expect(panel.getByTestId("field-estimate-structured")).toHaveCount(0); // read, so nothing to enter by hand
  await saveClaim(page, "1");
  await reopen(page, RANGE);
  await expect(panel.getByTestId("field-estimate")).toHaveValue(RANGE);
  await expect(panel.getByTestId("field-estimate-parsed")).toHaveAttribute("data-tone", "ok");
  await expect(panel.getByTestId("field-estimate-parsed")).toContainText(/range/i);
  await expect(panel.getByTestId("field-estimate-parsed")).toContainText(/5,000 to 8,000/);
  await expect(panel).toContainText("1,000-9,999"); // the derived size bin: low and high in one bin
  await expectAccessible(page, "claim reopened");

  // 003: "23 inmates and two prison guards were killed in prison violence".
  const PARTS = "23 inmates and two prison guards";
  await openDocument(page, projectId, doc003);
  await selectWithMouse(page, PARTS);
  await page.keyboard.press("1"); // attack
  await panel.getByTestId("field-fatalities").fill(PARTS);
  await expect(panel.getByTestId("field-fatalities-parsed")).toContainText("25");
  await saveClaim(page, "1");
  await reopen(page, PARTS);
  await expect(panel.getByTestId("field-fatalities")).toHaveValue(PARTS);
  await expect(panel.getByTestId("field-fatalities-parsed")).toContainText("25");

  // The claims table shows the parsed total with its breakdown.
  await page.goto(`/projects/${projectId}/claims`);
  const rows = page.getByTestId("claim-table-row");
  const row = rows.filter({ hasText: PARTS });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(/\b25\b[^\d]*23 \+ 2/); // "25 (exact; 23 + 2)"
  await expect(rows.filter({ hasText: RANGE })).toContainText(/5,000\s*–\s*8,000/);
  await expectAccessible(page);
});

test("a yearless date reads in the year of its paragraph; unreadable wording is never saved empty", async ({ page }) => {
  await signUp(page, "Dater");
  const projectId = await createProject(page, "Dates");
  const ids = await importFiles(page, projectId, [sample("001_")]);
  await openDocument(page, projectId, Object.values(ids)[0]!);
  const panel = page.getByTestId("claim-panel");

  // "On January 26" occurs twice; the one in the paragraph about January 2015 has no year of its own.
  await selectWithMouse(page, "On January 26", "Immediately after the release of the video");
  await page.keyboard.press("2"); // leader change
  await panel.getByTestId("field-group").fill("ISKP");
  await panel.getByTestId("field-date_of_change").fill("On January 26");
  await expect(panel.getByTestId("field-date_of_change-parsed")).toContainText("2015");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("toast")).toContainText("Claim saved");
  await reopen(page, "On January 26");
  await expect(panel.getByTestId("field-date_of_change-parsed")).toContainText(/2015-01-26|26 January 2015/);
  // A field left empty is "not stated", which does not look like "unknown".
  await expect(panel.getByTestId("field-date_announced-parsed")).toHaveAttribute("data-tone", "not-stated");
  await panel.getByRole("button", { name: "Close claim panel (Esc)" }).click();

  // Wording no reader can interpret opens the structured inputs; the claim is not saved empty.
  await selectWithMouse(page, "50 militants from the Amr Bil Maroof group");
  await page.keyboard.press("3"); // size estimate
  await panel.getByTestId("field-group").fill("Amr Bil Maroof");
  await panel.getByTestId("field-estimate").fill("as given in the annex");
  await expect(panel.getByTestId("field-estimate-parsed")).toHaveAttribute("data-tone", "error");
  await expect(panel.getByTestId("field-estimate-structured")).toBeVisible();
  await expect(panel.getByTestId("field-estimate-unit")).toHaveValue("fighters"); // the claim type's default unit
  await panel.getByTestId("save-claim").click();
  await expect(panel.getByTestId("claim-issues")).toContainText("Estimate");
  await expect(panel.getByTestId("field-estimate-issue")).toContainText("by hand or mark it unknown");
  await expect(panel.getByTestId("field-estimate")).toBeFocused();
  await expectAccessible(page, "structured inputs and issues");
  await expect(page.getByTestId("claim-count")).toHaveText("1"); // nothing was sent

  // Entered by hand, the figure saves, marked as such, with the wording kept.
  await panel.getByTestId("field-estimate-qualifier").selectOption("exact");
  await panel.getByTestId("field-estimate-best").fill("50");
  await expect(panel.getByTestId("field-estimate-issue")).toHaveCount(0);
  await saveClaim(page, "2");
  await reopen(page, "50 militants");
  await expect(panel.getByTestId("field-estimate")).toHaveValue("as given in the annex");
  await expect(panel.getByTestId("field-estimate-parsed")).toContainText("Entered by hand");
  await expect(panel.getByTestId("field-estimate-parsed")).toContainText("50");

  // Marked unknown on purpose, it is stored as unknown and looks unlike "not stated".
  await panel.getByTestId("field-estimate-unknown").click();
  await expect(panel.getByTestId("field-estimate-parsed")).toHaveAttribute("data-tone", "unknown");
  await expectAccessible(page, "marked unknown");
  await panel.getByTestId("save-claim").click();
  await expect(page.getByTestId("toast")).toContainText("Changes saved");
  await reopen(page, "50 militants");
  await expect(panel.getByTestId("field-estimate-parsed")).toHaveAttribute("data-tone", "unknown");
  await expect(panel.getByTestId("field-reference_date-parsed")).toHaveAttribute("data-tone", "not-stated");
});
