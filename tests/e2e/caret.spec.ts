/**
 * The reading view's caret and keyboard selection: a caret that arrow keys move from Tab focus or a
 * click, S for the sentence, E to the next punctuation mark, mouse selections snapped to whole words
 * (exact with Alt); and a PDF's wrapped lines shown reflowed, with a selection across a joined line
 * break stored with the canonical text's offsets and quote.
 */
import { test, expect } from "./a11y";
import type { Page } from "@playwright/test";
import path from "node:path";
import { ATTACK_REPORT, createProject, expectAccessible, importFiles, signUp } from "./helpers";

const PDF = path.join(__dirname, "../fixtures/import/text.pdf");
/** A report whose PDF text was saved as a text file: a blank line after every line. */
const REPORT = path.join(__dirname, "../../prisma/demo/corpus/000_c81c167527f63df1.txt");
/** text.pdf's text layer as imported (tests/unit/import/pdf.test.ts): lines end in one newline. */
const PDF_TEXT =
  "Attack report\n\nThe attack on 18 April killed 12 people.\nWitnesses said the market was crowded at the time.\n\nPage two continues the report.\nAid groups counted 40 injured.";

/** Viewport point 1 px inside the character `at` characters into the first rendered `phrase`. */
async function pointAt(page: Page, phrase: string, at = 0) {
  const box = await page.getByTestId("reading-view").evaluate(
    async (root, [phrase, at]) => {
      const walker = document.createTreeWalker(root.querySelector(".ProseMirror")!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = node.textContent!.indexOf(phrase as string);
        if (i === -1) continue;
        (node.parentElement as HTMLElement).scrollIntoView({ block: "center" });
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const r = document.createRange();
        r.setStart(node, i + (at as number));
        r.setEnd(node, i + (at as number) + 1);
        const b = r.getClientRects()[0]!;
        return { x: b.left + 1, y: b.top + b.height / 2, right: b.right - 1 };
      }
      return null;
    },
    [phrase, at] as const,
  );
  expect(box, `"${phrase}" is in the reading view`).not.toBeNull();
  return box!;
}

/** The caret: the selection's moving end, as the text from there on; null when it is not collapsed. */
const caretText = (page: Page) =>
  page.evaluate(() => {
    const s = window.getSelection();
    if (!s || !s.isCollapsed || !s.focusNode) return null;
    return (s.focusNode.textContent ?? "").slice(s.focusOffset, s.focusOffset + 12);
  });
const selected = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? "");

