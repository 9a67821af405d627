"use client";
/** Ends every session of the account (other browsers and devices included), then this one's cookie. */
import { useState } from "react";
import { signOutEverywhereAction } from "@/lib/actions/account";
import { signOutHere } from "./auth-requests";

export function SignOutEverywhereButton() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  async function signOutEverywhere() {
    setBusy(true);
    setError("");
    try {
      const result = await signOutEverywhereAction();
      if (!result.ok) {
        setError(result.error.message);
        setBusy(false);
        return;
      }
    } catch {
      setError("Could not reach the server. Nothing was changed; try again.");
      setBusy(false);
      return;
    }
    // Every session has ended; this clears the now useless cookie here (best effort).
    await signOutHere().catch(() => undefined);
    window.location.replace("/signin"); // a full load: nothing of the signed-out user stays in memory

  }
  return (
    <div className="stack">
      <button type="button" onClick={signOutEverywhere} disabled={busy}>
        {busy ? "Signing out everywhere…" : "Sign out everywhere"}
      </button>
      {error && <p role="alert" className="error">{error}</p>}
    </div>
  );
}
