/**
 * The document page on narrow screens, and every page in the dark theme.
 *
 * Below 1000 px the claim form is a sheet at the bottom of the window and the text scrolls the claim's
 * evidence into the part above it: at 390 × 844 and 900 × 800 a new claim's form and its evidence are
 * both in view, the evidence not covered by the form (checked by geometry and by what the browser
 * finds at the evidence's centre); screenshots of each are attached to the report. The claims list is a
 * drawer (a button with aria-expanded, Esc and a close button, focus in and back), and a claim opened
 * from it shows the same way. From 1000 px nothing of this shows.
 * In the dark theme (prefers-color-scheme: dark) the accessibility gate, colour contrast included,
 * holds on each page and state visited.
 */
import { test, expect } from "./a11y";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { airportRecord, createProject, expectAccessible, expectNoSidewaysScroll, importFiles, selectWithMouse, signUp, tagAttack } from "./helpers";

const FILE = "002_3aa3bfc23594a89e.txt";
const REPORT = path.join(__dirname, "../../prisma/demo/corpus", FILE);
/** Two phrases of the report: one a few screens down, one further. */
const NEAR = "the suicide bomb which occurred on August 26th at Kabul Airport";
const FAR = "IS-KP resumed their campaign against the Taliban";

type Box = { top: number; bottom: number; left: number; right: number };

/** Where the first occurrence of `phrase` is drawn in the reading view (no scrolling). */
function phraseBox(page: Page, phrase: string): Promise<Box | null> {
  return page.getByTestId("reading-view").evaluate((root, phrase) => {
    const walker = document.createTreeWalker(root.querySelector(".ProseMirror")!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(phrase);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + phrase.length);
      const r = range.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    }
    return null;
  }, phrase);
}

/** Where the open claim's evidence is drawn: the ranges of the focused claim's highlight. */
function focusedBox(page: Page): Promise<Box | null> {
  return page.evaluate(() => {
    const ranges = [...(CSS.highlights.get("claim-focus") ?? [])];
    if (!ranges.length) return null;
    const boxes = ranges.map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.getBoundingClientRect();
    });
    return { top: Math.min(...boxes.map((b) => b.top)), bottom: Math.max(...boxes.map((b) => b.bottom)), left: Math.min(...boxes.map((b) => b.left)), right: Math.max(...boxes.map((b) => b.right)) };
  });
}

/**
 * The claim form is in the window, and the evidence is too: below the top bar, above the form, and the
 * text itself (not the form or the bar) is what the browser finds at its centre. Polled: the text
 * scrolls into place over a few frames.
 */
