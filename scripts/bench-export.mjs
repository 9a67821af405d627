// Export benchmark: the claims CSV and the claims JSONL of one project of 50,000 claims (generated,
// seeded, so every run sees the same input), streamed end to end through the export loader
// (exportClaims, keyset pages) and the format writers, on embedded PGlite (a fresh temporary data
// directory) and, when TEST_DATABASE_URL or BENCH_DATABASE_URL is set, on PostgreSQL (a fresh database
// created for the run and dropped after). The output is consumed and its bytes counted, never kept.
// Per engine and format: claims/s and the peak RSS of the process doing the export. Each step runs in
// a child process of its own, so seeding does not count towards an export's memory.
// Baseline measured in the same run, through the same client: a plain SELECT of the same rows (id,
// values) in pages of the same size, rows/s. Each engine is measured before and after ANALYZE (see runEngine).
// Writes bench/results/export.json. Run with `npm run bench:export`.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const self = fileURLToPath(import.meta.url);
const root = path.join(path.dirname(self), "..");

// The data layer marks itself `server-only`, whose default entry throws outside React Server
// Components; in this plain Node process it is the package's empty module instead, for both loaders
// (tsx may compile the TypeScript files to CommonJS).
const require = createRequire(import.meta.url);
const emptyModule = path.join(path.dirname(require.resolve("server-only")), "empty.js");
require(emptyModule);
require.cache[require.resolve("server-only")] = require.cache[emptyModule];
register(`data:text/javascript,${encodeURIComponent(`export async function resolve(s, c, next) {
  return s === "server-only" ? { url: ${JSON.stringify(pathToFileURL(emptyModule).href)}, shortCircuit: true } : next(s, c);
}`)}`, import.meta.url);

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 50_000);
const DOCUMENTS = 5;
const TARGET = { claimsPerSecond: 20_000, peakRssMB: 300 };
const round = (x) => Math.round(x * 100) / 100;
const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** mulberry32: a small seeded generator, so the input is the same on every run and machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

// ---------- Seeding ----------

const PLACES = ["Kabul", "Jalalabad", "Kunduz", "Mosul", "Raqqa", "Maiduguri", "Mogadishu", "Gao", "Ménaka", "Idlib"];
const GROUPS = ["Islamic State Khorasan Province", "Taliban", "al-Shabaab", "JNIM", "Boko Haram", "Hay'at Tahrir al-Sham"];
const TARGETS = ["a market", "a police checkpoint", "a military convoy", "a mosque", "a school", "the governor's compound"];
const SOURCES = [["the Ministry of Interior", "government", "reported"], ["a spokesman of the group", "perpetrator_claim", "claimed"], ["witnesses", "witness", "reported"], ["UNAMA", "un_ngo", "asserted"]];

/** A report of ~120,000 characters: sentences about attacks, with quotes, commas and a few non-ASCII names. */
function documentText(r, n) {
  const out = [];
  let len = 0;
  while (len < 120_000) {
    const s = `On ${1 + Math.floor(r() * 28)} March 202${n % 4}, ${pick(r, GROUPS)} fighters attacked ${pick(r, TARGETS)} in ${pick(r, PLACES)}, killing "at least ${1 + Math.floor(r() * 90)}" people, ${pick(r, SOURCES)[0]} said.`;
    out.push(s);
    len += s.length + 1;
    if (r() < 0.15) { out.push("\n\n"); len += 2; }
  }
  return out.join(" ");
}

