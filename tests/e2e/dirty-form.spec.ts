/**
 * The dirty-form guard: a claim form with edits never closes silently. Esc, the close button, opening
 * another claim, a link in the application and a reload all ask first; "Keep editing" is the focused,
 * default answer (Esc inside the question keeps editing too); "Discard changes" closes the form with
 * nothing saved. A form without changes closes at once, without a question.
 */
import { test, expect } from "./a11y";
import { ATTACK_REPORT, createProject, expectAccessible, importFiles, selectWithMouse, signUp, tagAttack } from "./helpers";

const STORED = "a suicide bomber attacked a school";
const OTHER = "Officials said more than 180 people were hurt";

test("a changed claim form asks before it closes; an unchanged one closes at once", async ({ page }) => {
  test.setTimeout(120_000); // a long journey: a claim tagged, then six ways of leaving the form
  await signUp(page, "Careful");
  const projectId = await createProject(page, "Unsaved edits");
  const ids = await importFiles(page, projectId, [ATTACK_REPORT]);
  await page.goto(`/projects/${projectId}/documents/${ids["attack-report.txt"]}`);
  await expectAccessible(page);
  await tagAttack(page, STORED, { perpetrators: "ISKP" });
  await expect(page.getByTestId("claim-count")).toHaveText("1");

  const panel = page.getByTestId("claim-panel");
  const dialog = page.getByRole("alertdialog", { name: "Discard changes?" });

  // An unchanged new claim closes at once, with Esc or with the close button.
  await selectWithMouse(page, OTHER);
  await page.getByTestId("type-option-attack").click();
  await expect(panel.getByTestId("span-quote")).toHaveText(`“${OTHER}”`);
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(dialog).toHaveCount(0);
  await selectWithMouse(page, OTHER);
  await page.getByTestId("type-option-attack").click();
  await panel.getByRole("button", { name: "Close claim panel (Esc)" }).click();
  await expect(panel).toHaveCount(0);
  await expect(dialog).toHaveCount(0);

  // A new claim with a typed value: Esc in the field asks, with focus on "Keep editing".
  await selectWithMouse(page, OTHER);
  await page.getByTestId("type-option-attack").click();
  const weapon = panel.getByTestId("field-weapon");
  await weapon.fill("rifle");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Keep editing" })).toBeFocused();
  await expect(dialog).toContainText("not saved");
  await expectAccessible(page, "discard question");
  // Esc inside the question keeps editing: the value is still there and focus is back in the field.
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(panel).toBeVisible();
  await expect(weapon).toHaveValue("rifle");
  await expect(weapon).toBeFocused();
  // Esc again, then "Discard changes": the form closes and nothing was saved.
  await page.keyboard.press("Escape");
  await expect(dialog.getByRole("button", { name: "Keep editing" })).toBeFocused();
  await dialog.getByRole("button", { name: "Discard changes" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(panel).toHaveCount(0);
  await expect(page.getByTestId("claim-count")).toHaveText("1");

  // The stored claim, edited, and the close button: the same question.
  const listRow = page.getByRole("listbox", { name: /^Claims/ }).getByRole("option", { name: new RegExp(STORED) });
  await listRow.click();
  const perpetrators = panel.getByTestId("field-perpetrators");
  await expect(perpetrators).toHaveValue("ISKP");
  await panel.getByRole("button", { name: "Close claim panel (Esc)" }).click(); // unchanged: closes at once
  await expect(panel).toHaveCount(0);
  await expect(dialog).toHaveCount(0);
  await listRow.click();
  await perpetrators.fill("Taliban");
  await panel.getByRole("button", { name: "Close claim panel (Esc)" }).click();
  await expect(dialog.getByRole("button", { name: "Keep editing" })).toBeFocused();
  await dialog.getByRole("button", { name: "Keep editing" }).click();
  await expect(perpetrators).toHaveValue("Taliban");

  // Starting another claim from a new selection asks too; keeping the edits leaves the form as it was.
  await selectWithMouse(page, OTHER);
  await page.getByTestId("type-option-attack").click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(perpetrators).toHaveValue("Taliban");
  await expect(panel.getByTestId("span-quote")).toHaveText(`“${STORED}”`);

  // A link within the application asks before it leaves the page.
  const projectLink = page.getByRole("link", { name: "Unsaved edits" });
  await projectLink.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Keep editing" }).click();
  await expect(page).toHaveURL(/\/documents\//);
  await expect(perpetrators).toHaveValue("Taliban");

  // A reload asks the browser's own question; staying keeps the edits.
  let asked = "";
  page.once("dialog", (d) => { asked = d.type(); void d.dismiss(); });
  await page.evaluate(() => { location.reload(); });
  await expect.poll(() => asked).toBe("beforeunload");
  await expect(perpetrators).toHaveValue("Taliban");

  // Discarding through the close button: the claim is as stored, at its first version.
  await panel.getByRole("button", { name: "Close claim panel (Esc)" }).click();
  await dialog.getByRole("button", { name: "Discard changes" }).click();
  await expect(panel).toHaveCount(0);
  await listRow.click();
  await expect(perpetrators).toHaveValue("ISKP");
  await expect(panel).toContainText("version 1");

  // Discarding for a link: the page the link leads to opens.
  await perpetrators.fill("Taliban");
  await projectLink.click();
  await dialog.getByRole("button", { name: "Discard changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Unsaved edits" })).toBeVisible();
  await expectAccessible(page, "overview after discarding");
  await page.goto(`/projects/${projectId}/documents/${ids["attack-report.txt"]}`);
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await listRow.click();
  await expect(perpetrators).toHaveValue("ISKP");
  await expect(panel).toContainText("version 1");
});
