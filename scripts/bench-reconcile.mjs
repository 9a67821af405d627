// Reconciliation and agreement benchmark, on generated data (seeded, so every run sees the same input).
// - Reconciliation: projects of 10,000 approved attack claims over 1,000 documents and 100,000 over
//   10,000 (events reported by several documents, dates over two years at mixed precision, countries,
//   actors named by their aliases, fatality figures that sources give differently). Timed: projection,
//   candidate proposal, one combined record per group or lone claim, conflicts of every record.
//   Each size runs in a child process of its own, so its peak memory (maxRSS) is its own.
// - Agreement: one document, 3 annotators x 1,000 claims of 3 types (overlapping spans, some
//   disagreement on extent, type and figures); documentAgreement timed warm (median after warm-up),
//   beside a baseline measured in the same run on the same input: sorting the 3,000 spans.
// Writes bench/results/reconcile.json. Run with `npm run bench:reconcile`.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mb, pick, round } from "./bench-lib.mjs";

const { ATTACK, LEADER_CHANGE, SIZE_ESTIMATE } = await import("../lib/core/claim-types/index.ts");
const reconcile = await import("../lib/core/reconcile/index.ts");
const { documentAgreement } = await import("../lib/core/agreement/index.ts");

const DEFS = [ATTACK, LEADER_CHANGE, SIZE_ESTIMATE];
const SIZES = [{ claims: 10_000, documents: 1_000 }, { claims: 100_000, documents: 10_000 }];
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
// A seeded generator (mulberry32), so the input is the same on every run and machine.
const { rng } = await import("../tests/unit/offsets/helpers.ts");


// ---------- Reconciliation input ----------

// 30 countries x 6 provinces x 5 districts: a project spread over a region, as conflict datasets are.
const COUNTRIES = Array.from({ length: 30 }, (_, c) => [
  `C${String.fromCharCode(65 + (c % 26))}${String.fromCharCode(65 + Math.floor(c / 26))}`,
  Array.from({ length: 6 }, (_, a) => [`Province ${c}-${a}`, Array.from({ length: 5 }, (_, d) => `District ${c}-${a}-${d}`)]),
]);
const GROUPS = Array.from({ length: 40 }, (_, i) => ({
  id: `actor${i}`, name: `Group ${i} Front`, aliases: [`G${i}F`, `Front of Group ${i}`, `GF-${i}`],
}));
const START_DAY = Date.UTC(2021, 0, 1) / 86_400_000;
const SPAN_DAYS = 730;
const iso = (day) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** A date value as stored, at the precision a report gave: mostly days, some weeks, months and years. */
function dateAt(r, day) {
  const x = r();
  if (x < 0.7) return { raw: iso(day), start: iso(day), end: iso(day), precision: "day", manual: true };
  if (x < 0.78) return { raw: `week of ${iso(day)}`, start: iso(day - 3), end: iso(day + 3), precision: "week", manual: true };
  const d = new Date(day * 86_400_000);
  if (x < 0.96) {
    const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86_400_000;
    const last = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / 86_400_000;
    return { raw: iso(first).slice(0, 7), start: iso(first), end: iso(last), precision: "month", manual: true };
  }
  const y = d.getUTCFullYear();
  return { raw: String(y), start: `${y}-01-01`, end: `${y}-12-31`, precision: "year", manual: true };
}

/** A fatality figure as stored; sources differ around the event's toll, now and then by a lot. */
function figureAround(r, toll) {
  const x = r();
  const near = Math.max(0, Math.round(toll * (0.85 + r() * 0.3)));
  if (x < 0.45) return { raw: String(near), low: near, best: near, high: near, qualifier: "exact" };
  if (x < 0.7) return { raw: `about ${near}`, low: null, best: near, high: null, qualifier: "approx" };
  if (x < 0.85) return { raw: `at least ${Math.floor(near * 0.8)}`, low: Math.floor(near * 0.8), best: null, high: null, qualifier: "at_least" };
  if (x < 0.95) {
    const lo = Math.floor(near * 0.7);
    const hi = Math.ceil(near * 1.2) + 1;
    return { raw: `${lo} to ${hi}`, low: lo, best: null, high: hi, qualifier: "range" };
  }
  const far = toll * 3 + 10; // a source that disagrees outright (a figure conflict)
  return { raw: String(far), low: far, best: far, high: far, qualifier: "exact" };
}

