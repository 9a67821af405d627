// Small helpers shared by the set-up scripts: run a command, or fail with its exit code.
import { spawnSync } from "node:child_process";

export function run(cmd, args, opts = {}) {
  console.log(`\n$ ${[cmd, ...args].join(" ")}`);
  const res = spawnSync(cmd, args, { stdio: "inherit", ...opts });
  if (res.status !== 0) {
    console.error(`\n${cmd} ${args.join(" ")} failed (exit ${res.status ?? res.signal}).`);
    process.exit(res.status ?? 1);
  }
}

// Builds and servers started from these scripts send no usage telemetry.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

export const npm = process.platform === "win32" ? "npm.cmd" : "npm";
