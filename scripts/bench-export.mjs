// Export benchmark: a generated project of 1,000,000 claims in 100,000 records (seeded, so every run
// sees the same input) exported as a dataset through the export path users run (startExport: the
// authorization, the job row with its progress, the loader's keyset pages, the format writers), on
// embedded PGlite (a fresh temporary data directory) and, when TEST_DATABASE_URL or BENCH_DATABASE_URL
// is set, on PostgreSQL (a fresh database created for the run and dropped after).
// A format's run exports the whole dataset in that format, as a user downloads it: CSV is the records
// CSV and the claims CSV (one row per claim with its quote and offsets), two files; JSONL is the
// records JSONL, one line per record with its fields, alternatives, conflicts and every claim's
// evidence (quote, offsets, prefix, suffix); the claims JSONL (every stored field of every claim, the
// lossless file our import reads) is a run of its own. The output is consumed and its bytes counted,
// never kept.
// Per engine and format: claims/s (the project's claims over the run's time) and the peak RSS of the
// process doing the export. Each step runs in a child process of its own, so seeding does not count
// towards an export's memory. The child is this script bundled ahead of time with esbuild (the app's
// TypeScript compiled to one JavaScript file, packages left to node_modules) and run by plain node,
// as the production server runs compiled code: compiling TypeScript on the fly (tsx) costs the
// process 40 to 80 MB that no user's server spends. It runs the same code: startExport and
// everything under it. BENCH_TSX=1 runs the children under tsx instead.
// Next to each: the floor, the same process's RSS after opening the database and reading one page of
// claims, and a plain SELECT of the same claims in pages of the same size through the same client
// (rows/s), measured in the same run. The measured processes run with the production server's V8
// settings (scripts/server-flags.mjs).
// Writes bench/results/export.json (BENCH_OUT for another file). Run with `npm run bench:export`
// (BENCH_CLAIMS for a smaller run).
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { mb, pick, round } from "./bench-lib.mjs";
import { SERVER_NODE_FLAGS, serverEnv } from "./server-flags.mjs";

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

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 1_000_000);
/** Claims generated one by one; the rest are copies of them with new ids (see replicate). */
const BASE_CLAIMS = Math.min(CLAIMS, 50_000);
const CLAIMS_PER_RECORD = 10;
const DOCUMENTS = 5;
const TARGET = { claimsPerSecond: 20_000, peakRssMB: 300 };
// A seeded generator (mulberry32), so the input is the same on every run and machine.
const { rng } = await import("../tests/unit/offsets/helpers.ts");


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
  for (let done = 0; done < BASE_CLAIMS; done += BATCH) {
    const claims = [];
    const spans = [];
    for (let i = done; i < Math.min(BASE_CLAIMS, done + BATCH); i++) {
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
  await replicate(db);
  await groupIntoRecords(db, projectId, userId);
}

/**
 * Copies the generated claims (and their spans) until the project has CLAIMS: each copy gets ids
 * derived from the original's and the copy number, and numbers after the original's in its document.
 */
async function replicate(db) {
  if (CLAIMS % BASE_CLAIMS !== 0) throw new Error(`BENCH_CLAIMS must be a multiple of ${BASE_CLAIMS}`);
  const run = (sql, ...params) => db.prisma.$executeRawUnsafe(sql, ...params);
  await run(`CREATE TEMP TABLE base AS SELECT id FROM "Claim"`);
  for (let k = 1; k < CLAIMS / BASE_CLAIMS; k++) {
    // The copy of the spans on the claim's row comes along, as the app leaves it once a claim is saved
    // (the spans' trigger then finds it equal and rewrites nothing).
    await run(`INSERT INTO "Claim" (id, "projectId", "documentId", "claimTypeId", "claimTypeVersion", seq, "values", note, status, "authorId", version, "createdAt", "updatedAt", "spanCache")
      SELECT md5(c.id || ':' || $1::int), c."projectId", c."documentId", c."claimTypeId", c."claimTypeVersion", c.seq + $1::int * ${BASE_CLAIMS}, c."values", c.note, c.status, c."authorId", c.version, c."createdAt", c."updatedAt", c."spanCache"
      FROM "Claim" c JOIN base b ON b.id = c.id`, k);
    await run(`INSERT INTO "ClaimSpan" (id, "claimId", ordinal, start, "end", exact, prefix, suffix)
      SELECT md5(s.id || ':' || $1::int), md5(s."claimId" || ':' || $1::int), s.ordinal, s.start, s."end", s.exact, s.prefix, s.suffix
      FROM "ClaimSpan" s JOIN base b ON b.id = s."claimId"`, k);
  }
  await run(`DROP TABLE base`);
  await run(`UPDATE "Document" d SET "claimSeq" = (SELECT max(seq) FROM "Claim" c WHERE c."documentId" = d.id)`);
}

/**
 * Groups the claims into records of CLAIMS_PER_RECORD claims of one type (in id order), each with
 * three fields taken from its first claim (supported by all its claims) and, one record in ten, an
 * open conflict on its first field: the shape reconciliation leaves, at the size of a large project.
 */
async function groupIntoRecords(db, projectId, userId) {
  const run = (sql, ...params) => db.prisma.$executeRawUnsafe(sql, ...params);
  await run(`CREATE TEMP TABLE grouped AS
    SELECT c.id AS "claimId", c."claimTypeId", c."documentId", c."values",
      md5('record:' || c."claimTypeId" || ':' || ((row_number() OVER (PARTITION BY c."claimTypeId" ORDER BY c.id) - 1) / ${CLAIMS_PER_RECORD})) AS "recordId"
    FROM "Claim" c WHERE c."projectId" = $1`, projectId);
  await run(`INSERT INTO "Record" (id, "projectId", "claimTypeId", seq, status, "dateStart", "dateEnd", country, "numberOfSources", sources, "createdById")
    SELECT g."recordId", $1, min(g."claimTypeId"), row_number() OVER (ORDER BY g."recordId"), 'confirmed', '2022-03-01', '2022-03-31', 'AFG',
      count(DISTINCT g."documentId"), (SELECT json_agg(json_build_array(x)) FROM (SELECT DISTINCT unnest(array_agg(g."documentId")) AS x ORDER BY 1) d)::jsonb, $2
    FROM grouped g GROUP BY g."recordId"`, projectId, userId);
  await run(`INSERT INTO "RecordClaim" (id, "projectId", "recordId", "claimId", "claimVersion") SELECT md5('member:' || "claimId"), $1, "recordId", "claimId", 1 FROM grouped`, projectId);
  const fields = [["date", "date_of_change", "reference_date"], ["location", "group", "group"], ["fatalities", "incoming_leader", "estimate"]];
  for (const keys of fields) {
    await run(`INSERT INTO "RecordField" (id, "projectId", "recordId", "fieldKey", value, rule, "supportingClaimIds", alternatives)
      SELECT md5('field:' || g."recordId" || ':' || k.key), $1, g."recordId", k.key, (array_agg(g."values" -> k.key ORDER BY g."claimId"))[1], 'majority',
        array_agg(g."claimId" ORDER BY g."claimId"), '[]'::jsonb
      FROM grouped g JOIN "ClaimType" t ON t.id = g."claimTypeId"
      JOIN (VALUES ('attack', $2), ('leader_change', $3), ('size_estimate', $4)) AS k(type, key) ON k.type = t.key
      GROUP BY g."recordId", k.key`, projectId, ...keys);
  }
  await run(`INSERT INTO "Conflict" (id, "projectId", "recordId", "fieldKey", kind, key, message, sides)
    SELECT md5('conflict:' || f.id), f."projectId", f."recordId", f."fieldKey", 'figure_mismatch', 'bench', 'The sources give different figures.',
      jsonb_build_array(jsonb_build_object('claimIds', jsonb_build_array(f."supportingClaimIds"[1]), 'documentIds', '[]'::jsonb, 'value', f.value))
    FROM "RecordField" f WHERE f."projectId" = $1 AND f."fieldKey" IN ('date', 'date_of_change', 'reference_date') AND get_byte(decode(md5(f.id), 'hex'), 0) < 26`, projectId);
  await run(`DROP TABLE grouped`);
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

/** The files of each run, as startExport streams them (see the header). */
const DATASET = { csv: ["records-csv", "claims-csv"], jsonl: ["records-jsonl"], "claims-jsonl": ["claims-jsonl"] };

async function measure(engine, target, what) {
  const db = await open(engine, target);
  try {
    const { setDatabaseForTests } = await import("../lib/db/client.ts");
    setDatabaseForTests(db);
    const { EXPORT_BATCH } = await import("../lib/services/export-data.ts");
    const { id: projectId } = await db.prisma.project.findFirstOrThrow({ select: { id: true } });
    const { userId } = await db.prisma.membership.findFirstOrThrow({ where: { projectId, role: "owner" }, select: { userId: true } });
    const page = (after) => db.prisma.$queryRaw`SELECT id, "values" FROM "Claim" WHERE "projectId" = ${projectId} AND "deletedAt" IS NULL AND id > ${after} ORDER BY id LIMIT ${EXPORT_BATCH}`;
    // The floor: this process with the database open and one page of claims read.
    await page("");
    const floorRssMB = mb(process.memoryUsage().rss);
    if (what === "baseline") {
      const r = await measured(async () => {
        let rows = 0;
        let bytes = 0;
        let after = "";
        for (;;) {
          const rowsOfPage = await page(after);
          rows += rowsOfPage.length;
          for (const row of rowsOfPage) bytes += row.id.length;
          if (rowsOfPage.length < EXPORT_BATCH) break;
          after = rowsOfPage[rowsOfPage.length - 1].id;
        }
        return { rows, bytes };
      });
      return { rows: r.rows, ms: r.ms, rowsPerSecond: Math.round((r.rows / r.ms) * 1000), peakRssMB: r.peakRssMB, floorRssMB };
    }
    const { startExport } = await import("../lib/services/exports.ts");
    const files = {};
    const r = await measured(async () => {
      let bytes = 0;
      for (const format of DATASET[what]) {
        const t0 = performance.now();
        const started = await startExport(userId, projectId, format, {});
        let size = 0;
        for await (const chunk of started.chunks) size += chunk.byteLength;
        const job = await db.prisma.exportJob.findUniqueOrThrow({ where: { id: started.jobId }, select: { status: true, rows: true } });
        if (job.status !== "done") throw new Error(`${format}: the export job ended ${job.status}`);
        files[format] = { rows: job.rows, bytes: size, ms: round(performance.now() - t0) };
        bytes += size;
      }
      return { bytes };
    });
    return { ms: r.ms, bytes: r.bytes, peakRssMB: r.peakRssMB, floorRssMB, files };
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

const COMPILED = process.env.BENCH_TSX !== "1";

/**
 * This script as one JavaScript file for the children (see the header). It lives under node_modules
 * so that the packages it leaves out resolve as they do for the app. esbuild comes with tsx.
 */
async function compileChild() {
  const esbuild = createRequire(require.resolve("tsx/package.json"))("esbuild");
  const outfile = path.join(root, "node_modules", ".cache", "attest-bench", "bench-export.mjs");
  await esbuild.build({
    entryPoints: [self], outfile, bundle: true, platform: "node", format: "esm", target: `node${process.versions.node.split(".")[0]}`,
    packages: "external", logLevel: "warning",
    plugins: [{ name: "server-only", setup: (b) => b.onResolve({ filter: /^server-only$/ }, () => ({ path: emptyModule })) }],
  });
  return outfile;
}

const childScript = child === -1 && COMPILED ? await compileChild() : self;

function step(what, engine, target) {
  const runner = COMPILED ? [] : process.execArgv;
  const out = execFileSync(process.execPath, [...runner, ...SERVER_NODE_FLAGS, "--expose-gc", childScript, "--child", what, engine, target], {
    encoding: "utf8", maxBuffer: 1 << 20, stdio: ["ignore", "pipe", "inherit"], env: serverEnv(process.env),
  });
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

/** Baseline, CSV and JSONL on the seeded database as it stands, in the result file's shape. */
function exportsOf(engine, target) {
  const baseline = step("baseline", engine, target);
  console.log(`${engine} baseline SELECT id, values: ${baseline.rowsPerSecond} rows/s (${baseline.ms} ms, floor RSS ${baseline.floorRssMB} MB)`);
  return Object.keys(DATASET).map((format) => {
    const r = step(format, engine, target);
    // Every claim in a claims file; records (about one per CLAIMS_PER_RECORD claims of a type) in a records file.
    for (const [file, { rows }] of Object.entries(r.files)) {
      const ok = file.startsWith("records-") ? Math.abs(rows - CLAIMS / CLAIMS_PER_RECORD) <= 3 : rows === CLAIMS;
      if (!ok) throw new Error(`${engine} ${file}: exported ${rows} rows for ${CLAIMS} claims`);
    }
    const claimsPerSecond = Math.round((CLAIMS / r.ms) * 1000);
    console.log(`${engine} ${format}: ${claimsPerSecond} claims/s (${r.ms} ms, ${mb(r.bytes)} MB, peak RSS ${r.peakRssMB} MB, floor ${r.floorRssMB} MB)`);
    return {
      engine, format, claims: CLAIMS, records: r.files["records-csv"]?.rows ?? r.files["records-jsonl"]?.rows ?? null, ms: r.ms, claimsPerSecond, peakRssMB: r.peakRssMB,
      meetsTarget: claimsPerSecond >= TARGET.claimsPerSecond && r.peakRssMB < TARGET.peakRssMB,
      floorRssMB: r.floorRssMB, bytes: r.bytes, files: r.files, baselineSelectRowsPerSecond: baseline.rowsPerSecond,
    };
  });
}

/**
 * Measured after ANALYZE: what autovacuum gives a server within a minute of a bulk load, and what the
 * embedded engine gathers on opening (lib/db/engine.ts). Before any statistics, a server's planner
 * sorts all of the project's claims for every page, so a large export is quadratic until autovacuum
 * has run; that state is not measured.
 */
function runEngine(engine, target) {
  const { ms: seedMs } = step("seed", engine, target);
  console.log(`${engine}: seeded ${CLAIMS} claims in ${Math.round(seedMs)} ms`);
  step("analyze", engine, target);
  return { seed: { engine, ms: seedMs }, runs: exportsOf(engine, target) };
}

const engines = [];
const dir = mkdtempSync(path.join(os.tmpdir(), "attest-bench-export-"));
try {
  engines.push(runEngine("pglite", path.join(dir, "pglite")));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (serverUrl) engines.push(await withPostgres(serverUrl, (url) => runEngine("postgresql", url)));
else console.log("postgresql: skipped (set TEST_DATABASE_URL or BENCH_DATABASE_URL)");

const cpus = os.cpus();
const result = {
  machine: { cpu: cpus[0]?.model ?? "unknown", cores: cpus.length, memoryGB: Math.round(os.totalmem() / 1024 ** 3), node: process.version, platform: `${os.platform()} ${os.arch()}` },
  target: TARGET,
  dataset: { claims: CLAIMS, claimsPerRecord: CLAIMS_PER_RECORD, documents: DOCUMENTS, files: DATASET },
  floor: "RSS of the exporting process after opening the database and reading one page of claims",
  child: COMPILED
    ? "the measured processes run this script bundled ahead of time with esbuild (compiled JavaScript, packages from node_modules), by plain node"
    : "the measured processes run this script under tsx (TypeScript compiled on the fly)",
  baseline: "SELECT id, values of the same claims, keyset pages of the export's size, through the same client",
  nodeFlags: SERVER_NODE_FLAGS,
  env: { MALLOC_ARENA_MAX: serverEnv(process.env).MALLOC_ARENA_MAX },
  runs: engines.flatMap((e) => e.runs),
  seeding: engines.map((e) => e.seed),
};
const outFile = path.resolve(root, process.env.BENCH_OUT || path.join("bench", "results", "export.json"));
mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
console.log(`written to ${path.relative(root, outFile)}`);
