// The dependency audit's rules (scripts/audit-policy.mjs) on saved `npm audit --omit=dev --json` outputs:
// a report with fixable, unfixable and low advisories; a clean report; the registry refusing the audit
// endpoint (405) or not resolving; npm failing without a lock file. Then the command on the same files.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { advisoryKey, isFailingSeverity, judge, listedIds, readAuditOutput, readmeSection, type Vulnerability } from "../../../scripts/audit-policy.mjs";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const FIXTURES = path.join(REPO_ROOT, "tests/unit/scripts/fixtures");
const fixturePath = (name: string) => path.join(FIXTURES, name);
const fixture = (name: string) => fs.readFileSync(fixturePath(name), "utf8");

const PROTOTYPE_POLLUTION = "GHSA-4r6h-8v6p-xvw6";
const REDOS = "GHSA-5pgg-2g8v-p4x9";
const PDFJS = "GHSA-wgrm-67xf-hhpq";

function report(name = "audit-report.json"): Vulnerability[] {
  const outcome = readAuditOutput(fixture(name));
  if (outcome.kind !== "report") throw new Error(`expected a report, got ${outcome.kind}`);
  return outcome.vulnerabilities;
}
const without = (vulns: Vulnerability[], ...names: string[]) => vulns.filter((v) => !names.includes(v.name));
const readme = (dependencies: string, rest = "") => `# Attest\n\n## Run it\n\n${rest}\n\n## Dependencies\n\n${dependencies}\n\n## Find your way\n\n- docs\n`;

describe("readAuditOutput", () => {
  it("reads a report: each vulnerable package, its fix, and the advisories it reaches", () => {
    const outcome = readAuditOutput(fixture("audit-report.json"));
    expect(outcome.kind).toBe("report");
    if (outcome.kind !== "report") return;
    expect(outcome.dependencies).toBe(214);
    const byName = Object.fromEntries(outcome.vulnerabilities.map((v) => [v.name, v]));
    expect(Object.keys(byName).sort()).toEqual(["cookie", "next-auth", "node-xlsx", "pdfjs-dist", "xlsx"]);
    expect(byName["pdfjs-dist"].fix).toBe("upgrade pdfjs-dist to 4.2.67 (a major version)");
    expect(byName["next-auth"].fix).toBe("upgrade next-auth to 4.24.9");
    expect(byName["xlsx"].fix).toBeNull();
    // node-xlsx has no advisory of its own: it is vulnerable through xlsx and reaches both of xlsx's.
    expect(byName["node-xlsx"].advisories.map((a) => a.id)).toEqual([PROTOTYPE_POLLUTION, REDOS]);
    expect(byName["next-auth"].advisories).toEqual([
      { id: "GHSA-pxg6-pf52-xh8x", title: "cookie accepts cookie name, path, and domain with out of bounds characters", url: "https://github.com/advisories/GHSA-pxg6-pf52-xh8x", severity: "low", package: "cookie", range: "<0.7.0" },
    ]);
  });

  it("describes fixAvailable: true as npm audit fix", () => {
    const json = JSON.parse(fixture("audit-report.json"));
    json.vulnerabilities.xlsx.fixAvailable = true;
    const outcome = readAuditOutput(JSON.stringify(json));
    expect(outcome.kind === "report" && outcome.vulnerabilities.find((v) => v.name === "xlsx")?.fix).toBe("npm audit fix");
  });

  it("follows packages that are vulnerable through each other without looping", () => {
    const json = JSON.parse(fixture("audit-report.json"));
    json.vulnerabilities.xlsx.via.push("node-xlsx");
    const outcome = readAuditOutput(JSON.stringify(json));
    expect(outcome.kind === "report" && outcome.vulnerabilities.find((v) => v.name === "xlsx")?.advisories.map((a) => a.id)).toEqual([PROTOTYPE_POLLUTION, REDOS]);
  });

  it("reads a clean report as a report with nothing in it", () => {
    expect(readAuditOutput(fixture("audit-clean.json"))).toEqual({ kind: "report", vulnerabilities: [], dependencies: 214 });
  });

  it.each([
    ["audit-405.json", "405 Method Not Allowed"],
    ["audit-unresolved.json", "ENOTFOUND"],
  ])("reports %s as not reached, never as a report", (name, reason) => {
    const outcome = readAuditOutput(fixture(name));
    expect(outcome.kind).toBe("unreachable");
    expect(outcome.kind === "unreachable" && outcome.reason).toContain(reason);
  });

  it.each([
    ["npm's own error (no lock file)", fixture("audit-enolock.json"), "ENOLOCK"],
    ["output that is not JSON", "npm ERR! something broke", "not JSON"],
    ["no output", "", "printed nothing"],
    ["JSON of an unknown shape", '{"advisories":{}}', "npm audit failed"],
  ])("fails on %s", (_what, stdout, reason) => {
    const outcome = readAuditOutput(stdout);
    expect(outcome.kind).toBe("failed");
    expect(outcome.kind === "failed" && outcome.reason).toContain(reason);
  });
});

describe("advisory keys and severities", () => {
  it("keys an advisory by its GHSA id, else its URL, else npm's number", () => {
    expect(advisoryKey({ url: "https://github.com/advisories/GHSA-4R6H-8v6p-xvw6", source: 1 })).toBe(PROTOTYPE_POLLUTION);
    expect(advisoryKey({ url: "https://example.org/advisory/7", source: 7 })).toBe("https://example.org/advisory/7");
    expect(advisoryKey({ source: 1094599 })).toBe("npm advisory 1094599");
  });

  it("fails from high up, and on a severity it does not know", () => {
    expect(["info", "low", "moderate", "high", "critical", "catastrophic"].map(isFailingSeverity)).toEqual([false, false, false, true, true, true]);
  });
});

