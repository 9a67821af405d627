/**
 * The core journey: create a project, import a .txt and a .pdf, select words with the mouse, tag them
 * as an attack with typed fields, reload, and find the highlight, the stored offsets and the quote
 * exactly right (offsets in code points: the text has an emoji before the selection).
 */
import { test, expect } from "./a11y";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createProject, expectAccessible, importFiles, selectWithMouse, signUp } from "./helpers";

const TXT = path.join(__dirname, "../fixtures/e2e/attack-report.txt");
const PDF = path.join(__dirname, "../fixtures/import/text.pdf");
const PHRASE = "a suicide bomber attacked a school";

test("import, select with the mouse, tag as attack with fields, reload: offsets and quote exact", async ({ page }) => {
  await signUp(page, "Annotator");
  const projectId = await createProject(page, "Kabul attacks");
  const ids = await importFiles(page, projectId, [TXT, PDF]);
  expect(Object.keys(ids).sort()).toEqual(["attack-report.txt", "text.pdf"]);

  // The PDF's text layer was imported.
  await page.goto(`/projects/${projectId}/documents/${ids["text.pdf"]}`);
  await expect(page.getByTestId("reading-view")).toContainText("killed 12 people");

  await page.goto(`/projects/${projectId}/documents/${ids["attack-report.txt"]}`);
  const view = page.getByTestId("reading-view");
  await expect(view).toHaveAttribute("data-interactive", "true");
  await expect(page.getByTestId("claim-count")).toHaveText("0");
  // The text is a named, focusable document to read and select in, not a field to fill in.
  await expect(view.getByRole("document", { name: "Document text" })).toHaveAttribute("tabindex", "0");
  await expect(view.getByRole("textbox")).toHaveCount(0);
  await expectAccessible(page);

  await selectWithMouse(page, PHRASE);
  await expect(page.getByTestId("selection-popover")).toBeVisible();
  await expectAccessible(page, "type popover");
  await page.getByTestId("type-option-attack").click();
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("span-quote")).toHaveText(`“${PHRASE}”`);
  await expectAccessible(page, "claim panel");

  await panel.getByTestId("field-date").fill("18 April 2022");
  await expect(panel.getByTestId("field-date-parsed")).toContainText("2022");
  await panel.getByTestId("field-fatalities").fill("at least 12");
  await expect(panel.getByTestId("field-fatalities-parsed")).toContainText("12");
  await panel.getByTestId("field-injured").fill("more than 180");
  await panel.getByLabel("Suicide bombing").check();
  await panel.getByTestId("field-perpetrators").fill("ISKP");
  await panel.getByTestId("save-claim").click();
  await expect(page.getByTestId("toast")).toContainText("Claim saved");
  await expect(page.getByTestId("claim-count")).toHaveText("1");
  await expect(view).toHaveAttribute("data-painted-count", "1");
  // Each claim is an option of the claims listbox, named by its quote.
  await expect(page.getByRole("listbox", { name: /^Claims/ }).getByRole("option", { name: new RegExp(PHRASE) })).toHaveCount(1);
  await expectAccessible(page, "claim saved");

  await page.reload();
  await expect(view).toHaveAttribute("data-interactive", "true");
  await expect(view).toHaveAttribute("data-painted-count", "1");
  await expect(view.locator("[data-prepaint-text]")).toHaveCount(0); // the editor took over the text

  // Before any of the page's scripts have run, the server-rendered text already shows the highlight.
  const bare = await page.context().newPage();
  await bare.route(/\/_next\/static\/chunks\//, (route) => route.abort());
  await bare.goto(page.url());
  const bareView = bare.getByTestId("reading-view");
  await expect(bareView).toHaveAttribute("data-ready", "true");
  await expect(bareView).toHaveAttribute("data-painted-count", "1");
  await expect(bareView).toHaveAttribute("data-interactive", "false");
  const painted = await bare.evaluate(() =>
    [...(CSS.highlights.get("claim-attack") ?? [])].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    }),
  );
  expect(painted).toEqual([PHRASE]);
  // Colour is not the only cue: the type's highlight is underlined in the type's own line style.
  const highlightRules = await bare.evaluate(() => [...document.querySelectorAll("style[data-highlights]")].map((s) => s.textContent).join("\n"));
  expect(highlightRules).toMatch(/::highlight\(claim-attack\) \{[^}]*text-decoration: underline solid /);
  await bare.close();
  await expect(page.getByTestId("claim-count")).toHaveText("1");
  // The list shows the same cue next to the type's name.
  await expect(page.getByTestId("claim-row").first().locator(".type-name")).toHaveAttribute("data-underline", "solid");
  await page.getByTestId("claim-row").first().click();
  await expect(panel.getByTestId("span-quote")).toHaveText(`“${PHRASE}”`);

  // Stored offsets are code points into the canonical text (file minus its final newline).
  const canonical = readFileSync(TXT, "utf8").replace(/\s+$/, "");
  const start = Array.from(canonical.slice(0, canonical.indexOf(PHRASE))).length;
  const end = start + Array.from(PHRASE).length;
  expect(canonical.indexOf(PHRASE)).toBe(start + 1); // the emoji is two UTF-16 units, one code point
  await expect(panel.locator(".spans li").first()).toContainText(`${start}–${end}`);
  await expect(panel.getByTestId("field-date")).toHaveValue("18 April 2022");
  await expect(panel.getByTestId("field-fatalities")).toHaveValue("at least 12");
  await expect(panel.getByLabel("Suicide bombing")).toBeChecked();
  await expectAccessible(page, "claim opened from the list");

  // The claim appears in the project-wide table, linked back to its evidence.
  await page.goto(`/projects/${projectId}/claims`);
  await expect(page.getByTestId("claims-total")).toHaveText("1 claim");
  await expect(page.getByTestId("claims-table")).toContainText(PHRASE);
  await expectAccessible(page);
  await page.getByRole("link", { name: new RegExp(PHRASE) }).click();
  await expect(page.getByTestId("claim-panel").getByTestId("span-quote")).toHaveText(`“${PHRASE}”`);
  await expectAccessible(page, "claim opened from the table");
});

