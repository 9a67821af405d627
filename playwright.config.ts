import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";

/**
 * Browser journeys against the production build (`next build` must have run), on a fresh embedded
 * database. Uses Playwright's own Chromium where installed, else the system's (CHROMIUM_PATH or
 * /usr/bin/chromium).
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".data/test-results/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      ...(existsSync(systemChromium) && !process.env.PLAYWRIGHT_BUNDLED_CHROMIUM ? { executablePath: systemChromium } : {}),
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1400, height: 900 } } }],
  webServer: {
    command: `node scripts/serve-fresh.mjs ${PORT}`,
    url: `http://127.0.0.1:${PORT}/signin`,
    timeout: 120_000,
    reuseExistingServer: false,
    // As behind a reverse proxy: the journeys say which address they come from (tests/e2e/a11y.ts).
    env: { ATTEST_TRUSTED_PROXIES: "1" },
    stdout: "pipe",
    stderr: "pipe",
  },
});
