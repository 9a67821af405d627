import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, can, canDeleteClaim, canEditClaim, claimChangePermission, type Permission, type Role } from "@/lib/auth/permissions";

/** The table, restated role by role: a change to who may do what must be a deliberate change here too. */
const EXPECTED: Record<Role, Permission[]> = {
  owner: Object.keys(PERMISSIONS) as Permission[],
  editor: ["project.view", "document.import", "document.editMetadata", "claim.create", "claim.editOwn", "claim.editAny", "claim.deleteOwn", "claim.deleteAny",
    "document.assign", "assignment.updateOwn", "claim.review", "claim.comment", "document.curate", "agreement.view", "import.annotations", "export.run", "release.publish", "activity.view",
    "claimType.defaults"],
  annotator: ["project.view", "document.import", "claim.create", "claim.editOwn", "claim.deleteOwn", "assignment.updateOwn", "claim.comment", "export.run"],
  viewer: ["project.view", "export.run"],
};

describe("permission table", () => {
  for (const role of ROLES) {
    it(`grants ${role} exactly its permissions`, () => {
      const granted = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
      expect(granted.sort()).toEqual([...EXPECTED[role]].sort());
    });
  }
  it("only owners manage members and claim types", () => {
    for (const role of ROLES) {
      expect(can(role, "member.manage")).toBe(role === "owner");
      expect(can(role, "claimType.manage")).toBe(role === "owner");
    }
  });
  it("every role can view, and permissions only shrink down the role order", () => {
    const order: Role[] = ["owner", "editor", "annotator", "viewer"];
    for (const p of Object.keys(PERMISSIONS) as Permission[]) {
      const flags = order.map((r) => can(r, p));
      // once false, never true again for a lesser role
      expect(flags.indexOf(false) === -1 || flags.slice(flags.indexOf(false)).every((f) => !f)).toBe(true);
    }
  });
});

describe("who may change a claim", () => {
  it("asks the author for the own permission and anyone else for the any permission", () => {
    expect(claimChangePermission("edit", "u1", "u1")).toBe("claim.editOwn");
    expect(claimChangePermission("edit", "u1", "u2")).toBe("claim.editAny");
    expect(claimChangePermission("delete", "u1", "u1")).toBe("claim.deleteOwn");
    expect(claimChangePermission("delete", "u1", "u2")).toBe("claim.deleteAny");
  });

  const OWN: Record<Role, boolean> = { owner: true, editor: true, annotator: true, viewer: false };
  const OTHERS: Record<Role, boolean> = { owner: true, editor: true, annotator: false, viewer: false };
  for (const role of ROLES) {
    it(`${role}: own claims ${OWN[role] ? "yes" : "no"}, others' ${OTHERS[role] ? "yes" : "no"}`, () => {
      expect(canEditClaim(role, "u1", "u1")).toBe(OWN[role]);
      expect(canEditClaim(role, "u1", "u2")).toBe(OTHERS[role]);
      expect(canDeleteClaim(role, "u1", "u1")).toBe(OWN[role]);
      expect(canDeleteClaim(role, "u1", "u2")).toBe(OTHERS[role]);
    });
  }

  it("does not let a viewer edit a claim they wrote before being made a viewer", () => {
    expect(canEditClaim("viewer", "u1", "u1")).toBe(false);
    expect(canDeleteClaim("viewer", "u1", "u1")).toBe(false);
  });
});
