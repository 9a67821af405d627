"use client";
import { useState } from "react";
import { describeWait, signInWithPassword, type SignInOutcome } from "./auth-requests";
import { useRouter } from "next/navigation";
import { safeCallbackPath } from "@/lib/core/safe-redirect";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "That e-mail and password do not match an account.",
};

function failureMessage(outcome: Exclude<SignInOutcome, { ok: true }>): string {
  if (outcome.reason === "invalid") return MESSAGES.CredentialsSignin!;
  if (outcome.reason === "throttled")
    return `Too many failed attempts from here. Try again in ${describeWait(outcome.retryAfterSeconds)}.`;
  return "Sign-in failed. Check your connection and try again.";
}

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState(initialError ? MESSAGES[initialError] ?? "Sign-in failed." : "");
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError("");
    const outcome = await signInWithPassword(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
    setBusy(false);
    if (!outcome.ok) {
      setError(failureMessage(outcome));
      return;
    }
    router.push(safeCallbackPath(callbackUrl, "/projects", window.location.origin));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="stack" aria-describedby={error ? "signin-error" : undefined}>
      <label>
        E-mail
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && <p id="signin-error" role="alert" className="error">{error}</p>}
      <button type="submit" disabled={busy}>{busy ? "Signing in…" : "Sign in"}</button>
    </form>
  );
}
