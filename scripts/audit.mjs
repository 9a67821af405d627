// `npm run audit:deps`: audits the production dependencies (`npm audit --omit=dev`) and applies the rules
// in audit-policy.mjs: a high or critical advisory with a fixed version fails; one without a fix must be
// listed in the README's "Dependencies" section. `npm test` runs it first.
//
// Options:
//   --require-registry   fail when the registry's audit endpoint cannot be reached (default: report
//                        "NOT CHECKED" loudly and exit 0, so a mirror without the endpoint does not block
//                        every build; also set by ATTEST_AUDIT_REQUIRE_REGISTRY=1)
//   --from FILE          judge a saved `npm audit --omit=dev --json` output instead of running npm
//   --readme FILE        the README to check the list against (default README.md)
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { npm } from "./lib.mjs";
import { readAuditOutput, readmeSection, judge, README_SECTION, FAILING_SEVERITY } from "./audit-policy.mjs";

// npm retries and waits minutes by default; an audit that cannot get an answer should say so sooner.
const FETCH_TIMEOUT_MS = 60_000;
const AUDIT_TIMEOUT_MS = 180_000;

function runNpmAudit() {
  const res = spawnSync(npm, ["audit", "--omit=dev", "--json", `--fetch-timeout=${FETCH_TIMEOUT_MS}`, "--fetch-retries=1"], {
    encoding: "utf8",
    timeout: AUDIT_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  // Timed out waiting on the registry: no answer, like a refused connection. Any other spawn error
  // (npm missing) leaves no output, which the policy reports as a failure.
  if (res.error?.code === "ETIMEDOUT") return JSON.stringify({ message: `npm audit did not finish in ${AUDIT_TIMEOUT_MS / 1000} s`, uri: "registry audit endpoint" });
  if (res.error) console.error(`npm audit could not run: ${res.error.message}`);
  return res.stdout ?? "";
}

const line = (v) => `  ${v.name} (${v.severity}${v.direct ? ", direct" : ""})${v.fix ? `: ${v.fix}` : ""}`;
const advisory = (a) => `    ${a.id} ${a.severity}: ${a.title} [${a.package} ${a.range}]`;

/**
 * Runs the audit and prints the verdict.
 * @returns {{ exitCode: number, summary: string }} `summary` is one line for a test run's closing report.
 */
export function auditDependencies({ requireRegistry = process.env.ATTEST_AUDIT_REQUIRE_REGISTRY === "1", from = null, readmePath = "README.md" } = {}) {
  console.log("\n== dependency audit (production dependencies)");
  const outcome = readAuditOutput(from ? readFileSync(from, "utf8") : runNpmAudit());
  if (outcome.kind === "unreachable") {
    console.log(`NOT CHECKED: the registry's audit endpoint could not be reached (${outcome.reason}).`);
    console.log("No advisories were looked up, so none can be ruled out. Run `npm run audit:deps` where the registry answers.");
    return { exitCode: requireRegistry ? 1 : 0, summary: "dependency audit: NOT CHECKED (registry audit endpoint unreachable)" };
  }
  if (outcome.kind === "failed") {
    console.error(`The dependency audit failed: ${outcome.reason}`);
    return { exitCode: 1, summary: "dependency audit: FAILED (npm audit did not produce a report)" };
  }
  const section = readmeSection(readFileSync(readmePath, "utf8"));
  if (section === null) {
    console.error(`${readmePath} has no "## ${README_SECTION}" section to list advisories without a fix.`);
    return { exitCode: 1, summary: "dependency audit: FAILED (README section missing)" };
  }
  const verdict = judge(outcome.vulnerabilities, section);
  const count = outcome.dependencies === null ? "" : ` in ${outcome.dependencies} production packages`;
  console.log(`${outcome.vulnerabilities.length} vulnerable package(s)${count}.`);
  if (verdict.fixable.length) {
    console.error(`\nFAIL: ${FAILING_SEVERITY} or critical, with a fixed version — upgrade:`);
    for (const v of verdict.fixable) console.error([line(v), ...v.advisories.map(advisory)].join("\n"));
  }
  const unlisted = verdict.unfixable.filter((a) => !a.listed);
  if (unlisted.length) {
    console.error(`\nFAIL: ${FAILING_SEVERITY} or critical without a fix, not listed in ${readmePath} "${README_SECTION}" (say why it does or does not affect Attest):`);
    for (const a of unlisted) console.error(`${advisory(a)} via ${a.through.join(", ")}`);
  }
  const listed = verdict.unfixable.filter((a) => a.listed);
  if (listed.length) {
    console.log(`\nWithout a fix, listed in ${readmePath}:`);
    for (const a of listed) console.log(`${advisory(a)} via ${a.through.join(", ")}`);
  }
  if (verdict.minor.length) {
    console.log("\nBelow the failing level (not failing):");
    for (const v of verdict.minor) console.log(line(v));
  }
  for (const id of verdict.stale) console.log(`Note: ${readmePath} lists ${id}, which the audit no longer reports; remove it.`);
  const failing = verdict.fixable.length + unlisted.length;
  console.log(verdict.pass ? "Dependency audit passed." : `Dependency audit failed (${failing} to fix or list).`);
  const summary = verdict.pass
    ? `dependency audit: passed (${verdict.unfixable.length} listed without a fix, ${verdict.minor.length} below ${FAILING_SEVERITY})`
    : `dependency audit: FAILED (${failing} to fix or list)`;
  return { exitCode: verdict.pass ? 0 : 1, summary };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const value = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const { exitCode } = auditDependencies({
    requireRegistry: args.includes("--require-registry") || undefined, // undefined: the environment decides
    from: value("--from") ?? null,
    readmePath: value("--readme") ?? "README.md",
  });
  process.exit(exitCode);
}
