// `npm test`: the whole suite. The dependency audit (scripts/audit.mjs: fails on what it finds; says
// NOT CHECKED, without failing, when the registry's audit endpoint cannot be reached), types, lint (ESLint
// with the layer rules) and unused code (knip), unit and
// integration tests (PGlite; PostgreSQL too when TEST_DATABASE_URL is set), the production build, then
// the browser journeys in Chromium.
// Ends with one summary line counting every test that ran.
import { existsSync, readFileSync, mkdirSync } from "node:fs";
import { run, npm } from "./lib.mjs";
import { auditDependencies } from "./audit.mjs";

const RESULTS = ".data/test-results";
mkdirSync(RESULTS, { recursive: true });

if (!existsSync("node_modules/.package-lock.json")) run(npm, ["ci", "--no-audit", "--no-fund"]);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium) && !process.env.PLAYWRIGHT_BUNDLED_CHROMIUM) {
  console.error(`Chromium not found at ${chromium}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
console.log(process.env.TEST_DATABASE_URL ? "Integration tests: PGlite and PostgreSQL (TEST_DATABASE_URL)." : "Integration tests: PGlite only (set TEST_DATABASE_URL to add PostgreSQL).");
const audit = auditDependencies();
if (audit.exitCode !== 0) process.exit(audit.exitCode);
run(process.execPath, ["scripts/generate-client.mjs"]);
run(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit"]);
run(process.execPath, ["node_modules/eslint/bin/eslint.js", "--max-warnings=0", "."]);
run(process.execPath, ["node_modules/knip/bin/knip.js", "--no-progress"]);
run(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${RESULTS}/vitest.json`]);
run(process.execPath, ["node_modules/next/dist/bin/next", "build"]); // the client was generated above
run(process.execPath, ["node_modules/@playwright/test/cli.js", "test"]);

const vitest = JSON.parse(readFileSync(`${RESULTS}/vitest.json`, "utf8"));
const pw = JSON.parse(readFileSync(`${RESULTS}/playwright.json`, "utf8")).stats;
const passed = vitest.numPassedTests + pw.expected + pw.flaky;
const failed = vitest.numFailedTests + pw.unexpected;
console.log(`\n${audit.summary}`);
console.log(`unit+integration: ${vitest.numPassedTests} passed; browser: ${pw.expected + pw.flaky} passed${pw.flaky ? ` (${pw.flaky} after a retry)` : ""}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
