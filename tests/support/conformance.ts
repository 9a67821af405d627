/**
 * Where the third-party conformance data lives (the W3C Web Annotation test assertions, the brat
 * tutorial sample). It is not copied into the project: ATTEST_CONFORMANCE_DIR names the folder, else
 * the first `shared/conformance` found beside the repository or beside one of its parent folders.
 * Returns the path tried first when none exists, so a failing test says where it looked.
 */
import { existsSync } from "node:fs";
import path from "node:path";

const REPO_ROOT = path.resolve(__dirname, "../..");

export function conformanceRoot(): string {
  const fromEnv = process.env.ATTEST_CONFORMANCE_DIR;
  if (fromEnv && fromEnv.trim() !== "") return path.resolve(REPO_ROOT, fromEnv);
  const tried: string[] = [];
  for (let dir = path.dirname(REPO_ROOT); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "shared", "conformance");
    tried.push(candidate);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  return tried[0]!;
}