/**
 * `claims` approved attack claims over `documents` documents. Events are reported by 1 to 7 claims
 * (about 4 on average), each from a different document; a document holds claims of several events.
 */
function generateProject(claims, documents, seed) {
  const r = rng(seed);
  const out = [];
  const perDoc = new Int32Array(documents);
  let e = 0;
  while (out.length < claims) {
    const day = START_DAY + Math.floor(r() * SPAN_DAYS);
    const [country, admins] = pick(r, COUNTRIES);
    const [admin1, districts] = pick(r, admins);
    const admin2 = pick(r, districts);
    const group = pick(r, GROUPS);
    const toll = 1 + Math.floor(r() ** 3 * 200);
    const reports = Math.min(claims - out.length, 1 + Math.floor(r() * 7));
    const used = new Set();
    for (let k = 0; k < reports; k++) {
      let doc = Math.floor(r() * documents);
      while (used.has(doc)) doc = (doc + 1) % documents;
      used.add(doc);
      const at = perDoc[doc]++ * 400;
      const names = [group.name, ...group.aliases];
      const values = {
        date: dateAt(r, day + (r() < 0.1 ? 1 : 0)),
        location: r() < 0.7 ? { raw: `${admin2}, ${admin1}`, country, admin1, admin2, precision: 3 }
          : r() < 0.8 ? { raw: admin1, country, admin1, precision: 4 } : { raw: admin2 },
        perpetrators: r() < 0.85 ? [{ raw: pick(r, names) }] : [],
        fatalities: figureAround(r, toll),
        target: pick(r, ["a market", "a checkpoint", "a convoy", "a mosque", "a school"]),
      };
      const published = iso(day + 1 + Math.floor(r() * 20));
      out.push({ id: `c${out.length}`, documentId: `d${doc}`, typeKey: "attack", values, spans: [{ start: at, end: at + 60 + Math.floor(r() * 200) }], published });
    }
    e++;
  }
  return { claims: out, events: e };
}

/** The timed path from approved claims to records: what the service does once they are loaded. */
function reconcileAll(claims) {
  const t0 = performance.now();
  const actors = reconcile.buildActorIndex(GROUPS);
  const projected = reconcile.projectClaims(claims, DEFS, { actors });
  const t1 = performance.now();
  const proposal = reconcile.proposeCandidates(projected);
  const t2 = performance.now();
  const byId = new Map(claims.map((c) => [c.id, c]));
  const grouped = new Set(proposal.groups.flat());
  const records = [...proposal.groups.map((g) => g.map((id) => byId.get(id))), ...claims.filter((c) => !grouped.has(c.id)).map((c) => [c])];
  let fields = 0;
  let conflicts = 0;
  for (const members of records) {
    fields += Object.keys(reconcile.combineRecord(ATTACK, members, { actors })).length;
    conflicts += reconcile.detectConflicts(ATTACK, members, { actors }).length;
  }
  const t3 = performance.now();
  return {
    groups: proposal.groups.length, largestGroup: Math.max(0, ...proposal.groups.map((g) => g.length)), records: records.length,
    pairs: proposal.pairs.length, comparisons: proposal.stats.comparisons, truncated: proposal.stats.truncated.length, fields, conflicts,
    phasesMs: { project: round(t1 - t0), propose: round(t2 - t1), combineAndConflicts: round(t3 - t2) },
  };
}

/** One size, in this (child) process: generate, then time the reconciliation once (it is minutes-free but not repeatable cheaply at 100k). */
function runSize(claims, documents) {
  const { claims: input, events } = generateProject(claims, documents, 20_211_226 + claims);
  globalThis.gc?.();
  const inputRss = process.memoryUsage().rss;
  let peak = inputRss;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
  const t0 = performance.now();
  const result = reconcileAll(input);
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  return {
    claims, documents, events, ...result,
    reconcileMs: round(ms),
    // maxRSS is the process's high-water mark, the generated input included (the service holds it too).
    peakRssMB: mb(Math.max(peak, maxRss)),
    inputRssMB: mb(inputRss),
  };
}

// ---------- Agreement input ----------

/**
 * One document, 3 annotators x 1,000 claims. 1,000 "true" passages of 3 types; each annotator tags
 * most of them (extent shifted by a few code points now and then, the type changed now and then,
 * figures that differ sometimes) and adds claims of their own elsewhere, so that each has 1,000.
 */
