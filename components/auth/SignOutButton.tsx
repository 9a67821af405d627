"use client";
/**
 * Signs this browser out: the session is revoked on the server (a copy of its cookie stops working
 * too) and the cookie cleared, without loading next-auth's client library on every page. Unsaved claim
 * drafts kept in this browser are removed with it, so the next person at this browser finds none.
 */
import { useState } from "react";
import { browserStore, clearAllDrafts } from "@/components/annotate/local-draft";
import { signOutHere } from "./auth-requests";

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    clearAllDrafts(browserStore());
    try {
      await signOutHere();
    } finally {
      // A full load, replacing this entry: no client state of the signed-out user survives, and Back
      // does not return to a page that needed the session.
      window.location.replace("/signin");
    }
  }
  return (
    <button type="button" className="link-button" onClick={signOut} disabled={busy}>
      Sign out
    </button>
  );
}
