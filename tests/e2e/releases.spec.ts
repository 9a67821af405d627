/**
 * A release as an editor publishes it: the airport bombing tagged in two reports, approved (self-
 * approval through the review queue) and confirmed as a record; the releases page with the
 * suggested version, the release page with its files, their SHA-256 and the citation; then every
 * file of the release downloaded, its bytes matching the hash the release page shows, and each read
 * as what it claims to be (CSV with a standard parser, JSONL line by line, the Web Annotation
 * collection as JSON-LD), with the headers a download carries.
 */
import { test, expect } from "./a11y";
import { createHash } from "node:crypto";
import { AIRPORT_REPORTS, airportRecord, createProject, download, expectAccessible, readDownload, signUp } from "./helpers";

const PHRASES = AIRPORT_REPORTS.map((r) => r.phrase).sort();
const RELEASE_FILES = ["records.csv", "claims.csv", "records.jsonl", "claims.jsonl", "annotations.jsonld"];
const asObjects = (rows: string[][]) => rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));

test("an editor publishes a release, finds it listed with its citation and downloads every file of it", async ({ page }) => {
  await signUp(page, "Rosa");
  const projectId = await createProject(page, "Release study");
  const base = `/projects/${projectId}`;
  const ids = await airportRecord(page, projectId);

  await page.goto(base);
  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Releases" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Releases" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Version" })).toHaveValue("1.0.0");
  await expectAccessible(page, "no releases yet");
  await page.getByLabel("Title").fill("First dataset");
  await page.getByLabel("Notes").fill("The Kabul airport bombing.");
  await page.getByRole("button", { name: "Publish release" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Version 1.0.0: First dataset" })).toBeVisible();
  await expect(page.getByText("(Version 1.0.0) [Data set]")).toBeVisible();
  await expectAccessible(page, "release page");
  // The release page shows each file's SHA-256: every download below must match it.
  const hashes: Record<string, string> = {};
  for (const name of RELEASE_FILES) hashes[name] = (await page.getByLabel(`SHA-256 of ${name}`).textContent())!.trim();
  expect(Object.values(hashes).every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);

  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Releases" }).click();
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Version 1.0.0: First dataset" }) });
  await expect(item).toBeVisible();
  await expect(item.locator(".citation-text")).toContainText("Release study: First dataset (Version 1.0.0) [Data set]");
  // The next suggestion is a patch: no records were added since.
  await expect(page.getByRole("textbox", { name: "Version" })).toHaveValue("1.0.1");
  await expectAccessible(page, "one release");

  // Every file the release lists, and no other.
  const links = item.locator(".release-files a");
  expect((await links.allTextContents()).sort()).toEqual([...RELEASE_FILES].sort());
  const files: Record<string, Buffer> = {};
  for (const name of RELEASE_FILES) {
    const file = await download(page, item.getByRole("link", { name, exact: true }));
    expect(file.name).toBe(`v1.0.0-${name}`);
    expect(createHash("sha256").update(file.bytes).digest("hex"), name).toBe(hashes[name]);
    files[name] = file.bytes;
  }

  const records = asObjects(await readDownload("csv", files["records.csv"]));
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ type: "attack", date_start: "2021-08-26", date_end: "2021-08-26", actors: "ISKP", number_of_sources: "2" });
  const claims = asObjects(await readDownload("csv", files["claims.csv"]));
  expect(claims.map((c) => c.quote).sort()).toEqual(PHRASES);
  expect(claims.map((c) => c.document).sort()).toEqual(Object.values(ids).sort());
  expect(claims.every((c) => c.status === "approved")).toBe(true);

  const recordLines = await readDownload("jsonl", files["records.jsonl"]);
  expect(recordLines.map((r) => r.id)).toEqual([records[0].id]);
  expect((recordLines[0].evidence as { exact: string }[]).map((e) => e.exact).sort()).toEqual(PHRASES);
  const claimLines = await readDownload("jsonl", files["claims.jsonl"]);
  expect(claimLines.map((c) => c.id).sort()).toEqual(claims.map((c) => c.id).sort());

  const [collection, ...pages] = await readDownload("jsonld", files["annotations.jsonld"]);
  expect(collection.total).toBe(2);
  expect(JSON.stringify(pages)).toContain(PHRASES[0]);

  // The headers: an attachment, with the stored file's SHA-256 as its ETag.
  const href = await item.getByRole("link", { name: "annotations.jsonld" }).getAttribute("href");
  const res = await page.request.get(href!, { headers: { origin: new URL(page.url()).origin } });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toBe('attachment; filename="v1.0.0-annotations.jsonld"');
  expect(res.headers()["content-type"]).toContain("application/ld+json");
  expect(res.headers()["etag"]).toBe(`"${hashes["annotations.jsonld"]}"`);
});