function attackValues(r) {
  const toll = 1 + Math.floor(r() ** 3 * 200);
  const [src, sourceType, stance] = pick(r, SOURCES);
  return {
    date: { raw: `2022-03-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}`, start: "2022-03-01", end: "2022-03-31", precision: "day", manual: true },
    location: { raw: `${pick(r, PLACES)} district`, country: "AFG", admin1: pick(r, PLACES), precision: 3 },
    perpetrators: r() < 0.85 ? [{ raw: pick(r, GROUPS) }] : [],
    target: pick(r, TARGETS),
    target_type: pick(r, ["military", "police", "civilians", "religious"]),
    attack_type: r() < 0.5 ? ["suicide_bombing"] : ["armed_assault", "bombing_ied"],
    fatalities: r() < 0.5 ? { raw: String(toll), low: toll, best: toll, high: toll, qualifier: "exact", manual: true } : { raw: `at least ${toll}`, low: toll, best: null, high: null, qualifier: "at_least", manual: true },
    injured: { raw: `about ${toll * 2}`, low: null, best: toll * 2, high: null, qualifier: "approx", manual: true },
    claimed_by_group: pick(r, ["yes", "no", "unknown"]),
    attribution: { raw: src, sourceType, stance },
  };
}

function leaderValues(r) {
  return {
    group: { raw: pick(r, GROUPS) }, position: "emir", outgoing_leader: { raw: "Abu Bakr" }, incoming_leader: { raw: "Abu Ibrahim al-Hashimi" },
    change_type: pick(r, ["appointed", "killed_by_state", "died"]),
    date_of_change: { raw: "2022-02", start: "2022-02-01", end: "2022-02-28", precision: "month", manual: true },
  };
}

function sizeValues(r) {
  const n = 500 + Math.floor(r() * 5000);
  return {
    group: { raw: pick(r, GROUPS) }, component: "fighters",
    estimate: { raw: `between ${n} and ${n * 2} fighters`, low: n, best: null, high: n * 2, qualifier: "range", unit: "fighters", manual: true },
    reference_date: { raw: "2022", start: "2022-01-01", end: "2022-12-31", precision: "year", manual: true },
    estimator: { raw: "the UN Monitoring Team", sourceType: "un_ngo", stance: "asserted" },
    size_bin: "1,000-9,999",
  };
}

/** Writes the project: one owner, the default claim types, DOCUMENTS documents and CLAIMS claims (with spans) in bulk. */
async function seed(db) {
  const { DEFAULT_CLAIM_TYPES } = await import("../lib/core/claim-types/index.ts");
  const { newId } = await import("../lib/ids.ts");
  const p = db.prisma;
  const r = rng(20_261_126);
  const userId = newId();
  const projectId = newId();
  await p.user.create({ data: { id: userId, email: "bench@attest.example", name: "Bench Annotator", passwordHash: "x" } });
  await p.project.create({ data: { id: projectId, name: "Export benchmark" } });
  await p.membership.create({ data: { id: newId(), projectId, userId, role: "owner" } });
  const types = [];
  for (const def of DEFAULT_CLAIM_TYPES) {
    const id = newId();
    await p.claimType.create({ data: { id, projectId, key: def.key, name: def.name, color: def.color } });
    await p.claimTypeVersion.create({ data: { id: newId(), claimTypeId: id, version: 1, definition: def } });
    types.push({ id, key: def.key });
  }
  const docs = [];
  for (let d = 0; d < DOCUMENTS; d++) {
    const text = documentText(r, d);
    const id = newId();
    await p.document.create({
      data: {
        id, projectId, title: `Monthly report ${d + 1}`, authors: ["Bench"], text, textLength: [...text].length,
        contentHash: createHash("sha256").update(text).digest("hex"), sourceFormat: "txt", importReport: {}, createdById: userId, published: "2022-04",
      },
    });
    docs.push({ id, text, seq: 0 });
  }
  const BATCH = 2_000;
  for (let done = 0; done < CLAIMS; done += BATCH) {
    const claims = [];
    const spans = [];
    for (let i = done; i < Math.min(CLAIMS, done + BATCH); i++) {
      const doc = docs[i % DOCUMENTS];
      const x = r();
      const [type, values] = x < 0.7 ? [types[0], attackValues(r)] : x < 0.85 ? [types[1], leaderValues(r)] : [types[2], sizeValues(r)];
      const id = newId();
      claims.push({
        id, projectId, documentId: doc.id, claimTypeId: type.id, claimTypeVersion: 1, seq: ++doc.seq, values,
        note: r() < 0.2 ? `Checked against the ${pick(r, SOURCES)[0]} statement, "figures differ"` : "",
        status: pick(r, ["draft", "submitted", "approved", "approved", "rejected"]), authorId: userId,
      });
      // One span in ten is discontinuous evidence (two spans); offsets need not be exact code points here.
      const parts = r() < 0.1 ? 2 : 1;
      let at = Math.floor(r() * (doc.text.length - 1_000));
      for (let k = 0; k < parts; k++) {
        const end = at + 60 + Math.floor(r() * 200);
        spans.push({
          id: newId(), claimId: id, ordinal: k, start: at, end, exact: doc.text.slice(at, end),
          prefix: doc.text.slice(Math.max(0, at - 32), at), suffix: doc.text.slice(end, end + 32),
        });
        at = end + 20 + Math.floor(r() * 200);
      }
    }
    await p.claim.createMany({ data: claims });
    await p.claimSpan.createMany({ data: spans });
  }
  for (const d of docs) await p.document.update({ where: { id: d.id }, data: { claimSeq: d.seq } });
}

