import { test, expect } from "./a11y";
import type { Browser } from "@playwright/test";
import { expectAccessible, PASSWORD, signIn, signUp, uniqueEmail } from "./helpers";

/** A second browser: its own cookies, the same server. */
async function otherBrowser(browser: Browser) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  return { context, page: await context.newPage() };
}

test("sign up, sign out, wrong password refused, sign in again", async ({ page }) => {
  const email = uniqueEmail("ana");
  await page.goto("/signup");
  await expectAccessible(page);
  await page.getByLabel("Name").fill("Ana Analyst");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("Password1!");
  await page.getByRole("button", { name: "Create account" }).click();
  // The strength estimator's reason and its suggestion, not a bare "too weak".
  const refusal = page.getByRole("alert").filter({ hasText: "commonly used password" });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText("Add more words");
  await expectAccessible(page, "password refused");

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByText("No projects yet.")).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText("Ana Analyst");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprojects/);
  await expectAccessible(page);

  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await expectAccessible(page, "sign-in refused");

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/projects$/);
});

test("a callbackUrl pointing off-site is ignored, also once normalized", async ({ page }) => {
  // Sign-up pushes the destination too: a dot segment that collapses into `//evil.example`.
  const email = uniqueEmail("redirect");
  await page.goto(`/signup?callbackUrl=${encodeURIComponent("/.//evil.example")}`);
  await expectAccessible(page);
  await page.getByLabel("Name").fill("Redirect");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/projects$/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await expectAccessible(page);
  const offSite = ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)"];
  const collapsing = ["/.//evil.example", "/..//evil.example", "/%2e//evil.example", "/a/..//evil.example", "/\t/evil.example"];
  for (const evil of [...offSite, ...collapsing]) {
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(evil)}`);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/projects$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
  }
});

test("a copied session cookie stops working once its browser signs out", async ({ page, browser }) => {
  await signUp(page, "Copied");
  const thief = await otherBrowser(browser);
  await thief.context.addCookies(await page.context().cookies());
  await thief.page.goto("/projects");
  await expect(thief.page).toHaveURL(/\/projects$/);
  await expect(thief.page.getByTestId("signed-in-as")).toHaveText("Copied");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await expectAccessible(page);
  await thief.page.goto("/projects");
  await expect(thief.page).toHaveURL(/\/signin\?callbackUrl=%2Fprojects/);
  await thief.context.close();
});

test("sign out everywhere ends the sessions of every browser", async ({ page, browser }) => {
  const email = await signUp(page, "Everywhere");
  const laptop = await otherBrowser(browser);
  await signIn(laptop.page, email);

  await page.getByTestId("signed-in-as").click();
  await expect(page).toHaveURL(/\/account$/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await expectAccessible(page);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);

  await laptop.page.goto("/projects");
  await expect(laptop.page).toHaveURL(/\/signin\?callbackUrl=%2Fprojects/);
  await laptop.context.close();
});

test("guessing is throttled with the wait shown, and the owner's browser still signs in", async ({ page, browser }) => {
  // Every browser here shares one address (no proxy in front), as a guesser behind the same NAT would.
  const email = await signUp(page, "Guarded");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await expectAccessible(page);

  const guesser = await otherBrowser(browser);
  await guesser.page.goto("/signin");
  await guesser.page.getByLabel("E-mail").fill(email);
  const alert = guesser.page.locator("#signin-error");
  for (let i = 1; i <= 10; i++) {
    await guesser.page.getByLabel("Password").fill(`guess number ${i}`);
    const answer = guesser.page.waitForResponse((r) => r.url().endsWith("/api/auth/callback/credentials"));
    await guesser.page.getByRole("button", { name: "Sign in" }).click();
    expect((await answer).status()).toBe(401);
    await expect(alert).toContainText("do not match");
  }
  await guesser.page.getByLabel("Password").fill(PASSWORD);
  const throttled = guesser.page.waitForResponse((r) => r.url().endsWith("/api/auth/callback/credentials"));
  await guesser.page.getByRole("button", { name: "Sign in" }).click();
  const response = await throttled;
  expect(response.status()).toBe(429);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
  await expect(alert).toContainText(/Too many failed attempts from here\. Try again in \d+ minutes?\./);
  await expect(guesser.page).toHaveURL(/\/signin/);
  await guesser.context.close();

  // The owner's browser has signed in to this account before: the guessing does not lock it out.
  await signIn(page, email);
});
