// The one command for a fresh clone: install what is missing, build if the build is missing or
// stale, then start the production server (which migrates the database and prints demo credentials).
import { existsSync, statSync, readdirSync } from "node:fs";
import path from "node:path";
import { run, npm } from "./lib.mjs";

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

function newestSource(dirs) {
  let newest = 0;
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) { if (e.name !== "generated") walk(p); } else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  dirs.forEach(walk);
  const files = ["package.json", "package-lock.json", "next.config.ts", "tsconfig.json", "proxy.ts", "instrumentation.ts"];
  return Math.max(newest, ...files.map(mtime));
}

if (!existsSync("node_modules/.package-lock.json") || mtime("package-lock.json") > mtime("node_modules/.package-lock.json")) {
  run(npm, ["ci", "--no-audit", "--no-fund"]);
}
if (mtime(".next/BUILD_ID") < newestSource(["app", "components", "lib", "prisma"])) {
  run(npm, ["run", "build"]);
}
run(process.execPath, ["scripts/start.mjs", ...process.argv.slice(2)]);