// ---------- Measuring (in a child process) ----------

async function open(engine, target) {
  const { openDatabase } = await import("../lib/db/engine.ts");
  return engine === "pglite" ? openDatabase({ engine: "pglite", dataDir: target }) : openDatabase({ engine: "postgres", url: target });
}

/** Runs `fn` (which returns a count and a byte total), timing it and sampling this process's RSS. */
async function measured(fn) {
  globalThis.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
  const t0 = performance.now();
  const out = await fn();
  const ms = performance.now() - t0;
  clearInterval(sampler);
  // maxRSS is the process's high-water mark: opening the database included (an export opens it too).
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  return { ...out, ms: round(ms), peakRssMB: mb(peak) };
}

async function measure(engine, target, what) {
  const db = await open(engine, target);
  try {
    const { id: projectId } = await db.prisma.project.findFirstOrThrow({ select: { id: true } });
    if (what === "baseline") {
      const { EXPORT_BATCH } = await import("../lib/services/export-data.ts");
      const r = await measured(async () => {
        let rows = 0;
        let bytes = 0;
        let after = "";
        for (;;) {
          const page = await db.prisma.$queryRaw`SELECT id, "values" FROM "Claim" WHERE "projectId" = ${projectId} AND "deletedAt" IS NULL AND id > ${after} ORDER BY id LIMIT ${EXPORT_BATCH}`;
          rows += page.length;
          for (const row of page) bytes += row.id.length;
          if (page.length < EXPORT_BATCH) break;
          after = page[page.length - 1].id;
        }
        return { rows, bytes };
      });
      return { rows: r.rows, ms: r.ms, rowsPerSecond: Math.round((r.rows / r.ms) * 1000) };
    }
    const { exportClaims, exportClaimTypes } = await import("../lib/services/export-data.ts");
    const { ALL_CLAIMS } = await import("../lib/services/claim-visibility.ts");
    const { claimsCsv } = await import("../lib/core/formats/claims-csv.ts");
    const { claimsJsonl } = await import("../lib/core/formats/jsonl.ts");
    const r = await measured(async () => {
      let rows = 0;
      const counted = async function* (claims) { for await (const c of claims) { rows++; yield c; } };
      const claims = counted(exportClaims(db.prisma, projectId, ALL_CLAIMS));
      // The claim types are part of the export (the CSV's columns), so they are read inside the timing.
      const chunks = what === "csv" ? claimsCsv(await exportClaimTypes(db.prisma, projectId), claims) : claimsJsonl(claims);
      let bytes = 0;
      for await (const chunk of chunks) bytes += Buffer.byteLength(chunk);
      return { rows, bytes };
    });
    return { claimsPerSecond: Math.round((r.rows / r.ms) * 1000), ms: r.ms, bytes: r.bytes, peakRssMB: r.peakRssMB, claims: r.rows };
  } finally {
    await db.close();
  }
}

