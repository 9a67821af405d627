// The dependency audit's rules, kept apart from the command that runs `npm audit` so they can be tested
// on saved reports. Pure: text in, verdict out.
//
// Rules:
// - Only production dependencies are audited (the caller runs `npm audit --omit=dev --json`).
// - A high or critical vulnerability with a fix (`fixAvailable` true, or an upgrade object) fails.
// - A high or critical advisory that cannot be fixed must be named (its GHSA id, or its URL when it has
//   none) in the README's "Dependencies" section, which says why it does or does not affect Attest; an
//   unnamed one fails, so that list stays complete.
// - Lower severities are printed and never fail.
// - When the audit could not ask the registry, the outcome is "not checked", never "no advisories"; it
//   fails only when the caller requires the registry.
// - Output that is neither a report nor a registry error fails: an unreadable answer is not a pass.

/** Severities from least to most severe, as npm names them. */
const SEVERITIES = ["info", "low", "moderate", "high", "critical"];
/** The least severe level that fails the build. */
export const FAILING_SEVERITY = "high";
/** The README heading under which advisories without a fix are listed. */
export const README_SECTION = "Dependencies";

// Errors npm reports when it never got an answer from the registry (DNS, refused, reset, timed out).
const NETWORK_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ECONNABORTED", "ERR_SOCKET_TIMEOUT", "FETCH_ERROR"]);

/** Unknown severities rank as the most severe: a level npm adds later should fail, not slip through. */
function severityRank(severity) {
  const i = SEVERITIES.indexOf(severity);
  return i < 0 ? SEVERITIES.length : i;
}

export function isFailingSeverity(severity) {
  return severityRank(severity) >= severityRank(FAILING_SEVERITY);
}

/** An advisory's key: its GHSA id when its URL carries one, else the URL, else npm's numeric source. */
export function advisoryKey(via) {
  const ghsa = /GHSA(?:-[0-9a-z]{4}){3}/i.exec(via.url ?? "");
  if (ghsa) return `GHSA${ghsa[0].slice(4).toLowerCase()}`;
  return via.url || `npm advisory ${via.source}`;
}

function describeFix(fixAvailable) {
  if (fixAvailable === false || fixAvailable == null) return null;
  if (fixAvailable === true) return "npm audit fix";
  return `upgrade ${fixAvailable.name} to ${fixAvailable.version}${fixAvailable.isSemVerMajor ? " (a major version)" : ""}`;
}

/** The advisories a vulnerable package reaches: its own, and those of the packages it is vulnerable through. */
function reachedAdvisories(name, entries, seen = new Set()) {
  if (seen.has(name) || !entries[name]) return [];
  seen.add(name);
  return (entries[name].via ?? []).flatMap((via) =>
    typeof via === "string"
      ? reachedAdvisories(via, entries, seen)
      : [{ id: advisoryKey(via), title: via.title ?? "", url: via.url ?? "", severity: via.severity, package: via.name ?? name, range: via.range ?? "" }],
  );
}

/**
 * Classifies what `npm audit --json` printed.
 * @returns {{ kind: "report", vulnerabilities: object[], dependencies: number | null }
 *         | { kind: "unreachable", reason: string } | { kind: "failed", reason: string }}
 */
export function readAuditOutput(stdout) {
  let json;
  try {
    json = JSON.parse(stdout);
  } catch {
    const start = stdout.trim().slice(0, 200);
    return { kind: "failed", reason: start ? `npm audit printed something that is not JSON: ${start}` : "npm audit printed nothing" };
  }
  if (json && typeof json.vulnerabilities === "object" && json.vulnerabilities && json.metadata) {
    const entries = json.vulnerabilities;
    const vulnerabilities = Object.values(entries).map((v) => ({
      name: v.name,
      severity: v.severity,
      direct: Boolean(v.isDirect),
      fix: describeFix(v.fixAvailable),
      advisories: reachedAdvisories(v.name, entries),
    }));
    return { kind: "report", vulnerabilities, dependencies: json.metadata.dependencies?.prod ?? null };
  }
  // npm prints a top-level `message` only for the audit request: the endpoint answered with an error
  // status, or the connection failed (then there is no status). Its other errors come as `error` alone.
  if (json && typeof json.message === "string") {
    return { kind: "unreachable", reason: json.message };
  }
  if (json?.error && NETWORK_CODES.has(json.error.code)) {
    return { kind: "unreachable", reason: `${json.error.code}: ${json.error.summary ?? ""}`.trim() };
  }
  const detail = json?.error ? `${json.error.code ?? ""} ${json.error.summary ?? ""}`.trim() : JSON.stringify(json).slice(0, 200);
  return { kind: "failed", reason: `npm audit failed: ${detail}` };
}

/** The text of the README's Dependencies section, or null when there is none. */
export function readmeSection(readme) {
  const lines = readme.split("\n");
  const start = lines.findIndex((l) => new RegExp(`^##\\s+${README_SECTION}\\s*$`).test(l));
  if (start < 0) return null;
  const end = lines.findIndex((l, i) => i > start && /^##?\s/.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
}

/** GHSA ids named in a README section (to report entries that no longer match any advisory). */
export function listedIds(section) {
  return [...new Set([...section.matchAll(/GHSA(?:-[0-9a-z]{4}){3}/gi)].map((m) => advisoryKey({ url: m[0] })))];
}

/**
 * Applies the rules to a report and the README's Dependencies section.
 * @returns {{ pass: boolean, fixable: object[], unfixable: object[], minor: object[], stale: string[] }}
 *   `unfixable` holds one row per high or critical advisory without a fix, with `listed`.
 */
export function judge(vulnerabilities, section) {
  const failing = vulnerabilities.filter((v) => isFailingSeverity(v.severity));
  const fixable = failing.filter((v) => v.fix);
  const unfixable = new Map();
  for (const v of failing.filter((v) => !v.fix)) {
    for (const a of v.advisories.filter((a) => isFailingSeverity(a.severity))) {
      const row = unfixable.get(a.id) ?? { ...a, through: [], listed: section.toLowerCase().includes(a.id.toLowerCase()) };
      row.through.push(v.name);
      unfixable.set(a.id, row);
    }
  }
  const reported = new Set(vulnerabilities.flatMap((v) => v.advisories.map((a) => a.id)));
  return {
    pass: fixable.length === 0 && [...unfixable.values()].every((a) => a.listed),
    fixable,
    unfixable: [...unfixable.values()],
    minor: vulnerabilities.filter((v) => !isFailingSeverity(v.severity)),
    stale: listedIds(section).filter((id) => !reported.has(id)),
  };
}
