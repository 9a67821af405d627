/**
 * The project's sections, shown on its pages under the title: only the ones the member's role can use.
 * `current` marks the page being shown (aria-current).
 */
import Link from "next/link";
import { can, type Role } from "@/lib/auth/permissions";

export type ProjectSection = "overview" | "my-work" | "review" | "claims" | "records" | "conflicts" | "agreement" | "activity" | "releases" | "settings";

const SECTIONS: { key: ProjectSection; label: string; path: string; shown(role: Role): boolean }[] = [
  { key: "overview", label: "Overview", path: "", shown: () => true },
  { key: "my-work", label: "My work", path: "/my-work", shown: (r) => can(r, "assignment.updateOwn") },
  { key: "review", label: "Review", path: "/review", shown: (r) => can(r, "claim.review") },
  { key: "claims", label: "Claims", path: "/claims", shown: () => true },
  { key: "records", label: "Records", path: "/records", shown: () => true },
  { key: "conflicts", label: "Conflicts", path: "/conflicts", shown: () => true },
  { key: "agreement", label: "Agreement", path: "/agreement", shown: (r) => can(r, "agreement.view") },
  { key: "activity", label: "Activity", path: "/activity", shown: (r) => can(r, "activity.view") },
  { key: "releases", label: "Releases", path: "/releases", shown: () => true },
  { key: "settings", label: "Workflow", path: "/settings", shown: (r) => can(r, "project.workflow") },
];

export function ProjectNav({ projectId, role, current }: { projectId: string; role: Role; current: ProjectSection }) {
  const base = `/projects/${projectId}`;
  return (
    <nav aria-label="Project sections" className="project-nav">
      <ul>
        {SECTIONS.filter((s) => s.shown(role)).map((s) => (
          <li key={s.key}>
            <Link href={`${base}${s.path}`} aria-current={s.key === current ? "page" : undefined}>{s.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
