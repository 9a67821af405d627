// `npm start`: the production server. Sign-in redirects need the public address; default to this port.
import { spawn } from "node:child_process";
import { SERVER_NODE_FLAGS, serverEnv } from "./server-flags.mjs";

const port = process.env.PORT ?? "3000";
const env = serverEnv({ ...process.env, PORT: port, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` });
console.log(`Attest starting on ${env.NEXTAUTH_URL} (${process.env.DATABASE_URL ? "PostgreSQL server from DATABASE_URL" : "embedded database in .data/"})`);
const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, "node_modules/next/dist/bin/next", "start", "-p", port, ...process.argv.slice(2)], { env, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
