"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { addMemberAction, changeMemberRoleAction, removeMemberAction } from "@/lib/actions/projects";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/permissions";

interface Member {
  id: string;
  role: Role;
  version: number;
  userId: string;
  name: string;
  email: string | null;
}

export function MembersPanel({ projectId, members, canManage, currentUserId }: { projectId: string; members: Member[]; canManage: boolean; currentUserId: string }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [pending, start] = useTransition();

  function run(fn: () => Promise<{ ok: boolean; error?: { message: string } }>) {
    setError("");
    start(async () => {
      const res = await fn();
      if (!res.ok) setError(res.error?.message ?? "Failed.");
      else router.refresh();
    });
  }

  return (
    <section aria-labelledby="members-h" className="panel">
      <h2 id="members-h">Members</h2>
      <ul className="plain" data-testid="members">
        {members.map((m) => (
          <li key={m.id} className="member-row">
            <span>{m.name}{m.email && <span className="muted small"> {m.email}</span>}{m.userId === currentUserId && <span className="muted small"> (you)</span>}</span>
            {canManage ? (
              <span className="inline">
                <select aria-label={`Role of ${m.name}`} value={m.role} disabled={pending}
                  onChange={(e) => run(() => changeMemberRoleAction(projectId, { membershipId: m.id, role: e.target.value, version: m.version }))}>
                  {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
                </select>
                <button type="button" className="link-button danger" disabled={pending}
                  onClick={() => { if (confirm(`Remove ${m.name} from this project?`)) run(() => removeMemberAction(projectId, m.id)); }}>
                  Remove
                </button>
              </span>
            ) : (
              <span className="badge">{ROLE_LABELS[m.role]}</span>
            )}
          </li>
        ))}
      </ul>
      {canManage && (
        <form className="inline-form" onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const el = e.currentTarget;
          run(async () => {
            const res = await addMemberAction(projectId, { email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "annotator") });
            if (res.ok) el.reset();
            return res;
          });
        }}>
          <label className="sr-only" htmlFor="member-email">E-mail of the person to add</label>
          <input id="member-email" name="email" type="email" placeholder="colleague@example.org" required />
          <label className="sr-only" htmlFor="member-role">Role</label>
          <select id="member-role" name="role" defaultValue="annotator">
            {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </select>
          <button type="submit" disabled={pending}>Add member</button>
        </form>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
