/**
 * Curation as an editor works through a document with the keyboard alone: two annotators tag the
 * same sentence in a blind project with different fatality figures, one of them also tags a second
 * passage; the editor opens the document for curation, follows the link to the curation board, and
 * with keys only accepts the single version, merges the disputed one (taking the other annotator's
 * figure), undoes and redoes a decision, and merges once more with the figure typed in, until every
 * unit is done.
 */
import { test, expect } from "./a11y";
import { blindProjectWithTeam, expectAccessible, tagAttack } from "./helpers";

test("an editor curates a blind-annotated report with the keyboard alone", async ({ page, browser }) => {
  const { docUrl, members } = await blindProjectWithTeam(page, browser, "Curated coding", [
    { name: "Anna", role: "annotator" },
    { name: "Ben", role: "annotator" },
  ]);
  const { Anna: annaPage, Ben: benPage } = members;

  // The same sentence with different figures, and a second passage by Anna only.
  await annaPage.goto(docUrl);
  await tagAttack(annaPage, "a suicide bomber attacked a school", { fatalities: "12" });
  await tagAttack(annaPage, "the group later claimed the attack");
  await benPage.goto(docUrl);
  await tagAttack(benPage, "bomber attacked a school in western Kabul", { fatalities: "15" });

  // Annotators have no way to the board; the editor's link appears once the document is opened.
  await expect(benPage.getByTestId("curate-link")).toHaveCount(0);
  expect((await benPage.goto(`${docUrl}/curate`))?.status()).toBe(404);
  await page.goto(docUrl);
  await expect(page.getByTestId("curate-link")).toHaveCount(0);
  const opener = page.getByTestId("open-curation");
  await opener.getByRole("button", { name: "Open for curation" }).click();
  await opener.getByRole("group", { name: "Open for curation" }).getByRole("button", { name: "Open for curation" }).click();
  await expect(page.getByTestId("curation-open")).toBeVisible();
  await expectAccessible(page, "curation open");
  await page.getByTestId("curate-link").click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText("Curate:");
  const board = page.getByTestId("curation-board");
  await expect(board).toHaveAttribute("data-keys", "ready");
  const progress = page.getByTestId("curation-progress");
  await expect(progress).toContainText("0 of 2 units curated");
  const units = page.getByTestId("curation-unit");
  await expect(units).toHaveCount(2);
  const disputed = units.nth(0);
  await expect(disputed.getByRole("heading")).toContainText("Disagree");
  await expect(disputed.getByRole("columnheader", { name: /Anna/ })).toBeVisible();
  await expect(disputed.getByRole("columnheader", { name: /Ben/ })).toBeVisible();
  // The differing field is marked in text, not by colour alone.
  await expect(disputed.getByRole("rowheader", { name: /Fatalities.*versions differ/ })).toBeVisible();
  await expect(units.nth(1).getByRole("heading")).toContainText("Only one annotator");
  await expectAccessible(page, "curation board");

  // j: to the second unit; 1: accept Anna's version there. The focus returns to the open unit.
  await page.keyboard.press("j");
  await expect(units.nth(1)).toBeFocused();
  await page.keyboard.press("1");
  await expect(progress).toContainText("1 of 2 units curated");
  await expect(units.nth(1).getByTestId("unit-state")).toHaveText(/^Done: curated as claim #\d+$/);
  await expect(disputed).toBeFocused();

  // m: merge the disputed unit, taking Ben's figure: Tab to the Fatalities choice, arrow to Ben, Enter.
  // Keys wait while the last decision is being saved, as its disabled buttons show.
  await expect(disputed.getByRole("button", { name: "Merge…" })).toBeEnabled();
  await page.keyboard.press("m");
  const merge = page.getByRole("form", { name: "Merge unit 1" });
  await expect(merge).toBeVisible();
  await expectAccessible(page, "merge form");
  const fatalities = merge.getByRole("group", { name: "Fatalities", exact: true });
  for (let i = 0; i < 40 && !(await fatalities.getByRole("radio", { checked: true }).evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(fatalities.getByRole("radio", { name: /Anna/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(fatalities.getByRole("radio", { name: /Ben/ })).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(progress).toContainText("2 of 2 units curated");
  await expect(merge).toHaveCount(0);
  await expect(units.nth(0).getByTestId("unit-state")).toHaveText(/^Done: curated as claim #\d+$/);
  // Anna's evidence with Ben's figure.
  await expect(units.nth(0).getByTestId("unit-result")).toContainText("Fatalities: 15");
  await expect(page.locator('[data-testid="curation-unit"][data-done="true"]')).toHaveCount(2);
  await expectAccessible(page, "all units done");

  // u: undo the merge (the unit is open again), then 2: accept Ben's version instead.
  await expect(disputed).toBeFocused();
  await page.keyboard.press("u");
  await expect(progress).toContainText("1 of 2 units curated");
  await expect(units.nth(0).getByTestId("unit-state")).toHaveText("Open");
  await expectAccessible(page, "after undo");
  // Keys wait for the board: a key pressed while the undo is still settling is ignored.
  await expect(disputed.getByRole("button", { name: "Merge…" })).toBeEnabled();
  await page.keyboard.press("2");
  await expect(progress).toContainText("2 of 2 units curated");

  // u again, then m: this time the figure is typed, in the claim form's own input, by the keyboard.
  await expect(disputed).toBeFocused();
  await expect(disputed.getByRole("button", { name: "Undo" })).toBeEnabled();
  await page.keyboard.press("u");
  await expect(progress).toContainText("1 of 2 units curated");
  await expect(disputed.getByRole("button", { name: "Merge…" })).toBeEnabled();
  await page.keyboard.press("m");
  const edit = page.getByRole("form", { name: "Merge unit 1" });
  const figure = edit.getByRole("group", { name: "Fatalities", exact: true });
  for (let i = 0; i < 40 && !(await figure.getByRole("radio", { checked: true }).evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(figure.getByRole("radio", { name: "Edit the value" })).toBeChecked();
  await page.keyboard.press("Tab");
  const typed = figure.getByTestId("field-fatalities");
  await expect(typed).toBeFocused();
  // The input starts from the version chosen until then (Ben's, which the arrow passed on its way).
  await expect(typed).toHaveValue("15");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("14");
  await expect(figure.getByTestId("field-fatalities-parsed")).toContainText("14");
  await expectAccessible(page, "merge form with an edited field");
  await page.keyboard.press("Enter");
  await expect(progress).toContainText("2 of 2 units curated");
  await expect(units.nth(0).getByTestId("unit-result")).toContainText("Fatalities: 14");

  // The decisions are stored: a reload shows them.
  await page.reload();
  await expect(page.getByTestId("curation-progress")).toContainText("2 of 2 units curated");
  await expect(page.locator('[data-testid="curation-unit"][data-done="true"]')).toHaveCount(2);
  await expectAccessible(page, "reloaded");
});
