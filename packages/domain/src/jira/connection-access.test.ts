import { describe, expect, it } from "vitest";
import type { OrgRole } from "../orgs/org-role.ts";
import {
  type ConnectionSharing,
  canManageJiraConnection,
  canUseJiraConnection,
} from "./connection-access.ts";

const PRIVATE: ConnectionSharing = { kind: "private" };
const ORG: ConnectionSharing = { kind: "org" };
const WITH_BOB: ConnectionSharing = { kind: "members", userIds: ["bob"] };
const WITH_NOBODY: ConnectionSharing = { kind: "members", userIds: [] };

describe("canUseJiraConnection / canManageJiraConnection", () => {
  it.each<[string, OrgRole, string | null, ConnectionSharing, boolean, boolean]>([
    // viewer, role, createdBy, sharing, can use, can manage
    ["ada", "member", "ada", PRIVATE, true, true],
    ["bob", "member", "ada", PRIVATE, false, false],
    ["boss", "admin", "ada", PRIVATE, true, true],
    ["bob", "member", "ada", ORG, true, false],
    ["cid", "member", "ada", ORG, true, false],
    ["bob", "member", "ada", WITH_BOB, true, false],
    ["cid", "member", "ada", WITH_BOB, false, false],
    ["ada", "member", "ada", WITH_NOBODY, true, true],
    ["bob", "member", "ada", WITH_NOBODY, false, false],
    ["boss", "admin", "ada", WITH_NOBODY, true, true],
    ["bob", "member", null, PRIVATE, false, false],
    ["bob", "member", null, ORG, true, false],
    ["boss", "admin", null, PRIVATE, true, true],
  ])(
    "%s (%s) on a connection by %s shared %o: use %s, manage %s",
    (userId, role, createdBy, sharing, use, manage) => {
      const viewer = { userId, role };
      const connection = { createdBy, sharing };
      expect(canUseJiraConnection(viewer, connection)).toBe(use);
      expect(canManageJiraConnection(viewer, connection)).toBe(manage);
    },
  );
});
