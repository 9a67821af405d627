// Types for audit-policy.mjs (the scripts are plain Node modules; the tests are TypeScript).

export type Severity = "info" | "low" | "moderate" | "high" | "critical";

export interface Advisory {
  id: string;
  title: string;
  url: string;
  severity: Severity;
  package: string;
  range: string;
}

export interface Vulnerability {
  name: string;
  severity: Severity;
  direct: boolean;
  /** How to fix it, or null when no fixed version exists. */
  fix: string | null;
  advisories: Advisory[];
}

export type AuditOutcome =
  | { kind: "report"; vulnerabilities: Vulnerability[]; dependencies: number | null }
  | { kind: "unreachable"; reason: string }
  | { kind: "failed"; reason: string };

export interface UnfixableAdvisory extends Advisory {
  /** The vulnerable packages that reach it. */
  through: string[];
  /** Whether the README's Dependencies section names it. */
  listed: boolean;
}

export interface Verdict {
  pass: boolean;
  fixable: Vulnerability[];
  unfixable: UnfixableAdvisory[];
  minor: Vulnerability[];
  stale: string[];
}

export const FAILING_SEVERITY: Severity;
export const README_SECTION: string;
export function isFailingSeverity(severity: string): boolean;
export function advisoryKey(via: { url?: string; source?: number }): string;
export function readAuditOutput(stdout: string): AuditOutcome;
export function readmeSection(readme: string): string | null;
export function listedIds(section: string): string[];
export function judge(vulnerabilities: Vulnerability[], section: string): Verdict;