describe("readmeSection", () => {
  it("takes the Dependencies section up to the next heading of its level", () => {
    const text = readme(`Advisories:\n\n### Without a fix\n\n| ${REDOS} |`, `Mentions ${PDFJS}.`);
    const section = readmeSection(text);
    expect(section).toContain("### Without a fix");
    expect(section).toContain(REDOS);
    expect(section).not.toContain(PDFJS);
    expect(section).not.toContain("docs");
    expect(listedIds(section!)).toEqual([REDOS]);
  });

  it("is null when the README has no such section", () => {
    expect(readmeSection("# Attest\n\n## Run it\n\n### Dependencies\n")).toBeNull();
  });

  it("exists in the project's README", () => {
    expect(readmeSection(fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8"))).not.toBeNull();
  });
});

describe("judge", () => {
  it("fails on a fixable high advisory and on unfixable ones the README does not list", () => {
    const verdict = judge(report(), readmeSection(readme("None."))!);
    expect(verdict.pass).toBe(false);
    expect(verdict.fixable.map((v) => v.name)).toEqual(["pdfjs-dist"]);
    expect(verdict.unfixable.map((a) => [a.id, a.listed, a.through])).toEqual([
      [PROTOTYPE_POLLUTION, false, ["node-xlsx", "xlsx"]],
      [REDOS, false, ["node-xlsx", "xlsx"]],
    ]);
    expect(verdict.minor.map((v) => v.name)).toEqual(["cookie", "next-auth"]);
  });

  it("passes once the fixable one is upgraded and both unfixable ones are listed", () => {
    const section = readmeSection(readme(`| ${PROTOTYPE_POLLUTION} | xlsx | why |\n| ${REDOS.toUpperCase()} | xlsx | why |`))!;
    const verdict = judge(without(report(), "pdfjs-dist"), section);
    expect(verdict.unfixable.every((a) => a.listed)).toBe(true);
    expect(verdict.pass).toBe(true);
  });

  it("still fails when only one of the unfixable advisories is listed", () => {
    const verdict = judge(without(report(), "pdfjs-dist"), readmeSection(readme(`| ${REDOS} | xlsx | why |`))!);
    expect(verdict.pass).toBe(false);
    expect(verdict.unfixable.filter((a) => !a.listed).map((a) => a.id)).toEqual([PROTOTYPE_POLLUTION]);
  });

  it("does not count an id mentioned outside the Dependencies section", () => {
    const text = readme("None.", `${PROTOTYPE_POLLUTION} ${REDOS}`);
    expect(judge(without(report(), "pdfjs-dist"), readmeSection(text)!).pass).toBe(false);
  });

  it("does not let a listing excuse a fixable advisory", () => {
    const verdict = judge(report(), readmeSection(readme(`${PDFJS} ${PROTOTYPE_POLLUTION} ${REDOS}`))!);
    expect(verdict.pass).toBe(false);
    expect(verdict.fixable.map((v) => v.name)).toEqual(["pdfjs-dist"]);
  });

  it("needs no listing for a moderate advisory without a fix, and never fails on low ones", () => {
    const moderate = report().filter((v) => v.name === "xlsx").map((v) => ({ ...v, severity: "moderate" as const, advisories: v.advisories.map((a) => ({ ...a, severity: "moderate" as const })) }));
    const verdict = judge([...moderate, ...report().filter((v) => v.severity === "low")], readmeSection(readme("None."))!);
    expect(verdict.pass).toBe(true);
    expect(verdict.minor.map((v) => v.name)).toEqual(["xlsx", "cookie", "next-auth"]);
  });

  it("points out listed ids the audit no longer reports", () => {
    const verdict = judge(report("audit-clean.json"), readmeSection(readme(`| ${REDOS} | xlsx | why |`))!);
    expect(verdict.pass).toBe(true);
    expect(verdict.stale).toEqual([REDOS]);
  });
});

describe("npm run audit:deps on saved outputs", () => {
  const tmpReadme = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "attest-audit-")), "README.md");
  fs.writeFileSync(tmpReadme, readme(`| ${PROTOTYPE_POLLUTION} | xlsx | why |`));
  const audit = (name: string, ...flags: string[]) =>
    spawnSync(process.execPath, [path.join(REPO_ROOT, "scripts/audit.mjs"), "--from", fixturePath(name), "--readme", tmpReadme, ...flags], { encoding: "utf8", env: { ...process.env, ATTEST_AUDIT_REQUIRE_REGISTRY: "" } });

  it("exits 0 on a clean report and 1 on a report with something to fix or list", () => {
    expect(audit("audit-clean.json").status).toBe(0);
    const failing = audit("audit-report.json");
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain("pdfjs-dist (high, direct): upgrade pdfjs-dist to 4.2.67");
    expect(failing.stderr).toContain(REDOS);
    expect(failing.stdout).toContain(PROTOTYPE_POLLUTION); // listed, so printed as such
  });

  it("says NOT CHECKED when the registry refused, and fails on that only when asked to", () => {
    const refused = audit("audit-405.json");
    expect(refused.status).toBe(0);
    expect(refused.stdout).toContain("NOT CHECKED");
    expect(refused.stdout).not.toContain("passed");
    expect(audit("audit-405.json", "--require-registry").status).toBe(1);
  });

  it("exits 1 when npm itself failed", () => {
    expect(audit("audit-enolock.json").status).toBe(1);
  });
});
