/**
 * The document page without a mouse. An annotator signs in, tags words as an attack, saves, edits,
 * undoes the edit, deletes and restores the claim with keys alone, and focus is asserted at every step
 * (it must never fall back to the page's body). A second journey steps through claims with ] [ } {,
 * hears each one announced, opens one with Enter, and moves through the claims listbox.
 */
import { test, expect } from "./a11y";
import type { Locator, Page } from "@playwright/test";
import { ATTACK_REPORT, createProject, expectAccessible, importFiles, PASSWORD, selectWithMouse, signUp, tagAttack } from "./helpers";

/** Presses Tab until `target` has focus (at most `max` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? "");
/** The words right after the caret ("" when the selection is not a caret). */
const afterCaret = (page: Page) => page.evaluate(() => {
  const s = window.getSelection();
  return s && s.isCollapsed && s.anchorNode ? (s.anchorNode.textContent ?? "").slice(s.anchorOffset, s.anchorOffset + 20) : "";
});

test("keyboard only: sign in, tag, save, edit, undo the edit, delete and restore; focus never drops", async ({ page, browser }) => {
  // The account, project and report exist already (made in another browser).
  const setup = await (await browser.newContext()).newPage();
  const email = await signUp(setup, "Keys");
  const projectId = await createProject(setup, "Keyboard journey");
  const ids = await importFiles(setup, projectId, [ATTACK_REPORT]);
  await setup.context().close();
  await page.clock.install();

  await page.goto("/signin");
  await expectAccessible(page);
  await tabTo(page, page.getByLabel("E-mail"));
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/projects$/);
  await expectAccessible(page);

  await page.goto(`/projects/${projectId}/documents/${ids["attack-report.txt"]}`);
  const view = page.getByTestId("reading-view");
  await expect(view).toHaveAttribute("data-interactive", "true");
  await expectAccessible(page);
  const text = view.getByRole("document", { name: "Document text" });
  const panel = page.getByTestId("claim-panel");
  const announcer = page.getByTestId("announcer");
  await expect(page.getByTestId("navigation-keys")).toContainText("Alt+Shift");

  // Into the text, select two words, tag them with key 1: focus lands in the form's first field.
  await tabTo(page, text);
  await page.keyboard.press("Control+Shift+ArrowRight");
  await page.keyboard.press("Control+Shift+ArrowRight");
  await expect.poll(() => selectedText(page)).toBe("Field report");
  await expect(page.getByTestId("selection-popover")).toBeVisible();
  await page.keyboard.press("1");
  await expect(panel).toContainText("New Attack");
  await expect(panel.getByTestId("field-date")).toBeFocused();
  await expect(announcer).toContainText("New Attack claim");
  await expectAccessible(page, "new claim form");
  await page.keyboard.type("18 April 2022");
  // Fatalities is one key away: Alt+Shift+8 (its number is shown beside it).
  await expect(panel.locator("[data-jump]").nth(7)).toContainText("Alt+Shift+8");
  await page.keyboard.press("Alt+Shift+Digit8");
  await expect(panel.getByTestId("field-fatalities")).toBeFocused();
  await page.keyboard.type("at least 12");
  await expect(panel.getByTestId("field-fatalities-parsed")).toContainText("12");
  // The note is field 14: Alt+Shift+4 reaches field 4, pressed again field 14.
  await page.keyboard.press("Alt+Shift+Digit4");
  await expect(panel.getByTestId("field-target")).toBeFocused();
  await page.keyboard.press("Alt+Shift+Digit4");
  await expect(panel.getByLabel("Note")).toBeFocused();

  // Save: focus returns to the text with the caret at the claim's words; no toast takes focus.
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("toast")).toContainText("Claim saved");
  await expect(panel).toHaveCount(0);
  await expect(text).toBeFocused();
  await expect.poll(() => afterCaret(page)).toMatch(/^Field report/);
  await expect(page.getByTestId("selection-popover")).toHaveCount(0);
  await expect(announcer).toContainText("Claim saved");
  await expectAccessible(page, "claim saved");
  // A message without Undo goes by itself.
  await page.clock.fastForward(9_000);
  await expect(page.getByTestId("toast")).toHaveCount(0);

  // Enter opens the claim at the selection; edit one field and save.
  await page.keyboard.press("Enter");
  await expect(panel).toContainText("#1");
  await expect(panel.getByTestId("field-date")).toBeFocused();
  await expect(announcer).toContainText("Attack #1 opened");
  await page.keyboard.press("Alt+Shift+Digit3");
  await expect(panel.getByTestId("field-perpetrators")).toBeFocused();
  await page.keyboard.type("ISKP");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("toast")).toContainText("Changes saved");
  await expect(text).toBeFocused();
  await expect.poll(() => afterCaret(page)).toMatch(/^Field report/);

  // Ctrl+Z undoes the edit (announced); the claim holds its earlier values again, at a new version.
  await page.keyboard.press("Control+z");
  await expect(announcer).toContainText("Undone: your edit of claim #1.");
  await expect(text).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(panel).toContainText("version 3");
  await expect(panel.getByTestId("field-perpetrators")).toHaveValue("");
  await expect(panel.getByTestId("field-fatalities")).toHaveValue("at least 12");
  await expectAccessible(page, "claim opened with Enter");

  // Delete from the form: focus goes onto Undo, and the message stays while it holds focus.
  await tabTo(page, panel.getByTestId("delete-claim"));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("claim-count")).toHaveText("0");
  const undo = page.getByTestId("undo");
  await expect(undo).toBeFocused();
  await expect(announcer).toContainText("Claim #1 deleted.");
  await expectAccessible(page, "undo offered");
  await page.clock.fastForward(20_000);
  await expect(undo).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("claim-count")).toHaveText("1");
  await expect(announcer).toContainText("Claim #1 restored.");
  await expect(text).toBeFocused();
  await expect.poll(() => afterCaret(page)).toMatch(/^Field report/);
  await expectAccessible(page, "claim restored");

  // Deleted again, the Undo message dismissed with Esc: Ctrl+Z in the text restores it too.
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("field-date")).toBeFocused();
  await tabTo(page, panel.getByTestId("delete-claim"));
  await page.keyboard.press("Enter");
  await expect(undo).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("toast")).toHaveCount(0);
  await expect(text).toBeFocused();
  await expect(page.getByTestId("claim-count")).toHaveText("0");
  await page.keyboard.press("Control+z");
  await expect(page.getByTestId("claim-count")).toHaveText("1");
  await expect(announcer).toContainText("Claim #1 restored.");
  await expect(text).toBeFocused();
  // Nothing is left to undo, and saying so does not move focus.
  await page.keyboard.press("Control+z");
  await expect(announcer).toContainText("Nothing to undo.");
  await expect(text).toBeFocused();

  // Esc closes an unchanged form and puts focus back on the text at the claim.
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("field-date")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(text).toBeFocused();
  await expect.poll(() => afterCaret(page)).toMatch(/^Field report/);

  await page.reload();
  await expect(view).toHaveAttribute("data-interactive", "true");
  await expect(page.getByTestId("claim-count")).toHaveText("1");
});

