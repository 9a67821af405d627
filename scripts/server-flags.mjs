// The V8 settings the production server runs with (scripts/start.mjs, scripts/serve-fresh.mjs), and
// the benchmarks' servers and measured processes with it, so what is measured is what users run.
//
// Attest is one Node process holding the embedded database, the Prisma client and every request. Left
// to its defaults, V8 sizes memory for throughput on a large machine: young generation semi-spaces of
// 16 MB each, an old generation allowed to grow to several times what survived the last full
// collection, and optimized machine code for every WebAssembly function warm enough once (the
// embedded PostgreSQL runs thousands of them while it opens and migrates). Measured (bench:export, a
// million claims): the process peaked at 430-470 MB, mostly garbage a lazy collector had not yet
// reclaimed. With these settings it peaks 150-200 MB lower at the same speed:
// - 4 MB semi-spaces: short-lived objects (a request's rows, an export's lines) die young all the
//   same, in a young generation a quarter of the default size;
// - the old generation grows by a fifth of what stays alive, not by a factor of up to four, so the
//   collector runs before garbage piles up (there is no cap: a request that needs more memory gets it);
// - WebAssembly functions are compiled by the optimizing tier only once really hot (a budget 50 times
//   the default): the queries that run all day still get fast code; start-up's run-once code does not.
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=4", "--heap-growing-percent=20", "--wasm-tiering-budget=100000000"];

/**
 * The C library's memory arenas: at most two (unless set already). By default each thread that
 * allocates gets an arena of its own (V8's compiler and collector threads among them), and each keeps
 * what it once used. Measured (bench:export): 20-50 MB less at the same speed.
 */
export function serverEnv(env) {
  return { MALLOC_ARENA_MAX: "2", ...env };
}
