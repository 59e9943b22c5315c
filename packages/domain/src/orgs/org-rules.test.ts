import { describe, expect, it } from "vitest";
import { wouldRemoveLastAdmin } from "./admin-invariant.ts";
import { canPerformOrgAction, type OrgAction, type OrgRole } from "./org-role.ts";

describe("canPerformOrgAction", () => {
  it.each<[OrgRole, OrgAction, boolean]>([
    ["admin", "org.read", true],
    ["admin", "members.manage", true],
    ["admin", "invites.manage", true],
    ["admin", "integrations.manage", true],
    ["member", "org.read", true],
    ["member", "members.read", true],
    ["member", "members.manage", false],
    ["member", "invites.manage", false],
    ["member", "integrations.manage", false],
  ])("%s may %s: %s", (role, action, expected) => {
    expect(canPerformOrgAction(role, action)).toBe(expected);
  });
});

describe("wouldRemoveLastAdmin", () => {
  it.each<[OrgRole[], OrgRole, OrgRole | null, boolean]>([
    [["admin"], "admin", "member", true],
    [["admin"], "admin", null, true],
    [["admin", "member"], "admin", null, true],
    [["admin", "admin"], "admin", "member", false],
    [["admin", "admin"], "admin", null, false],
    [["admin", "member"], "member", null, false],
    [["admin", "member"], "member", "admin", false],
    [["admin"], "admin", "admin", false],
  ])("roles %j, target %s → %s: %s", (currentRoles, targetRole, nextRole, expected) => {
    expect(wouldRemoveLastAdmin({ currentRoles, targetRole, nextRole })).toBe(expected);
  });
});