async function expectFormBesideEvidence(page: Page, evidence: () => Promise<Box | null>) {
  const panel = page.getByTestId("claim-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("heading", { level: 2 })).toBeInViewport();
  await expect.poll(async () => {
    const box = await evidence();
    if (!box) return "no evidence drawn";
    return page.evaluate((box) => {
      const sheet = document.querySelector(".claim-sheet")!.getBoundingClientRect();
      const bar = document.querySelector(".workspace-bar")!.getBoundingClientRect();
      const where = `evidence ${Math.round(box.top)}–${Math.round(box.bottom)}, bar ends ${Math.round(bar.bottom)}, form ${Math.round(sheet.top)}–${Math.round(sheet.bottom)} of ${window.innerHeight}`;
      if (sheet.top < 0 || sheet.bottom > window.innerHeight + 1) return `form outside the window: ${where}`;
      if (box.top < Math.max(0, bar.bottom) || box.bottom > sheet.top) return `evidence hidden: ${where}`;
      const hit = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2);
      return hit?.closest(".reading-pane") ? "in view" : `covered by ${hit?.className || hit?.tagName}: ${where}`;
    }, box);
  }).toBe("in view");
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

async function openDocument(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
}

test("below 1000 px the claim form opens next to its evidence and the claims list is a drawer", async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  await signUp(page, "Nadia");
  const projectId = await createProject(page, "Reading on a phone");
  const ids = await importFiles(page, projectId, [REPORT]);
  const url = `/projects/${projectId}/documents/${ids[FILE]}`;

  // From 1000 px the list stays beside the text and no drawer button shows.
  await page.setViewportSize({ width: 1000, height: 800 });
  await openDocument(page, url);
  await expect(page.getByTestId("claims-drawer-toggle")).toBeHidden();
  const list = page.getByRole("heading", { level: 2, name: /^Claims/ });
  await expect(list).toBeVisible();
  const text = (await page.locator(".reading-pane").boundingBox())!;
  expect((await list.boundingBox())!.x, "the list is right of the text").toBeGreaterThan(text.x + text.width);

  for (const [width, height, phrase] of [[390, 844, NEAR], [900, 800, FAR]] as const) {
    await page.setViewportSize({ width, height });
    await openDocument(page, url);
    await expectNoSidewaysScroll(page, "document page");
    await expectAccessible(page, `document at ${width} px`);
    await selectWithMouse(page, phrase);
    await page.getByTestId("type-option-attack").click();
    const panel = page.getByTestId("claim-panel");
    await expect(panel.getByTestId("span-quote")).toHaveText(`“${phrase}”`);
    // The new claim's evidence stays marked while its form is open: drawn as the focused claim, over the phrase.
    await expectFormBesideEvidence(page, () => focusedBox(page));
    const round = (b: Box | null) => b && Object.fromEntries(Object.entries(b).map(([k, v]) => [k, Math.round(v)]));
    expect(round(await focusedBox(page))).toEqual(round(await phraseBox(page, phrase)));
    await expectNoSidewaysScroll(page, "claim form");
    await screenshot(page, testInfo, `claim-form-${width}`);
    await expectAccessible(page, `claim form at ${width} px`);
    await panel.getByTestId("save-claim").click();
    await expect(page.getByTestId("toast")).toContainText("Claim saved");
    await expect(panel).toHaveCount(0);
  }

  // The claims list as a drawer, at 390 px, from the top of the text.
  await page.setViewportSize({ width: 390, height: 844 });
  await openDocument(page, url);
  const toggle = page.getByRole("button", { name: "Claims (2)" });
  const drawer = page.getByTestId("claims-drawer");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(toggle).toHaveAttribute("aria-controls", (await drawer.getAttribute("id"))!);
  await expect(drawer).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(drawer).toBeInViewport();
  const close = drawer.getByRole("button", { name: /^Close the claims list/ });
  await expect(close).toBeFocused();
  await expectNoSidewaysScroll(page, "claims drawer");
  await expectAccessible(page, "claims drawer at 390 px");
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Enter");
  await expect(close).toBeFocused();
  await close.click();
  await expect(drawer).toBeHidden();
  await expect(toggle).toBeFocused();

  // A claim opened from the drawer: the drawer closes, the text scrolls its evidence above the form.
  await toggle.click();
  await drawer.getByTestId("claim-row").filter({ hasText: FAR }).click();
  await expect(drawer).toBeHidden();
  await expect(page.getByTestId("claim-panel").getByTestId("span-quote")).toHaveText(`“${FAR}”`);
  await expectFormBesideEvidence(page, () => focusedBox(page));
  await screenshot(page, testInfo, "claim-from-drawer-390");
  await expectAccessible(page, "claim opened from the drawer at 390 px");
});

