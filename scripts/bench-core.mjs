// Core benchmark: the offset structures on the inputs the unit tests check them on (a ~1 MB mixed
// text, 20,000 intervals), each timed next to a baseline measured in the same run on the same input,
// so the ratio says more than the milliseconds do on a given machine. The unit tests assert only
// results; speed is watched here.
// - code points: 100,000 round trips (toUtf16 + fromUtf16) vs one plain loop over the text;
// - graphemes: 1,000 snaps on a 1 MB text vs one plain loop over the text;
// - intervals: 20,000 point queries vs the same queries answered by a linear scan.
// Writes bench/results/core.json. Run with `npm run bench:core`.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { round } from "./bench-lib.mjs";

const { CodePointIndex, IntervalIndex, snapToGraphemes } = await import("../lib/core/offsets/index.ts");
const { rng } = await import("../tests/unit/offsets/helpers.ts");

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** Median time of `fn` over RUNS runs after one warm-up; `fn` returns a value so no work is skipped. */
function time(fn) {
  let sink = fn();
  const ms = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    sink = fn();
    ms.push(performance.now() - t0);
  }
  if (sink === undefined) throw new Error("benchmark body returned nothing");
  return median(ms);
}

/** The floor for work over a text: one pass reading every UTF-16 unit. */
function plainLoop(text) {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

function measure(name, size, ms, baseline, baselineMs) {
  return { name, size, ms: round(ms), baseline, baselineMs: round(baselineMs), ratio: Math.round((ms / baselineMs) * 1000) / 1000 };
}

const results = [];

{
  const parts = ["lorem ", "😀", "é", "e\u0301", "𝐀", "مرحبا ", "\n", "\u{1F1EB}\u{1F1F7}", "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}"];
  const r = rng(7);
  let text = "";
  while (text.length < 1_000_000) text += parts[Math.floor(r() * parts.length)];
  const idx = new CodePointIndex(text);
  const cps = Array.from({ length: 100_000 }, () => Math.floor(r() * (idx.length + 1)));
  const lookups = time(() => {
    let sum = 0;
    for (const cp of cps) sum += idx.fromUtf16(idx.toUtf16(cp));
    return sum;
  });
  results.push(measure("code points: 100,000 round trips", `${text.length} UTF-16 units`, lookups, "plain loop over the text", time(() => plainLoop(text))));
  const build = time(() => new CodePointIndex(text).length);
  results.push(measure("code points: build the index", `${text.length} UTF-16 units`, build, "plain loop over the text", time(() => plainLoop(text))));
}

{
  const text = "Lorem ipsum dolor sit amet, e\u0301 😀 مرحبا.\n".repeat(25_000);
  const snaps = time(() => {
    let sum = 0;
    for (let k = 0; k < 1000; k++) sum += snapToGraphemes(text, (k * 997) % text.length, (k * 1999) % text.length).end;
    return sum;
  });
  results.push(measure("graphemes: 1,000 snaps", `${text.length} UTF-16 units`, snaps, "plain loop over the text", time(() => plainLoop(text))));
}

{
  const r = rng(42);
  const entries = Array.from({ length: 20_000 }, (_, k) => {
    const start = Math.floor(r() * 1_000_000);
    return { item: { id: `k${k}` }, start, end: start + 1 + Math.floor(r() * 400) };
  });
  const points = Array.from({ length: 20_000 }, () => Math.floor(r() * 1_000_000));
  const index = new IntervalIndex(entries);
  const queries = time(() => {
    let hits = 0;
    for (const p of points) hits += index.at(p).length;
    return hits;
  });
  const scan = time(() => {
    let hits = 0;
    for (const p of points) for (const e of entries) if (e.start <= p && p < e.end) hits++;
    return hits;
  });
  results.push(measure("intervals: 20,000 point queries", "20,000 intervals", queries, "linear scan per query", scan));
}

const out = {
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model.split(" ").slice(0, 2).join(" "), node: process.version, platform: `${os.platform()} ${os.release()}` },
  date: new Date().toISOString(),
  runsPerMedian: RUNS,
  results,
};
mkdirSync(path.resolve("bench/results"), { recursive: true });
writeFileSync(path.resolve("bench/results/core.json"), `${JSON.stringify(out, null, 2)}\n`);
for (const m of results) console.log(`${m.name}: ${m.ms} ms (${m.baseline}: ${m.baselineMs} ms, ratio ${m.ratio})`);