test("] [ } { step through claims, announced; Enter opens; F6 and the claims listbox keep focus", async ({ page }) => {
  await signUp(page, "Stepper");
  const projectId = await createProject(page, "Claim steps");
  const ids = await importFiles(page, projectId, [ATTACK_REPORT]);
  await page.goto(`/projects/${projectId}/documents/${ids["attack-report.txt"]}`);
  // Three claims in reading order: two attacks and a size estimate.
  await tagAttack(page, "a suicide bomber attacked a school");
  await tagAttack(page, "more than 180 people were hurt");
  await selectWithMouse(page, "3-4,000 fighters");
  await page.getByTestId("type-option-size_estimate").click();
  const panel = page.getByTestId("claim-panel");
  await panel.getByTestId("field-group").fill("ISKP");
  await panel.getByTestId("field-estimate").fill("3-4,000 fighters");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("claim-count")).toHaveText("3");

  // From a fresh page, with focus on the text and no claim reached yet.
  await page.reload();
  const view = page.getByTestId("reading-view");
  await expect(view).toHaveAttribute("data-interactive", "true");
  const text = view.getByRole("document", { name: "Document text" });
  const announcer = page.getByTestId("announcer");
  await tabTo(page, text);
  const steps: [string, string, string][] = [
    ["]", "Attack #1, 1 of 3: ‘a suicide bomber attacked a school’", "a suicide bomber attacked a school"],
    ["]", "Attack #2, 2 of 3: ‘more than 180 people were hurt’", "more than 180 people were hurt"],
    ["]", "Size estimate #3, 3 of 3: ‘3-4,000 fighters’", "3-4,000 fighters"],
    ["]", "Back to the first claim. Attack #1, 1 of 3: ‘a suicide bomber attacked a school’", "a suicide bomber attacked a school"],
    ["[", "Back to the last claim. Size estimate #3, 3 of 3: ‘3-4,000 fighters’", "3-4,000 fighters"],
    ["[", "Attack #2, 2 of 3: ‘more than 180 people were hurt’", "more than 180 people were hurt"],
    ["{", "Attack #1, 1 of 2 Attack claims: ‘a suicide bomber attacked a school’", "a suicide bomber attacked a school"],
    ["{", "Back to the last claim. Attack #2, 2 of 2 Attack claims: ‘more than 180 people were hurt’", "more than 180 people were hurt"],
    ["}", "Back to the first claim. Attack #1, 1 of 2 Attack claims: ‘a suicide bomber attacked a school’", "a suicide bomber attacked a school"],
  ];
  for (const [key, said, selected] of steps) {
    await page.keyboard.press(key);
    await expect(announcer).toHaveText(said);
    await expect(text).toBeFocused();
    await expect.poll(() => selectedText(page)).toBe(selected);
    // The claim's words are in view, and a claim reached is not offered for tagging again.
    const inView = await page.evaluate(() => {
      const box = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    await expect(page.getByTestId("selection-popover")).toHaveCount(0);
  }
  await expectAccessible(page, "claim reached with keys");

  // Enter opens it; F6 goes back to the text and to the form again.
  await page.keyboard.press("Enter");
  await expect(panel).toContainText("#1");
  const date = panel.getByTestId("field-date");
  await expect(date).toBeFocused();
  await page.keyboard.press("F6");
  await expect(text).toBeFocused();
  await expect.poll(() => afterCaret(page)).toBe("a suicide bomber att");
  await page.keyboard.press("F6");
  await expect(date).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(text).toBeFocused();

  // With no form open, F6 from the text goes to the claims listbox: one Tab stop, arrow keys move the
  // active row (focus stays on the list), Enter opens the active claim.
  await page.keyboard.press("F6");
  const list = page.getByRole("listbox", { name: /^Claims/ });
  await expect(list).toBeFocused();
  const active = async () => {
    const id = await list.getAttribute("aria-activedescendant");
    return id ? page.locator(`[id="${id}"]`).getAttribute("data-claim-id") : null;
  };
  await expect.poll(active).toBe("1"); // the claim open last
  await page.keyboard.press("ArrowDown");
  await expect.poll(active).toBe("2");
  await expect(list.getByRole("option", { selected: true })).toContainText("more than 180 people were hurt");
  await page.keyboard.press("End");
  await expect.poll(active).toBe("3");
  await page.keyboard.press("Home");
  await expect.poll(active).toBe("1");
  await page.keyboard.press("PageDown");
  await expect.poll(active).toBe("3");
  await page.keyboard.press("ArrowUp");
  await expect.poll(active).toBe("2");
  await expect(list).toBeFocused();
  await expect(list.getByRole("option")).toHaveCount(3);
  await expect(list.getByRole("option").first()).toHaveAttribute("aria-setsize", "3");
  await expectAccessible(page, "claims listbox");
  // Esc leaves the list for the text; F6 comes back to the same row.
  await page.keyboard.press("Escape");
  await expect(text).toBeFocused();
  await page.keyboard.press("F6");
  await expect(list).toBeFocused();
  await expect.poll(active).toBe("2");
  await page.keyboard.press("Enter");
  await expect(panel).toContainText("#2");
  await expect(date).toBeFocused();
});

test("Ctrl+Z never overwrites a later change by someone else: the undo is refused and said so", async ({ page, browser }) => {
  const other = await (await browser.newContext()).newPage();
  const otherEmail = await signUp(other, "Second");
  await signUp(page, "First");
  const projectId = await createProject(page, "Undo and others");
  await page.locator("#member-email").fill(otherEmail);
  await page.locator("#member-role").selectOption("editor");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByLabel("Role of Second")).toHaveValue("editor");
  const docUrl = `/projects/${projectId}/documents/${(await importFiles(page, projectId, [ATTACK_REPORT]))["attack-report.txt"]}`;
  await page.goto(docUrl);
  await tagAttack(page, "a suicide bomber attacked a school", { perpetrators: "ISKP" });

  // The author edits the claim from the keyboard (version 2).
  const panel = page.getByTestId("claim-panel");
  const text = page.getByTestId("reading-view").getByRole("document", { name: "Document text" });
  await expect(text).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("field-date")).toBeFocused();
  await page.keyboard.press("Alt+Shift+Digit3");
  await expect(panel.getByTestId("field-perpetrators")).toBeFocused();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Taliban");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("toast")).toContainText("Changes saved");
  await expect(text).toBeFocused();

  // Someone else then changes another field (version 3).
  await other.goto(docUrl);
  await other.getByTestId("claim-row").first().click();
  const otherPanel = other.getByTestId("claim-panel");
  await expect(otherPanel.getByTestId("field-perpetrators")).toHaveValue("Taliban");
  await otherPanel.getByTestId("field-target").fill("a school");
  await otherPanel.getByTestId("save-claim").click();
  await expect(other.getByTestId("toast")).toContainText("Changes saved");
  await other.context().close();

  // Undoing the author's edit now would overwrite that change: refused, announced, nothing lost.
  await page.keyboard.press("Control+z");
  await expect(page.getByTestId("announcer")).toHaveText("Not undone: claim #1 was changed by someone else after your edit. Open it to see their version.");
  await expect(text).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(panel).toContainText("version 3");
  await expect(panel.getByTestId("field-perpetrators")).toHaveValue("Taliban");
  await expect(panel.getByTestId("field-target")).toHaveValue("a school");
  await expectAccessible(page, "undo refused");
});
