// Editor benchmark: the document page (reading view + claims list + side panel) with 1,000, 5,000 and
// 20,000 claims on sample document 001, against a floor measured in the same run: a static HTML page
// with the same text and the same highlights painted with the CSS Custom Highlight API and nothing else.
// Per count: paintedMs (navigation to highlights painted, whoever painted them: the page's inline
// prepaint or the editor), interactiveMs (navigation to the editor having taken over: selection and
// clicks work), addOneMs (save -> new highlight painted) and the JS heap.
// Writes bench/results/editor.json. Needs a production build (`npm run build`).
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { SERVER_NODE_FLAGS, serverEnv } from "./server-flags.mjs";

const COUNTS = [1000, 5000, 20000];
const LOADS = Number(process.env.BENCH_LOADS ?? 9); // medians of at least 5 loads
const ADDS = 7;
const PORT = 3200;
const FLOOR_PORT = 3201;
const DATA = path.resolve(".data/bench-editor");
const BENCH_EMAIL = "bench@attest.example";
const BENCH_PASSWORD = "benchmark passphrase 2026";
const TYPE_COLORS = ["#d1495b", "#2e86ab", "#66a182"];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const round = (x) => Math.round(x * 10) / 10;

if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

// 1. Seed a fresh embedded database.
rmSync(DATA, { recursive: true, force: true });
mkdirSync(DATA, { recursive: true });
console.log("seeding", COUNTS.join(", "), "claims …");
const seed = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "bench/seed-editor.ts", DATA, COUNTS.join(",")], { stdio: "inherit" });
if (seed.status !== 0) process.exit(seed.status ?? 1);
const targets = JSON.parse(readFileSync(path.join(DATA, "seed.json"), "utf8"));

