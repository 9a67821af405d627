import type { Metadata } from "next";
import { pageUser } from "@/lib/server/page";
import { SignOutEverywhereButton } from "@/components/auth/SignOutEverywhereButton";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await pageUser("/account");
  return (
    <div className="page stack">
      <h1>Your account</h1>
      <dl>
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>E-mail</dt>
        <dd>{user.email}</dd>
      </dl>
      <section aria-labelledby="sessions-heading" className="stack">
        <h2 id="sessions-heading">Sessions</h2>
        <p className="muted">
          Signing out ends the session in this browser only. If you signed in on a computer you no longer
          use, or think someone else has your session, sign out everywhere: every browser and device signed
          in to this account, this one included, will have to sign in again.
        </p>
        <SignOutEverywhereButton />
      </section>
    </div>
  );
}
