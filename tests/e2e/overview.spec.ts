/**
 * The project overview's progress panel and the copied passages on the document page, as a new
 * owner sees them: a report and its reprint imported, progress shown as labelled bars with the
 * numbers in text, and each document naming the other as holding its paragraph.
 */
import { test, expect } from "./a11y";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createProject, expectAccessible, importFiles, signUp } from "./helpers";

test("overview progress and passages copied between two documents", async ({ page }) => {
  const original = path.join(__dirname, "../fixtures/e2e/attack-report.txt");
  // A reprint: another outlet's header, then the report's paragraphs with a word changed.
  const dir = mkdtempSync(path.join(tmpdir(), "attest-reprint-"));
  const reprint = path.join(dir, "reprint.txt");
  writeFileSync(reprint, `Reprinted from a field report\n\n${readFileSync(original, "utf8").replace("suicide bomber attacked", "suicide bomber struck")}`);

  await signUp(page, "Owner");
  const projectId = await createProject(page, "Progress project");
  const ids = await importFiles(page, projectId, [original, reprint]);
  const originalId = ids["attack-report.txt"]!;
  const reprintId = ids["reprint.txt"]!;
  expect(originalId).toBeTruthy();
  expect(reprintId).toBeTruthy();

  await page.goto(`/projects/${projectId}`);
  const panel = page.getByTestId("progress-panel");
  await expect(panel.getByRole("heading", { name: "Progress" })).toBeVisible();
  const done = panel.getByRole("progressbar", { name: "Documents done" });
  await expect(done).toHaveAttribute("aria-valuenow", "0");
  await expect(done).toHaveAttribute("aria-valuemax", "2");
  await expect(panel.getByTestId("progress-done")).toHaveText("0 of 2");
  await expect(panel.getByRole("progressbar", { name: "Documents curated" })).toHaveAttribute("aria-valuenow", "0");
  await expect(panel.getByText("No claims yet.")).toBeVisible();
  await expect(panel.getByTestId("progress-records")).toHaveText("0 records");
  await expectAccessible(page, "overview with progress");

  for (const [here, other] of [[originalId, reprintId], [reprintId, originalId]] as const) {
    await page.goto(`/projects/${projectId}/documents/${here}`);
    const passages = page.getByTestId("copied-passages");
    await passages.getByText("Passages also found in other documents").click();
    const item = passages.getByTestId("copied-passage").first();
    await expect(item).toContainText("also in");
    await expect(item.getByRole("link")).toHaveAttribute("href", `/projects/${projectId}/documents/${other}`);
    await expectAccessible(page, "copied passages open");
  }
});
