import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import "./globals.css";
import { getCurrentUser } from "@/lib/server/auth/session";
import { SignOutButton } from "@/components/auth/SignOutButton";

export const metadata: Metadata = {
  title: { default: "Attest", template: "%s · Attest" },
  description: "Read sources, tag typed claims with exact evidence, build datasets.",
};

/** `<meta name="color-scheme" content="light dark">`: the page follows the system's light or dark setting. */
export const viewport: Viewport = { colorScheme: "light dark" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const user = await getCurrentUser().catch(() => null);
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        <header className="topbar">
          <Link href={user ? "/projects" : "/"} className="brand">
            <span aria-hidden="true" className="brand-mark">❝</span> Attest
          </Link>
          <nav aria-label="Account" className="topbar-nav">
            {user ? (
              <>
                <Link href="/projects">Projects</Link>
                <Link href="/account" className="muted" data-testid="signed-in-as" title="Your account and sessions">{user.name}</Link>
                <SignOutButton />
              </>
            ) : (
              <>
                <Link href="/signin">Sign in</Link>
                <Link href="/signup" className="button small">Sign up</Link>
              </>
            )}
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer className="footer">
          <Link href="/about">About and sources</Link>
        </footer>
      </body>
    </html>
  );
}