// 2. The app (as `npm start` runs it: the same Node settings), and the floor pages.
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, "node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
  env: serverEnv({ ...process.env, ATTEST_DATA_DIR: DATA, ATTEST_DEMO: "0", NEXTAUTH_URL: `http://127.0.0.1:${PORT}`, DATABASE_URL: "" }),
  stdio: ["ignore", "inherit", "inherit"],
});
const floorPages = Object.fromEntries(COUNTS.map((n) => [n, floorHtml(JSON.parse(readFileSync(path.join(DATA, `floor-${n}.json`), "utf8")))]));
const floor = createServer((req, res) => {
  const n = Number((req.url ?? "").replace(/\D/g, ""));
  res.writeHead(floorPages[n] ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
  res.end(floorPages[n] ?? "");
}).listen(FLOOR_PORT, "127.0.0.1");

/**
 * The floor: the same paragraphs as the app's server-rendered text (written by the seeder with the
 * app's own markup) and one live Range per claim span, from positions the seeder worked out with the
 * app's offset code, in one Highlight per type. Nothing else runs.
 */
function floorHtml({ html, ranges }) {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
p{white-space:pre-wrap;content-visibility:auto;contain-intrinsic-size:auto 3em}
${TYPE_COLORS.map((c, i) => `::highlight(t${i}){background-color:${c}40}`).join("\n")}
</style></head><body><div id="doc">${html}</div>
<script>
const ranges=${JSON.stringify(ranges)};
const ps=document.getElementById("doc").children;
const hs=[0,1,2].map(()=>new Highlight());
for(const [pa,oa,pb,ob,t] of ranges){const r=new Range();r.setStart(ps[pa].firstChild,oa);r.setEnd(ps[pb].firstChild,ob);hs[t].add(r);}
hs.forEach((h,i)=>CSS.highlights.set("t"+i,h));
document.getElementById("doc").dataset.ready="true";
</script></body></html>`;
}

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try { if ((await fetch(`http://127.0.0.1:${PORT}/signin`)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

/**
 * Injected before any page script, the same for the app and the floor: promises that resolve with the
 * time highlights were painted (and, for the app, the time the editor took over). Each animation frame
 * checks for the page's flag (data-ready="true", set right after the highlights are registered: by the
 * app's reading view, by the floor's script); the frame in which it is first seen is the first that
 * draws the highlights, and the time is taken at the start of the next frame, when that one has been
 * produced. Nothing polls the page from outside while it loads.
 */
const PROBE = ({ watchApp }) => {
  const watch = (selector) =>
    new Promise((resolve) => {
      const tick = () => {
        if (document.querySelector(selector)) requestAnimationFrame(() => resolve(performance.now()));
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  window.__painted = watch('[data-ready="true"]');
  if (watchApp) window.__interactive = watch('[data-testid="reading-view"][data-interactive="true"]');
};

async function heapMB(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

/**
 * One load: navigation to painted, in ms since navigation start; for the app also navigation to
 * interactive (the editor has taken over the text: selection and clicks on highlights work).
 */
async function loadOnce(context, url, watchApp, measureHeap) {
  const page = await context.newPage();
  await page.addInitScript(PROBE, { watchApp });
  await page.goto(url, { waitUntil: "commit" });
  const t = await page.evaluate(() => window.__painted);
  const interactive = watchApp ? await page.evaluate(() => window.__interactive) : 0;
  if (process.env.BENCH_VERBOSE && watchApp) {
    const nav = await page.evaluate(() => { const n = performance.getEntriesByType("navigation")[0]; return { ttfb: Math.round(n.responseStart), html: Math.round(n.responseEnd), dcl: Math.round(n.domContentLoadedEventEnd), marks: performance.getEntriesByType("mark").map((m) => `${m.name}@${Math.round(m.startTime)}`).join(" ") }; });
    console.log(Math.round(t), JSON.stringify(nav));
  }
  const heap = measureHeap ? await heapMB(page) : 0;
  await page.close();
  return { t, interactive, heap };
}

/**
 * App and floor loads alternate, so both see the same machine state; the first WARMUP pairs warm the
 * server's caches and the browser's code cache and are not counted.
 */
const WARMUP = 2;
async function pairedLoads(context, appUrl, floorUrl) {
  const app = [];
  const interactive = [];
  const fl = [];
  let appHeap = 0;
  let floorHeap = 0;
  for (let i = 0; i < WARMUP + LOADS; i++) {
    const last = i === WARMUP + LOADS - 1;
    const a = await loadOnce(context, appUrl, true, last);
    const f = await loadOnce(context, floorUrl, false, last);
    if (i < WARMUP) continue;
    app.push(a.t);
    interactive.push(a.interactive);
    fl.push(f.t);
    if (last) { appHeap = a.heap; floorHeap = f.heap; }
  }
  return { app: { ms: median(app), interactiveMs: median(interactive), heap: appHeap, all: app.map(round) }, floor: { ms: median(fl), heap: floorHeap, all: fl.map(round) } };
}

/** Selects a run of characters in the i-th long paragraph, presses 1 (first claim type), times save -> painted. */
async function addOneTimes(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-testid="reading-view"][data-interactive="true"]', { timeout: 60_000 });
  const times = [];
  for (let i = 0; i < ADDS; i++) {
    const box = await page.evaluate((i) => {
      const ps = [...document.querySelectorAll('[data-testid="reading-view"] p')].filter((p) => (p.textContent ?? "").length > 200);
      const p = ps[(i * 7) % ps.length];
      p.scrollIntoView({ block: "center" });
      const node = p.firstChild;
      const r = document.createRange();
      r.setStart(node, 10); r.setEnd(node, 11);
      const a = r.getClientRects()[0];
      r.setStart(node, 40); r.setEnd(node, 41);
      const b = r.getClientRects()[0];
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    }, i);
    await page.mouse.move(box.x1, box.y1);
    await page.mouse.down();
    await page.mouse.move(box.x2, box.y2, { steps: 4 });
    await page.mouse.up();
    await page.waitForSelector('[data-testid="selection-popover"]');
    await page.keyboard.press("1");
    await page.waitForSelector('[data-testid="save-claim"]');
    const ms = await page.evaluate(() => new Promise((resolve) => {
      const view = document.querySelector('[data-testid="reading-view"]');
      const before = view.getAttribute("data-painted-count");
      const t0 = performance.now();
      new MutationObserver((_, obs) => {
        if (view.getAttribute("data-painted-count") !== before) {
          obs.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
        }
      }).observe(view, { attributes: true, attributeFilter: ["data-painted-count"] });
      document.querySelector('[data-testid="save-claim"]').click();
    }));
    times.push(ms);
    await page.waitForSelector('[data-testid="claim-panel"]', { state: "detached" });
  }
  await page.close();
  return { ms: median(times), all: times.map(round) };
}

let exitCode = 0;
try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium") ? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const login = await context.newPage();
  await login.goto(`http://127.0.0.1:${PORT}/signin`);
  await login.getByLabel("E-mail").fill(BENCH_EMAIL);
  await login.getByLabel("Password").fill(BENCH_PASSWORD);
  await login.getByRole("button", { name: "Sign in" }).click();
  await login.waitForURL(/\/projects$/);
  // The signed-in projects page stays open throughout, as it would for a user: every measured page
  // (app and floor alike, same site) then loads into a running browser rather than timing the start
  // of a new renderer process.

  const runs = [];
  for (const n of COUNTS) {
    const { projectId, documentId } = targets[String(n)];
    const url = `http://127.0.0.1:${PORT}/projects/${projectId}/documents/${documentId}`;
    const { app, floor: fl } = await pairedLoads(context, url, `http://127.0.0.1:${FLOOR_PORT}/floor-${n}`);
    const add = await addOneTimes(context, url);
    const run = { claims: n, paintedMs: round(app.ms), interactiveMs: round(app.interactiveMs), floorMs: round(fl.ms), addOneMs: round(add.ms), heapMB: round(app.heap), floorHeapMB: round(fl.heap), ratioToFloor: round(app.ms / fl.ms * 100) / 100, samples: { paintedMs: app.all, floorMs: fl.all, addOneMs: add.all } };
    console.log(JSON.stringify(run));
    runs.push(run);
  }
  await browser.close();
  const at = (n) => runs.find((r) => r.claims === n);
  const result = {
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    date: new Date().toISOString(),
    document: "sample 001 (120 KB)",
    loadsPerMedian: LOADS,
    runs,
    checks: {
      within3xFloorAt5000: at(5000).paintedMs <= 3 * at(5000).floorMs,
      within3xFloorAt20000: at(20000).paintedMs <= 3 * at(20000).floorMs,
      slowdown20000vs1000: round(at(20000).paintedMs / at(1000).paintedMs * 100) / 100,
      slowdownWithin1_3x: at(20000).paintedMs <= 1.3 * at(1000).paintedMs,
      addOneWithin50msAt5000: at(5000).addOneMs <= 50,
    },
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/editor.json", `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result.checks, null, 2));
} catch (err) {
  console.error(err);
  exitCode = 1;
} finally {
  server.kill("SIGTERM");
  floor.close();
}
process.exit(exitCode);
