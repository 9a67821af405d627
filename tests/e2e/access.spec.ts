/**
 * Threat: a signed-in user who is not a member of a project reaches its pages or routes by id.
 * Every page and route with a foreign project or document id must answer 404, the same as a
 * nonexistent id, and must not reveal anything about the project.
 */
import { test, expect } from "./a11y";
import path from "node:path";
import { createProject, expectAccessible, importFiles, signUp } from "./helpers";

test("a non-member gets 404 for the project's pages and routes, like a missing id", async ({ browser }) => {
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await signUp(ownerPage, "Owner");
  const projectId = await createProject(ownerPage, "Private project");
  const ids = await importFiles(ownerPage, projectId, [path.join(__dirname, "../fixtures/e2e/attack-report.txt")]);
  const documentId = Object.values(ids)[0]!;
  expect(documentId).toBeTruthy();

  const stranger = await browser.newContext();
  const page = await stranger.newPage();
  await signUp(page, "Stranger");
  const missingProject = "00000000-0000-4000-8000-000000000000";
  const paths = (pid: string, did: string) => [
    `/projects/${pid}`,
    `/projects/${pid}/import`,
    `/projects/${pid}/claims`,
    `/projects/${pid}/claim-types`,
    `/projects/${pid}/documents/${did}`,
    `/projects/${pid}/documents/${did}/curate`,
    `/projects/${pid}/settings`,
    `/projects/${pid}/my-work`,
    `/projects/${pid}/review`,
    `/projects/${pid}/agreement`,
    `/projects/${pid}/records`,
    `/projects/${pid}/records/${missingProject}`,
    `/projects/${pid}/conflicts`,
    `/projects/${pid}/releases`,
    `/projects/${pid}/releases/${missingProject}`,
  ];
  for (const [pid, did] of [[projectId, documentId], [missingProject, documentId], [missingProject, missingProject]] as const) {
    for (const p of paths(pid, did)) {
      const res = await page.goto(p);
      expect(res?.status(), p).toBe(404);
      await expect(page.getByText("Private project")).toHaveCount(0);
    }
  }
  await expectAccessible(page, "not found");
  // The stranger's own project with the owner's document id: also 404.
  const own = await createProject(page, "Stranger's project");
  expect((await page.goto(`/projects/${own}/documents/${documentId}`))?.status()).toBe(404);

  // Route handlers: the upload route answers 404 for a foreign or missing project.
  for (const pid of [projectId, missingProject]) {
    const res = await page.request.post(`/api/projects/${pid}/documents`, {
      headers: { origin: new URL(page.url()).origin },
      multipart: { text: "injected", title: "x" },
    });
    expect(res.status()).toBe(404);
    expect(res.headers()["cache-control"]).toContain("no-store");
  }
  // The downloads (agreement CSV, exports, a release file, the backup): 404 for a foreign or missing
  // project, like the pages.
  for (const pid of [projectId, missingProject]) {
    for (const route of ["agreement/documents", "exports/claims-csv", `releases/${missingProject}/files/records.csv`, "backup"]) {
      const res = await page.request.get(`/api/projects/${pid}/${route}`, { headers: { origin: new URL(page.url()).origin } });
      expect(res.status(), `${route} of ${pid}`).toBe(404);
      expect(await res.text()).not.toContain("Private project");
    }
  }
  // Not signed in at all: 401 from the route, redirect to sign-in from the page.
  const anon = await browser.newContext();
  const anonPage = await anon.newPage();
  const res = await anonPage.request.post(`/api/projects/${projectId}/documents`, { headers: { origin: "http://127.0.0.1" }, multipart: { text: "x" } });
  expect([401, 403]).toContain(res.status());
  await anonPage.goto(`/projects/${projectId}`);
  await expect(anonPage).toHaveURL(/\/signin\?callbackUrl=/);
  // The middleware-bypass header of CVE-2025-29927 changes nothing: authorization sits next to the data.
  const bypass = await anonPage.request.get(`/projects/${projectId}`, { headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" }, maxRedirects: 0 });
  expect(bypass.status()).toBe(307);
  expect(bypass.headers()["location"]).toContain("/signin");
  const strangerBypass = await page.request.get(`/projects/${projectId}`, { headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" } });
  expect(strangerBypass.status()).toBe(404);
  // Signed-in pages are never cached by shared caches.
  const ownerPageResponse = await ownerPage.request.get(`/projects/${projectId}`);
  expect(ownerPageResponse.headers()["cache-control"]).toContain("no-store");
  // A cross-site upload is refused even for the owner.
  const cross = await ownerPage.request.post(`/api/projects/${projectId}/documents`, { headers: { origin: "https://evil.example" }, multipart: { text: "cross-site", title: "x" } });
  expect(cross.status()).toBe(403);
  await owner.close();
  await stranger.close();
  await anon.close();
});