function generateAgreement(seed) {
  const r = rng(seed);
  const types = ["attack", "leader_change", "size_estimate"];
  const truth = Array.from({ length: 1000 }, (_, i) => {
    const start = i * 300 + Math.floor(r() * 100);
    return { start, end: start + 20 + Math.floor(r() * 150), type: pick(r, types), toll: 1 + Math.floor(r() * 80) };
  });
  const claims = [];
  for (const annotator of ["ann-a", "ann-b", "ann-c"]) {
    let n = 0;
    for (const t of truth) {
      if (n >= 1000) break;
      if (r() < 0.12) continue; // missed
      const shift = r() < 0.3 ? Math.floor(r() * 11) - 5 : 0;
      const type = r() < 0.08 ? pick(r, types) : t.type;
      const toll = r() < 0.2 ? t.toll + 1 + Math.floor(r() * 10) : t.toll;
      const values = type === "attack" ? { fatalities: { raw: String(toll), low: toll, best: toll, high: toll, qualifier: "exact" } } : {};
      claims.push({ claimId: `${annotator}-${n}`, annotatorId: annotator, documentId: "doc", typeKey: type, spans: [{ start: Math.max(0, t.start + shift), end: t.end + shift }], values });
      n++;
    }
    while (n < 1000) {
      const start = Math.floor(r() * 300_000);
      claims.push({ claimId: `${annotator}-${n}`, annotatorId: annotator, documentId: "doc", typeKey: pick(r, types), spans: [{ start, end: start + 10 + Math.floor(r() * 60) }] });
      n++;
    }
  }
  return claims;
}

/** Median time of `fn` over RUNS runs after two warm-ups; `fn` returns a value so no work is skipped. */
function time(fn) {
  let sink = fn();
  sink = fn();
  const ms = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    sink = fn();
    ms.push(performance.now() - t0);
  }
  if (sink === undefined) throw new Error("benchmark body returned nothing");
  return median(ms);
}

function runAgreement() {
  const claims = generateAgreement(8_042);
  const fields = { attack: ATTACK.fields, leader_change: LEADER_CHANGE.fields, size_estimate: SIZE_ESTIMATE.fields };
  const once = documentAgreement("doc", claims, [], { fields });
  const ms = time(() => documentAgreement("doc", claims, [], { fields }).pairs.length);
  const spans = claims.map((c) => c.spans[0]);
  const baselineMs = time(() => [...spans].sort((a, b) => a.start - b.start || a.end - b.end).length);
  return {
    annotators: 3, claimsEach: 1000, ms: round(ms),
    baseline: "sorting the 3,000 spans", baselineMs: round(baselineMs), ratio: Math.round((ms / baselineMs) * 10) / 10,
    overlapF1: once.pairs.map((p) => round(p.overlap.f1 ?? NaN)), labelAlpha: once.labels.alpha === null ? null : round(once.labels.alpha),
  };
}

// ---------- Driver ----------

const self = fileURLToPath(import.meta.url);
const child = process.argv.indexOf("--size");
if (child !== -1) {
  const [claims, documents] = process.argv[child + 1].split(":").map(Number);
  process.stdout.write(`${JSON.stringify(runSize(claims, documents))}\n`);
} else {
  const runs = SIZES.map(({ claims, documents }) => {
    const out = execFileSync(process.execPath, [...process.execArgv, self, "--size", `${claims}:${documents}`], { encoding: "utf8", maxBuffer: 1 << 20 });
    const run = JSON.parse(out.trim().split("\n").pop());
    console.log(`${claims} claims / ${documents} documents: ${run.reconcileMs} ms, peak RSS ${run.peakRssMB} MB (${run.groups} groups, ${run.records} records, ${run.conflicts} conflicts, ${run.comparisons} comparisons)`);
    return run;
  });
  const agreement = runAgreement();
  console.log(`agreement, 3 x 1,000 claims: ${agreement.ms} ms (baseline ${agreement.baselineMs} ms: ${agreement.baseline})`);
  const cpus = os.cpus();
  const result = {
    machine: { cpu: cpus[0]?.model ?? "unknown", cores: cpus.length, memoryGB: Math.round(os.totalmem() / 1024 ** 3), node: process.version, platform: `${os.platform()} ${os.arch()}` },
    runs,
    growth: runs.length === 2 ? Math.round((runs[1].reconcileMs / runs[0].reconcileMs) * 10) / 10 : null,
    agreement,
  };
  const dir = path.join(path.dirname(self), "..", "bench", "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "reconcile.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written to bench/results/reconcile.json (growth 10k -> 100k: ${result.growth}x)`);
}
