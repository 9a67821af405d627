import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getCurrentUser } from "@/lib/server/auth/session";

export default async function Home() {
  await connection();
  if (await getCurrentUser()) redirect("/projects");
  return (
    <div className="landing">
      <h1>Turn what sources say into datasets you can defend.</h1>
      <p className="lead">
        Import reports and articles, highlight the words that support each claim, record it with typed values
        (dates with precision, figures as low / best / high with the original wording), and keep every claim tied to its evidence.
      </p>
      <p>
        <Link className="button" href="/signup">Create an account</Link>{" "}
        <Link className="button secondary" href="/signin">Sign in</Link>
      </p>
    </div>
  );
}