test("a selection made while the editor is still loading carries over to it", async ({ page }) => {
  await signUp(page, "Early");
  const projectId = await createProject(page, "Early reader");
  const ids = await importFiles(page, projectId, [TXT]);
  // Hold the page's scripts back: the server-rendered text is on screen, the editor is not yet.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\/.*\.js/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/projects/${projectId}/documents/${Object.values(ids)[0]}`, { waitUntil: "commit" });
  const view = page.getByTestId("reading-view");
  await expect(view).toContainText(PHRASE);
  await expect(view).toHaveAttribute("data-interactive", "false");
  await selectWithMouse(page, PHRASE);
  release();
  await expect(view).toHaveAttribute("data-interactive", "true");
  await expect(page.getByTestId("selection-popover")).toBeVisible();
  await page.keyboard.press("1");
  await expect(page.getByTestId("claim-panel").getByTestId("span-quote")).toHaveText(`“${PHRASE}”`);
  await expectAccessible(page, "claim panel");
});

test("keys 1-9 pick a claim type; delete offers undo; a second span can be added", async ({ page }) => {
  await signUp(page, "Keyboard");
  const projectId = await createProject(page, "Keys");
  const ids = await importFiles(page, projectId, [TXT]);
  await page.goto(`/projects/${projectId}/documents/${Object.values(ids)[0]}`);
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");

  await selectWithMouse(page, "3-4,000 fighters");
  await expect(page.getByTestId("selection-popover")).toBeVisible();
  await page.keyboard.press("3"); // size estimate is the third type
  const panel = page.getByTestId("claim-panel");
  await expect(panel).toContainText("Size estimate");
  await panel.getByTestId("field-group").fill("ISKP");
  await panel.getByTestId("field-estimate").fill("3-4,000 fighters");
  await expect(panel.getByTestId("field-estimate-parsed")).toContainText("3,000");
  // Discontinuous evidence: add another passage to the open claim.
  await selectWithMouse(page, "about 1,500 to 2,200");
  await page.getByTestId("add-to-open").click();
  await expect(panel.getByTestId("span-quote")).toHaveCount(2);
  await expectAccessible(page, "claim panel with two spans");
  await panel.getByTestId("save-claim").click();
  await expect(page.getByTestId("toast")).toContainText("Claim saved");
  await expect(page.getByTestId("claim-count")).toHaveText("1");
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-painted-count", "2");

  await page.getByTestId("claim-row").first().click();
  await expect(panel).toContainText("1,000-9,999");
  await panel.getByTestId("delete-claim").click();
  await expect(page.getByTestId("claim-count")).toHaveText("0");
  await expectAccessible(page, "undo offered");
  await page.getByTestId("undo").click();
  await expect(page.getByTestId("claim-count")).toHaveText("1");
  await page.reload();
  await expect(page.getByTestId("claim-count")).toHaveText("1");
});

test("keyboard only: caret by click, Shift+Arrow to select, a number key to tag; overlapping claims offer a chooser", async ({ page }) => {
  await signUp(page, "Typist");
  const projectId = await createProject(page, "Keyboard selection");
  const ids = await importFiles(page, projectId, [TXT]);
  await page.goto(`/projects/${projectId}/documents/${Object.values(ids)[0]}`);
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");

  // Put the caret before "suicide" with a click, then extend the selection with the keyboard.
  const pointAt = () => page.getByTestId("reading-view").evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = node.textContent!.indexOf("suicide bomber");
      if (i === -1) continue;
      (node.parentElement as HTMLElement).scrollIntoView({ block: "center" });
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + 1);
      const box = r.getClientRects()[0]!;
      return { x: box.left + 1, y: box.top + box.height / 2 };
    }
    return null;
  });
  const at = await pointAt();
  await page.mouse.click(at!.x, at!.y);
  for (let i = 0; i < "suicide bomber".length; i++) await page.keyboard.press("Shift+ArrowRight");
  await expect(page.getByTestId("selection-popover")).toBeVisible();
  await page.keyboard.press("1");
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("span-quote")).toHaveText("“suicide bomber”");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("toast")).toContainText("Claim saved");
  await expect(panel).toHaveCount(0);

  // A second, overlapping claim of another type: clicking the shared words offers both.
  await selectWithMouse(page, "a suicide bomber attacked");
  await page.getByTestId("type-option-leader_change").click();
  await page.getByTestId("field-group").fill("ISKP");
  await page.getByTestId("save-claim").click();
  await expect(panel).toHaveCount(0); // the panel closes once the server has stored the claim
  await expect(page.getByTestId("claim-count")).toHaveText("2");
  const again = await pointAt(); // the page may have scrolled since
  await page.mouse.click(again!.x + 3, again!.y);
  const chooser = page.getByTestId("overlap-chooser");
  await expect(chooser).toBeVisible();
  await expect(chooser.getByRole("menuitem")).toHaveCount(2);
  await expectAccessible(page, "overlap chooser");
  await chooser.getByRole("menuitem", { name: /Leader change/ }).click();
  await expect(panel).toContainText("Leader change");
  await expect(panel.getByTestId("span-quote")).toHaveText("“a suicide bomber attacked”");
});
