/**
 * Unsaved claim drafts kept in the browser: what the "Discard changes?" question cannot catch (the
 * browser's Back button, a tab that goes away) is offered back when the document opens again. Restore
 * puts the form back as it was (an edit of a claim changed since is compared with the current version
 * and saved on top of it only once re-applied); Discard removes the draft; saving removes it too;
 * signing out removes every draft.
 */
import { test, expect } from "./a11y";
import type { Page } from "@playwright/test";
import { ATTACK_REPORT, createProject, expectAccessible, importFiles, selectWithMouse, signIn, signUp, tagAttack, uniqueEmail } from "./helpers";

const STORED = "a suicide bomber attacked a school";
const OTHER = "Officials said more than 180 people were hurt";

/** How many claim drafts this browser keeps. */
const keptDrafts = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("attest:claim-draft:")).length);

test("a draft left by Back or a closed tab is offered back, restored exactly, and gone once saved or discarded", async ({ page, browser }) => {
  test.setTimeout(180_000); // a long journey: two drafts, a second browser, a sign-out
  const email = uniqueEmail("drafter");
  await signUp(page, "Drafter", email);
  const projectId = await createProject(page, "Drafts kept");
  const ids = await importFiles(page, projectId, [ATTACK_REPORT]);
  const docPath = `/projects/${projectId}/documents/${ids["attack-report.txt"]}`;
  const panel = page.getByTestId("claim-panel");
  const notice = page.getByTestId("draft-notice");
  const discardQuestion = page.getByRole("alertdialog", { name: "Discard changes?" });

  await page.goto(docPath);
  await tagAttack(page, STORED, { perpetrators: "ISKP" });
  await expect(page.getByTestId("claim-count")).toHaveText("1");
  await expect(notice).toHaveCount(0);

  // Within the application, to the document, a new claim with a typed value and a note, then Back.
  await page.goto(`/projects/${projectId}`);
  await expectAccessible(page);
  await page.locator(`a[href="${docPath}"]`).first().click();
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await selectWithMouse(page, OTHER);
  await page.getByTestId("type-option-attack").click();
  await panel.getByTestId("field-weapon").fill("rifle");
  await panel.getByLabel("Note").fill("hurt, not killed");
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Drafts kept" })).toBeVisible();
  await expect(discardQuestion).toHaveCount(0); // Back asks nothing: the draft is kept instead
  await expect.poll(() => keptDrafts(page)).toBe(1);

  // Forward: the document offers the draft, announced politely, with its type and evidence.
  await page.goForward();
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await expect(notice).toContainText("Unsaved claim from");
  await expect(notice).toContainText(`New Attack on ‘${OTHER}’`);
  await expect(page.getByTestId("draft-restore-region")).toHaveAttribute("aria-live", "polite");
  await expect(panel).toHaveCount(0);
  await expectAccessible(page, "draft offered");

  // Restore: the form as it was, evidence included; saving stores it and removes the draft.
  await notice.getByRole("button", { name: "Restore" }).click();
  await expect(panel.getByTestId("span-quote")).toHaveText(`“${OTHER}”`);
  await expect(panel.getByTestId("field-weapon")).toHaveValue("rifle");
  await expect(panel.getByLabel("Note")).toHaveValue("hurt, not killed");
  await expect(notice).toHaveCount(0);
  await expectAccessible(page, "draft restored");
  await panel.getByTestId("save-claim").click();
  await expect(page.getByTestId("toast")).toContainText("Claim saved");
  await expect(page.getByTestId("claim-count")).toHaveText("2");
  await expect.poll(() => keptDrafts(page)).toBe(0);
  await page.reload();
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId("claim-count")).toHaveText("2");
  const otherRow = page.getByRole("listbox", { name: /^Claims/ }).getByRole("option", { name: new RegExp(OTHER) });
  await otherRow.click();
  await expect(panel.getByTestId("field-weapon")).toHaveValue("rifle");
  await panel.getByRole("button", { name: "Close claim panel (Esc)" }).click();
  await expect(panel).toHaveCount(0);

  // An edit of the stored claim, then the tab goes away without a question.
  const storedRow = page.getByRole("listbox", { name: /^Claims/ }).getByRole("option", { name: new RegExp(STORED) });
  await storedRow.click();
  await expect(panel).toContainText("version 1");
  await panel.getByTestId("field-perpetrators").fill("Taliban");
  await expect.poll(() => keptDrafts(page)).toBe(1);
  const context = page.context();
  await page.close();

  // Meanwhile the claim is changed elsewhere (the same account in another browser): version 2.
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await signIn(other, email);
  await other.goto(docPath);
  await expect(other.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await expect(other.getByTestId("draft-notice")).toHaveCount(0); // drafts stay in the browser that made them
  await other.getByRole("listbox", { name: /^Claims/ }).getByRole("option", { name: new RegExp(STORED) }).click();
  await other.getByTestId("claim-panel").getByLabel("Note").fill("checked elsewhere");
  await other.getByTestId("claim-panel").getByTestId("save-claim").click();
  await expect(other.getByTestId("toast")).toContainText("saved");
  await elsewhere.close();

  // A new tab: the edit is offered; restored on the claim as it is now, compared, never overwritten.
  const tab = await context.newPage();
  await tab.goto(docPath);
  await expect(tab.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  const tabNotice = tab.getByTestId("draft-notice");
  const tabPanel = tab.getByTestId("claim-panel");
  await expect(tabNotice).toContainText(`Changes to Attack #1 on ‘${STORED}’`);
  await expectAccessible(tab, "edit draft offered");
  await tabNotice.getByRole("button", { name: "Restore" }).click();
  await expect(tabPanel.getByTestId("save-notice")).toHaveText("This claim changed since your draft (v1 → v2): check before saving.");
  await expect(tabPanel.getByTestId("field-perpetrators")).toHaveValue("Taliban");
  await expect(tabPanel.getByTestId("conflict-compare")).toBeVisible();
  await expect(tabPanel.locator('[data-testid="conflict-part"][data-part="note"]')).toHaveAttribute("data-change", "theirs");
  await expect(tabPanel.locator('[data-testid="conflict-part"][data-part="perpetrators"]')).toHaveAttribute("data-change", "mine");
  await expectAccessible(tab, "edit draft restored on a newer version");
  await tabPanel.getByTestId("reapply-mine").click();
  await expect(tabPanel.getByTestId("field-perpetrators")).toHaveValue("Taliban");
  await expect(tabPanel.getByLabel("Note")).toHaveValue("checked elsewhere");
  await tabPanel.getByTestId("save-claim").click();
  await expect(tab.getByTestId("toast")).toContainText("saved");
  await expect.poll(() => keptDrafts(tab)).toBe(0);
  await tab.getByRole("listbox", { name: /^Claims/ }).getByRole("option", { name: new RegExp(STORED) }).click();
  await expect(tabPanel).toContainText("version 3");
  await expect(tabPanel.getByTestId("field-perpetrators")).toHaveValue("Taliban");
  await expect(tabPanel.getByLabel("Note")).toHaveValue("checked elsewhere");

  // Discard: another edit left behind, offered, discarded; the claim is as stored.
  await tabPanel.getByTestId("field-perpetrators").fill("Unknown group");
  await expect.poll(() => keptDrafts(tab)).toBe(1);
  const third = await context.newPage();
  await tab.close();
  // On a phone, where the side column comes after the whole text, the offer is still in sight.
  await third.setViewportSize({ width: 390, height: 844 });
  await third.goto(docPath);
  await expect(third.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await expect(third.getByTestId("draft-notice")).toContainText("Changes to Attack #1");
  await expect(third.getByTestId("draft-notice")).toBeInViewport({ ratio: 1 });
  await expectAccessible(third, "draft offered on a phone");
  await third.setViewportSize({ width: 1400, height: 900 });
  await third.getByTestId("draft-notice").getByRole("button", { name: "Discard" }).click();
  await expect(third.getByTestId("draft-notice")).toHaveCount(0);
  expect(await keptDrafts(third)).toBe(0);
  await third.reload();
  await expect(third.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await expect(third.getByTestId("draft-notice")).toHaveCount(0);
  await third.getByRole("listbox", { name: /^Claims/ }).getByRole("option", { name: new RegExp(STORED) }).click();
  await expect(third.getByTestId("claim-panel").getByTestId("field-perpetrators")).toHaveValue("Taliban");

  // Signing out removes the drafts kept in this browser.
  await third.getByTestId("claim-panel").getByTestId("field-perpetrators").fill("Someone else");
  await expect.poll(() => keptDrafts(third)).toBe(1);
  third.on("dialog", (d) => void d.accept()); // the browser's "Leave site?" for the open form: leave
  await third.getByRole("button", { name: "Sign out" }).click();
  await expect(third).toHaveURL(/\/signin/);
  expect(await keptDrafts(third)).toBe(0);
});
