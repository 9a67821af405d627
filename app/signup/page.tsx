import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { SignUpForm } from "@/components/auth/SignUpForm";
import { safeCallbackPath } from "@/lib/core/safe-redirect";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const params = await searchParams;
  const raw = Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl;
  return (
    <div className="auth-card">
      <h1>Create an account</h1>
      <SignUpForm callbackUrl={safeCallbackPath(raw, "/projects", process.env.NEXTAUTH_URL)} />
      <p className="muted">
        Have an account? <Link href="/signin">Sign in</Link>.
      </p>
    </div>
  );
}
