"use client";
/**
 * Signs out through next-auth's own endpoints (CSRF token, then POST), without loading next-auth's
 * client library on every page just for this button.
 */
import { useState } from "react";

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    try {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      await fetch("/api/auth/signout", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/signin" }),
      });
    } finally {
      window.location.assign("/signin");
    }
  }
  return (
    <button type="button" className="link-button" onClick={signOut} disabled={busy}>
      Sign out
    </button>
  );
}
