/**
 * The pages no other journey reaches, under the same accessibility gate as the rest (a11y.ts): the
 * landing and about pages, and a project's claim types with the form for a new one; and the gate
 * itself, which must fail on what the document page used to have (an unnamed read-only textbox).
 */
import { test, expect } from "./a11y";
import { createProject, expectAccessible, signUp } from "./helpers";

test("landing and about pages, signed out", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "About and sources" }).click();
  await expect(page).toHaveURL(/\/about$/);
  await expectAccessible(page);
});

test("claim types: the list and the form for a new type", async ({ page }) => {
  await signUp(page, "Designer");
  const projectId = await createProject(page, "Codebook");
  await page.goto(`/projects/${projectId}/claim-types`);
  await expect(page.getByTestId("claim-type-attack")).toBeVisible();
  await expectAccessible(page);
  await page.getByTestId("new-claim-type").click();
  await expect(page.getByTestId("new-claim-type")).toHaveCount(0);
  await expectAccessible(page, "new claim type form");
  // Cancel with a name typed asks first; keeping edits keeps the form, discarding closes it.
  const form = page.getByRole("form", { name: "Claim type definition" });
  await form.getByLabel("Name").fill("Kidnapping");
  await form.getByRole("button", { name: "Cancel" }).click();
  const question = page.getByTestId("discard-dialog");
  await expect(question).toContainText("This claim type has changes that are not saved.");
  await expect(page.getByTestId("keep-editing")).toBeFocused();
  await expectAccessible(page, "discard question for a claim type");
  await page.getByTestId("keep-editing").click();
  await expect(question).toHaveCount(0);
  await expect(form.getByLabel("Name")).toHaveValue("Kidnapping");
  await form.getByRole("button", { name: "Cancel" }).click();
  await page.getByTestId("discard-changes").click();
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId("new-claim-type")).toBeVisible();
  // Unchanged, Cancel closes at once.
  await page.getByTestId("new-claim-type").click();
  await page.getByRole("form", { name: "Claim type definition" }).getByRole("button", { name: "Cancel" }).click();
  await expect(question).toHaveCount(0);
  await expect(page.getByTestId("new-claim-type")).toBeVisible();
});

test("the gate fails on a serious violation and says what and where", async ({ page }) => {
  // The reading view as it was: TipTap's default role="textbox", with no name.
  await page.setContent(`<!doctype html><html lang="en"><head><title>Gate</title></head><body><main><h1>Report</h1>
    <div role="textbox" contenteditable="false" tabindex="0" aria-readonly="true"><p>Some text</p></div></main></body></html>`);
  const failure = await expectAccessible(page).then(() => null, (e: Error) => e.message);
  expect(failure).toContain("[serious] aria-input-field-name");
  expect(failure).toContain("ARIA input fields must have an accessible name");
  // Named and given the role the reading view has now, the same text passes.
  await page.setContent(`<!doctype html><html lang="en"><head><title>Gate</title></head><body><main><h1>Report</h1>
    <div role="document" aria-label="Document text" contenteditable="false" tabindex="0"><p>Some text</p></div></main></body></html>`);
  await expectAccessible(page);
});
