/**
 * Import as a batch: every file gets its own progress and result; a bad file gets a clear error and
 * the rest still import; a duplicate is refused with a link to the existing document; a mis-decoded
 * file is repaired and says so. Details per file: given before upload, shown as read from the file
 * after it, editable there; a document without a publication date says so on its page.
 */
import { test, expect } from "./a11y";
import path from "node:path";
import { createProject, expectAccessible, signUp } from "./helpers";

const fixture = (name: string) => path.join(__dirname, "../fixtures/import", name);
const corpus003 = path.join(__dirname, "../../prisma/demo/corpus/003_014557cbd6477717.txt");
const corpus001 = path.join(__dirname, "../../prisma/demo/corpus/001_f42c43737148646d.txt");

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
  await expectAccessible(page, "batch imported");

  // The same text again: refused, with a link to the document already there.
  await page.getByTestId("import-files").setInputFiles([corpus003]);
  const dup = page.getByTestId("import-row").first();
  await expect(dup).toHaveAttribute("data-state", "failed", { timeout: 30_000 });
  await expect(dup).toContainText("identical");
  await dup.getByRole("link", { name: "Open the existing document" }).click();
  await expect(page.getByTestId("reading-view")).toContainText("Islamic State’s Khurasan Province");
  await expect(page.getByText("This text was repaired on import.")).toBeVisible();
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await expectAccessible(page, "repaired text");

  await page.goto(`/projects/${projectId}`);
  await expect(page.getByTestId("documents-table").locator("tbody tr")).toHaveCount(2);
  await expectAccessible(page, "two documents");
});

test("details per file before upload, the file's own details after it, and a missing publication date", async ({ page }) => {
  await signUp(page, "Cataloguer");
  const projectId = await createProject(page, "Details at import");
  await page.goto(`/projects/${projectId}/import`);
  await page.getByLabel(/Enter details .* before importing/).check();
  await page.getByTestId("import-files").setInputFiles([corpus001, fixture("sample.docx")]);
  const row = (name: string) => page.getByTestId("import-row").filter({ hasText: name });
  const report = row("001_f42c43737148646d.txt");
  await expect(report).toHaveAttribute("data-state", "staged");
  await report.getByLabel("Title").fill("ISKP at a glance");
  await report.getByLabel("Authors").fill("A. Analyst; B. Writer");
  await report.getByLabel("Publication date").fill("2024-05");
  await expect(report.getByText("precision: month")).toBeVisible();
  await expectAccessible(page, "details before import");
  await report.getByLabel("URL").fill("https://example.org/iskp");
  await page.getByRole("button", { name: "Import 2 files" }).click();

  await expect(report).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await expect(report.getByRole("link", { name: "Open “ISKP at a glance”" })).toBeVisible();
  await expect(report.getByTestId("import-details")).toContainText("published 2024-05 · A. Analyst; B. Writer");
  // 001 starts with blank lines: kept, and the report says the offsets are the file's.
  await expect(report.getByTestId("import-changes")).toContainText("Offsets in the stored text equal the source's.");

  // The Word file's own details, marked as read from it, corrected after import.
  const word = row("sample.docx");
  await expect(word).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await expect(word.getByTestId("import-report")).toContainText("Word document body text");
  await word.getByTestId("import-details").locator("summary").click();
  await expect(word.getByLabel("Authors")).toHaveValue("Amina Okafor");
  await expect(word.getByLabel("Publication date")).toHaveValue("2023-11-05");
  await expect(word.getByText("(from the file)").first()).toBeVisible();
  await expectAccessible(page, "details after import");
  await word.getByLabel("Publisher").fill("Field Office");
  await word.getByRole("button", { name: "Save details" }).click();
  await expect(word.getByRole("status")).toHaveText("Details saved.");

  // A pasted text without a date: its page says so and offers to set it.
  await page.getByLabel(/Enter details .* before importing/).uncheck();
  await page.locator("form").filter({ hasText: "Import pasted text" }).getByLabel("Title").first().fill("Undated note");
  await page.getByLabel("Text", { exact: true }).fill("On January 26 the group struck again.");
  await page.getByRole("button", { name: "Import pasted text" }).click();
  const pasted = row("Undated note");
  await expect(pasted).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await expect(pasted.getByTestId("import-report")).toContainText("pasted text");
  await expect(pasted.getByTestId("import-details")).toContainText("no publication date");
  await pasted.getByRole("link", { name: "Open “Undated note”" }).click();
  await expect(page.getByTestId("no-publication-date")).toBeVisible();
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await expectAccessible(page, "no publication date");
  await page.getByRole("button", { name: "Set the publication date" }).click();
  const published = page.getByLabel(/^Published/);
  await expect(published).toBeFocused();
  await expectAccessible(page, "details form");
  await published.fill("2015-02");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByTestId("no-publication-date")).toHaveCount(0);
  await expect(page.getByText("published 2015-02")).toBeVisible();

  // 001 starts with two blank lines, kept in the stored text: it still reads from its heading, and
  // with a publication date given at import its page has no notice.
  await page.goto(`/projects/${projectId}`);
  await page.getByTestId("documents-table").getByRole("link", { name: "ISKP at a glance" }).click();
  const view = page.getByTestId("reading-view");
  await expect(view).toHaveAttribute("data-interactive", "true", { timeout: 30_000 });
  await expect(view.locator("p").first()).toHaveText("Islamic State in Khorasan Province (ISKP)");
  await expect(page.getByText("published 2024-05")).toBeVisible();
  await expect(page.getByTestId("no-publication-date")).toHaveCount(0);
  await expectAccessible(page, "publication date given at import");
});
