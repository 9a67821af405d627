import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { SignInForm } from "@/components/auth/SignInForm";
import { safeCallbackPath } from "@/lib/core/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const params = await searchParams;
  const raw = Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl;
  // The public origin (when configured) lets a link to this site written in full come back here too.
  const callbackUrl = safeCallbackPath(raw, "/projects", process.env.NEXTAUTH_URL);
  const error = typeof params.error === "string" ? params.error : undefined;
  return (
    <div className="auth-card">
      <h1>Sign in</h1>
      <SignInForm callbackUrl={callbackUrl} initialError={error} />
      <p className="muted">
        New here? <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Create an account</Link>.
      </p>
    </div>
  );
}
