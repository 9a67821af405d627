/** Shared steps for browser journeys. */
import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import JSZip from "jszip";
import { readCsv } from "../support/csv";
import { expectAccessible } from "./a11y";

export { expectAccessible } from "./a11y";

export const PASSWORD = "a long test passphrase 42";

/** The sample report most journeys import. */
export const ATTACK_REPORT = path.join(__dirname, "../fixtures/e2e/attack-report.txt");

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

export type AttackFields = { date?: string; perpetrators?: string; fatalities?: string };

/**
 * Tags `phrase` as an attack on the open document page and saves the claim, typing the given
 * fields first; each typed date and figure must be read ("ok"), a figure's reading showing its digits.
 */
export async function tagAttack(page: Page, phrase: string, fields: AttackFields = {}) {
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await selectWithMouse(page, phrase);
  await page.getByTestId("type-option-attack").click();
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("span-quote")).toHaveText(`“${phrase}”`);
  if (fields.date) {
    await panel.getByTestId("field-date").fill(fields.date);
    await expect(panel.getByTestId("field-date-parsed")).toHaveAttribute("data-tone", "ok");
  }
  if (fields.perpetrators) await panel.getByTestId("field-perpetrators").fill(fields.perpetrators);
  if (fields.fatalities) {
    await panel.getByTestId("field-fatalities").fill(fields.fatalities);
    await expect(panel.getByTestId("field-fatalities-parsed")).toHaveAttribute("data-tone", "ok");
    await expect(panel.getByTestId("field-fatalities-parsed")).toContainText(fields.fatalities.replace(/\D+/g, ""));
  }
  await panel.getByTestId("save-claim").click();
  await expect(page.getByTestId("toast")).toContainText("Claim saved");
}

/** Lets the owner approve their own claims (a one-person project). */
export async function allowSelfApproval(page: Page, projectId: string) {
  await page.goto(`/projects/${projectId}/settings`);
  await page.getByLabel("Editors may approve their own claims").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();
  await expectAccessible(page, "self-approval on");
}

/** Approves every claim in the review queue with the keyboard; `count` claims are expected there. */
export async function approveAll(page: Page, projectId: string, count: number) {
  await page.goto(`/projects/${projectId}/review`);
  const rows = page.getByTestId("review-row");
  await expect(rows).toHaveCount(count);
  await expectAccessible(page, "review queue");
  for (let left = count; left > 0; left--) {
    await rows.nth(0).focus();
    await page.keyboard.press("a");
    await expect(rows).toHaveCount(left - 1);
  }
}

const CORPUS = path.join(__dirname, "../../prisma/demo/corpus");
/** The Kabul airport bombing of 26 August 2021 in two of the sample reports. */
export const AIRPORT_REPORTS = [
  { file: "001_f42c43737148646d.txt", phrase: "An ISKP suicide bomber detonated an explosive at the Kabul Airport", fatalities: "183+ killed" },
  { file: "002_3aa3bfc23594a89e.txt", phrase: "the suicide bomb which occurred on August 26th at Kabul Airport", fatalities: "more than 180" },
] as const;

/**
 * One record from two reports, as an owner of a one-person project makes it: imports the two
 * airport reports, tags the bombing in each (same day, same group), submits and approves both,
 * and confirms the proposed record. Returns the documents' ids by file name.
 */
export async function airportRecord(page: Page, projectId: string): Promise<Record<string, string>> {
  const ids = await importFiles(page, projectId, AIRPORT_REPORTS.map((r) => path.join(CORPUS, r.file)));
  await allowSelfApproval(page, projectId);
  for (const report of AIRPORT_REPORTS) {
    await page.goto(`/projects/${projectId}/documents/${ids[report.file]}`);
    await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
    await expectAccessible(page, "document");
    await tagAttack(page, report.phrase, { date: "August 26, 2021", perpetrators: "ISKP", fatalities: report.fatalities });
    await page.getByTestId("submit-all-claims").click();
    await expect(page.locator(".submit-all").getByRole("status")).toContainText("Submitted 1 claim");
  }
  await approveAll(page, projectId, AIRPORT_REPORTS.length);
  await page.goto(`/projects/${projectId}/records?view=proposals`);
  const proposal = page.getByRole("list", { name: "Proposed records" }).getByRole("listitem").filter({ has: page.getByRole("heading") });
  await expect(proposal).toHaveCount(1);
  await expectAccessible(page, "one proposal");
  await proposal.getByRole("button", { name: "Confirm as one record" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "R1: Attack" })).toBeVisible();
  await expectAccessible(page, "record");
  return ids;
}

