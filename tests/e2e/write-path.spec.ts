/**
 * The client write path: two people edit one claim (the second gets the conflict view, compares and
 * re-applies, and the stored claim holds both changes), and a save whose answer is lost is retried
 * with the same idempotency key, so the claim exists once.
 */
import type { Page } from "@playwright/test";
import { test, expect } from "./a11y";
import path from "node:path";
import { createProject, expectAccessible, importFiles, selectWithMouse, signUp } from "./helpers";

const TXT = path.join(__dirname, "../fixtures/e2e/attack-report.txt");
const PHRASE = "a suicide bomber attacked a school";

async function openDocument(page: Page, projectId: string, documentId: string) {
  await page.goto(`/projects/${projectId}/documents/${documentId}`);
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
}

/** The project's claim count as the claims table states it, read without opening another tab. */
async function storedClaims(page: Page, projectId: string): Promise<string> {
  const html = await (await page.request.get(`/projects/${projectId}/claims`)).text();
  const total = /data-testid="claims-total"[^>]*>(.*?)<\/[a-z]+>/s.exec(html)?.[1] ?? "";
  return total.replace(/<!--.*?-->/g, "").trim();
}

test("two people edit one claim: the second compares with the first's version and re-applies on top of it", async ({ browser }) => {
  test.slow(); // two accounts, two browsers, and an accessibility check on every page they visit
  const ownerContext = await browser.newContext();
  const editorContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const editor = await editorContext.newPage();
  const editorEmail = await signUp(editor, "Second");
  await signUp(owner, "First");
  const projectId = await createProject(owner, "Shared claims");
  await owner.locator("#member-email").fill(editorEmail);
  await owner.locator("#member-role").selectOption("editor");
  await owner.getByRole("button", { name: "Add member" }).click();
  await expect(owner.getByLabel("Role of Second")).toHaveValue("editor");
  const documentId = Object.values(await importFiles(owner, projectId, [TXT]))[0]!;

  await openDocument(owner, projectId, documentId);
  await selectWithMouse(owner, PHRASE);
  await owner.getByTestId("type-option-attack").click();
  const ownerPanel = owner.getByTestId("claim-panel");
  await ownerPanel.getByTestId("field-target").fill("a school");
  await ownerPanel.getByTestId("field-weapon").fill("explosives");
  await ownerPanel.getByTestId("save-claim").click();
  await expect(owner.getByTestId("toast")).toContainText("Claim saved");

  // Both open the claim at version 1.
  await openDocument(editor, projectId, documentId);
  await editor.getByTestId("claim-row").first().click();
  const editorPanel = editor.getByTestId("claim-panel");
  await expect(editorPanel.getByTestId("field-target")).toHaveValue("a school");
  await owner.getByTestId("claim-row").first().click();
  await expect(ownerPanel.getByTestId("field-target")).toHaveValue("a school");

  // The first saves a change of the target.
  await ownerPanel.getByTestId("field-target").fill("a girls' school");
  await ownerPanel.getByTestId("save-claim").click();
  await expect(owner.getByTestId("toast")).toContainText("Changes saved");

  // The second, still on version 1, changes the weapon: a conflict, never an overwrite.
  await editorPanel.getByTestId("field-weapon").fill("an explosive vest");
  await editorPanel.getByTestId("save-claim").click();
  const problem = editorPanel.getByTestId("save-error");
  await expect(problem).toHaveAttribute("data-kind", "conflict");
  await expect(editorPanel.getByTestId("save-claim")).toBeEnabled();
  await expect(editorPanel.getByTestId("field-weapon")).toHaveValue("an explosive vest"); // the draft is kept
  await editorPanel.getByTestId("show-theirs").click();
  const compare = editorPanel.getByTestId("conflict-compare");
  await expect(compare).toBeVisible();
  await expectAccessible(editor, "conflict view");
  const target = compare.locator('[data-part="target"]');
  await expect(target).toHaveAttribute("data-change", "theirs");
  await expect(target.getByTestId("conflict-theirs")).toHaveText("a girls' school");
  await expect(target.getByTestId("conflict-mine")).toHaveText("a school");
  const weapon = compare.locator('[data-part="weapon"]');
  await expect(weapon).toHaveAttribute("data-change", "mine");
  await expect(weapon.getByTestId("conflict-theirs")).toHaveText("explosives");
  await expect(weapon.getByTestId("conflict-mine")).toHaveText("an explosive vest");
  await expect(compare.getByTestId("conflict-part")).toHaveCount(2);

  await compare.getByTestId("reapply-mine").click();
  await expect(compare).toHaveCount(0);
  await expect(editorPanel.getByTestId("field-target")).toHaveValue("a girls' school");
  await expect(editorPanel.getByTestId("field-weapon")).toHaveValue("an explosive vest");
  await editorPanel.getByTestId("save-claim").click();
  await expect(editor.getByTestId("toast")).toContainText("Changes saved");

  // What is stored: the second's change on top of the first's, at version 3.
  await openDocument(owner, projectId, documentId);
  await owner.getByTestId("claim-row").first().click();
  await expect(ownerPanel.getByTestId("field-target")).toHaveValue("a girls' school");
  await expect(ownerPanel.getByTestId("field-weapon")).toHaveValue("an explosive vest");
  await expect(ownerPanel).toContainText("version 3");
  await expect(owner.getByTestId("claim-count")).toHaveText("1");
  await ownerContext.close();
  await editorContext.close();
});

test("a save whose answer was lost is retried with the same key and stores one claim", async ({ page }) => {
  test.slow(); // an accessibility check on every page visited
  await signUp(page, "Offline");
  const projectId = await createProject(page, "Lost answers");
  const documentId = Object.values(await importFiles(page, projectId, [TXT]))[0]!;
  await openDocument(page, projectId, documentId);

  // The first claim save reaches the server, which stores the claim; its answer never reaches the page.
  const keys: string[] = [];
  await page.route(/\/documents\//, async (route) => {
    const request = route.request();
    const body = request.method() === "POST" && request.headers()["next-action"] ? request.postData() ?? "" : "";
    const key = /"idempotencyKey":"([^"]+)"/.exec(body)?.[1];
    if (!key) return route.continue();
    keys.push(key);
    if (keys.length > 1) return route.continue();
    await route.fetch();
    await route.abort("connectionreset");
  });

  await selectWithMouse(page, PHRASE);
  await page.getByTestId("type-option-attack").click();
  const panel = page.getByTestId("claim-panel");
  await panel.getByTestId("field-target").fill("a school");
  await panel.getByTestId("save-claim").click();
  const problem = panel.getByTestId("save-error");
  await expect(problem).toHaveAttribute("data-kind", "network");
  await expect(problem).toContainText("Not saved");
  // Not left busy, the draft still in the form, nothing shown as saved.
  await expect(panel.getByTestId("save-claim")).toBeEnabled();
  await expect(panel.getByTestId("field-target")).toHaveValue("a school");
  await expect(page.getByTestId("claim-count")).toHaveText("0");
  await expectAccessible(page, "save not answered");

  // The server did store it: without the key, a retry would make a second claim.
  expect(await storedClaims(page, projectId)).toBe("1 claim");

  await panel.getByTestId("retry-save").click();
  await expect(page.getByTestId("toast")).toContainText("Claim saved");
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  await expect(page.getByTestId("claim-count")).toHaveText("1");
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-painted-count", "1");

  await page.reload();
  await expect(page.getByTestId("claim-count")).toHaveText("1");
  expect(await storedClaims(page, projectId)).toBe("1 claim");
});
