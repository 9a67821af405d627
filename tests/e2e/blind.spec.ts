/**
 * Blind annotation as a team would use it: the owner makes the project blind; two annotators tag the
 * same report without seeing each other's claims (on the document and in the claims table); the
 * editor sees both, opens the document for curation, and from then on the annotators see both too.
 */
import { test, expect } from "./a11y";
import type { Page } from "@playwright/test";
import { blindProjectWithTeam, expectAccessible, tagAttack } from "./helpers";

const ANNA_PHRASE = "a suicide bomber attacked a school";
const BEN_PHRASE = "more than 180 people were hurt";

const claimsList = (page: Page) => page.getByRole("listbox", { name: /^Claims/ });

test("two annotators tag one report blind; the editor sees both and opens it for curation", async ({ page, browser }) => {
  const { base, docUrl, members } = await blindProjectWithTeam(page, browser, "Blind double coding", [
    { name: "Anna", role: "annotator" },
    { name: "Ben", role: "annotator" },
    { name: "Edith", role: "editor" },
  ]);
  const { Anna: annaPage, Ben: benPage, Edith: editorPage } = members;

  // Anna tags the report; the page tells her what blind annotation means.
  await annaPage.goto(docUrl);
  await expect(annaPage.getByTestId("blind-notice")).toHaveText("Blind annotation: you see only your own claims until an editor opens this document for curation.");
  await expect(annaPage.getByTestId("open-curation")).toHaveCount(0);
  await expectAccessible(annaPage);
  await tagAttack(annaPage, ANNA_PHRASE);
  await expect(annaPage.getByTestId("claim-count")).toHaveText("1");

  // Ben tags the same report without seeing Anna's claim, before and after his own.
  await benPage.goto(docUrl);
  await expect(benPage.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await expect(benPage.getByTestId("claim-count")).toHaveText("0");
  await expectAccessible(benPage);
  await tagAttack(benPage, BEN_PHRASE);
  await benPage.reload();
  await expect(benPage.getByTestId("reading-view")).toHaveAttribute("data-painted-count", "1");
  await expect(benPage.getByTestId("claim-count")).toHaveText("1");
  await expect(claimsList(benPage)).toContainText(BEN_PHRASE);
  await expect(claimsList(benPage)).not.toContainText(ANNA_PHRASE);
  await expectAccessible(benPage, "own claim only");

  // Nor in the claims table.
  await benPage.goto(`${base}/claims`);
  await expect(benPage.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(benPage.locator("main")).toContainText(BEN_PHRASE);
  await expect(benPage.locator("main")).not.toContainText(ANNA_PHRASE);
  await expectAccessible(benPage, "claims table");

  await annaPage.reload();
  await expect(annaPage.getByTestId("reading-view")).toHaveAttribute("data-painted-count", "1");
  await expect(annaPage.getByTestId("claim-count")).toHaveText("1");
  await expect(claimsList(annaPage)).not.toContainText(BEN_PHRASE);

  // The editor sees both, and opens the document for curation.
  await editorPage.goto(docUrl);
  await expect(editorPage.getByTestId("reading-view")).toHaveAttribute("data-painted-count", "2");
  await expect(editorPage.getByTestId("claim-count")).toHaveText("2");
  await expectAccessible(editorPage);
  const opener = editorPage.getByTestId("open-curation");
  await opener.getByRole("button", { name: "Open for curation" }).click();
  await expect(opener).toContainText("every member will see every claim on this document");
  await expectAccessible(editorPage, "confirm curation");
  await opener.getByRole("group", { name: "Open for curation" }).getByRole("button", { name: "Open for curation" }).click();
  await expect(editorPage.getByTestId("curation-open")).toHaveText("Open for curation: every member sees every claim on this document.");
  await expect(editorPage.getByTestId("open-curation")).toHaveCount(0);
  await expectAccessible(editorPage, "curation open");

  // From now on both annotators see both claims.
  for (const p of [annaPage, benPage]) {
    await p.goto(docUrl);
    await expect(p.getByTestId("reading-view")).toHaveAttribute("data-painted-count", "2");
    await expect(p.getByTestId("claim-count")).toHaveText("2");
    await expect(p.getByTestId("blind-notice")).toHaveCount(0);
    await expect(p.getByTestId("curation-open")).toBeVisible();
    await expectAccessible(p, "curation open");
  }
});