// ---------- Driver ----------

const child = process.argv.indexOf("--child");
if (child !== -1) {
  const [what, engine, target] = process.argv.slice(child + 1);
  let out;
  if (what === "seed" || what === "analyze") {
    const db = await open(engine, target);
    const t0 = performance.now();
    try { await (what === "seed" ? seed(db) : db.prisma.$executeRawUnsafe("ANALYZE")); } finally { await db.close(); }
    out = { ms: round(performance.now() - t0) };
  } else {
    out = await measure(engine, target, what);
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
}

function step(what, engine, target) {
  const out = execFileSync(process.execPath, [...process.execArgv, "--expose-gc", self, "--child", what, engine, target], { encoding: "utf8", maxBuffer: 1 << 20, stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(out.trim().split("\n").pop());
}

async function withPostgres(adminUrl, fn) {
  const { default: pg } = await import("pg");
  const name = `attest_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return fn(url.toString());
  } finally {
    // The children have closed their pools; FORCE only ends connections the server still holds.
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** Baseline, CSV and JSONL on the seeded database as it stands. */
function exportsOf(engine, target, label) {
  const baseline = step("baseline", engine, target);
  const csv = step("csv", engine, target);
  const jsonl = step("jsonl", engine, target);
  for (const [name, r] of [["csv", csv], ["jsonl", jsonl]]) {
    if (r.claims !== CLAIMS) throw new Error(`${engine} ${name}: exported ${r.claims} claims, expected ${CLAIMS}`);
    delete r.claims;
    console.log(`${engine} ${label} ${name}: ${r.claimsPerSecond} claims/s (${r.ms} ms, ${mb(r.bytes)} MB, peak RSS ${r.peakRssMB} MB)`);
  }
  console.log(`${engine} ${label} baseline SELECT id, values: ${baseline.rowsPerSecond} rows/s (${baseline.ms} ms)`);
  return { csv, jsonl, baselineSelectRowsPerSecond: baseline.rowsPerSecond, baselineMs: baseline.ms };
}

/**
 * Measured twice: right after the bulk load, before the planner has statistics (what PGlite always
 * gives, as it has no autovacuum, and a server until autovacuum's next pass), then after ANALYZE (what
 * a server settles to). The headline figures are the analyzed ones; both are written.
 */
function runEngine(engine, target) {
  const { ms: seedMs } = step("seed", engine, target);
  console.log(`${engine}: seeded ${CLAIMS} claims in ${Math.round(seedMs)} ms`);
  const withoutStatistics = exportsOf(engine, target, "(no statistics)");
  step("analyze", engine, target);
  const analyzed = exportsOf(engine, target, "(analyzed)");
  const meets = (r) => r.claimsPerSecond >= TARGET.claimsPerSecond && r.peakRssMB < TARGET.peakRssMB;
  return {
    engine, claims: CLAIMS, documents: DOCUMENTS, seedMs, ...analyzed,
    meetsTarget: { csv: meets(analyzed.csv), jsonl: meets(analyzed.jsonl) },
    withoutStatistics,
  };
}

const runs = [];
const dir = mkdtempSync(path.join(os.tmpdir(), "attest-bench-export-"));
try {
  runs.push(runEngine("pglite", path.join(dir, "pglite")));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (serverUrl) runs.push(await withPostgres(serverUrl, (url) => runEngine("postgresql", url)));
else console.log("postgresql: skipped (set TEST_DATABASE_URL or BENCH_DATABASE_URL)");

const cpus = os.cpus();
const result = {
  machine: { cpu: cpus[0]?.model ?? "unknown", cores: cpus.length, memoryGB: Math.round(os.totalmem() / 1024 ** 3), node: process.version, platform: `${os.platform()} ${os.arch()}` },
  target: TARGET,
  baseline: "SELECT id, values of the same claims, keyset pages of the export's size, through the same client",
  runs,
};
const out = path.join(root, "bench", "results");
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, "export.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log("written to bench/results/export.json");
