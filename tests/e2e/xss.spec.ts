/** Imported HTML is shown as inert text: no script runs, no dialog opens, markup appears as text. */
import { test, expect } from "./a11y";
import path from "node:path";
import { createProject, expectAccessible, importFiles, signUp } from "./helpers";

test("imported HTML with scripts stays inert", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await signUp(page, "Careful");
  const projectId = await createProject(page, "Hostile input");
  const ids = await importFiles(page, projectId, [path.join(__dirname, "../fixtures/e2e/hostile.html")]);
  const documentId = Object.values(ids)[0]!;
  await page.goto(`/projects/${projectId}/documents/${documentId}`);
  const view = page.getByTestId("reading-view");
  await expect(view).toContainText("Visible paragraph one about an attack.");
  await expect(view).toContainText("<script>alert(2)</script>");
  await expect(view).not.toContainText("window.__pwned");
  await expect(view).not.toContainText("Copyright footer text");
  await expect(view).not.toContainText("About us");
  await expect(view).toHaveAttribute("data-interactive", "true");
  await expectAccessible(page);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  expect(await view.locator("script, img, svg, iframe").count()).toBe(0);
  await page.reload();
  await expect(view).toContainText("Visible paragraph one");
  expect(dialogs).toEqual([]);
  const csp = (await page.request.get(page.url())).headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-/);
});

test("markup typed into names and claim fields is shown as text everywhere", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const evil = `</script><script>alert("name")</script><img src=x onerror=alert(7)>\u2028end`;
  await signUp(page, "Escaper");
  await page.goto("/projects");
  await page.getByLabel("Name", { exact: true }).fill(evil);
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText('</script><script>alert("name")</script><img src=x onerror=alert(7)>');
  await expectAccessible(page);
  const projectId = page.url().split("/projects/")[1]!;
  await page.goto(`/projects/${projectId}/import`);
  await page.getByLabel("Title", { exact: true }).fill(evil);
  await page.getByLabel("Text", { exact: true }).fill("Plain words to annotate in this text.");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Import pasted text" }).click();
  await page.getByRole("link", { name: /^Open/ }).click();
  await expect(page.getByTestId("document-title")).toContainText('<script>alert("name")</script>');
  await expect(page.getByTestId("reading-view")).toHaveAttribute("data-interactive", "true");
  await expectAccessible(page);
  await page.goto("/projects");
  await expect(page.getByRole("link", { name: /alert\("name"\)/ })).toBeVisible();
  expect(await page.locator("img[src=x]").count()).toBe(0);
  expect(dialogs).toEqual([]);
});
