/**
 * A release as an editor publishes it: one approved claim (self-approval through the review queue),
 * the releases page with the suggested version, the release page with its files and citation, and
 * downloads of the records CSV and the Web Annotation collection, checked by their headers and start.
 */
import { test, expect } from "./a11y";
import path from "node:path";
import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { createProject, expectAccessible, importFiles, selectWithMouse, signUp } from "./helpers";

const TXT = path.join(__dirname, "../fixtures/e2e/attack-report.txt");
const PHRASE = "a suicide bomber attacked a school";

test("an editor publishes a release, finds it listed with its citation and downloads its files", async ({ page }) => {
  await signUp(page, "Rosa");
  const projectId = await createProject(page, "Release study");
  const base = `/projects/${projectId}`;
  const ids = await importFiles(page, projectId, [TXT]);

  // A one-person project: the owner may approve their own claims.
  await page.goto(`${base}/settings`);
  await page.getByLabel("Editors may approve their own claims").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();
  await expectAccessible(page, "self-approval on");

  await page.goto(`${base}/documents/${ids["attack-report.txt"]}`);
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await expectAccessible(page, "document");
  await selectWithMouse(page, PHRASE);
  await page.getByTestId("type-option-attack").click();
  await page.getByTestId("claim-panel").getByTestId("save-claim").click();
  await expect(page.getByTestId("toast")).toContainText("Claim saved");
  await page.getByTestId("submit-all-claims").click();
  await expect(page.locator(".submit-all").getByRole("status")).toContainText("Submitted 1 claim");
  await page.goto(`${base}/review`);
  const rows = page.getByTestId("review-row");
  await expect(rows).toHaveCount(1);
  await expectAccessible(page, "review queue");
  await rows.nth(0).focus();
  await page.keyboard.press("a");
  await expect(rows).toHaveCount(0);

  await page.goto(base);
  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Releases" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Releases" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Version" })).toHaveValue("1.0.0");
  await expectAccessible(page, "no releases yet");
  await page.getByLabel("Title").fill("First dataset");
  await page.getByLabel("Notes").fill("One school attack.");
  await page.getByRole("button", { name: "Publish release" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Version 1.0.0: First dataset" })).toBeVisible();
  await expect(page.getByText("(Version 1.0.0) [Data set]")).toBeVisible();
  await expectAccessible(page, "release page");

  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Releases" }).click();
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Version 1.0.0: First dataset" }) });
  await expect(item).toBeVisible();
  await expect(item.locator(".citation-text")).toContainText("Release study: First dataset (Version 1.0.0) [Data set]");
  // The next suggestion is a patch: no records were added since.
  await expect(page.getByRole("textbox", { name: "Version" })).toHaveValue("1.0.1");
  await expectAccessible(page, "one release");

  const [csv] = await Promise.all([page.waitForEvent("download"), item.getByRole("link", { name: "records.csv" }).click()]);
  expect(csv.suggestedFilename()).toBe("v1.0.0-records.csv");
  expect(await readFile((await csv.path())!, "utf8")).toMatch(/^id,type,date_start,date_end,date_precision,country/);

  const [jsonld] = await Promise.all([page.waitForEvent("download"), item.getByRole("link", { name: "annotations.jsonld" }).click()]);
  expect(jsonld.suggestedFilename()).toBe("v1.0.0-annotations.jsonld");
  const bytes = await readFile((await jsonld.path())!);
  const collection = JSON.parse(bytes.toString("utf8"));
  expect(collection[0]).toMatchObject({ type: "AnnotationCollection", total: 1 });
  expect(JSON.stringify(collection)).toContain(PHRASE);

  // The headers: an attachment, with the stored file's SHA-256 as its ETag.
  const href = await item.getByRole("link", { name: "annotations.jsonld" }).getAttribute("href");
  const res = await page.request.get(href!, { headers: { origin: new URL(page.url()).origin } });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toBe('attachment; filename="v1.0.0-annotations.jsonld"');
  expect(res.headers()["content-type"]).toContain("application/ld+json");
  expect(res.headers()["etag"]).toBe(`"${createHash("sha256").update(bytes).digest("hex")}"`);
});
