/**
 * The one permission table: which project role may do what. Every page, server action and route
 * handler names the permission it needs and goes through authorize() (lib/auth/authorize.ts).
 */
export const ROLES = ["owner", "editor", "annotator", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "project.view": ["owner", "editor", "annotator", "viewer"],
  "project.edit": ["owner"],
  "member.manage": ["owner"],
  "claimType.manage": ["owner"],
  // Field defaults of a claim type (Perpetrators = ISKP): the people who steer the annotation.
  "claimType.defaults": ["owner", "editor"],
  "document.import": ["owner", "editor", "annotator"],
  "document.editMetadata": ["owner", "editor"],
  "claim.create": ["owner", "editor", "annotator"],
  "claim.editOwn": ["owner", "editor", "annotator"],
  "claim.editAny": ["owner", "editor"],
  "claim.deleteOwn": ["owner", "editor", "annotator"],
  "claim.deleteAny": ["owner", "editor"],
  // Review workflow: settings, assignments, review decisions, comments, agreement, curation.
  "project.workflow": ["owner"],
  "document.assign": ["owner", "editor"],
  "assignment.updateOwn": ["owner", "editor", "annotator"],
  "claim.review": ["owner", "editor"],
  "claim.comment": ["owner", "editor", "annotator"],
  "document.curate": ["owner", "editor"],
  "agreement.view": ["owner", "editor"],
  // Imports of annotation files (as claims or as suggestions members accept or reject).
  "import.annotations": ["owner", "editor"],
  // Ad hoc exports of what the member can see (blind mode keeps an annotator to their own claims).
  "export.run": ["owner", "editor", "annotator", "viewer"],
  // Publishing an immutable release of the project's dataset.
  "release.publish": ["owner", "editor"],
  // A full backup holds every member's work and the project's history: the owner's alone.
  "project.backup": ["owner"],
  // The project's activity feed names every member's work (blind mode hides annotators' claims from
  // each other), so it is for those who see all claims anyway.
  "activity.view": ["owner", "editor"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/**
 * Who may change a claim: its author needs the "own" permission, anyone else the "any" one. The one
 * rule for the server (which passes the answer to authorize()) and the page (which shows or hides the
 * form), so the two cannot disagree.
 */
export function claimChangePermission(change: "edit" | "delete", userId: string, authorId: string): Permission {
  const own = userId === authorId;
  if (change === "edit") return own ? "claim.editOwn" : "claim.editAny";
  return own ? "claim.deleteOwn" : "claim.deleteAny";
}

export function canEditClaim(role: Role, userId: string, authorId: string): boolean {
  return can(role, claimChangePermission("edit", userId, authorId));
}

/** Deleting and restoring (the undo of a delete) follow one rule. */
export function canDeleteClaim(role: Role, userId: string, authorId: string): boolean {
  return can(role, claimChangePermission("delete", userId, authorId));
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  editor: "Editor",
  annotator: "Annotator",
  viewer: "Viewer",
};
