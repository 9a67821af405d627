// Lint: Next's rules (React, hooks, accessibility, Core Web Vitals), typescript-eslint, and the layer
// rules of ARCHITECTURE.md. The layer rules are the architecture's arrows written down: when one fires,
// move the code to the layer it belongs to; never loosen the rule.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const FRAMEWORKS = [
  { group: ["next", "next/*", "next-auth", "next-auth/*"], message: "the core is framework-free" },
  { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "the core is framework-free" },
  { group: ["@prisma/*", "@/lib/generated/*", "pg", "@electric-sql/*", "pglite-prisma-adapter"], message: "the core does not touch the database" },
  { group: ["@tiptap/*"], message: "the core is framework-free" },
  { group: ["server-only"], message: "the core runs anywhere" },
  { group: ["node:*", "fs", "path", "crypto", "buffer", "os", "child_process", "worker_threads", "stream", "zlib"], message: "the core runs in the browser too: no Node built-ins" },
];

/** A zone: files in `target` must not import from `from` (paths from the project root). */
const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });

const LAYERS = [
  // lib/core imports nothing of the application outside itself.
  zone("./lib/core", "./lib", "lib/core imports only lib/core", ["./core"]),
  zone("./lib/core", "./app", "lib/core imports only lib/core"),
  zone("./lib/core", "./components", "lib/core imports only lib/core"),
  zone("./lib/core", "./prisma", "lib/core imports only lib/core"),
  // Components never import routes; server-only layers are reached through server actions.
  zone("./components", "./app", "components do not import app/: put shared code in components/ or lib/"),
  zone("./components", "./lib/db", "components do not touch the database: go through a server action"),
  zone("./components", "./lib/server", "components do not import the request layer: go through a server action"),
  // The access policy is used by services and uses none of them, nor the framework adapter.
  zone("./lib/auth", "./lib/services", "lib/auth is the policy that services use; it imports no service"),
  zone("./lib/auth", "./lib/server", "lib/auth does not import the request layer"),
  zone("./lib/auth", "./lib/actions", "lib/auth does not import actions"),
  // Services know nothing of requests, actions, routes or components.
  zone("./lib/services", "./lib/server", "services do not import lib/server: the wrapper calls services, not the reverse"),
  zone("./lib/services", "./lib/actions", "services do not import actions"),
  zone("./lib/services", "./app", "services do not import app/"),
  zone("./lib/services", "./components", "services do not import components"),
  // The database and import layers sit below services.
  zone("./lib/db", "./lib/services", "lib/db sits below services"),
  zone("./lib/db", "./lib/server", "lib/db sits below services"),
  zone("./lib/db", "./lib/auth", "lib/db sits below services"),
  zone("./lib/import", "./lib/services", "lib/import sits below services"),
  zone("./lib/import", "./lib/db", "lib/import does not touch the database"),
  zone("./lib/import", "./lib/server", "lib/import sits below services"),
  // The request layer and actions never reach up into routes or components.
  zone("./lib/server", "./app", "lib/server does not import app/"),
  zone("./lib/server", "./components", "lib/server does not import components"),
  zone("./lib/actions", "./app", "actions do not import app/"),
  zone("./lib/actions", "./components", "actions do not import components"),
];

export default defineConfig([
  globalIgnores([".next/**", ".data/**", "node_modules/**", "lib/generated/**", "next-env.d.ts", "bench/results/**", "test-results/**", "playwright-report/**"]),
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "import/no-restricted-paths": ["error", { zones: LAYERS }],
    },
  },
  {
    files: ["lib/core/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: FRAMEWORKS }] },
  },
  {
    // Services are server code; a component may use their types (erased at build) but never their values.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        patterns: [{ group: ["@/lib/services/*"], allowTypeImports: true, message: "components use services through server actions; only types may be imported" }],
      }],
    },
  },
  {
    files: ["scripts/**/*.{js,mjs}", "*.mjs", "bench/**/*.{js,mjs}"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
]);
