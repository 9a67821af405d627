/**
 * Annotations from another tool: an owner imports a brat .ann for a document as suggestions, sees the
 * report (one annotation of a type the project lacks is named), accepts one suggestion, rejects one,
 * accepts the rest in bulk, and finds the accepted ones among the document's claims.
 */
import { test, expect } from "./a11y";
import { writeFileSync } from "node:fs";
import { createProject, expectAccessible, importFiles, signUp } from "./helpers";

const TEXT =
  "On Monday a bomb exploded at the central market in Kandahar, officials said.\n\n" +
  "Gunmen attacked a police checkpoint in Herat on Tuesday night.\n\n" +
  "A rocket struck an airfield near Kunduz on Wednesday.\n";

/** A brat T line for the first occurrence of `phrase` (the text is ASCII: code points = UTF-16). */
const t = (id: string, type: string, phrase: string) => {
  const start = TEXT.indexOf(phrase);
  return `${id}\t${type} ${start} ${start + phrase.length}\t${phrase}`;
};

test("import a brat file as suggestions and accept them", async ({ page }, info) => {
  const txt = info.outputPath("kandahar.txt");
  writeFileSync(txt, TEXT);
  const ann = info.outputPath("kandahar.ann");
  writeFileSync(ann, [
    t("T1", "Attack", "a bomb exploded at the central market"),
    "A1\ttarget_type T1 civilians",
    t("T2", "Attack", "Gunmen attacked a police checkpoint"),
    t("T3", "Attack", "A rocket struck an airfield"),
    t("T4", "Weather", "Wednesday"),
    "",
  ].join("\n"));

  await signUp(page, "Importer");
  const projectId = await createProject(page, "Imports");
  const ids = await importFiles(page, projectId, [txt]);
  await page.goto(`/projects/${projectId}/documents/${ids["kandahar.txt"]}`);
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await expectAccessible(page, "document");

  await page.getByTestId("import-annotations").locator("summary").click();
  const form = page.getByTestId("import-annotations");
  await form.getByLabel("File").setInputFiles(ann);
  await expect(form.getByLabel("Format")).toHaveValue("brat");
  await expect(form.getByLabel("Suggestions to accept or reject")).toBeChecked();
  await expectAccessible(page, "import form");
  await form.getByRole("button", { name: "Import" }).click();
  const report = page.getByTestId("annotation-import-report");
  await expect(report).toContainText("3 suggestions added below");
  await expect(report).toContainText("T4");
  await expect(report).toContainText("Weather");
  const rows = page.getByTestId("suggestion");
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText("a bomb exploded at the central market");
  await expect(rows.first()).toContainText("target_type: civilians");
  await expectAccessible(page, "suggestions");

  // Accept the first one: it becomes a claim and the page shows it.
  await rows.first().getByRole("button", { name: /^Accept Attack/ }).click();
  await expect(page.getByTestId("claim-count")).toHaveText("1");
  await expect(page.getByTestId("suggestion")).toHaveCount(2);
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await expectAccessible(page, "one accepted");

  // Reject the rocket; accept what is left in bulk.
  await page.getByRole("button", { name: /^Reject Attack “A rocket/ }).click();
  await expect(page.getByTestId("suggestion")).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: "Rejected 1 suggestion" })).toBeVisible();
  await expectAccessible(page, "one rejected");
  await page.getByRole("button", { name: "Accept all" }).click();
  await expect(page.getByTestId("claim-count")).toHaveText("2");
  await expect(page.getByTestId("suggestions")).toHaveCount(0);
  await expect(page.getByTestId("claim-row")).toHaveCount(2);
  await expectAccessible(page, "all decided");
});