test("a caret moves with the keys from Tab focus and from a click; S selects a sentence, E extends to punctuation", async ({ page }) => {
  await signUp(page, "Caret");
  const projectId = await createProject(page, "Caret keys");
  const ids = await importFiles(page, projectId, [ATTACK_REPORT]);
  await page.goto(`/projects/${projectId}/documents/${Object.values(ids)[0]}`);
  const view = page.getByTestId("reading-view");
  await expect(view).toHaveAttribute("data-interactive", "true");
  await expect(view).toHaveAttribute("data-layout", "plain");
  await expect(page.getByTestId("caret-keys")).toContainText("S");
  const text = view.getByRole("document", { name: "Document text" });
  const caret = view.locator(".reading-caret");

  // Focus from the keyboard with no selection: the caret is at the start of the first visible paragraph.
  await expect(caret).toBeHidden();
  await text.focus();
  await expect(caret).toBeVisible();
  await expect.poll(() => caretText(page)).toBe("Field report");
  await expectAccessible(page, "caret shown");
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => caretText(page)).toBe("On 18 April ");
  const before = (await caret.boundingBox())!;
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await expect.poll(() => caretText(page)).toBe("18 April 202");
  await expect.poll(async () => (await caret.boundingBox())!.x).toBeGreaterThan(before.x);
  await page.keyboard.press("Control+ArrowRight");
  await expect.poll(async () => (await caretText(page))?.trimStart().startsWith("April")).toBe(true);
  await expect(page.getByTestId("selection-popover")).toHaveCount(0); // a caret is not a selection
  // Shift extends from the caret.
  await page.keyboard.press("Shift+End");
  await expect.poll(() => selected(page)).not.toBe("");
  await page.keyboard.press("ArrowLeft"); // collapses again
  await expect.poll(() => caretText(page)).not.toBeNull();

  // The caret hides when the text loses focus.
  await page.getByTestId("claim-count").click();
  await expect(caret).toBeHidden();

  // A click puts the caret there; S selects its sentence (the numbers and the semicolon stay inside).
  const at = await pointAt(page, "Officials said", 3);
  await page.mouse.click(at.x, at.y);
  await expect(caret).toBeVisible();
  await page.keyboard.press("s");
  const sentence = "Officials said more than 180 people were hurt and at least 12 were killed; the group later claimed the attack through its media outlet.";
  await expect.poll(() => selected(page)).toBe(sentence);
  await expect(page.getByTestId("selection-popover")).toBeVisible();
  await expectAccessible(page, "sentence selected");
  await page.keyboard.press("1");
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("span-quote")).toHaveText(`“${sentence}”`);
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);

  // E from a caret: to the next punctuation mark, the comma of "3-4,000" not being one; again: the next.
  const analysts = await pointAt(page, "Analysts estimate");
  await page.mouse.click(analysts.x, analysts.y);
  await expect.poll(() => caretText(page)).toBe("Analysts est");
  await page.keyboard.press("e");
  await expect.poll(() => selected(page)).toBe("Analysts estimate the group has 3-4,000 fighters.");
  await page.keyboard.press("e");
  await expect.poll(() => selected(page)).toBe("Analysts estimate the group has 3-4,000 fighters. A separate estimate by the United Nations put the figure at about 1,500 to 2,200.");
  await expect(page.getByTestId("selection-popover")).toBeVisible();
  await page.keyboard.press("1");
  await expect(panel.getByTestId("span-quote")).toContainText("about 1,500 to 2,200.”");
  await page.keyboard.press("Escape");

  // Back in the text, an arrow key leaves a caret, which stops blinking for readers who prefer less motion.
  await text.focus();
  await page.keyboard.press("ArrowRight");
  await expect(caret).toBeVisible();
  await page.emulateMedia({ reducedMotion: "reduce" });
  expect(await caret.evaluate((el) => getComputedStyle(el).animationName)).toBe("none");
});

test("mouse selections snap to whole words; with Alt they keep the exact characters", async ({ page }) => {
  await signUp(page, "Snapper");
  const projectId = await createProject(page, "Word snapping");
  const ids = await importFiles(page, projectId, [ATTACK_REPORT]);
  await page.goto(`/projects/${projectId}/documents/${Object.values(ids)[0]}`);
  const view = page.getByTestId("reading-view");
  await expect(view).toHaveAttribute("data-interactive", "true");
  await expectAccessible(page);

  // From inside one word to inside another (each drag elsewhere: two presses in one place would be a double click).
  const drag = async (alt: boolean, phrase: string, from: number, to: number) => {
    const a = await pointAt(page, phrase, from);
    const b = await pointAt(page, phrase, to);
    if (alt) await page.keyboard.down("Alt");
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.right, b.y, { steps: 6 });
    await page.mouse.up();
    if (alt) await page.keyboard.up("Alt");
  };
  await drag(false, "suicide bomber", 2, 11);
  await expect.poll(() => selected(page)).toBe("suicide bomber");
  await expect(page.getByTestId("selection-popover")).toBeVisible();
  await page.keyboard.press("1");
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("span-quote")).toHaveText("“suicide bomber”");
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);

  await drag(true, "western Kabul", 2, 10);
  await expect.poll(() => selected(page)).toBe("stern Kab");
  await expect(page.getByTestId("selection-popover")).toBeVisible();
  await page.keyboard.press("1");
  await expect(panel.getByTestId("span-quote")).toHaveText("“stern Kab”");
});

