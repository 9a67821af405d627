/**
 * Claim review as a team uses it: an annotator tags two passages, submits one from the claim panel and
 * the rest with "Submit all my claims on this document"; an editor works through the review queue with
 * the keyboard alone (a approves, r opens the reason, Enter rejects, focus moves on to the next row);
 * the annotator then sees each claim's status, and the rejection's reason in the claim's history.
 */
import { test, expect } from "./a11y";
import path from "node:path";
import type { Page } from "@playwright/test";
import { createProject, expectAccessible, importFiles, selectWithMouse, signUp } from "./helpers";

const TXT = path.join(__dirname, "../fixtures/e2e/attack-report.txt");
const FIRST = "a suicide bomber attacked a school";
const SECOND = "the group later claimed the attack";
const REASON = "The passage does not say who attacked.";

async function tagAttack(page: Page, phrase: string) {
  await selectWithMouse(page, phrase);
  await page.getByTestId("type-option-attack").click();
  await page.getByTestId("claim-panel").getByTestId("save-claim").click();
  await expect(page.getByTestId("toast")).toContainText("Claim saved");
}

async function openFromList(page: Page, phrase: string) {
  await page.getByTestId("claim-row").filter({ hasText: phrase }).click();
  await expect(page.getByTestId("claim-panel").getByTestId("span-quote")).toHaveText(`“${phrase}”`);
}

test("an annotator submits claims; an editor approves and rejects them from the queue with the keyboard", async ({ page, browser }) => {
  const annotator = await (await browser.newContext()).newPage();
  const editor = await (await browser.newContext()).newPage();
  const annotatorEmail = await signUp(annotator, "Anna");
  const editorEmail = await signUp(editor, "Edith");

  await signUp(page, "Olive");
  const projectId = await createProject(page, "Review study");
  const base = `/projects/${projectId}`;
  const ids = await importFiles(page, projectId, [TXT]);
  await page.goto(base);
  for (const [email, role] of [[annotatorEmail, "annotator"], [editorEmail, "editor"]] as const) {
    await page.locator("#member-email").fill(email);
    await page.locator("#member-role").selectOption(role);
    await page.getByRole("button", { name: "Add member" }).click();
    await expect(page.getByTestId("members")).toContainText(role === "editor" ? "Edith" : "Anna");
  }
  await expectAccessible(page, "members added");

  // The annotator tags two passages and submits the first from its panel.
  const docUrl = `${base}/documents/${ids["attack-report.txt"]}`;
  await annotator.goto(docUrl);
  await expect(annotator.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await expectAccessible(annotator);
  await tagAttack(annotator, FIRST);
  await tagAttack(annotator, SECOND);
  await openFromList(annotator, FIRST);
  const panel = annotator.getByTestId("claim-panel");
  await expect(panel.getByTestId("claim-status")).toHaveText("Draft");
  await expectAccessible(annotator, "draft claim with review actions");
  await panel.getByTestId("review-submit").click();
  await expect(panel.getByTestId("claim-status")).toHaveText("Submitted");
  await expect(panel.getByTestId("review-submit")).toHaveCount(0);
  // The second goes with "Submit all"; the first, already submitted, is not counted again.
  await annotator.getByTestId("submit-all-claims").click();
  await expect(annotator.locator(".submit-all").getByRole("status")).toHaveText("Submitted 1 claim for review.");
  await expectAccessible(annotator, "all submitted");

  // The editor works through the queue with the keyboard.
  await editor.goto(`${base}/review`);
  await expect(editor.getByRole("heading", { level: 1, name: "Review" })).toBeVisible();
  const rows = editor.getByTestId("review-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(FIRST);
  await expect(rows.nth(0)).toContainText("Anna");
  await expect(rows.nth(1)).toContainText(SECOND);
  await expectAccessible(editor);
  // o opens the claim in its document, where the panel offers the same decisions.
  await rows.nth(0).focus();
  await editor.keyboard.press("o");
  await expect(editor).toHaveURL(/\/documents\/[^/]+#claim-1$/);
  const editorPanel = editor.getByTestId("claim-panel");
  await expect(editorPanel.getByTestId("span-quote")).toHaveText(`“${FIRST}”`);
  await expect(editorPanel.getByTestId("claim-status")).toHaveText("Submitted");
  await expect(editorPanel.getByTestId("review-approve")).toBeVisible();
  await expectAccessible(editor, "claim opened from the queue");
  await editor.goto(`${base}/review`);
  await expect(rows).toHaveCount(2);
  await rows.nth(0).focus();
  await editor.keyboard.press("a");
  const announcement = editor.getByTestId("review-announcement");
  await expect(announcement).toContainText("Approved #1");
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toBeFocused();
  await expect(rows.nth(0)).toContainText(SECOND);
  await editor.keyboard.press("r");
  await expect(editor.getByTestId("reject-reason")).toBeFocused();
  await expectAccessible(editor, "reason field open");
  await editor.keyboard.type(REASON);
  await editor.keyboard.press("Enter");
  // The emptied page asks the server for more: none are left.
  await expect(editor.getByTestId("review-empty")).toContainText("Nothing to review");
  await expectAccessible(editor, "queue empty");

  // The annotator sees both decisions, and why the second was rejected.
  await annotator.reload();
  await expect(annotator.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await openFromList(annotator, FIRST);
  await expect(panel.getByTestId("claim-status")).toHaveText("Approved");
  await openFromList(annotator, SECOND);
  await expect(panel.getByTestId("claim-status")).toHaveText("Rejected");
  // A rejected claim can be reworked and submitted again by its author.
  await expect(panel.getByTestId("review-submit")).toBeVisible();
  await panel.getByTestId("claim-history").locator("summary").click();
  const entries = panel.getByTestId("history-entry");
  await expect(entries.last()).toContainText("Edith rejected version 1");
  await expect(entries.last()).toContainText(REASON);
  await expect(entries.first()).toContainText("Anna created the claim");
  await expectAccessible(annotator, "history open");

  // A comment from the annotator, for the editor to read.
  await panel.getByTestId("comment-body").fill("Reworded: the statement names the group.");
  await panel.getByRole("button", { name: "Post comment" }).click();
  await expect(panel.getByTestId("comment-list")).toContainText("Reworded: the statement names the group.");
  await expectAccessible(annotator, "comment posted");
});
