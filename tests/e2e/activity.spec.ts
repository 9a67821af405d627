/**
 * Team activity as an owner sees it: after importing a report and tagging an attack, the project's
 * Activity page lists both, grouped under Today, with a link back to the claim; the member and day
 * filters live in the URL; a day with nothing says what to do; and the claims table filters by
 * claims created today.
 */
import { test, expect } from "./a11y";
import { ATTACK_REPORT, createProject, expectAccessible, importFiles, signUp, tagAttack } from "./helpers";

test("activity feed with member and day filters, and claims created today", async ({ page }) => {
  await signUp(page, "Owner");
  const projectId = await createProject(page, "Activity project");
  const ids = await importFiles(page, projectId, [ATTACK_REPORT]);
  const docId = ids["attack-report.txt"]!;
  await page.goto(`/projects/${projectId}/documents/${docId}`);
  await tagAttack(page, "suicide bomber attacked a school");
  await expectAccessible(page, "claim saved");

  await page.goto(`/projects/${projectId}`);
  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Activity" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/activity$`));
  await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  const feed = page.getByTestId("activity-feed");
  await expect(feed.getByRole("heading", { level: 2, name: "Today" })).toBeVisible();
  const lines = feed.getByTestId("activity-line");
  await expect(lines.first()).toContainText(/Owner created Attack #1 on /);
  await expect(feed.getByTestId("activity-line").filter({ hasText: "imported" })).toHaveCount(1);
  await expectAccessible(page, "feed");

  // The member filter: the owner's own work.
  await page.getByLabel("Member").selectOption({ label: "Owner" });
  await page.getByLabel("When").selectOption("today");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/member=.+&day=today/);
  await expect(lines.first()).toContainText("created Attack #1");
  await expectAccessible(page, "filtered by member and today");

  // The claim's line links to it on its document.
  await expect(lines.first().getByRole("link", { name: /Attack #1 on/ })).toHaveAttribute("href", `/projects/${projectId}/documents/${docId}#claim-1`);

  // A day with no activity says what to do.
  await page.goto(`/projects/${projectId}/activity?on=2001-01-01`);
  await expect(page.getByTestId("activity-empty")).toContainText("Nothing matches these filters");
  await expect(page.getByLabel("On date (UTC)")).toHaveValue("2001-01-01");
  await expectAccessible(page, "empty day");
  await page.getByRole("link", { name: "show all activity" }).click();
  await expect(lines.first()).toBeVisible();

  // The claims table: claims created today.
  await page.goto(`/projects/${projectId}/claims`);
  await page.getByLabel("Created").selectOption("today");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/created=today/);
  await expect(page.getByTestId("claims-total")).toHaveText("1 claim");
  await expectAccessible(page, "claims created today");
});
