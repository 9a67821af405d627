import type { NextConfig } from "next";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/server/action-body-limit";
import { trustedProxiesFromEnv } from "./lib/core/client-address";

// A mistyped ATTEST_TRUSTED_PROXIES stops the build or start here with a clear message.
trustedProxiesFromEnv(process.env);

const nextConfig: NextConfig = {
  // PGlite ships wasm and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pdfjs-dist", "pg"],
  poweredByHeader: false,
  // Metadata (the page title) rendered with the page, never streamed after it: every title here is
  // static, so nothing waits, and a page is never shown (or read by a screen reader) without its title,
  // which streamed metadata allowed for a moment after a server action refreshed the page.
  htmlLimitedBots: /.*/,
  experimental: {
    // proxy.ts answers 413 above this from the declared size; Next enforces it while reading.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