/** Clicks a download link and returns the file's suggested name and bytes. */
export async function download(page: Page, link: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const failure = await file.failure();
  expect(failure, `download of ${file.suggestedFilename()}`).toBeNull();
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

/**
 * Reads a downloaded file as the format it claims to be, failing the test when it is not, and
 * returns what it holds:
 * - csv: every record, read with a standard parser in strict mode (tests/support/csv.ts);
 * - jsonl: one JSON object per line, every line ended by LF;
 * - jsonld: a W3C Web Annotation collection (JSON, with the annotation @context, the collection
 *   first and then its pages);
 * - zip: the entries' names (the archive opened and every entry's CRC checked) and their bytes.
 */
export async function readDownload(kind: "csv", bytes: Buffer): Promise<string[][]>;
export async function readDownload(kind: "jsonl", bytes: Buffer): Promise<Record<string, unknown>[]>;
export async function readDownload(kind: "jsonld", bytes: Buffer): Promise<Record<string, unknown>[]>;
export async function readDownload(kind: "zip", bytes: Buffer): Promise<Record<string, Uint8Array>>;
export async function readDownload(kind: "csv" | "jsonl" | "jsonld" | "zip", bytes: Buffer): Promise<unknown> {
  const text = () => new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  switch (kind) {
    case "csv": {
      const rows = readCsv(text());
      expect(rows.length, "a header row").toBeGreaterThan(0);
      return rows;
    }
    case "jsonl": {
      const body = text();
      if (body === "") return [];
      expect(body.endsWith("\n"), "the last line ends with LF").toBe(true);
      return body.slice(0, -1).split("\n").map((line, i) => {
        const value: unknown = JSON.parse(line);
        expect(value !== null && typeof value === "object" && !Array.isArray(value), `line ${i + 1} is a JSON object`).toBe(true);
        return value as Record<string, unknown>;
      });
    }
    case "jsonld": {
      const doc: unknown = JSON.parse(text());
      expect(Array.isArray(doc), "a collection followed by its pages").toBe(true);
      const [collection, ...pages] = doc as Record<string, unknown>[];
      expect(collection["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
      expect(collection.type).toBe("AnnotationCollection");
      for (const p of pages) expect(p.type).toBe("AnnotationPage");
      return doc;
    }
    case "zip": {
      const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
      const files: Record<string, Uint8Array> = {};
      for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) files[name] = await entry.async("uint8array");
      return files;
    }
  }
}

export type BlindProject = { projectId: string; base: string; docUrl: string; members: Record<string, Page> };

/**
 * A blind project with a team, as the blind-annotation and curation journeys start: each member
 * signs up in a browser context of their own, then the owner signs up on `page`, creates the
 * project, makes it blind, imports the attack report and adds every member with their role.
 * Returns the report's URL and each member's page by name.
 */
export async function blindProjectWithTeam(
  page: Page,
  browser: Browser,
  projectName: string,
  team: readonly { name: string; role: "annotator" | "editor" }[],
): Promise<BlindProject> {
  const members: Record<string, Page> = {};
  const emails: Record<string, string> = {};
  for (const { name } of team) {
    members[name] = await (await browser.newContext()).newPage();
    emails[name] = await signUp(members[name], name);
  }
  await signUp(page, "Olive");
  const projectId = await createProject(page, projectName);
  const base = `/projects/${projectId}`;
  await page.goto(`${base}/settings`);
  await page.getByLabel("Blind", { exact: true }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("workflow-form").getByRole("status")).toHaveText("Settings saved.");
  await expectAccessible(page, "blind mode saved");
  const ids = await importFiles(page, projectId, [ATTACK_REPORT]);
  await page.goto(base);
  for (const { name, role } of team) {
    await page.getByLabel("E-mail of the person to add").fill(emails[name]!);
    await page.getByLabel("Role", { exact: true }).selectOption(role);
    await page.getByRole("button", { name: "Add member" }).click();
    await expect(page.getByTestId("members")).toContainText(name);
  }
  return { projectId, base, docUrl: `${base}/documents/${ids["attack-report.txt"]}`, members };
}

/** The document is no wider than the window; on failure, names the elements that stick out. */
export async function expectNoSidewaysScroll(page: Page, where: string) {
  const { scrollWidth, innerWidth, offenders } = await page.evaluate(() => {
    const limit = window.innerWidth + 1;
    const offenders = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > limit && !el.parentElement?.closest(".table-scroll"))
      .slice(-5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : ""} (right ${Math.round(el.getBoundingClientRect().right)})`);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, offenders };
  });
  expect(scrollWidth, `${where} at ${innerWidth} px is ${scrollWidth} px wide; sticking out: ${offenders.join(", ")}`).toBeLessThanOrEqual(innerWidth + 1);
}
