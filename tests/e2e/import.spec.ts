/**
 * Import as a batch: every file gets its own progress and result; a bad file gets a clear error and
 * the rest still import; a duplicate is refused with a link to the existing document; a mis-decoded
 * file is repaired and says so.
 */
import { test, expect } from "@playwright/test";
import path from "node:path";
import { createProject, signUp } from "./helpers";

const fixture = (name: string) => path.join(__dirname, "../fixtures/import", name);
const corpus003 = path.join(__dirname, "../../prisma/demo/corpus/003_014557cbd6477717.txt");

test("a batch with a lying file, a Word file, a mis-decoded text and a duplicate", async ({ page }) => {
  await signUp(page, "Batcher");
  const projectId = await createProject(page, "Batch import");
  await page.goto(`/projects/${projectId}/import`);
  await page.getByTestId("import-files").setInputFiles([fixture("fake.pdf"), fixture("sample.docx"), corpus003]);
  const row = (name: string) => page.getByTestId("import-row").filter({ hasText: name });
  await expect(row("fake.pdf")).toHaveAttribute("data-state", "failed", { timeout: 30_000 });
  await expect(row("fake.pdf")).toContainText("fake.pdf: the file says it is a PDF but its content is HTML");
  await expect(row("sample.docx")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await expect(row("003_014557cbd6477717.txt")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await expect(row("003_014557cbd6477717.txt")).toContainText(/could not be recovered/);

  // The same text again: refused, with a link to the document already there.
  await page.getByTestId("import-files").setInputFiles([corpus003]);
  const dup = page.getByTestId("import-row").first();
  await expect(dup).toHaveAttribute("data-state", "failed", { timeout: 30_000 });
  await expect(dup).toContainText("identical");
  await dup.getByRole("link", { name: "Open the existing document" }).click();
  await expect(page.getByTestId("reading-view")).toContainText("Islamic State’s Khurasan Province");
  await expect(page.getByText("This text was repaired on import.")).toBeVisible();

  await page.goto(`/projects/${projectId}`);
  await expect(page.getByTestId("documents-table").locator("tbody tr")).toHaveCount(2);
});
