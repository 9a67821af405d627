/**
 * Records across documents as an editor builds them: the Kabul airport bombing of 26 August 2021,
 * tagged in two sample reports that name the group differently, is approved, matched through the
 * project's actor aliases, confirmed as one record whose fatalities show both sources' figures and
 * the combined range; when one report's figure is changed to disagree, the record shows a conflict,
 * which the editor resolves with a note and which stays listed as resolved.
 */
import { test, expect } from "./a11y";
import path from "node:path";
import type { Page } from "@playwright/test";
import { allowSelfApproval, approveAll, createProject, expectAccessible, importFiles, signUp, tagAttack, type AttackFields } from "./helpers";

const CORPUS = path.join(__dirname, "../../prisma/demo/corpus");
const PROFILE = "001_f42c43737148646d.txt";
const TRANSCRIPT = "002_3aa3bfc23594a89e.txt";
const PROFILE_PHRASE = "An ISKP suicide bomber detonated an explosive at the Kabul Airport";
const TRANSCRIPT_PHRASE = "the suicide bomb which occurred on August 26th at Kabul Airport";

async function openDocument(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await expectAccessible(page, "document");
}

/** Tags `phrase` as an attack with these fields and submits it for review. */
async function tagAndSubmit(page: Page, phrase: string, fields: AttackFields) {
  await tagAttack(page, phrase, fields);
  await page.getByTestId("submit-all-claims").click();
  await expect(page.locator(".submit-all").getByRole("status")).toContainText("Submitted 1 claim");
}


test("the Kabul airport bombing in two reports becomes one record; a disagreement is a conflict, resolved with a note", async ({ page }) => {
  await signUp(page, "Rhea");
  const projectId = await createProject(page, "Records study");
  const base = `/projects/${projectId}`;
  const ids = await importFiles(page, projectId, [path.join(CORPUS, PROFILE), path.join(CORPUS, TRANSCRIPT)]);

  await allowSelfApproval(page, projectId);

  await openDocument(page, `${base}/documents/${ids[PROFILE]}`);
  await tagAndSubmit(page, PROFILE_PHRASE, { date: "August 26, 2021", perpetrators: "ISKP", fatalities: "183+ killed" });
  await openDocument(page, `${base}/documents/${ids[TRANSCRIPT]}`);
  await tagAndSubmit(page, TRANSCRIPT_PHRASE, { date: "August 26, 2021", perpetrators: "Islamic State Khorasan Province", fatalities: "more than 180" });
  await approveAll(page, projectId, 2);

  // Without the alias list the two names are two actors, and nothing is proposed.
  await page.goto(`${base}/records?view=proposals`);
  await expect(page.getByRole("heading", { level: 1, name: "Records" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Proposed records" })).toHaveCount(0);
  await expectAccessible(page, "no proposals");
  const actorForm = page.getByRole("form", { name: "Add an actor" });
  await actorForm.getByLabel("Name").fill("Islamic State Khorasan Province");
  await actorForm.getByLabel("Aliases").fill("ISKP, IS-KP, ISIS-K");
  await actorForm.getByRole("button", { name: "Add actor" }).click();
  const proposal = page.getByRole("list", { name: "Proposed records" }).getByRole("listitem").filter({ has: page.getByRole("heading") });
  await expect(proposal).toHaveCount(1);
  await expect(proposal).toContainText("2 claims from 2 document(s)");
  await proposal.locator("summary").click();
  await expect(proposal).toContainText("same day");
  await expect(proposal).toContainText("shared actor");
  await expectAccessible(page, "one proposal");

  await proposal.getByRole("button", { name: "Confirm as one record" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "R1: Attack" })).toBeVisible();
  await expect(page.getByTestId("number-of-sources")).toHaveText("2 independent sources");
  const fatalities = page.locator('tr[data-field="fatalities"]');
  await expect(fatalities).toContainText("Conservative minimum");
  await expect(fatalities.locator("td").first()).toContainText("–"); // a combined range: low–high
  const alternatives = fatalities.locator("td").last().getByRole("listitem");
  await expect(alternatives).toHaveCount(2);
  await expect(alternatives.filter({ hasText: "183" })).toContainText("#1");
  await expect(alternatives.filter({ hasText: "180" })).toContainText("#1");
  await expect(page.getByText("The claims of this record do not contradict each other.")).toBeVisible();
  await expectAccessible(page, "record");
  // Evidence opens the document at the claim.
  await expect(page.locator(`a[href="${base}/documents/${ids[PROFILE]}#claim-1"]`).first()).toBeVisible();
  const recordUrl = page.url();

  // The transcript's figure is changed to one that cannot be the same count.
  await openDocument(page, `${base}/documents/${ids[TRANSCRIPT]}`);
  await page.getByTestId("claim-row").filter({ hasText: TRANSCRIPT_PHRASE }).click();
  const panel = page.getByTestId("claim-panel");
  await panel.getByTestId("field-fatalities").fill("up to 150");
  await expect(panel.getByTestId("field-fatalities-parsed")).toHaveAttribute("data-tone", "ok");
  await panel.getByTestId("save-claim").click();
  await expect(page.getByTestId("toast")).toContainText("saved");
  await approveAll(page, projectId, 1);

  await page.goto(recordUrl);
  await expect(page.getByText("Some claims changed")).toBeVisible();
  await page.getByRole("button", { name: "Recompute from claims" }).click();
  const conflict = page.getByTestId("conflict");
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText("Figures do not overlap");
  await expect(conflict).toContainText("Open");
  await expectAccessible(page, "record with a conflict");

  await page.goto(`${base}/conflicts`);
  await expect(page.getByRole("heading", { name: "Open (1)" })).toBeVisible();
  await expectAccessible(page, "conflicts queue");
  const open = page.getByTestId("conflict");
  await open.getByRole("radio", { name: /183/ }).check();
  await open.getByLabel("Note (why this value)").fill("The Pentagon report counts the dead by name.");
  await open.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByRole("heading", { name: "Open (0)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Resolved (1)" })).toBeVisible();
  await expect(page.getByTestId("conflict")).toContainText("The Pentagon report counts the dead by name.");
  await expectAccessible(page, "conflict resolved");

  await page.goto(recordUrl);
  await expect(page.getByTestId("conflict")).toContainText("Resolved");
  await expect(page.locator('tr[data-field="fatalities"]')).toContainText("Curator choice");
  await page.goto(`${base}/records`);
  await expect(page.getByTestId("records-total")).toHaveText("1 record");
  await expectAccessible(page, "records list");
});