test("dark theme: pages, the document page and its claim form keep their contrast", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ colorScheme: "dark" });
  await signUp(page, "Dara");
  await expect(page.locator('meta[name="color-scheme"]')).toHaveAttribute("content", "light dark");
  // The dark theme is what is being checked: the page is dark.
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe("rgb(21, 24, 29)");

  const projectId = await createProject(page, "Night shift");
  const base = `/projects/${projectId}`;
  const ids = await airportRecord(page, projectId);

  // The document page: the popover, a new claim's form with readings, a saved claim with its review section.
  const url = `${base}/documents/${ids["001_f42c43737148646d.txt"]}`;
  await openDocument(page, url);
  await expectAccessible(page, "document, dark");
  await selectWithMouse(page, "ISKP conducted a suicide bombing outside a bank in Jalalabad");
  await expect(page.getByTestId("selection-popover")).toBeVisible();
  await expectAccessible(page, "type popover, dark");
  // Type names carry their underline in the lightened colour the dark highlights use, where the
  // type's own colour would be too dark to see (the blue of Size estimate).
  const cue = await page.getByTestId("type-option-size_estimate").locator(".type-name").evaluate((el) => {
    const probe = (value: string) => {
      const p = document.createElement("span");
      p.style.color = value;
      document.body.append(p);
      const rgb = getComputedStyle(p).color;
      p.remove();
      return rgb;
    };
    const inline = (el as HTMLElement).style;
    return { drawn: getComputedStyle(el).textDecorationColor, own: probe(inline.getPropertyValue("--type-line")), dark: probe(inline.getPropertyValue("--type-line-dark")) };
  });
  expect(cue.dark).not.toBe(cue.own);
  expect(cue.drawn).toBe(cue.dark);
  await page.getByTestId("type-option-attack").click();
  const panel = page.getByTestId("claim-panel");
  await panel.getByTestId("field-date").fill("April 18, 2015");
  await expect(panel.getByTestId("field-date-parsed")).toHaveAttribute("data-tone", "ok");
  await panel.getByTestId("field-fatalities").fill("33 killed");
  await expect(panel.getByTestId("field-fatalities-parsed")).toHaveAttribute("data-tone", "ok");
  await expectAccessible(page, "new claim form, dark");
  await panel.getByTestId("save-claim").click();
  await expect(page.getByTestId("toast")).toContainText("Claim saved");
  await expectAccessible(page, "claim saved, dark");
  await page.getByTestId("claim-row").first().click();
  await expect(panel.getByTestId("span-quote")).toBeVisible();
  await expectAccessible(page, "claim opened, dark");
  await screenshot(page, testInfo, "dark-document-1400");

  // Narrow and dark: the drawer and the sheet.
  await page.setViewportSize({ width: 390, height: 844 });
  await openDocument(page, url);
  await page.getByTestId("claims-drawer-toggle").click();
  await expect(page.getByTestId("claims-drawer")).toBeInViewport();
  await expectAccessible(page, "claims drawer, dark");
  await page.getByTestId("claims-drawer").getByTestId("claim-row").first().click();
  await expect(panel.getByTestId("span-quote")).toBeVisible();
  await expectFormBesideEvidence(page, () => focusedBox(page));
  await screenshot(page, testInfo, "dark-claim-form-390");
  await expectAccessible(page, "claim sheet, dark");
  await page.setViewportSize({ width: 1400, height: 900 });

  // A claim left waiting for review, for the review queue.
  await openDocument(page, `${base}/documents/${ids[FILE]}`);
  await expectAccessible(page, "second document, dark");
  await tagAttack(page, FAR);
  await page.getByTestId("submit-all-claims").click();
  await expect(page.locator(".submit-all").getByRole("status")).toContainText("Submitted 1 claim");

  const pages: { name: string; url: string; ready: (p: Page) => Promise<void> }[] = [
    { name: "projects", url: "/projects", ready: (p) => expect(p.getByRole("link", { name: "Night shift" })).toBeVisible() },
    { name: "overview", url: base, ready: (p) => expect(p.getByTestId("documents-table")).toBeVisible() },
    { name: "claim types", url: `${base}/claim-types`, ready: (p) => expect(p.getByTestId("claim-type-attack")).toBeVisible() },
    { name: "claims", url: `${base}/claims`, ready: (p) => expect(p.getByTestId("claims-table")).toBeVisible() },
    { name: "records", url: `${base}/records`, ready: (p) => expect(p.getByTestId("records-total")).toHaveText("1 record") },
    { name: "review", url: `${base}/review`, ready: (p) => expect(p.getByTestId("review-row")).toHaveCount(1) },
    { name: "settings", url: `${base}/settings`, ready: (p) => expect(p.getByTestId("workflow-form")).toBeVisible() },
    { name: "activity", url: `${base}/activity`, ready: (p) => expect(p.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible() },
    { name: "account", url: "/account", ready: (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible() },
  ];
  for (const { name, url, ready } of pages) {
    await page.goto(url);
    await ready(page);
    await expectAccessible(page, `${name}, dark`);
  }

  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await expectAccessible(page, "sign-in, dark");
});
