/**
 * The accessibility gate of the browser journeys: axe-core runs on each page a journey visits, and a
 * violation of serious or critical impact fails the journey with a readable list of what and where.
 *
 * - `expectAccessible(page, state)` runs axe on the page as it is now (call it once the page has
 *   settled, and again after a change that brings up new controls: a panel, a popover, a chooser).
 * - `test` (use it instead of @playwright/test's) keeps the gate honest: it records every page the
 *   journey's `page` navigates to, and fails the journey if one of them (by route, ids ignored) was
 *   never checked, so a journey that reaches a new page is held to the gate without anyone
 *   remembering to add the call.
 * - No rule is disabled: the whole default rule set runs, and only the impact decides.
 */
import { createHash } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

/** Impacts that fail a journey; "minor" and "moderate" findings are left to review. */
const FAILING_IMPACTS: ReadonlySet<string> = new Set(["serious", "critical"]);
/** Elements listed per violation in the failure message (the count says how many there were). */
const NODES_SHOWN = 5;

/** Routes checked per page during the current journey (see `test`). */
const checkedRoutes = new WeakMap<Page, Set<string>>();

/** A page's route: its path with ids replaced, so /projects/<a>/documents/<b> counts once. */
function routeOf(url: string): string | null {
  const u = new URL(url);
  if (!u.protocol.startsWith("http")) return null;
  return u.pathname
    .split("/")
    .map((part) => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(part) || /^\d+$/.test(part) ? ":id" : part))
    .join("/");
}

/** Runs axe on the page as it is and fails on serious or critical violations. */
export async function expectAccessible(page: Page, state = "") {
  const results = await new AxeBuilder({ page }).analyze();
  const failing = results.violations.filter((v) => v.impact && FAILING_IMPACTS.has(v.impact));
  const where = `${new URL(page.url()).pathname}${state ? ` (${state})` : ""}`;
  const summary = failing
    .map((v) => {
      const nodes = v.nodes.slice(0, NODES_SHOWN).map((n) => `    ${n.target.join(" ")}\n      ${(n.failureSummary ?? "").replace(/\n\s*/g, " ")}`);
      const more = v.nodes.length > NODES_SHOWN ? [`    …and ${v.nodes.length - NODES_SHOWN} more`] : [];
      return [`[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`, ...nodes, ...more].join("\n");
    })
    .join("\n");
  expect(failing.length, `serious or critical accessibility violations on ${where}:\n${summary}\n`).toBe(0);
  const route = routeOf(page.url());
  if (route) checkedRoutes.get(page)?.add(route);
}

/** Playwright's `test` with a `page` whose every visited route must have passed `expectAccessible`. */
/** A private address per journey (and retry), stable for the journey. */
function journeyAddress(testId: string, retry: number): string {
  const h = createHash("sha256").update(`${testId}#${retry}`).digest();
  return `10.${h[0]}.${h[1]}.${(h[2]! % 254) + 1}`;
}

export const test = base.extend({
  // The server runs behind one trusted proxy hop (playwright.config.ts), and each journey comes from its
  // own address, as people do: per-address limits (sign-up, sign-in) count journeys apart instead of
  // the whole suite as one visitor.
  extraHTTPHeaders: async ({ extraHTTPHeaders }, run, testInfo) => {
    await run({ ...extraHTTPHeaders, "X-Forwarded-For": journeyAddress(testInfo.testId, testInfo.retry) });
  },
  // The fixture hands the page on through `run` (Playwright's `use`, renamed: it is not a React hook).
  page: async ({ page }, run, testInfo) => {
    const visited = new Set<string>();
    checkedRoutes.set(page, new Set());
    page.on("framenavigated", (frame) => {
      const route = frame === page.mainFrame() ? routeOf(frame.url()) : null;
      if (route) visited.add(route);
    });
    await run(page);
    if (testInfo.status !== testInfo.expectedStatus) return; // the journey's own failure says more
    const checked = checkedRoutes.get(page)!;
    expect([...visited].filter((r) => !checked.has(r)), "pages this journey visited without an accessibility check").toEqual([]);
  },
});

export { expect };