test("a PDF's wrapped lines are reflowed; a selection across a joined line break stores the exact offsets and quote", async ({ page }) => {
  await signUp(page, "Reflow");
  const projectId = await createProject(page, "PDF reading");
  const ids = await importFiles(page, projectId, [PDF]);
  await page.goto(`/projects/${projectId}/documents/${ids["text.pdf"]}`);
  const view = page.getByTestId("reading-view");
  await expect(view).toHaveAttribute("data-interactive", "true");
  await expect(view).toHaveAttribute("data-layout", "reflow");
  // The two lines of the first paragraph flow as one paragraph; the title stays apart.
  const paragraphs = view.locator(".ProseMirror p");
  await expect(paragraphs.first()).toHaveText("Attack report");
  await expect(paragraphs.nth(1)).toHaveText("The attack on 18 April killed 12 people. Witnesses said the market was crowded at the time.");
  await expectAccessible(page);

  // Drag from "12" to "Witnesses", across the line break shown as a space.
  const from = await pointAt(page, "12 people.");
  const to = await pointAt(page, "Witnesses", 8);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.right, to.y, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => selected(page)).toBe("12 people. Witnesses");
  await expect(page.getByTestId("selection-popover")).toBeVisible();
  await page.keyboard.press("1");
  const panel = page.getByTestId("claim-panel");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("toast")).toContainText("Claim saved");
  await expect(page.getByTestId("claim-count")).toHaveText("1");

  // Stored: code points of the canonical text, whose line break is one character.
  const start = PDF_TEXT.indexOf("12 people.");
  const end = PDF_TEXT.indexOf("Witnesses") + "Witnesses".length;
  expect(PDF_TEXT.slice(start, end)).toBe("12 people.\nWitnesses");
  await page.reload();
  await expect(view).toHaveAttribute("data-painted-count", "1");
  await page.getByTestId("claim-row").first().click();
  await expect(panel.locator(".spans li").first()).toContainText(`${start}–${end}`);
  // (The server refuses a quote that is not the canonical text between those offsets; the panel shows it flattened.)
  await expect(panel.getByTestId("span-quote")).toHaveText("“12 people. Witnesses”");

  // The highlight covers the same characters in the editor and, before any script, in the server's text.
  const paintedText = (p: Page) =>
    p.evaluate(() =>
      [...(CSS.highlights.get("claim-attack") ?? [])].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      }),
    );
  expect(await paintedText(page)).toEqual(["12 people. Witnesses"]);
  const bare = await page.context().newPage();
  await bare.route(/\/_next\/static\/chunks\//, (route) => route.abort());
  await bare.goto(page.url());
  await expect(bare.getByTestId("reading-view")).toHaveAttribute("data-painted-count", "1");
  expect(await paintedText(bare)).toEqual(["12 people. Witnesses"]);
  await bare.close();
});

test("a report saved as text from a PDF reads reflowed; PageDown moves the caret a screen on and the page follows it", async ({ page }) => {
  await signUp(page, "Pager");
  const projectId = await createProject(page, "Paging");
  const ids = await importFiles(page, projectId, [REPORT]);
  await page.goto(`/projects/${projectId}/documents/${Object.values(ids)[0]}`);
  const view = page.getByTestId("reading-view");
  await expect(view).toHaveAttribute("data-interactive", "true");
  await expect(view).toHaveAttribute("data-layout", "reflow");
  await expect(view.locator(".ProseMirror p").filter({ hasText: "Key Takeaway" })).toContainText("objective remains to undermine and ultimately replace");
  await expectAccessible(page);

  const caret = view.locator(".reading-caret");
  await view.getByRole("document", { name: "Document text" }).focus();
  await expect(caret).toBeVisible();
  const inWindow = () =>
    caret.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
    });
  let scrolled = await page.evaluate(() => window.scrollY);
  for (let i = 0; i < 3; i++) {
    const before = await caretText(page);
    await page.keyboard.press("PageDown");
    await expect.poll(() => caretText(page)).not.toBe(before);
    await expect.poll(inWindow).toBe(true);
    const now = await page.evaluate(() => window.scrollY);
    expect(now).toBeGreaterThan(scrolled);
    scrolled = now;
  }
  await page.keyboard.press("PageUp");
  await expect.poll(inWindow).toBe(true);
  await page.keyboard.press("Control+End");
  await expect.poll(inWindow).toBe(true);
  await expect.poll(() => page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 400)).toBe(true);
});
