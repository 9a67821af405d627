/**
 * Workflow settings and assignment, as a team would use them: the owner makes the project blind with
 * two annotators per document, adds an annotator and assigns them one document out of two with the
 * bulk control; the annotator finds it on My work, opens it through "Next document" and marks it done.
 */
import { test, expect } from "./a11y";
import path from "node:path";
import { createProject, expectAccessible, importFiles, signUp } from "./helpers";

const attackReport = path.join(__dirname, "../fixtures/e2e/attack-report.txt");
const corpus001 = path.join(__dirname, "../../prisma/demo/corpus/001_f42c43737148646d.txt");

test("owner sets up a blind workflow and assigns a document; the annotator works through it", async ({ page, browser }) => {
  const annotatorContext = await browser.newContext();
  const annotatorPage = await annotatorContext.newPage();
  const annotatorEmail = await signUp(annotatorPage, "Anna");

  await signUp(page, "Olive");
  const projectId = await createProject(page, "Blind study");
  const base = `/projects/${projectId}`;

  // Workflow settings, reached from the project's sections.
  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Workflow" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Workflow settings" })).toBeVisible();
  await expect(page.getByLabel("Open", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Editors may approve their own claims")).not.toBeChecked();
  await expectAccessible(page);
  await page.getByLabel("Blind", { exact: true }).check();
  await page.getByLabel("Annotators per document").selectOption("2");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("workflow-form").getByRole("status")).toHaveText("Settings saved.");
  await page.reload();
  await expect(page.getByLabel("Blind", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Annotators per document")).toHaveValue("2");
  await expectAccessible(page, "saved");

  await importFiles(page, projectId, [attackReport, corpus001]);
  await page.goto(base);
  await expect(page.getByTestId("workflow-summary")).toContainText("Blind annotation");
  await expect(page.getByTestId("workflow-summary")).toContainText("2 annotators per document");

  // Add the annotator as a member, by e-mail.
  await page.getByLabel("E-mail of the person to add").fill(annotatorEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("annotator");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByTestId("members")).toContainText("Anna");

  // Before any assignment, My work says what to do.
  await annotatorPage.goto(`${base}/my-work`);
  await expect(annotatorPage.getByText("No documents assigned yet.")).toBeVisible();
  await expectAccessible(annotatorPage, "nothing assigned");

  // Bulk-assign: one of the two documents, to the annotator.
  const rows = page.getByTestId("document-row");
  await expect(rows).toHaveCount(2);
  const row = rows.first();
  const title = (await row.getByRole("link").first().textContent())!.trim();
  const otherRow = rows.nth(1);
  await expect(row.getByTestId("assigned-cell")).toContainText("0 of 2 · needs 2 more");
  await expectAccessible(page, "documents with assignment controls");
  await row.getByRole("checkbox", { name: `Select ${title}` }).check();
  await page.getByTestId("bulk-assign").getByRole("checkbox", { name: /Anna/ }).check();
  await page.getByRole("button", { name: "Assign 1 document" }).click();
  await expect(page.getByTestId("bulk-assign").getByRole("status")).toHaveText("1 assignment made.");
  await expect(row.getByTestId("assigned-cell")).toContainText("Anna");
  await expect(row.getByTestId("assigned-cell")).toContainText("Not started");
  await expect(row.getByTestId("assigned-cell")).toContainText("1 of 2 · needs 1 more");
  await expect(otherRow.getByTestId("assigned-cell")).not.toContainText("Anna");
  // Assigning again changes nothing.
  await row.getByRole("checkbox", { name: `Select ${title}` }).check();
  await page.getByRole("button", { name: "Assign 1 document" }).click();
  await expect(page.getByTestId("bulk-assign").getByRole("status")).toHaveText("0 assignments made; 1 already existed.");
  await expect(row.getByTestId("assigned-cell").getByText("Anna")).toHaveCount(1);
  await expect(page).toHaveTitle(/Project/);
  await expectAccessible(page, "assigned");

  // The annotator: My work lists the document, Next document opens it.
  await annotatorPage.goto(`${base}/my-work`);
  const item = annotatorPage.getByTestId("my-work-row");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(title);
  await expect(item).toHaveAttribute("data-state", "not_started");
  await expectAccessible(annotatorPage, "one assigned");
  await annotatorPage.getByTestId("next-document").click();
  await expect(annotatorPage).toHaveURL(new RegExp(`/documents/`));
  await expect(annotatorPage.getByTestId("document-title")).toHaveText(title);
  await expectAccessible(annotatorPage, "next document");

  await annotatorPage.goto(`${base}/my-work`);
  await annotatorPage.getByRole("button", { name: `Mark in progress: ${title}` }).click();
  await expect(item).toHaveAttribute("data-state", "in_progress");
  await annotatorPage.getByRole("button", { name: `Mark done: ${title}` }).click();
  await expect(item).toHaveAttribute("data-state", "done");
  await expect(annotatorPage.getByText("All done.")).toBeVisible();
  await expect(annotatorPage.getByTestId("next-document")).toHaveCount(0);
  await expect(annotatorPage).toHaveTitle(/My work/);
  await expectAccessible(annotatorPage, "all done");

  // The owner sees the progress on the project page.
  await page.reload();
  await expect(row.getByTestId("assigned-cell")).toContainText("Done");
  await expectAccessible(page, "progress");
  await annotatorContext.close();
});

test("workflow pages answer 404 to non-members and to roles that cannot use them", async ({ page, browser }) => {
  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  const viewerEmail = await signUp(viewerPage, "Vera");

  await signUp(page, "Owen");
  const projectId = await createProject(page, "Closed study");
  const base = `/projects/${projectId}`;
  await page.getByLabel("E-mail of the person to add").fill(viewerEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByTestId("members")).toContainText("Vera");
  await expect(page).toHaveTitle(/Project/);
  await expectAccessible(page, "viewer added");

  // A viewer neither changes settings nor has work, and sees no assignment controls.
  for (const p of [`${base}/settings`, `${base}/my-work`]) expect((await viewerPage.goto(p))?.status(), p).toBe(404);
  await viewerPage.goto(base);
  await expect(viewerPage.getByRole("heading", { level: 1, name: "Closed study" })).toBeVisible();
  await expect(viewerPage.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Workflow" })).toHaveCount(0);
  await expect(viewerPage.getByTestId("bulk-assign")).toHaveCount(0);
  await expectAccessible(viewerPage, "viewer");

  // A stranger gets the same 404 as for a project that does not exist.
  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await signUp(stranger, "Stan");
  for (const pid of [projectId, "00000000-0000-4000-8000-000000000000"]) {
    for (const p of [`/projects/${pid}/settings`, `/projects/${pid}/my-work`]) {
      expect((await stranger.goto(p))?.status(), p).toBe(404);
      await expect(stranger.getByText("Closed study")).toHaveCount(0);
    }
  }
  await expectAccessible(stranger, "not found");
  await viewerContext.close();
  await strangerContext.close();
});
