import { describe, expect, it } from "vitest";
import { canEditOkr, type OkrOwnership, type OkrViewer } from "./okr-permission.ts";

const admin: OkrViewer = { userId: "ada", role: "admin" };
const bob: OkrViewer = { userId: "bob", role: "member" };
const nobody: OkrOwnership = { ownerId: null, createdBy: null };

describe("canEditOkr", () => {
  it.each<[string, OkrViewer, OkrOwnership, OkrOwnership | undefined, boolean]>([
    ["an admin, someone else's OKR", admin, { ownerId: "cid", createdBy: "cid" }, undefined, true],
    ["an admin, an orphaned OKR", admin, nobody, undefined, true],
    ["a member who owns it", bob, { ownerId: "bob", createdBy: "cid" }, undefined, true],
    ["a member who created it", bob, { ownerId: "cid", createdBy: "bob" }, undefined, true],
    ["a member, someone else's", bob, { ownerId: "cid", createdBy: "cid" }, undefined, false],
    ["a member, an orphaned OKR", bob, nobody, undefined, false],
    [
      "a member owning the objective of the key result",
      bob,
      nobody,
      { ownerId: "bob", createdBy: null },
      true,
    ],
    ["a member who created the objective", bob, nobody, { ownerId: "cid", createdBy: "bob" }, true],
    ["a member, someone else's objective too", bob, nobody, { ownerId: "cid", createdBy: "cid" }, false],
  ])("%s → %s", (_name, viewer, item, parent, allowed) => {
    expect(canEditOkr(viewer, item, parent)).toBe(allowed);
  });
});
