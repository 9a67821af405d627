/**
 * Backup and restore as an owner uses them: download the project's backup from the Workflow page,
 * restore it from the projects page, and find the document and its claim in the new project.
 */
import { test, expect } from "./a11y";
import path from "node:path";
import { createProject, expectAccessible, importFiles, selectWithMouse, signUp } from "./helpers";

const TXT = path.join(__dirname, "../fixtures/e2e/attack-report.txt");

test("an owner downloads a backup and restores it as a new project", async ({ page }) => {
  await signUp(page, "Rosa");
  const projectId = await createProject(page, "Backed up");
  const ids = await importFiles(page, projectId, [TXT]);
  await page.goto(`/projects/${projectId}/documents/${Object.values(ids)[0]}`);
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await expectAccessible(page);
  await selectWithMouse(page, "a suicide bomber attacked a school");
  await page.getByTestId("type-option-attack").click();
  await page.getByTestId("claim-panel").getByTestId("save-claim").click();
  await expect(page.getByTestId("toast")).toContainText("Claim saved");

  await page.goto(`/projects/${projectId}/settings`);
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download a backup" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const file = (await download.path())!;

  await page.goto("/projects");
  await page.getByLabel("Backup file (.zip)").setInputFiles(file);
  await page.getByLabel(/^Name of the restored project/).fill("Restored copy");
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Restored copy" })).toBeVisible();
  expect(page.url()).not.toContain(projectId);
  await expectAccessible(page);
  const documents = page.getByTestId("documents-table");
  await expect(documents).toContainText("1"); // the claim count of the one document
  await page.goto(page.url().replace(/\/$/, "") + "/claims");
  await expect(page.getByText("a suicide bomber attacked a school")).toBeVisible();
  await expectAccessible(page);
});
