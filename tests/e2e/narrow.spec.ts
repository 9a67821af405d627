/**
 * Every page outside the document page on a phone (390 × 844) and a small tablet (900 px): a project
 * with real data (two reports tagged, approved and confirmed as a record, a release published, a
 * claim waiting for review, a document assigned), then each page visited at both widths. The page
 * itself never scrolls sideways: a wide table scrolls in a region of its own, which has a name and
 * takes keyboard focus; forms, filter bars and the project's sections wrap; long names break.
 */
import { test, expect } from "./a11y";
import type { Page } from "@playwright/test";
import { airportRecord, createProject, expectAccessible, expectNoSidewaysScroll, signUp, tagAttack } from "./helpers";

const WIDTHS = [390, 900] as const;
/** One unbroken word longer than a phone is wide, as a project name can be. */
const LONG_NAME = "Kabulairportbombingreportsnarrowscreenstudy";

/** Each wide table on the page scrolls within a named region that takes focus. */
async function expectTablesInRegions(page: Page) {
  for (const region of await page.locator(".table-scroll").all()) {
    await expect(region).toHaveAttribute("role", "region");
    await expect(region).toHaveAttribute("tabindex", "0");
    await expect(region).toHaveAttribute("aria-label", /\S/);
  }
}

test("every page outside the document page fits a phone and a small tablet without sideways scrolling", async ({ page }) => {
  test.setTimeout(240_000);
  await signUp(page, "Rosa");
  const projectId = await createProject(page, LONG_NAME);
  const base = `/projects/${projectId}`;
  const ids = await airportRecord(page, projectId);
  const recordUrl = page.url();

  // A claim left waiting for review, so the review queue has a row.
  await page.goto(`${base}/documents/${Object.values(ids)[0]}`);
  await tagAttack(page, "ISKP conducted a suicide bombing outside a bank in Jalalabad");
  await page.getByTestId("submit-all-claims").click();
  await expect(page.locator(".submit-all").getByRole("status")).toContainText("Submitted 1 claim");

  // One document assigned to the owner, for My work.
  await page.goto(base);
  const row = page.getByTestId("document-row").first();
  const title = (await row.getByRole("link").first().textContent())!.trim();
  await row.getByRole("checkbox", { name: `Select ${title}` }).check();
  await page.getByTestId("bulk-assign").getByRole("checkbox", { name: /Rosa/ }).check();
  await page.getByRole("button", { name: "Assign 1 document" }).click();
  await expect(page.getByTestId("bulk-assign").getByRole("status")).toHaveText("1 assignment made.");

  // A published release, for the releases list and the release page.
  await page.goto(`${base}/releases`);
  await page.getByLabel("Title").fill("Firstdatasetwithalongunbrokentitleforthenarrowcheck");
  await page.getByRole("button", { name: "Publish release" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Version 1\.0\.0/ })).toBeVisible();
  const releaseUrl = page.url();

  const pages: { name: string; url: string; ready: (p: Page) => Promise<void> }[] = [
    { name: "projects", url: "/projects", ready: (p) => expect(p.getByRole("link", { name: LONG_NAME })).toBeVisible() },
    { name: "overview", url: base, ready: (p) => expect(p.getByTestId("documents-table")).toBeVisible() },
    { name: "claim types", url: `${base}/claim-types`, ready: (p) => expect(p.getByTestId("claim-type-attack")).toBeVisible() },
    { name: "claims", url: `${base}/claims`, ready: (p) => expect(p.getByTestId("claims-table")).toBeVisible() },
    { name: "claims of one type", url: `${base}/claims?type=${await claimTypeId(page, base)}`, ready: (p) => expect(p.getByTestId("claims-table")).toBeVisible() },
    { name: "records", url: `${base}/records`, ready: (p) => expect(p.getByTestId("records-total")).toHaveText("1 record") },
    { name: "record", url: recordUrl, ready: (p) => expect(p.getByRole("heading", { level: 1, name: "R1: Attack" })).toBeVisible() },
    { name: "review", url: `${base}/review`, ready: (p) => expect(p.getByTestId("review-row")).toHaveCount(1) },
    { name: "releases", url: `${base}/releases`, ready: (p) => expect(p.getByRole("heading", { level: 2, name: "Published (1)" })).toBeVisible() },
    { name: "release", url: releaseUrl, ready: (p) => expect(p.getByRole("heading", { level: 1, name: /^Version 1\.0\.0/ })).toBeVisible() },
    { name: "agreement", url: `${base}/agreement`, ready: (p) => expect(p.getByRole("heading", { level: 1, name: "Agreement" })).toBeVisible() },
    { name: "settings", url: `${base}/settings`, ready: (p) => expect(p.getByTestId("workflow-form")).toBeVisible() },
    { name: "my work", url: `${base}/my-work`, ready: (p) => expect(p.getByTestId("my-work")).toBeVisible() },
    { name: "activity", url: `${base}/activity`, ready: (p) => expect(p.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible() },
  ];

  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 844 });
    for (const { name, url, ready } of pages) {
      await page.goto(url);
      await ready(page);
      await expectNoSidewaysScroll(page, name);
      await expectTablesInRegions(page);
      await expectAccessible(page, `${name} at ${width} px`);
    }
    // The claim type editor's form, for an existing type and for a new one.
    await page.goto(`${base}/claim-types`);
    await page.getByTestId("claim-type-attack").getByRole("button", { name: "Edit" }).click();
    await expect(page.getByRole("form", { name: "Claim type definition" })).toBeVisible();
    await expectNoSidewaysScroll(page, "claim type form");
    await expectAccessible(page, `claim type form at ${width} px`);
    await page.goto(`${base}/claim-types`);
    await page.getByTestId("new-claim-type").click();
    await expect(page.getByRole("form", { name: "Claim type definition" })).toBeVisible();
    await expectNoSidewaysScroll(page, "new claim type form");
  }

  // A wide table scrolls in its own region, by keyboard too: the page stays put.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/claims`);
  const region = page.getByRole("region", { name: "Claims table" });
  const { scrollWidth, clientWidth } = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth, "the claims table is wider than a phone").toBeGreaterThan(clientWidth);
  await region.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.scrollX)).toBe(0);

  // Signed out: the sign-in page.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 844 });
    await page.goto("/signin");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await expectNoSidewaysScroll(page, "sign-in");
    await expectAccessible(page, `sign-in at ${width} px`);
  }
});

/** The attack type's id, read from the claims table's type filter. */
async function claimTypeId(page: Page, base: string): Promise<string> {
  await page.goto(`${base}/claims`);
  const value = await page.getByRole("form", { name: "Filter claims" }).getByLabel("Type").locator("option", { hasText: "Attack" }).getAttribute("value");
  expect(value).toBeTruthy();
  await expectAccessible(page, "claims");
  return value!;
}
