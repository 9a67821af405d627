// `npm test`: the whole suite. Types, unit and integration tests (PGlite; PostgreSQL too when
// TEST_DATABASE_URL is set), the production build, then the browser journeys in Chromium.
import { existsSync } from "node:fs";
import { run, npm } from "./lib.mjs";

if (!existsSync("node_modules/.package-lock.json")) run(npm, ["ci", "--no-audit", "--no-fund"]);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium) && !process.env.PLAYWRIGHT_BUNDLED_CHROMIUM) {
  console.error(`Chromium not found at ${chromium}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
run(process.execPath, ["scripts/generate-client.mjs"]);
run(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit"]);
run(process.execPath, ["node_modules/vitest/vitest.mjs", "run"]);
run(npm, ["run", "build"]);
run(process.execPath, ["node_modules/@playwright/test/cli.js", "test"]);
console.log("\nAll test stages passed.");
