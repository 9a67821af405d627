"use client";
import { useState } from "react";
import { signInWithPassword } from "./auth-requests";
import { useRouter } from "next/navigation";
import { safeCallbackPath } from "@/lib/core/safe-redirect";
import { signUpAction } from "@/lib/actions/signup";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    setBusy(true);
    setError("");
    const result = await signUpAction(input);
    if (!result.ok) {
      setBusy(false);
      setError(result.error.message);
      return;
    }
    const signedIn = await signInWithPassword(input.email, input.password);
    setBusy(false);
    if (!signedIn.ok) {
      router.push(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      return;
    }
    router.push(safeCallbackPath(callbackUrl, "/projects", window.location.origin));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="stack">
      <label>
        Name
        <input name="name" autoComplete="name" required maxLength={100} />
      </label>
      <label>
        E-mail
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="new-password" required minLength={10} aria-describedby="pw-help" />
        <small id="pw-help" className="muted">At least 10 characters, hard to guess: several uncommon words work well.</small>
      </label>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" disabled={busy}>{busy ? "Creating…" : "Create account"}</button>
    </form>
  );
}
