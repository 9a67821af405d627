// Starts the production server on a new, empty embedded database (for browser tests and benchmarks).
// Usage: node scripts/serve-fresh.mjs PORT [DATA_DIR]
import { spawn } from "node:child_process";
import { rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import { SERVER_NODE_FLAGS, serverEnv } from "./server-flags.mjs";

const port = process.argv[2] ?? "3100";
const dataDir = path.resolve(process.argv[3] ?? path.join(".data", `serve-${port}`));
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

const env = {
  ...process.env,
  ATTEST_DATA_DIR: dataDir,
  ATTEST_DEMO: process.env.ATTEST_DEMO ?? "0",
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  PORT: port,
};
delete env.DATABASE_URL;
const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, "node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], { env: serverEnv(env), stdio: "inherit" });
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => process.exit(code ?? 0));
