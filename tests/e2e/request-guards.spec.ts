/**
 * The request guards at the HTTP level, against the production server: a server action replayed
 * without an Origin is refused by the wrapper before it runs, and a server action body over its limit
 * is answered 413 with a message (Next alone answers 500).
 */
import { test, expect } from "./a11y";
import { expectAccessible, PASSWORD, uniqueEmail } from "./helpers";

test("a server action without an Origin is refused; the same call from the page runs", async ({ page }) => {
  await page.goto("/signup");
  await expectAccessible(page);
  const email = uniqueEmail("origin");
  const actionCall = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await page.getByLabel("Name").fill("Origin");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  const sent = await actionCall;
  await expect(page).toHaveURL(/\/projects$/);
  await expectAccessible(page);
  expect((await sent.allHeaders())["origin"]).toBe(new URL(page.url()).origin);

  // The same action with the same arguments, as a script would send it: no Origin, no Sec-Fetch-Site.
  // (Not replayed with the Origin too: that would pass the check but spend the shared sign-up allowance.)
  const refused = await page.request.post("/signup", {
    headers: { "next-action": sent.headers()["next-action"]!, "content-type": sent.headers()["content-type"]!, accept: "text/x-component" },
    data: sent.postDataBuffer()!,
  });
  expect(await refused.text()).toContain("did not come from an Attest page");
});

test("a server action body over the limit is answered 413 with a message", async ({ page }) => {
  await page.goto("/signin");
  await expectAccessible(page);
  const response = await page.request.post("/signin", {
    headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", origin: new URL(page.url()).origin },
    data: "x".repeat(2 * 1024 * 1024 + 1),
  });
  expect(response.status()).toBe(413);
  expect(response.headers()["content-type"]).toBe("text/plain");
  expect(await response.text()).toContain("larger than the 2 MB");
});
