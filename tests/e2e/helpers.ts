/** Shared steps for browser journeys. */
import { expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { expectAccessible } from "./a11y";

export { expectAccessible } from "./a11y";

export const PASSWORD = "a long test passphrase 42";

export function uniqueEmail(prefix: string) {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.org`;
}

/** Signs up through the form (the form itself is tested in auth.spec.ts) and lands on /projects. */
export async function signUp(page: Page, name: string, email = uniqueEmail(name.toLowerCase())) {
  await page.goto("/signup");
  await expectAccessible(page);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expectAccessible(page);
  return email;
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signin");
  await expectAccessible(page);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expectAccessible(page);
}

export async function createProject(page: Page, name: string): Promise<string> {
  await page.goto("/projects");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expectAccessible(page);
  return page.url().split("/projects/")[1]!.split(/[/?#]/)[0]!;
}

/** Imports files through the import page and waits for every row to finish. Returns document ids by file name. */
export async function importFiles(page: Page, projectId: string, files: string[]): Promise<Record<string, string>> {
  await page.goto(`/projects/${projectId}/import`);
  await page.getByTestId("import-files").setInputFiles(files);
  const rows = page.getByTestId("import-row");
  await expect(rows).toHaveCount(files.length);
  await expect(page.locator('[data-testid="import-row"][data-state="done"], [data-testid="import-row"][data-state="failed"]')).toHaveCount(files.length, { timeout: 30_000 });
  await expectAccessible(page, "files imported");
  const ids: Record<string, string> = {};
  for (const row of await rows.all()) {
    const name = (await row.locator(".name").textContent())!.trim();
    const href = await row.getByRole("link", { name: /^Open/ }).getAttribute("href").catch(() => null);
    if (href) ids[name] = href.split("/documents/")[1]!;
  }
  return ids;
}

/**
 * Drags the mouse across the first occurrence of `phrase` in the reading view whose paragraph also
 * contains `context` (a phrase may occur more than once in a report), 1 px inside the first and last
 * character boxes.
 */
export async function selectWithMouse(page: Page, phrase: string, context = phrase) {
  // Paragraphs use content-visibility: auto, so the layout around a paragraph can still move just after it
  // is scrolled into view: scroll, let two frames pass, and measure only once the box stops moving.
  const measure = () => page.getByTestId("reading-view").evaluate(async (root, [phrase, context]) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(phrase);
      if (at === -1 || !node.parentElement!.textContent!.includes(context)) continue;
      (node.parentElement as HTMLElement).scrollIntoView({ block: "center" });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      // A paragraph taller than the window is centred as a whole: bring the phrase itself to the middle.
      const phraseRange = document.createRange();
      phraseRange.setStart(node, at);
      phraseRange.setEnd(node, at + phrase.length);
      const box = phraseRange.getBoundingClientRect();
      let scroller: HTMLElement | null = node.parentElement;
      while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
      const delta = box.top + box.height / 2 - window.innerHeight / 2;
      if (scroller) scroller.scrollTop += delta;
      else window.scrollBy(0, delta);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const first = range.getClientRects()[0]!;
      range.setStart(node, at + phrase.length - 1);
      range.setEnd(node, at + phrase.length);
      const last = range.getClientRects()[0]!;
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, [phrase, context] as const);
  const selected = () => page.evaluate(() => window.getSelection()?.toString() ?? "");
  // A layout shift during the drag (paragraphs rendered as they come into view) can leave the pointer off
  // the phrase: then drag again, at most three times.
  for (let attempt = 0; attempt < 3; attempt++) {
    let box = await measure();
    for (let i = 0; i < 5 && box; i++) {
      const again = await measure();
      if (again && again.y1 === box.y1 && again.x1 === box.x1) break;
      box = again;
    }
    expect(box, `"${phrase}" is in the reading view`).not.toBeNull();
    await page.mouse.move(box!.x1, box!.y1);
    await page.mouse.down();
    await page.mouse.move((box!.x1 + box!.x2) / 2, box!.y2, { steps: 5 });
    await page.mouse.move(box!.x2, box!.y2, { steps: 5 });
    await page.mouse.up();
    if ((await selected()) === phrase) break;
  }
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? "")).toBe(phrase);
}
